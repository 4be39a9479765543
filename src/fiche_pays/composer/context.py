"""What every block builder shares: the fiche, its names, the wording settings, and the
desk officer's texts resolved once (each run with its source)."""

from __future__ import annotations

import re
from typing import Any

from ..french import typography
from ..model.types import DataPath
from ..theme.style import Wording
from ..tree import Block, Paragraph
from . import references
from .names import fiche_names
from .nodes import fact, facts_block, paragraphs, plural, sourced_fact
from .provenance import split_runs

__all__ = ["Context", "fact", "facts_block", "paragraphs", "plural", "sourced_fact"]


class Context:
    """What block builders share: the fiche, its names, the wording settings."""

    def __init__(self, fiche: Any, wording: Wording):
        self.fiche = fiche
        self.wording = wording
        self.units = wording.units
        self.names = fiche_names(fiche, wording.units)
        self._used: dict[DataPath, set[str]] = {}

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
            rendered = typography(_collapse(joined))
            if rendered:
                blocks.append(Paragraph(split_runs(paragraph, joined, rendered)))
        return blocks, used

    def cited(self, text: str, path: DataPath) -> set[str]:
        """The names the text at ``path`` + "texte" cites."""
        if path not in self._used:
            self._used[path] = references.resolve(text, self.names.for_path(path))[1]
        return self._used[path]

    def silenced(self, record_path: DataPath, used: set[str]) -> bool:
        """True when a text of the record's section cites the record: it is stated there,
        so it gets no generated line ("a fact is stated once")."""
        owner = self.names.owners.get(record_path)
        return owner is not None and references.cited(owner, used)


_SPACES = re.compile(r"[ \t\n]+")  # not str.split(): it would eat no-break spaces


def _collapse(text: str) -> str:
    """Spaces and single line breaks as one space, the paragraph trimmed."""
    return _SPACES.sub(" ", text).strip()
