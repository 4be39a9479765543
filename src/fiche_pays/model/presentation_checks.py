"""Cross-field checks of a "Présentation du pays" fiche.

Each check yields a :class:`~fiche_pays.model.checks.Finding` at a data path in the file's
own keys, so that loading can attach the line. Three kinds of check:

- derived facts against typed ones (density, GDP per capita, a trade total), with the
  precision each value was typed with and a 3 % slack for figures of another source;
- plausibility, which catches unit slips ("18 917 200 millions d'habitants"): a value
  a million times off lands outside any country's range;
- shares over 100 %, ranks beyond their "out of", dates after the update date.

Freshness (figures too old for the update date, figures without a date) is reported
apart, by :mod:`.freshness`, since its limit is a setting of ``status``, ``build`` and
``validate``.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from .. import french
from ..partialdate import PartialDate
from .checks import DataPath, Finding
from .figures import Dated, Earlier, Money, Population, ShareItem, ShareList, typed_decimals
from .presentation import SECTION_KEYS, Presentation

# Figures of another year or source than the ones a value derives from may differ by this.
SLACK = 0.03
# Beyond these, a figure is off by a unit (habitants/millions, M/Md), not by an estimate.
DENSITY_RANGE = (0.1, 30_000.0)  # inhabitants per km²: Mongolia 2, Monaco 19 000
MAX_POPULATION = 2e9  # the most populous country has about 1.45 billion
MAX_CITY = 50e6  # the largest metropolis has under 40 million
PER_CAPITA_RANGE = (100.0, 300_000.0)  # GDP per capita in USD or EUR
MAX_TRADE_SHARE_OF_GDP = 0.5  # French exports to, or imports from, one country
COMPARABLE_CURRENCIES = {"USD", "EUR", "CHF", "GBP"}  # close enough for a plausibility bound


def check(fiche: Presentation) -> list[Finding]:
    """All cross-field problems of a validated presentation fiche."""
    findings: list[Finding] = []
    for checker in (
        _dates,
        _population,
        _density,
        _cities,
        _per_capita,
        _france_trade,
        _life_expectancy,
        _shares,
        _ranks,
        _sections,
    ):
        findings.extend(checker(fiche))
    return findings


# --- wording of values inside messages ----------------------------------------------------


def _number(value: float, decimals: int | None = None) -> str:
    return french.number(value, typed_decimals(value) if decimals is None else decimals)


def _inhabitants(population: Population) -> str:
    unit = {"habitants": "habitants", "milliers": "milliers d'habitants"}.get(population.unit)
    if unit is None:
        unit = "million d'habitants" if population.value < 2 else "millions d'habitants"
    return f"{_number(population.value, population.decimals)} {unit}"


def _money(money: Money) -> str:
    return f"{_number(money.value)} {money.unit} {money.currency}"


def _sensible(value: float) -> str:
    """A derived value with the decimals a reader needs: 6,9 ; 102 ; 0,8174."""
    if value >= 100:
        return french.number(value)
    if value >= 1:
        return french.number(value, 1)
    if value >= 0.0001:
        return french.number(value, 4)
    return "moins de 0,0001"


# --- generic walks over the model ---------------------------------------------------------


def walk(model: BaseModel, path: DataPath = ()) -> Iterator[tuple[DataPath, BaseModel]]:
    """Every sub-model of ``model`` with its path in the file's keys, itself first."""
    yield path, model
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        key = info.alias or name
        if isinstance(value, BaseModel):
            yield from walk(value, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from walk(item, (*path, key, index))


def _dates_of(model: BaseModel) -> Iterator[tuple[str, PartialDate]]:
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, PartialDate):
            yield info.alias or name, value


# --- the checks -----------------------------------------------------------------------------


def _dates(fiche: Presentation) -> Iterator[Finding]:
    updated = fiche.document.updated
    for path, model in walk(fiche):
        if path == ("document",):
            continue
        for key, date in _dates_of(model):
            if date.first_day > updated.last_day:
                what = (
                    f"chiffre de {date.text()}, postérieur"
                    if isinstance(model, Dated | Earlier)
                    else f"date ({date.text()}) postérieure"
                )
                yield Finding(
                    (*path, key),
                    f"{what} à la mise à jour de la fiche ({updated.text()}) : corrigez la"
                    " date, ou avancez la mise à jour",
                )


