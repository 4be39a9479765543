"""Validated fiche -> document tree: all content and all wording, decided once.

One module per section of a fiche; :mod:`.relations` puts them in order, and the
:mod:`.presentation` package does the same for the "Présentation du pays" kind. The writers
never add, drop or reword anything: they only lay out the tree this package returns.
"""

from __future__ import annotations

from ..model.presentation import Presentation
from ..model.relations import Fiche
from ..theme.style import Wording
from ..tree import Document
from .accessibility import describe_tables
from .presentation import compose_presentation
from .relations import compose_relations
from .typeset import typeset_document


def compose(fiche: Fiche | Presentation, wording: Wording | None = None) -> Document:
    """Build the document tree of a validated fiche, of either kind, French typography
    applied to every string that reaches the page (see :mod:`.typeset`), with its tables
    described for assistive technology."""
    if isinstance(fiche, Presentation):
        document = compose_presentation(fiche, wording)
    else:
        document = compose_relations(fiche, wording)
    return describe_tables(typeset_document(document))
