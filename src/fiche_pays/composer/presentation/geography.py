"""Données géographiques: area, capital and cities, languages, currency, national day."""

from __future__ import annotations

from ...model.presentation import City
from ...tree import Block
from ..context import fact, facts_block
from .context import Context
from .wording import currency, inhabitants, national_day, with_details


def city(place: City) -> str:
    """ "Astana (1 136 000 habitants)", "Savannakhet (126 000 habitants en 2015 ; source :
    X)": a city's population is worded exactly, as the pages give it."""
    population = place.population
    details = []
    if population:
        text = inhabitants(population, exact=True)
        details.append(f"{text} en {population.date.text()}" if population.date else text)
    if place.note:
        details.append(place.note)
    if population and population.source:
        details.append(f"source : {population.source}")
    return f"{place.name} ({' ; '.join(details)})" if details else place.name


def geography(ctx: Context) -> list[Block]:
    """The lines of "Données géographiques"."""
    geo = ctx.fiche.geography
    if geo is None:
        return []
    rows = []
    if geo.area:
        rows.append(ctx.figure_line("Superficie", geo.area))
    if geo.eez:
        rows.append(ctx.figure_line("Zone économique exclusive", geo.eez))
    if geo.capital:
        label = "Capitale officielle" if geo.capital.official else "Capitale"
        rows.append(fact(label, city(geo.capital)))
    if geo.cities:
        rows.append(fact("Villes principales", ", ".join(city(c) for c in geo.cities)))
    for languages, singular, plural in (
        (geo.official_languages, "Langue officielle", "Langues officielles"),
        (geo.spoken_languages, "Langue courante", "Langues courantes"),
    ):
        if languages:
            text = ", ".join(f"{x.name} ({x.note})" if x.note else x.name for x in languages)
            rows.append(fact(singular if len(languages) == 1 else plural, text))
    if geo.currency:
        name, details = currency(geo.currency)
        rows.append(fact("Monnaie", with_details(name, details, None)))
    if geo.national_day:
        rows.append(fact("Fête nationale", national_day(geo.national_day)))
    return facts_block(rows)