def _population(fiche: Presentation) -> Iterator[Finding]:
    population = fiche.population
    if population is None or population.persons <= MAX_POPULATION:
        return
    hint = (
        f" ; le nombre est-il en habitants ? retirez alors « unite: {population.unit} »"
        if population.unit != "habitants"
        else ""
    )
    yield Finding(
        ("donnees_demographiques", "population", "valeur"),
        f"{_inhabitants(population)} : plus que la population de tout pays (le plus peuplé "
        f"compte environ 1 450 millions d'habitants){hint}",
    )


def _density(fiche: Presentation) -> Iterator[Finding]:
    population, area = fiche.population, fiche.area
    derived = fiche.derived_density()
    if population is None or area is None or derived is None:
        return
    path = ("donnees_demographiques", "population", "valeur")
    low, high = DENSITY_RANGE
    if population.persons > MAX_POPULATION:
        return  # already said by _population
    if not low <= derived <= high:
        if derived > high and population.unit != "habitants":
            hint = f" ; le nombre est-il en habitants ? retirez alors « unite: {population.unit} »"
        elif derived < low and population.unit == "habitants":
            hint = " ; le nombre est-il en millions ? ajoutez alors « unite: millions »"
        else:
            hint = " ; vérifiez l'unité de la population et la superficie (en km²)"
        yield Finding(
            path,
            f"{_inhabitants(population)} sur {_number(area.value)} km², soit "
            f"{_sensible(derived)} habitants par km² : invraisemblable (de "
            f"{_number(low)} à {_number(high)} dans tous les pays){hint}",
        )
        return
    stated = fiche.demography.density if fiche.demography else None
    if stated is None:
        return
    pop_low, pop_high = population.persons_bounds()
    derived_low, derived_high = pop_low / (area.value + 0.5), pop_high / (area.value - 0.5)
    if not _overlap(_bounds(stated.value), (derived_low, derived_high)):
        yield Finding(
            ("donnees_demographiques", "densite", "valeur"),
            f"densité indiquée : {_number(stated.value)} hab./km², mais population / superficie"
            f" = {_inhabitants(population)} / {_number(area.value)} km² = "
            f"{_sensible(derived)} hab./km² ; corrigez l'une des valeurs, ou retirez "
            "« densite », qui est alors calculée",
        )


def _bounds(value: float) -> tuple[float, float]:
    half = 0.5 * 10 ** -typed_decimals(value)
    return value - half, value + half


def _overlap(stated: tuple[float, float], derived: tuple[float, float]) -> bool:
    """True when a typed value may be the derived one, give or take :data:`SLACK`."""
    return stated[1] >= derived[0] * (1 - SLACK) and stated[0] <= derived[1] * (1 + SLACK)


def _cities(fiche: Presentation) -> Iterator[Finding]:
    geography = fiche.geography
    if geography is None:
        return
    country = fiche.population
    base = ("donnees_geographiques",)
    cities = [((*base, "capitale"), geography.capital)] if geography.capital else []
    cities += [((*base, "villes_principales", i), c) for i, c in enumerate(geography.cities)]
    for path, city in cities:
        population = city.population
        if population is None:
            continue
        hint = (
            f" ; le nombre est-il en habitants ? retirez alors « unite: {population.unit} »"
            if population.unit != "habitants"
            else " ; vérifiez le nombre"
        )
        if country is not None and population.persons > country.persons:
            yield Finding(
                (*path, "population", "valeur"),
                f"{city.name} : {_inhabitants(population)}, plus que le pays entier "
                f"({_inhabitants(country)}){hint}",
            )
        elif population.persons > MAX_CITY:
            yield Finding(
                (*path, "population", "valeur"),
                f"{city.name} : {_inhabitants(population)}, plus qu'aucune ville au monde"
                f" (la plus grande agglomération compte moins de 40 millions d'habitants){hint}",
            )


