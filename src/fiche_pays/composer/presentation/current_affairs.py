"""Éléments d'actualité: internal politics, foreign policy, economic situation, then the
country's own sections, each prose with its links (level-2 sections)."""

from __future__ import annotations

from ...french import typography
from ...model.presentation import TextSection
from ...tree import Section
from ..provenance import at, typeset
from .context import Context, links

TITLES = {
    "politique_interieure": "Politique intérieure",
    "politique_etrangere": "Politique étrangère",
    "situation_economique": "Situation économique",
}


def current_affairs(ctx: Context) -> list[Section]:
    """The level-2 sections of "Éléments d'actualité", in the pages' order."""
    current = ctx.fiche.current_affairs
    if current is None:
        return []
    base = ("elements_d_actualite",)
    parts: list[tuple[str, str, TextSection | None, tuple]] = [
        (key, title, getattr(current, attribute), (*base, key))
        for (key, title), attribute in zip(
            TITLES.items(), ("domestic", "foreign", "economic"), strict=True
        )
    ]
    parts += [
        (extra.key, extra.title, extra, (*base, "autres", index))
        for index, extra in enumerate(current.extra)
    ]
    sections = []
    for key, title, part, path in parts:
        if part is None:
            continue
        children = (*ctx.texts(part.text, path), *links(part.links, (*path, "liens")))
        # A section of the country's own has its title in the file.
        own = typeset([(title, at((*path, "titre")))]) if key not in TITLES else ()
        sections.append(Section(key, typography(title), 2, children, own))
    return sections
