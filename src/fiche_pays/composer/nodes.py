"""Small helpers that turn worded strings or pieces (text with its source) into tree
nodes, with French typography. They import no model: every module of the composer, the
presentation's too, may use them."""

from __future__ import annotations

import re

from ..french import typography
from ..tree import Block, BulletList, Fact, Facts, Paragraph, Run
from .provenance import Piece, typeset

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t\n]+")  # not str.split(): it would eat no-break spaces


def paragraphs(text: str) -> list[str]:
    """Split prose on blank lines; single line breaks inside a paragraph are spaces."""
    return [typography(_SPACES.sub(" ", p).strip()) for p in _BLANK_LINE.split(text) if p.strip()]


def paragraph(pieces: list[Piece] | str) -> Paragraph:
    """A paragraph from pieces (or a string of the fiche's own wording)."""
    if isinstance(pieces, str):
        return Paragraph((Run(typography(pieces)),))
    return Paragraph(typeset(pieces))


def fact(label: str, value: str) -> Fact:
    """A "Label : value" line from plain strings, with French typography."""
    return Fact(typography(label), (Run(typography(value)),))


def sourced_fact(label: list[Piece] | str, value: list[Piece]) -> Fact:
    """A "Label : value" line from pieces with their sources (a plain label is the
    fiche's own wording), with French typography."""
    if isinstance(label, str):
        return Fact(typography(label), typeset(value))
    label_runs = typeset(label)
    return Fact("".join(r.text for r in label_runs), typeset(value), label_runs)


def facts_block(rows: list[Fact]) -> list[Block]:
    """A Facts node of the rows, or nothing."""
    return [Facts(tuple(rows))] if rows else []


def bullet(pieces: list[Piece]) -> BulletList:
    """A list of one item, from pieces (consecutive lists are merged by the caller)."""
    return BulletList((typeset(pieces),))


def joined(items: list[list[Piece]], last: str = " et ") -> list[Piece]:
    """Pieces of items joined French-style: "a, b et c"."""
    result: list[Piece] = []
    for index, item in enumerate(items):
        if index:
            result.append((last if index == len(items) - 1 else ", ", None))
        result += item
    return result


def plural(adjective: str) -> str:
    """ "kazakhstanais" -> "kazakhstanais", "tongienne" -> "tongiennes"."""
    return adjective if adjective.endswith(("s", "x")) else adjective + "s"
