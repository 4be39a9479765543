"""Validated fiche -> document tree: all content and all wording, decided once.

One module per section of a fiche; :mod:`.relations` puts them in order. The writers
never add, drop or reword anything: they only lay out the tree this package returns.
"""

from __future__ import annotations

from ..model.relations import Fiche
from ..theme.style import Wording
from ..tree import Document
from .relations import compose_relations


def compose(fiche: Fiche, wording: Wording | None = None) -> Document:
    """Build the document tree of a validated fiche."""
    return compose_relations(fiche, wording)