def _per_capita(fiche: Presentation) -> Iterator[Finding]:
    economy = fiche.economy
    if economy is None:
        return
    base = ("donnees_economiques",)
    gdp, stated, population = economy.gdp, economy.gdp_per_capita, fiche.population
    low, high = PER_CAPITA_RANGE
    if (
        stated is not None
        and stated.currency in COMPARABLE_CURRENCIES
        and not low / 2 <= stated.value <= high * 2
    ):
        yield Finding(
            (*base, "pib_par_habitant", "valeur"),
            f"PIB par habitant de {_number(stated.value)} {stated.currency} : invraisemblable"
            f" (de {_number(low)} à {_number(high)} {stated.currency} dans tous les pays) ;"
            " vérifiez le nombre",
        )
        return
    derived = fiche.derived_gdp_per_capita()
    if derived is None or gdp is None or population is None:
        return
    if gdp.currency in COMPARABLE_CURRENCIES and not low <= derived <= high:
        yield Finding(
            (*base, "pib", "valeur"),
            f"PIB de {_money(gdp)} pour {_inhabitants(population)}, soit "
            f"{_sensible(derived)} {gdp.currency} par habitant : invraisemblable (de "
            f"{_number(low)} à {_number(high)} {gdp.currency} dans tous les pays) ; vérifiez "
            "l'unité du PIB (M ou Md) et celle de la population",
        )
        return
    if stated is None or stated.currency != gdp.currency:
        return
    if stated.date is not None and gdp.date is not None and stated.date.year != gdp.date.year:
        return  # another year: nothing to compare with
    gdp_low, gdp_high = gdp.units_bounds()
    pop_low, pop_high = population.persons_bounds()
    if not _overlap(_bounds(stated.value), (gdp_low / pop_high, gdp_high / pop_low)):
        ratio = max(stated.value / derived, derived / stated.value)
        slip = " (un écart d'unité ?)" if ratio >= 100 else ""
        yield Finding(
            (*base, "pib_par_habitant", "valeur"),
            f"PIB par habitant indiqué : {_number(stated.value)} {stated.currency}, mais PIB /"
            f" population = {_money(gdp)} / {_inhabitants(population)} = "
            f"{_sensible(derived)} {gdp.currency}{slip} ; corrigez l'une des valeurs, ou "
            "retirez « pib_par_habitant », qui est alors calculé",
        )


def _france_trade(fiche: Presentation) -> Iterator[Finding]:
    economy = fiche.economy
    trade = economy.france if economy else None
    if trade is None:
        return
    base = ("donnees_economiques", "echanges_avec_la_france")
    gdp = economy.gdp
    for key, flow, what in (
        ("exportations", trade.exports, "exportations de la France"),
        ("importations", trade.imports, "importations de la France"),
    ):
        if flow is None or gdp is None or gdp.units == 0:
            continue
        if {flow.currency, gdp.currency} <= COMPARABLE_CURRENCIES:
            share = flow.units / gdp.units
            if share > MAX_TRADE_SHARE_OF_GDP:
                yield Finding(
                    (*base, key, "valeur"),
                    f"{what} : {_money(flow)}, soit {french.number(share * 100)} % du PIB du "
                    f"pays ({_money(gdp)}) : invraisemblable ; vérifiez l'unité (M ou Md) et "
                    "la virgule décimale",
                )
    if trade.total and trade.exports and trade.imports:
        dates = {f.date for f in (trade.total, trade.exports, trade.imports)}
        units = {(f.unit, f.currency) for f in (trade.total, trade.exports, trade.imports)}
        if len(dates) == 1 and len(units) == 1:
            derived = trade.exports.value + trade.imports.value
            if not _overlap(_bounds(trade.total.value), (derived, derived)):
                yield Finding(
                    (*base, "total", "valeur"),
                    f"total indiqué : {_money(trade.total)}, mais exportations + importations = "
                    f"{_number(derived, 2).rstrip('0').rstrip(',')} {trade.total.unit} "
                    f"{trade.total.currency} ; corrigez l'une des valeurs",
                )


