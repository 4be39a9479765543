"""Prose that refers to data: "{solde}" in a desk officer's text becomes "-983 M EUR".

The template language is deliberately tiny and sandboxed: a reference is a dotted name
looked up in a flat table of already-worded strings built from the validated fiche.
There are no expressions, no attribute access and no code: a name is either in the
table or an error.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from .. import french
from ..french import Units
from ..model.checks import DataPath, Finding, prose_fields
from ..model.cooperation import Institute
from ..model.economy import EconomicRelations, TradeYear, change
from ..model.relations import Fiche
from ..partialdate import PartialDate

T = TypeVar("T")

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")
_NAME = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")


@dataclass(frozen=True, slots=True)
class ReferenceProblem:
    """A bad reference in a text, at a character offset."""

    offset: int
    message: str


class Names:
    """The worded values a text may refer to: global names plus its section's own."""

    def __init__(self, fiche: Fiche, units: Units | None = None):
        self.units = units or Units()
        self.scopes: dict[DataPath, dict[str, str]] = {}
        self.global_names: dict[str, str] = {}
        self._build(fiche)

    def for_path(self, path: DataPath) -> dict[str, str]:
        """Names visible from a text at ``path``: its nearest scope over global ones."""
        names = dict(self.global_names)
        for length in range(1, len(path) + 1):
            names.update(self.scopes.get(path[:length], {}))
        return names

    def _scope(self, path: DataPath, names: dict[str, str], prefix: str | None = None) -> None:
        self.scopes[path] = names
        if prefix:
            self.global_names.update({f"{prefix}.{k}": v for k, v in names.items()})

    def _build(self, fiche: Fiche) -> None:
        c = fiche.country
        country = {
            "nom": c.name,
            "code": c.code,
            "au": c.in_form,
            "du": c.of_form,
            "le": c.the_form,
            "adjectif": c.adjective,
        }
        if c.adjective_feminine:
            country["adjectif_feminin"] = c.adjective_feminine
        self.global_names.update({f"pays.{k}": v for k, v in country.items()})
        self.global_names.update(_dated("document.mise_a_jour", fiche.document.updated))
        if fiche.political:
            self._scope(("relations_politiques",), _political(fiche), "relations_politiques")
        if fiche.economy:
            self._scope(
                ("relations_economiques",),
                economy_names(fiche.economy, self.units),
                "relations_economiques",
            )
        if fiche.cooperation:
            for index, institute in enumerate(fiche.cooperation.institutes):
                self._scope(("cooperation", "instituts", index), _institute(institute))


def _dated(name: str, date: PartialDate | None) -> dict[str, str]:
    if date is None:
        return {}
    return {name: date.text(), f"{name}.quand": date.when()}


def _political(fiche: Fiche) -> dict[str, str]:
    political = fiche.political
    names = _dated("relations_diplomatiques", political.diplomatic_relations)
    for agreement in political.agreements:
        if agreement.key is None:
            continue
        base = f"accords.{agreement.key}"
        names[f"{base}.titre"] = agreement.title
        names.update(_dated(f"{base}.signature", agreement.signed))
        names.update(_dated(f"{base}.entree_en_vigueur", agreement.in_force))
        for attribute, value in (("occasion", agreement.occasion), ("lieu", agreement.place)):
            if value:
                names[f"{base}.{attribute}"] = value
    return names


def _institute(institute: Institute) -> dict[str, str]:
    names = {"nom": institute.name}
    if institute.acronym:
        names["sigle"] = institute.acronym
    names.update(_dated("date", institute.date))
    if institute.students is not None:
        names["etudiants"] = f"{french.number(institute.students)} étudiants"
        names["etudiants.nombre"] = french.number(institute.students)
    if institute.students_year:
        names["annee_etudiants"] = institute.students_year
    return names


def economy_names(economy: EconomicRelations, units: Units) -> dict[str, str]:
    """Worded economic figures: latest year, previous year, changes, shares, ranks."""
    latest, previous = economy.latest, economy.previous
    if latest is None:
        return _product_names(economy, units, None)
    cur = economy.currency
    names: dict[str, str] = {"annee": str(latest.year), "devise": units.currency_label(cur)}
    if economy.source:
        names["source"] = economy.source
    if previous:
        names["annee_precedente"] = str(previous.year)
    series = {
        "exportations": lambda t: t.exports,
        "importations": lambda t: t.imports,
        "solde": lambda t: t.balance,
        "echanges": lambda t: t.total,
        "stock_investissements": lambda t: t.fdi_stock,
    }
    for name, get in series.items():
        names.update(
            _series(
                name,
                get,
                economy,
                lambda v: french.amount(v, cur, units),
                with_change=name != "solde",
            )
        )
    names.update(
        _series("part_de_marche", lambda t: t.market_share, economy, lambda v: french.percent(v))
    )
    for name, get in (("entreprises_francaises", lambda t: t.firms), ("emplois", lambda t: t.jobs)):
        names.update(_series(name, get, economy, lambda v: french.number(v), with_change=True))
    for name, get in (
        ("rang_fournisseur", lambda t: t.supplier_rank),
        ("rang_fournisseur_europeen", lambda t: t.eu_supplier_rank),
        ("rang_investisseur", lambda t: t.investor_rank),
    ):
        names.update(_series(name, get, economy, lambda v: french.ordinal(v)))
    names.update(_product_names(economy, units, latest.year))
    return names


