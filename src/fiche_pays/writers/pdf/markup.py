"""Paragraph markup of the tree's runs, for ReportLab's paragraph parser, and the plain
text of runs that need none (their paragraphs are made from fragments directly, see
:mod:`.fragments`)."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ... import tree
from .styles import SUPERSCRIPT_RISE, SUPERSCRIPT_SIZE

_SUPER = f'<super rise="{SUPERSCRIPT_RISE:.0%}" size="{SUPERSCRIPT_SIZE:.0%}">'


def markup(runs: tree.Runs, link_color: str = "") -> str:
    """Paragraph markup for runs; every piece of text is escaped, never interpreted. A
    raised run (ordinal ending) becomes <super>."""
    parts = []
    for run in tree.merged(runs):  # provenance may split runs; the layout ignores it
        text = escape(run.text)
        if run.superscript:
            text = f"{_SUPER}{text}</super>"
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.href:
            text = f"<a href={quoteattr(run.href)} color={quoteattr(link_color)}><u>{text}</u></a>"
        parts.append(text)
    return "".join(parts)


def plain_text(runs: tree.Runs, merged: bool = False) -> str | None:
    """The text of runs without formatting or link, else None (``merged``: the runs are
    already :func:`tree.merged`)."""
    if len(runs) != 1:  # a single run is merged already
        runs = runs if merged else tree.merged(runs)
        if len(runs) != 1:
            return None
    run = runs[0]
    return None if run.bold or run.italic or run.superscript or run.href else run.text


def text_or_plain(runs: tree.Runs) -> tuple[str | None, str | None]:
    """(markup, None) for runs, or (None, text) for runs of plain text."""
    plain = plain_text(runs)
    return (None, plain) if plain is not None else (markup(runs), None)
