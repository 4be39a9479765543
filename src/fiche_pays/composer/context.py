"""What every block builder shares: the fiche, its names, the wording settings, and the
desk officer's texts resolved once."""

from __future__ import annotations

from typing import Any

from ..model.types import DataPath
from ..theme.style import Wording
from ..tree import Paragraph, Run
from . import references
from .names import FicheNames
from .nodes import paragraphs


class Context:
    """What block builders share: the fiche, its names, the wording settings."""

    def __init__(self, fiche: Any, wording: Wording):
        self.fiche = fiche
        self.wording = wording
        self.units = wording.units
        self.names = FicheNames(fiche, wording.units)
        self._resolved: dict[DataPath, tuple[str, set[str]]] = {}

    def resolve(self, text: str, path: DataPath) -> tuple[str, set[str]]:
        """A text at ``path`` (its "texte" key) with its references worded, and the names
        it used."""
        if path not in self._resolved:
            self._resolved[path] = references.resolve(text, self.names.for_path(path[:-1]))
        return self._resolved[path]

    def prose(self, text: str | None, path: DataPath) -> tuple[list[Paragraph], set[str]]:
        """Paragraphs of a desk officer's text, references resolved, and names used."""
        if not text:
            return [], set()
        resolved, used = self.resolve(text, path)
        return [Paragraph((Run(p),)) for p in paragraphs(resolved)], used

    def silenced(self, record_path: DataPath, used: set[str]) -> bool:
        """True when a text of the record's section cites the record: it is stated there,
        so it gets no generated line ("a fact is stated once")."""
        owner = self.names.owners.get(record_path)
        return owner is not None and references.cited(owner, used)