def _life_expectancy(fiche: Presentation) -> Iterator[Finding]:
    life = fiche.demography.life_expectancy if fiche.demography else None
    if life is None or life.women is None or life.men is None:
        return
    low, high = sorted((life.women, life.men))
    if not low - 0.05 <= life.value <= high + 0.05:
        yield Finding(
            ("donnees_demographiques", "esperance_de_vie", "valeur"),
            f"espérance de vie de {_number(life.value)} ans hors de l'intervalle des femmes et "
            f"des hommes ({_number(low)} à {_number(high)} ans), alors qu'elle est leur moyenne",
        )


_SHARE_LISTS = (
    (("donnees_demographiques", "religions"), "religions"),
    (("donnees_demographiques", "groupes_ethniques"), "groupes ethniques"),
    (("donnees_economiques", "principaux_clients"), "principaux clients"),
    (("donnees_economiques", "principaux_fournisseurs"), "principaux fournisseurs"),
    (("donnees_economiques", "secteurs"), "secteurs d'activité"),
)


def _shares(fiche: Presentation) -> Iterator[Finding]:
    for path, what in _SHARE_LISTS:
        section = getattr(fiche, _SECTION_ATTR[path[0]])
        shares: ShareList | None = (
            getattr(section, _LIST_ATTR[path[1]]) if section is not None else None
        )
        if shares is None:
            continue
        yield from _sum_at_most(shares.items, 100.0, (*path, "liste"), what, "100 %")
        for index, item in enumerate(shares.items):
            yield from _parts(item, (*path, "liste", index))


_SECTION_ATTR = {"donnees_demographiques": "demography", "donnees_economiques": "economy"}
_LIST_ATTR = {
    "religions": "religions",
    "groupes_ethniques": "ethnic_groups",
    "principaux_clients": "clients",
    "principaux_fournisseurs": "suppliers",
    "secteurs": "sectors",
}


def _sum_at_most(
    items: list[ShareItem], limit: float, path: DataPath, what: str, limit_text: str
) -> Iterator[Finding]:
    typed = [item.share for item in items if item.share is not None]
    if not typed:
        return
    total = sum(typed)
    rounding = sum(0.5 * 10 ** -typed_decimals(share) for share in typed)
    if total > limit + rounding + 1e-9:
        terms = " + ".join(_number(share) for share in typed)
        yield Finding(
            path,
            f"{what} : les parts font {_number(total, max(map(typed_decimals, typed)))} % "
            f"({terms}), plus que {limit_text}",
        )


def _parts(item: ShareItem, path: DataPath) -> Iterator[Finding]:
    if not item.parts:
        return
    if item.share is not None:
        yield from _sum_at_most(
            item.parts,
            item.share,
            (*path, "dont"),
            f"{item.name}, dont",
            f"les {_number(item.share)} % de « {item.name} »",
        )
    for index, part in enumerate(item.parts):
        yield from _parts(part, (*path, "dont", index))


def _ranks(fiche: Presentation) -> Iterator[Finding]:
    for path, model in walk(fiche):
        rank, out_of = getattr(model, "rank", None), getattr(model, "out_of", None)
        if isinstance(rank, int) and isinstance(out_of, int) and rank > out_of:
            yield Finding(
                (*path, "rang"),
                f"rang {french.ordinal(rank)} sur {out_of} : un rang ne peut pas dépasser le"
                " nombre de pays classés",
            )


def _sections(fiche: Presentation) -> Iterator[Finding]:
    current = fiche.current_affairs
    if current is None:
        return
    seen = {*SECTION_KEYS, "politique_interieure", "politique_etrangere", "situation_economique"}
    for index, section in enumerate(current.extra):
        if section.key in seen:
            yield Finding(
                ("elements_d_actualite", "autres", index, "cle"),
                f"identifiant de section « {section.key} » déjà utilisé",
            )
        seen.add(section.key)
