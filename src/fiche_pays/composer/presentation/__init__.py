"""The "Présentation du pays" fiche: which parts, in which order, under which titles.

Sections in the order of the published pages: Données générales, géographiques,
démographiques, économiques, then Autres données, Composition du gouvernement, Présence
française, Éléments d'actualité (with its level-2 sections) and Informations
complémentaires. The pages' sub-heading « Présentation du pays » is dropped: it repeats
the document's kind. A section with nothing to say is left out.
"""

from __future__ import annotations

from collections.abc import Callable

from ...french import typography
from ...model.presentation import Presentation
from ...theme.style import Wording
from ...tree import Block, Document, Section
from ..meta import meta
from .context import Context, links
from .current_affairs import current_affairs
from .demography import demography
from .economy import economy
from .general import general
from .geography import geography
from .other import government, other_data
from .presence import presence

TITLES = {
    "donnees_generales": "Données générales",
    "donnees_geographiques": "Données géographiques",
    "donnees_demographiques": "Données démographiques",
    "donnees_economiques": "Données économiques",
    "autres_donnees": "Autres données",
    "gouvernement": "Composition du gouvernement",
    "presence_francaise": "Présence française",
    "elements_d_actualite": "Éléments d'actualité",
    "informations_complementaires": "Informations complémentaires",
}

Builder = Callable[[Context], list[Block] | list[Section]]

# The sections in reading order, each with the function that builds it.
BUILDERS: dict[str, Builder] = {
    "donnees_generales": general,
    "donnees_geographiques": geography,
    "donnees_demographiques": demography,
    "donnees_economiques": economy,
    "autres_donnees": other_data,
    "gouvernement": government,
    "presence_francaise": presence,
    "elements_d_actualite": current_affairs,
    "informations_complementaires": lambda ctx: links(
        ctx.fiche.links, ("informations_complementaires",)
    ),
}


def compose_presentation(fiche: Presentation, wording: Wording | None = None) -> Document:
    """Build the document tree of a validated "Présentation du pays" fiche."""
    wording = wording or Wording()
    ctx = Context(fiche, wording)
    sections = []
    for key, build in BUILDERS.items():
        children = build(ctx)
        if children:
            sections.append(Section(key, typography(TITLES[key]), 1, tuple(children)))
    # "Présentation du Kazakhstan", "de la Mongolie", "des Tonga": the page's own title.
    subject = f"Présentation {fiche.country.of_form}"
    return Document(meta(fiche, wording, subject), tuple(sections))
