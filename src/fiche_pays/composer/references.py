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
from dataclasses import dataclass, replace
from typing import TypeVar

from .. import french
from ..french import Units
from ..model.checks import DataPath, Finding, prose_fields
from ..model.cooperation import Institute
from ..model.economy import EconomicRelations, TradeYear, change
from ..model.relations import Fiche
from ..partialdate import PartialDate
from ..tree import ProseSpot, Source
from .provenance import Piece, at, computed

T = TypeVar("T")

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")
_NAME = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")


@dataclass(frozen=True, slots=True)
class ReferenceProblem:
    """A bad reference in a text, at a character offset."""

    offset: int
    message: str


class Worded:
    """Worded values by reference name, each with the source of its text."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.sources: dict[str, Source] = {}

    def add(self, name: str, text: str, source: Source) -> None:
        """Record ``{name}`` as ``text``, worded from ``source``."""
        self.values[name] = text
        self.sources[name] = source

    def update(self, other: Worded, prefix: str | None = None) -> None:
        """Take ``other``'s names, under ``prefix.`` when given."""
        lead = f"{prefix}." if prefix else ""
        self.values.update({lead + k: v for k, v in other.values.items()})
        self.sources.update({lead + k: v for k, v in other.sources.items()})


class Names:
    """The worded values a text may refer to: global names plus its section's own, and
    where each comes from in the data (for ``fiche-pays apply``)."""

    def __init__(self, fiche: Fiche, units: Units | None = None):
        self.units = units or Units()
        self.scopes: dict[DataPath, Worded] = {}
        self.global_names = Worded()
        self._build(fiche)

    def for_path(self, path: DataPath) -> dict[str, str]:
        """Names visible from a text at ``path``: its nearest scope over global ones."""
        return self.worded_for_path(path).values

    def sources_for_path(self, path: DataPath) -> dict[str, Source]:
        """Where each name visible from a text at ``path`` comes from."""
        return self.worded_for_path(path).sources

    def worded_for_path(self, path: DataPath) -> Worded:
        """Names and sources visible from a text at ``path``."""
        names = Worded()
        names.update(self.global_names)
        for length in range(1, len(path) + 1):
            scope = self.scopes.get(path[:length])
            if scope:
                names.update(scope)
        return names

    def _scope(self, path: DataPath, names: Worded, prefix: str | None = None) -> None:
        self.scopes[path] = names
        if prefix:
            self.global_names.update(names, prefix)

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
        for key, value in country.items():
            self.global_names.add(f"pays.{key}", value, at(("pays", key)))
        _dated(self.global_names, "document.mise_a_jour", fiche.document.updated)
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
                path = ("cooperation", "instituts", index)
                self._scope(path, _institute(institute, path))


def _dated(
    names: Worded, name: str, date: PartialDate | None, path: DataPath | None = None
) -> None:
    if date is None:
        return
    path = path or tuple(name.split("."))
    names.add(name, date.text(), at(path, "date"))
    names.add(f"{name}.quand", date.when(), at(path, "quand"))


def _political(fiche: Fiche) -> Worded:
    political = fiche.political
    base_path = ("relations_politiques",)
    names = Worded()
    _dated(
        names,
        "relations_diplomatiques",
        political.diplomatic_relations,
        (*base_path, "relations_diplomatiques"),
    )
    for index, agreement in enumerate(political.agreements):
        if agreement.key is None:
            continue
        base = f"accords.{agreement.key}"
        path = (*base_path, "accords", index)
        names.add(f"{base}.titre", agreement.title, at((*path, "titre")))
        _dated(names, f"{base}.signature", agreement.signed, (*path, "signature"))
        _dated(names, f"{base}.entree_en_vigueur", agreement.in_force, (*path, "entree_en_vigueur"))
        for attribute, value in (("occasion", agreement.occasion), ("lieu", agreement.place)):
            if value:
                names.add(f"{base}.{attribute}", value, at((*path, attribute)))
    return names


