"""The presentation's figure lines as pieces that know their fields, for ``fiche-pays
apply``: a reviewer who corrects « 1,37 % » or « (2021) » or « (FMI) » in Word corrects
``valeur``, ``date`` or ``source`` of that figure in the data file.

Each value is worded by :mod:`.wording` (so a line reads exactly as before) and then cut
at its numbers, each given its field: « 18,9 millions d'habitants » is the population's
``valeur`` read back in millions (form « echelle »), « environ » its ``approximation``.
Computed values (the density, a GDP per capita, a national day's date) are refused with
the fields they come from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...french import Units, ordinal
from ...french import number as french_number
from ...model.figures import (
    Area,
    Dated,
    Figure,
    LifeExpectancy,
    Population,
    Ranking,
    ShareItem,
    ShareList,
)
from ...model.presentation import City, Currency
from ...model.types import DataPath
from ...tree import Source
from ..provenance import Piece, at, computed
from . import wording

# A number as the wording writes it: sign, groups of three set off by a (narrow) no-break
# space, decimal comma.
_NUMBER = re.compile(
    r"[+\-\u2212]?\d{1,3}(?:[\u202f\u00a0]\d{3})+(?:,\d+)?|[+\-\u2212]?\d+(?:,\d+)?"
)
_SCALE = {"habitants": 1, "milliers": 1_000, "millions": 1_000_000}


def text_of(pieces: Sequence[Piece]) -> str:
    """The plain text of pieces."""
    return "".join(text for text, _ in pieces)


def numbers(text: str, sources: Sequence, approximation: DataPath | None = None) -> list[Piece]:
    """``text`` cut at its numbers, the n-th number with the n-th of ``sources`` (extra
    numbers are the fiche's wording); a leading approximation (« environ ») is the field
    at ``approximation``."""
    pieces: list[Piece] = []
    for word in ("environ", "près de", "plus de", "moins de"):
        if approximation is not None and text.startswith(word + " "):
            pieces += [(word, at(approximation)), (" ", None)]
            text = text[len(word) + 1 :]
            break
    position = 0
    for match, source in zip(_NUMBER.finditer(text), sources, strict=False):
        pieces += [(text[position : match.start()], None), (match.group(), source)]
        position = match.end()
    pieces.append((text[position:], None))
    return [(piece, source) for piece, source in pieces if piece]


def label(name: str, figure: Dated | None, path: DataPath | None) -> list[Piece]:
    """ "Population (2021)": the date is the figure's ``date``."""
    if figure is None or figure.date is None:
        return [(name, None)]
    date = at((*path, "date"), "date") if path is not None else None
    return [(f"{name} (", None), (figure.date.text(), date), (")", None)]


def computed_label(name: str, figure: Dated | None, note: str, path: DataPath) -> list[Piece]:
    """The label of a computed figure, dated by the figure it is computed from."""
    if figure is None or figure.date is None:
        return [(name, None)]
    return [(f"{name} (", None), (figure.date.text(), computed(note, path)), (")", None)]


def with_details(
    value: list[Piece], details: list[list[Piece]], source: str | None, path: DataPath | None
) -> list[Piece]:
    """The value, then its details and source in one pair of parentheses (the wording of
    :func:`.wording.with_details`)."""
    details = [d for d in details if d]
    if source:
        where = at((*path, "source")) if path is not None else None
        named = bool(details) or text_of(value).endswith(")")
        details.append([("source : ", None)] * named + [(source, where)])
    if not details:
        return value
    pieces = [*value, (" (", None)]
    for index, detail in enumerate(details):
        pieces += [(" ; ", None)] * bool(index) + detail
    return [*pieces, (")", None)]


def population_source(population: Population, path: DataPath, exact: bool = False) -> Source:
    """The source of a population's number: shown in millions for a number typed in
    inhabitants, it reads back multiplied (form « echelle »)."""
    typed = _SCALE[population.unit]
    in_millions = population.unit == "millions" or (population.persons >= 1_000_000 and not exact)
    factor = (1_000_000 if in_millions else 1) / typed
    if factor == 1:
        return at((*path, "valeur"), "nombre")
    return at((*path, "valeur"), "echelle", f"{factor:g}")


def value(figure: Figure, path: DataPath, units: Units) -> list[Piece]:
    """A figure's worded value, its number sourced."""
    text = wording.value(figure, units)
    if isinstance(figure, Population):
        return numbers(text, [population_source(figure, path)], (*path, "approximation"))
    if isinstance(figure, Area) and figure.islands:
        main, _, islands = text.partition(" répartis sur ")
        where = (*path, "iles")
        return [
            *numbers(main, [at((*path, "valeur"), "nombre")], (*path, "approximation")),
            (" répartis sur ", None),
            *numbers(islands, [at((*where, "nombre"), "nombre")], (*where, "approximation")),
        ]
    return numbers(text, [at((*path, "valeur"), "nombre")], (*path, "approximation"))


def earlier(figure: Figure, path: DataPath, units: Units) -> list[list[Piece]]:
    """ "7 500 USD en 2016", each earlier value with its fields."""
    details = []
    for index, old in enumerate(figure.earlier):
        where = (*path, "precedents", index)
        shown = wording.value(
            figure.model_copy(update={"value": old.value, "decimals": None}), units
        )
        pieces = numbers(shown, [at((*where, "valeur"), "nombre")])
        pieces += [(" en ", None), (old.date.text(), at((*where, "date"), "date"))]
        if old.source and old.source != figure.source:
            pieces += [(", source : ", None), (old.source, at((*where, "source")))]
        details.append(pieces)
    return details


def note(figure: Figure, path: DataPath) -> list[list[Piece]]:
    """The figure's ``remarque``, as a detail."""
    return [[(figure.note, at((*path, "remarque")))]] if figure.note else []


def life_expectancy(figure: LifeExpectancy, path: DataPath) -> list[list[Piece]]:
    """ "femmes : 77,3 ans", "hommes : 68,82 ans"."""
    _, texts = wording.life_expectancy(figure)
    keys = [k for k, v in (("femmes", figure.women), ("hommes", figure.men)) if v is not None]
    return [numbers(t, [at((*path, k), "nombre")]) for t, k in zip(texts, keys, strict=True)]


def rank(ranking: Ranking, path: DataPath) -> list[Piece]:
    """ "140e sur 189 pays", "99e rang mondial"."""
    pieces: list[Piece] = [(ordinal(ranking.rank), at((*path, "rang"), "rang"))]
    if ranking.out_of is None:
        return [*pieces, (" rang mondial", None)]
    out_of = french_number(ranking.out_of)
    return [*pieces, (" sur ", None), (out_of, at((*path, "sur"), "nombre")), (" pays", None)]


def ranking(figure: Ranking, path: DataPath) -> tuple[list[Piece], list[list[Piece]]]:
    """The value ("0,62") and the rank as a detail; a rank alone is the value."""
    if figure.value is None:
        return rank(figure, path), []
    shown = wording.number(figure.value)
    details = [rank(figure, path)] if figure.rank is not None else []
    return [(shown, at((*path, "valeur"), "nombre"))], details


def share_list(shares: ShareList, path: DataPath, units: Units) -> list[Piece]:
    """The items of a list of shares, each name and figure with its field."""
    pieces: list[Piece] = []
    for index, item in enumerate(shares.items):
        pieces += [(", ", None)] * bool(index) + _item(item, shares, (*path, "liste", index), units)
    return pieces


def _item_value(item: ShareItem, shares: ShareList, path: DataPath, units: Units) -> list[Piece]:
    text = wording.share_value(item, shares, units)
    keys = ["montant"] if item.share is None else ["part", "part_max"]
    return numbers(text, [at((*path, k), "nombre") for k in keys], (*path, "approximation"))


def _item(item: ShareItem, shares: ShareList, path: DataPath, units: Units) -> list[Piece]:
    # The wording of wording.share_item, piece by piece.
    figure = _item_value(item, shares, path, units)
    if item.parts:
        parts: list[Piece] = [("dont ", None)]
        for index, part in enumerate(item.parts):
            where = (*path, "dont", index)
            parts += [(", ", None)] * bool(index) + [(part.name, at((*where, "nom")))]
            value = _item_value(part, shares, where, units)
            parts += [(" ", None), *value] if value else []
            parts += [(f" ({part.note})", None)] if part.note else []
        figure = [*figure, (", ", None), *parts] if figure else parts
    details = [
        d for d in (figure, [(item.note, at((*path, "remarque")))] if item.note else []) if d
    ]
    name = [(item.name, at((*path, "nom")))]
    if not details:
        return name
    pieces = [*name, (" (", None)]
    for index, detail in enumerate(details):
        pieces += [(" ; ", None)] * bool(index) + detail
    return [*pieces, (")", None)]


def city(place: City, path: DataPath) -> list[Piece]:
    """ "Astana (1 136 000 habitants)", "Savannakhet (126 000 habitants en 2015 ; source :
    X)" (the wording of :func:`.geography.city`)."""
    population = place.population
    details: list[list[Piece]] = []
    where = (*path, "population")
    if population:
        text = wording.inhabitants(population, exact=True)
        detail = numbers(
            text, [population_source(population, where, True)], (*where, "approximation")
        )
        if population.date:
            detail += [(" en ", None), (population.date.text(), at((*where, "date"), "date"))]
        details.append(detail)
    if place.note:
        details.append([(place.note, at((*path, "remarque")))])
    if population and population.source:
        details.append([("source : ", None), (population.source, at((*where, "source")))])
    name = [(place.name, at((*path, "nom")))]
    if not details:
        return name
    pieces = [*name, (" (", None)]
    for index, detail in enumerate(details):
        pieces += [(" ; ", None)] * bool(index) + detail
    return [*pieces, (")", None)]


def currency(value: Currency, path: DataPath) -> list[Piece]:
    """ "Tengué (1 euro = 516 Tengués en avril 2021)", the rate's numbers and date sourced."""
    details: list[list[Piece]] = []
    if value.code:
        details.append([(value.code, at((*path, "code")))])
    rate = value.rate
    if rate is not None:
        where = (*path, "taux_de_change")
        text = wording.exchange_rate(value)
        order = ["euros", "monnaie"] if rate.euros == 1 else ["monnaie", "euros"]
        date_text = ""
        if rate.date:
            date_text = rate.date.text()
            text = text[: -len(date_text)]
        detail = numbers(text, [at((*where, key), "nombre") for key in order])
        if date_text:
            detail.append((date_text, at((*where, "date"), "date")))
        details.append(detail)
        if rate.source:
            details.append([("source : ", None), (rate.source, at((*where, "source")))])
    return with_details([(value.name, at((*path, "nom")))], details, None, None)
