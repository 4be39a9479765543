"""Données démographiques: population, density (derived), growth, life expectancy,
literacy, religions, ethnic groups, human development index."""

from __future__ import annotations

from ...tree import Block
from ..context import fact, facts_block
from .context import Context
from .wording import dated_label, density, life_expectancy, ranking, share


def demography(ctx: Context) -> list[Block]:
    """The lines of "Données démographiques"."""
    fiche = ctx.fiche
    demo = fiche.demography
    if demo is None:
        return []
    rows = []
    population = demo.population
    if population:
        details = []
        urban = demo.urban_share
        if urban:
            text = f"population urbaine : {share(urban)}"
            if urban.date and urban.date != population.date:
                text += f" en {urban.date.text()}"
            if urban.source and urban.source != population.source:
                text += f", source : {urban.source}"
            details.append(text)
        rows.append(ctx.figure_line("Population", population, details=details))
    derived = fiche.derived_density()
    if demo.density:
        rows.append(ctx.figure_line("Densité", demo.density))
    elif derived is not None:
        # Derived from the population and the area: dated by the population.
        rows.append(fact(dated_label("Densité", population), density(derived)))
    if demo.growth:
        rows.append(ctx.figure_line("Croissance démographique", demo.growth))
    if demo.life_expectancy:
        text, details = life_expectancy(demo.life_expectancy)
        rows.append(ctx.figure_line("Espérance de vie", demo.life_expectancy, text, details))
    if demo.literacy:
        rows.append(ctx.figure_line("Taux d'alphabétisation", demo.literacy))
    if demo.religions:
        religions = demo.religions
        single = len(religions.items) == 1 and not religions.items[0].parts
        rows += ctx.list_line("Religion" if single else "Religions", religions)
    rows += ctx.list_line("Groupes ethniques", demo.ethnic_groups)
    if demo.hdi:
        text, details = ranking(demo.hdi)
        rows.append(ctx.figure_line("Indice de développement humain", demo.hdi, text, details))
    return facts_block(rows)
