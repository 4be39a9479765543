"""Éléments d'actualité: internal politics, foreign policy, economic situation, then the
country's own sections, each prose with its links (level-2 sections)."""

from __future__ import annotations

from ...french import typography
from ...model.presentation import TextSection
from ...tree import Section
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
    parts: list[tuple[str, str, TextSection | None]] = [
        (key, title, getattr(current, attribute))
        for (key, title), attribute in zip(
            TITLES.items(), ("domestic", "foreign", "economic"), strict=True
        )
    ]
    parts += [(extra.key, extra.title, extra) for extra in current.extra]
    return [
        Section(key, typography(title), 2, (*ctx.prose(part.text), *links(part.links)))
        for key, title, part in parts
        if part is not None
    ]