def _series(
    name: str,
    get: Callable[[TradeYear], float | None],
    economy: EconomicRelations,
    word: Callable[[float], str],
    with_change: bool = False,
) -> dict[str, str]:
    names: dict[str, str] = {}
    for year, entry in economy.by_year.items():
        value = get(entry)
        if value is not None:
            names[f"{name}.{year}"] = word(value)
    latest, previous = economy.latest, economy.previous
    new = get(latest)
    old = get(previous) if previous else None
    if new is not None:
        names[name] = word(new)
    if old is not None:
        names[f"{name}.precedent"] = word(old)
    rate = economy.growth(get, latest.year) if with_change else None
    if rate is not None:
        names[f"{name}.evolution"] = french.growth(rate)
        names[f"{name}.evolution_sans_signe"] = french.growth(abs(rate)).lstrip("+")
    return names


def _product_names(economy: EconomicRelations, units: Units, year: int | None) -> dict[str, str]:
    names: dict[str, str] = {}
    for product in economy.products:
        base = f"produits.{product.key}"
        names[f"{base}.libelle"] = product.label
        for y, value in product.values.items():
            names[f"{base}.{y}"] = french.amount(value, economy.currency, units)
        if year is None or year not in product.values:
            continue
        value = product.values[year]
        names[base] = french.amount(value, economy.currency, units)
        old = product.values.get(year - 1)
        if old is not None:
            names[f"{base}.precedent"] = french.amount(old, economy.currency, units)
        rate = change(value, old)
        if rate is not None:
            names[f"{base}.evolution"] = french.growth(rate)
            names[f"{base}.evolution_sans_signe"] = french.growth(abs(rate)).lstrip("+")
        total = economy.flow_value(product.flow, year)
        if total:
            names[f"{base}.part"] = french.percent(value / total * 100)
    return names


def not_stated(candidates: Iterable[tuple[str, T]], used: set[str]) -> list[T]:
    """The facts whose reference name the prose did not state already: a fact named
    "solde" is dropped when the prose used {solde} or {solde.precedent}."""
    return [
        fact
        for name, fact in candidates
        if not any(u == name or u.startswith(name + ".") for u in used)
    ]


def _tokens(text: str) -> Iterator[tuple[re.Match, str | None]]:
    for match in _TOKEN.finditer(text):
        yield match, match.group(1)


def problems(text: str, names: dict[str, str]) -> list[ReferenceProblem]:
    """Every bad reference of a text, with a suggestion where one is close."""
    found = []
    for match, name in _tokens(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        if name is None:
            found.append(
                ReferenceProblem(
                    match.start(),
                    f"accolade « {token} » isolée : écrivez « {token * 2} » pour une accolade",
                )
            )
            continue
        name = name.strip()
        if not _NAME.fullmatch(name):
            found.append(
                ReferenceProblem(
                    match.start(),
                    f"référence « {{{name}}} » invalide : un nom de donnée "
                    "s'écrit en minuscules sans accent, avec des points (ex. {solde.precedent})",
                )
            )
        elif name not in names:
            close = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
            hint = f" ; vouliez-vous dire {{{close[0]}}} ?" if close else ""
            found.append(
                ReferenceProblem(
                    match.start(),
                    f"référence {{{name}}} inconnue : cette donnée n'existe pas "
                    f"dans la fiche{hint}",
                )
            )
    return found


def resolve(text: str, names: dict[str, str]) -> tuple[str, set[str]]:
    """Replace references by their worded values; return the text and the names used.

    Callers validate first with :func:`problems`; an unknown name here is a bug.
    """
    used: set[str] = set()

    def substitute(match: re.Match) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = (match.group(1) or "").strip()
        used.add(name)
        return names[name]

    return _TOKEN.sub(substitute, text), used


def check_texts(fiche: Fiche) -> Iterator[Finding]:
    """Every unknown or malformed reference in the fiche's texts, located in its text."""
    names = Names(fiche)
    for path, text in prose_fields(fiche):
        visible = names.for_path(path[:-1])
        for problem in problems(text, visible):
            yield Finding(path, problem.message, offset=problem.offset)