def _institute(institute: Institute, path: DataPath) -> Worded:
    names = Worded()
    names.add("nom", institute.name, at((*path, "nom")))
    if institute.acronym:
        names.add("sigle", institute.acronym, at((*path, "sigle")))
    _dated(names, "date", institute.date, (*path, "date"))
    if institute.students is not None:
        number = french.number(institute.students)
        names.add("etudiants", f"{number} étudiants", at((*path, "etudiants"), "nombre"))
        names.add("etudiants.nombre", number, at((*path, "etudiants"), "nombre"))
    if institute.students_year:
        names.add("annee_etudiants", institute.students_year, at((*path, "annee_etudiants")))
    return names


_ECONOMY: DataPath = ("relations_economiques",)


def economy_names(economy: EconomicRelations, units: Units) -> Worded:
    """Worded economic figures: latest year, previous year, changes, shares, ranks."""
    latest, previous = economy.latest, economy.previous
    names = Worded()
    if latest is None:
        names.update(_product_names(economy, units, None))
        return names
    cur = economy.currency
    latest_note = (
        "l'année est celle des derniers chiffres d'échanges : modifiez les années de « echanges »"
    )
    names.add("annee", str(latest.year), computed(latest_note))
    names.add(
        "devise",
        units.currency_label(cur),
        computed("la devise de tous les montants se modifie dans « devise » (code ISO : EUR)"),
    )
    if economy.source:
        names.add("source", economy.source, at((*_ECONOMY, "source")))
    if previous:
        names.add("annee_precedente", str(previous.year), computed(latest_note))
    amount = ("montant", units.million, units.billion)
    series = {
        "exportations": (lambda t: t.exports, "exportations", amount),
        "importations": (lambda t: t.imports, "importations", amount),
        "solde": (lambda t: t.balance, None, amount),
        "echanges": (lambda t: t.total, None, amount),
        "stock_investissements": (lambda t: t.fdi_stock, "stock_investissements", amount),
    }
    for name, (get, key, form) in series.items():
        _series(
            names,
            name,
            get,
            key,
            form,
            economy,
            lambda v: french.amount(v, cur, units),
            with_change=name != "solde",
        )
    _series(
        names,
        "part_de_marche",
        lambda t: t.market_share,
        "part_de_marche",
        ("pourcentage",),
        economy,
        lambda v: french.percent(v),
    )
    for name, get in (("entreprises_francaises", lambda t: t.firms), ("emplois", lambda t: t.jobs)):
        _series(names, name, get, name, ("nombre",), economy, lambda v: french.number(v), True)
    for name, get in (
        ("rang_fournisseur", lambda t: t.supplier_rank),
        ("rang_fournisseur_europeen", lambda t: t.eu_supplier_rank),
        ("rang_investisseur", lambda t: t.investor_rank),
    ):
        _series(names, name, get, name, ("rang",), economy, lambda v: french.ordinal(v))
    names.update(_product_names(economy, units, latest.year))
    return names


_COMPUTED = {
    "solde": "le solde est calculé : modifiez exportations ou importations",
    "echanges": "le total des échanges est calculé : modifiez exportations ou importations",
}


def _series(
    names: Worded,
    name: str,
    get: Callable[[TradeYear], float | None],
    key: str | None,
    form: tuple[str, ...],
    economy: EconomicRelations,
    word: Callable[[float], str],
    with_change: bool = False,
) -> None:
    """``{name}``, ``{name.precedent}``, ``{name.2019}``, ``{name.evolution}``: worded from
    the field ``key`` of the trade years (``None``: computed, see ``_COMPUTED``)."""

    def source(entry: TradeYear) -> Source:
        if key is None:
            return computed(_COMPUTED[name])
        index = next(i for i, t in enumerate(economy.trade) if t is entry)
        return at((*_ECONOMY, "echanges", index, key), *form)

    for year, entry in economy.by_year.items():
        value = get(entry)
        if value is not None:
            names.add(f"{name}.{year}", word(value), source(entry))
    latest, previous = economy.latest, economy.previous
    new = get(latest)
    old = get(previous) if previous else None
    if new is not None:
        names.add(name, word(new), source(latest))
    if old is not None:
        names.add(f"{name}.precedent", word(old), source(previous))
    rate = economy.growth(get, latest.year) if with_change else None
    if rate is not None:
        note = computed(
            f"l'évolution est calculée : modifiez {key or name} de {latest.year} ou de "
            f"{latest.year - 1}"
        )
        names.add(f"{name}.evolution", french.growth(rate), note)
        names.add(f"{name}.evolution_sans_signe", french.growth(abs(rate)).lstrip("+"), note)


