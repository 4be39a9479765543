"""What every section builder shares: the fiche, its worded names, the wording settings,
and the small helpers that turn strings into tree nodes with French typography."""

from __future__ import annotations

import re
from typing import Any

from ..french import typography
from ..theme.style import Wording
from ..tree import Block, Fact, Facts, Paragraph, Run
from . import references
from .provenance import Piece, split_runs, typeset


class Context:
    """What section builders share: the fiche, its names, the wording settings."""

    def __init__(self, fiche: Any, wording: Wording):
        self.fiche = fiche
        self.wording = wording
        self.names = references.Names(fiche, wording.units)

    def prose(self, text: str | None, path: tuple) -> tuple[list[Block], set[str]]:
        """Paragraphs of a desk officer's text (the field "texte" under ``path``),
        references resolved, and names used. Each run knows its source: a literal
        stretch its place in the text, a reference the data it words."""
        if not text:
            return [], set()
        pieces, used = references.resolve_pieces(
            text, self.names.worded_for_path(path), (*path, "texte")
        )
        blocks: list[Block] = []
        for paragraph in pieces:
            joined = "".join(piece for piece, _ in paragraph)
            rendered = typography(_SPACES.sub(" ", joined).strip())
            if rendered:
                blocks.append(Paragraph(split_runs(paragraph, joined, rendered)))
        return blocks, used


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


_SPACES = re.compile(r"[ \t\n]+")  # not str.split(): it would eat no-break spaces


def paragraphs(text: str) -> list[str]:
    """Split prose on blank lines; single line breaks inside a paragraph are spaces."""
    return [typography(_SPACES.sub(" ", p).strip()) for p in _BLANK_LINE.split(text) if p.strip()]


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
    return [Facts(tuple(rows))] if rows else []


def plural(adjective: str) -> str:
    return adjective if adjective.endswith(("s", "x")) else adjective + "s"
