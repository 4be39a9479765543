"""Small helpers that turn worded strings into tree nodes, with French typography."""

from __future__ import annotations

import re

from ..french import typography
from ..tree import Block, BulletList, Fact, Facts, Paragraph, Run

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t\n]+")  # not str.split(): it would eat no-break spaces


def paragraphs(text: str) -> list[str]:
    """Split prose on blank lines; single line breaks inside a paragraph are spaces."""
    return [typography(_SPACES.sub(" ", p).strip()) for p in _BLANK_LINE.split(text) if p.strip()]


def paragraph(text: str) -> Paragraph:
    """A paragraph of one sentence or more, with French typography."""
    return Paragraph((Run(typography(text)),))


def fact(label: str, value: str) -> Fact:
    """A "Label : value" line from plain strings, with French typography."""
    return Fact(typography(label), (Run(typography(value)),))


def facts_block(rows: list[Fact]) -> list[Block]:
    """A Facts node of the rows, or nothing."""
    return [Facts(tuple(rows))] if rows else []


def bullets(lines: list[str]) -> list[Block]:
    """A bulleted list of the lines, or nothing."""
    return [BulletList(tuple((Run(typography(line)),) for line in lines))] if lines else []


def plural(adjective: str) -> str:
    """ "kazakhstanais" -> "kazakhstanais", "tongienne" -> "tongiennes"."""
    return adjective if adjective.endswith(("s", "x")) else adjective + "s"