def _product_names(economy: EconomicRelations, units: Units, year: int | None) -> Worded:
    names = Worded()
    form = ("montant", units.million, units.billion)
    for index, product in enumerate(economy.products):
        base = f"produits.{product.key}"
        path = (*_ECONOMY, "produits", index)
        names.add(f"{base}.libelle", product.label, at((*path, "libelle")))
        for y, value in product.values.items():
            amount = french.amount(value, economy.currency, units)
            names.add(f"{base}.{y}", amount, at((*path, "valeurs", y), *form))
        if year is None or year not in product.values:
            continue
        value = product.values[year]
        names.add(
            base,
            french.amount(value, economy.currency, units),
            at((*path, "valeurs", year), *form),
        )
        old = product.values.get(year - 1)
        if old is not None:
            names.add(
                f"{base}.precedent",
                french.amount(old, economy.currency, units),
                at((*path, "valeurs", year - 1), *form),
            )
        rate = change(value, old)
        if rate is not None:
            note = computed(
                f"l'évolution est calculée : modifiez les valeurs de {year} ou de {year - 1} "
                f"du produit « {product.label} »"
            )
            names.add(f"{base}.evolution", french.growth(rate), note)
            names.add(f"{base}.evolution_sans_signe", french.growth(abs(rate)).lstrip("+"), note)
        total = economy.flow_value(product.flow, year)
        if total:
            names.add(
                f"{base}.part",
                french.percent(value / total * 100),
                computed(
                    f"la part est calculée : modifiez la valeur {year} du produit « "
                    f"{product.label} » ou les {product.flow} de {year}"
                ),
            )
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


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def resolve_pieces(text: str, names: Worded, field: DataPath) -> tuple[list[list[Piece]], set[str]]:
    """The paragraphs of the text at ``field`` as pieces with their sources, and the
    names used: each literal stretch knows its place in the text, each reference carries
    the source of its value and the place of its ``{name}``.

    Paragraphs are separated by a blank line; callers validate first with
    :func:`problems`.
    """
    used: set[str] = set()
    paragraphs: list[list[Piece]] = []
    field = tuple(field)

    def literal(start: int, end: int) -> Piece:
        spot = ProseSpot(field, start, end)
        return text[start:end], Source((field,), "prose", prose=spot)

    bounds = [0]
    for match in _BLANK_LINE.finditer(text):
        bounds += [match.start(), match.end()]
    bounds.append(len(text))
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        pieces: list[Piece] = []
        position = start
        for match in _TOKEN.finditer(text, start, end):
            if match.start() > position:
                pieces.append(literal(position, match.start()))
            token = match.group(0)
            spot = ProseSpot(field, match.start(), match.end())
            if token in ("{{", "}}"):
                pieces.append((token[0], Source((field,), "prose", prose=spot)))
            else:
                name = (match.group(1) or "").strip()
                used.add(name)
                source = names.sources.get(name) or computed("valeur produite par fiche-pays")
                pieces.append((names.values[name], replace(source, prose=spot)))
            position = match.end()
        if end > position:
            pieces.append(literal(position, end))
        paragraphs.append(pieces)
    return paragraphs, used


def check_texts(fiche: Fiche) -> Iterator[Finding]:
    """Every unknown or malformed reference in the fiche's texts, located in its text."""
    names = Names(fiche)
    for path, text in prose_fields(fiche):
        visible = names.for_path(path[:-1])
        for problem in problems(text, visible):
            yield Finding(path, problem.message, offset=problem.offset)
