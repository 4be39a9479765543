"""Données géographiques: area, capital and cities, languages, currency, national day."""

from __future__ import annotations

from ...model.presentation import City
from ...tree import Block
from ..context import facts_block, sourced_fact
from ..provenance import Piece, at, computed
from . import sourcing
from .context import Context
from .wording import national_day

BASE = ("donnees_geographiques",)


def city(place: City) -> str:
    """ "Astana (1 136 000 habitants)", "Savannakhet (126 000 habitants en 2015 ; source :
    X)": a city's population is worded exactly, as the pages give it."""
    return sourcing.text_of(sourcing.city(place, ()))


def geography(ctx: Context) -> list[Block]:
    """The lines of "Données géographiques"."""
    geo = ctx.fiche.geography
    if geo is None:
        return []
    rows = []
    if geo.area:
        rows.append(ctx.figure_line("Superficie", geo.area, (*BASE, "superficie")))
    if geo.eez:
        rows.append(ctx.figure_line("Zone économique exclusive", geo.eez, (*BASE, "zee")))
    if geo.capital:
        label = "Capitale officielle" if geo.capital.official else "Capitale"
        rows.append(sourced_fact(label, sourcing.city(geo.capital, (*BASE, "capitale"))))
    if geo.cities:
        pieces: list[Piece] = []
        for index, place in enumerate(geo.cities):
            where = (*BASE, "villes_principales", index)
            pieces += [(", ", None)] * bool(index) + sourcing.city(place, where)
        rows.append(sourced_fact("Villes principales", pieces))
    for languages, key, singular, plural in (
        (geo.official_languages, "langues_officielles", "Langue officielle", "Langues officielles"),
        (geo.spoken_languages, "langues_courantes", "Langue courante", "Langues courantes"),
    ):
        if languages:
            pieces = []
            for index, language in enumerate(languages):
                where = (*BASE, key, index)
                pieces += [(", ", None)] * bool(index) + [(language.name, at((*where, "nom")))]
                if language.note:
                    pieces += [(" (", None), (language.note, at((*where, "remarque"))), (")", None)]
            rows.append(sourced_fact(singular if len(languages) == 1 else plural, pieces))
    if geo.currency:
        rows.append(sourced_fact("Monnaie", sourcing.currency(geo.currency, (*BASE, "monnaie"))))
    if geo.national_day:
        day = geo.national_day
        where = (*BASE, "fete_nationale")
        shown = national_day(day)
        occasion = f" ({day.occasion})" if day.occasion else ""
        date = shown[: len(shown) - len(occasion)]
        keys = ["jour", "mois"] + ["jour_fin"] * (day.last_day is not None)
        note = "date écrite par fiche-pays : modifiez jour, mois (et jour_fin) dans la fiche"
        pieces = [(date, computed(note, *[(*where, k) for k in keys]))]
        if day.occasion:
            pieces += [(" (", None), (day.occasion, at((*where, "objet"))), (")", None)]
        rows.append(sourced_fact("Fête nationale", pieces))
    return facts_block(rows)
