"""Données démographiques: population, density (derived), growth, life expectancy,
literacy, religions, ethnic groups, human development index."""

from __future__ import annotations

from ...tree import Block
from ..context import facts_block, sourced_fact
from ..provenance import Piece, at, computed
from . import sourcing
from .context import Context
from .wording import density, share

BASE = ("donnees_demographiques",)
DENSITY_NOTE = "la densité est calculée : modifiez la population ou la superficie"


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
            where = (*BASE, "population_urbaine")
            text = f"population urbaine : {share(urban)}"
            detail = sourcing.numbers(text, [at((*where, "valeur"), "nombre")])
            if urban.date and urban.date != population.date:
                detail += [(" en ", None), (urban.date.text(), at((*where, "date"), "date"))]
            if urban.source and urban.source != population.source:
                detail += [(", source : ", None), (urban.source, at((*where, "source")))]
            details.append(detail)
        rows.append(ctx.figure_line("Population", population, (*BASE, "population"), None, details))
    derived = fiche.derived_density()
    if demo.density:
        rows.append(ctx.figure_line("Densité", demo.density, (*BASE, "densite")))
    elif derived is not None:
        # Derived from the population and the area: dated by the population.
        inputs = (
            (*BASE, "population", "valeur"),
            ("donnees_geographiques", "superficie", "valeur"),
        )
        value: list[Piece] = [(density(derived), computed(DENSITY_NOTE, *inputs))]
        label = sourcing.computed_label(
            "Densité",
            population,
            "la densité a l'année de la population : modifiez la date de la population",
            (*BASE, "population", "date"),
        )
        rows.append(sourced_fact(label, value))
    for label, figure, key in (
        ("Croissance démographique", demo.growth, "croissance_demographique"),
        ("Espérance de vie", demo.life_expectancy, "esperance_de_vie"),
        ("Taux d'alphabétisation", demo.literacy, "alphabetisation"),
    ):
        if figure is None:
            continue
        path = (*BASE, key)
        details = sourcing.life_expectancy(figure, path) if key == "esperance_de_vie" else []
        rows.append(ctx.figure_line(label, figure, path, None, details))
    if demo.religions:
        religions = demo.religions
        single = len(religions.items) == 1 and not religions.items[0].parts
        label = "Religion" if single else "Religions"
        rows += ctx.list_line(label, religions, (*BASE, "religions"))
    rows += ctx.list_line("Groupes ethniques", demo.ethnic_groups, (*BASE, "groupes_ethniques"))
    if demo.hdi:
        path = (*BASE, "idh")
        value, details = sourcing.ranking(demo.hdi, path)
        rows.append(
            ctx.figure_line("Indice de développement humain", demo.hdi, path, value, details)
        )
    return facts_block(rows)
