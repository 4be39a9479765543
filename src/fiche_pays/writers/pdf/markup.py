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
    for run in merged(runs):
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


def merged(runs: tree.Runs) -> tree.Runs:
    """:func:`tree.merged`: provenance may split runs, the layout ignores it. A single run
    is laid out as it is (its source, which merging drops, is never read here): most
    runs are single, and making a copy of each cost ~1 % of the PDF time."""
    return runs if len(runs) == 1 else tree.merged(runs)


def plain_text(runs: tree.Runs) -> str | None:
    """The text of runs without formatting or link, else None: the text of the
    :func:`tree.merged` runs when they merge into one plain run (all runs formatted
    alike, and not at all), without making the merged run."""
    if not runs:
        return None
    first = runs[0]
    if first.bold or first.italic or first.superscript or first.href:
        return None
    if len(runs) == 1:
        return first.text
    look = (first.bold, first.italic, first.href, first.superscript)
    if any((run.bold, run.italic, run.href, run.superscript) != look for run in runs):
        return None
    return "".join(run.text for run in runs)


def text_or_plain(runs: tree.Runs) -> tuple[str | None, str | None]:
    """(markup, None) for runs, or (None, text) for runs of plain text."""
    plain = plain_text(runs)
    return (None, plain) if plain is not None else (markup(runs), None)
