"""Consistency checks across fields, run after the models have validated each field.

Each check yields a :class:`Finding` that names the data path in the file's own keys,
so that loading can attach the line where the desk officer has to look.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import BaseModel

from .. import french
from ..partialdate import PartialDate
from .blocks import AidBlock, AlliancesBlock, Block, TradeBlock
from .economy import Aid, EconomicRelations
from .political import Agreement
from .quantities import money_text
from .relations import SECTION_KEYS, Fiche
from .types import DataPath, Item


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem at a data path; ``offset`` points inside a text value."""

    path: DataPath
    message: str
    offset: int | None = None
    severity: str = "error"
    subject: str | None = None  # the name a reference problem is about


def check(fiche: Fiche) -> list[Finding]:
    """All cross-field problems of a validated fiche."""
    findings: list[Finding] = []
    for checker in (_blocks, _keys, _dates, _economy, _agreements, _aids, _alliances, _sections):
        findings.extend(checker(fiche))
    return findings


def values(model: BaseModel, path: DataPath = ()) -> Iterator[tuple[DataPath, Any]]:
    """Every field value of a model and of the models it holds, with its path in the
    file's keys (lists indexed from 0)."""
    found: list[tuple[DataPath, Any]] = []
    _collect(model, tuple(path), found)
    return iter(found)


def _collect(model: BaseModel, path: DataPath, found: list[tuple[DataPath, Any]]) -> None:
    # Into one list, not through nested generators: a value deep in a fiche would pass
    # through one generator per level, and every fiche is walked several times.
    for name, key in _field_keys(type(model)):
        value = getattr(model, name)
        here = (*path, key)
        found.append((here, value))
        kind = _KINDS.get(type(value)) or _kind(type(value))
        if kind is _MODEL:
            _collect(value, here, found)
        elif kind is _LIST:
            for index, item in enumerate(value):
                if (_KINDS.get(type(item)) or _kind(type(item))) is _MODEL:
                    _collect(item, (*here, index), found)
                else:
                    found.append(((*here, index), item))


# What a value's type is to the walk, by type: isinstance() on a model class goes through
# its metaclass's ABC machinery, and a fiche holds thousands of values.
_MODEL, _LIST, _OTHER = "model", "list", "other"
_KINDS: dict[type, str] = {}


def _kind(cls: type) -> str:
    kind = _MODEL if issubclass(cls, BaseModel) else _LIST if issubclass(cls, list) else _OTHER
    _KINDS[cls] = kind  # a fixed, small set of types
    return kind


@cache  # one entry per model class: a fixed, small set
def _field_keys(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(attribute, key in the file) of each field of a model class, in order."""
    return tuple((name, info.alias or name) for name, info in model.model_fields.items())


def prose_fields(model: BaseModel, path: DataPath = ()) -> Iterator[tuple[DataPath, str]]:
    """Every "texte" value of a fiche, with its path in the file's keys."""
    for value_path, value in values(model, path):
        if value_path and value_path[-1] == "texte" and isinstance(value, str):
            yield value_path, value


def _blocks(fiche: Fiche) -> Iterator[Finding]:
    """Kinds that a fiche states once (its community, its trade series) appear once."""
    seen: dict[str, DataPath] = {}
    for path, block in fiche.blocks():
        if not block.SINGLETON:
            continue
        if block.KIND in seen:
            first = seen[block.KIND]
            yield Finding(
                (*path, block.KIND),
                f"un seul bloc « {block.KIND} » par fiche : il y en a déjà un dans la section "
                f"« {_section_name(fiche, first)} » ; réunissez-les",
            )
        seen.setdefault(block.KIND, path)


def _section_name(fiche: Fiche, path: DataPath) -> str:
    if path[0] == "sections_supplementaires":
        return fiche.extra[path[1]].key
    return str(path[0])


def records(fiche: Fiche) -> Iterator[tuple[DataPath, str, Item]]:
    """(path, kind, record) of every record of a list block that may be cited."""
    for path, block in fiche.blocks():
        content = block.content
        if isinstance(content, list):
            for index, item in enumerate(content):
                if isinstance(item, Item):
                    yield (*path, block.KIND, index), block.KIND, item


def _keys(fiche: Fiche) -> Iterator[Finding]:
    """A key names one record of its kind: {visites.cle} must say which visit."""
    seen: dict[tuple[str, str], DataPath] = {}
    for path, kind, item in records(fiche):
        if item.key is None:
            continue
        if (kind, item.key) in seen:
            yield Finding(
                (*path, "cle"),
                f"identifiant « {item.key} » déjà utilisé par un autre bloc « {kind} »",
            )
        seen.setdefault((kind, item.key), path)
    for path, block in fiche.blocks():
        for index, product in enumerate(getattr(block, "products", [])):
            key = ("produits", product.key)
            if key in seen:
                yield Finding(
                    (*path, "produits", index, "cle"),
                    f"identifiant « {product.key} » utilisé deux fois",
                )
            seen.setdefault(key, path)
        for index, aid in enumerate(getattr(block, "aids", [])):
            parts: set[str] = set()
            for number, part in enumerate(aid.parts):
                if part.key and part.key in parts:
                    yield Finding(
                        (*path, "aides", index, "parts", number, "cle"),
                        f"identifiant « {part.key} » utilisé deux fois dans les parts",
                    )
                parts.add(part.key or "")


def _dates(fiche: Fiche) -> Iterator[Finding]:
    """No record is dated after the fiche's update: a fiche reports what has happened."""
    updated = fiche.document.updated
    for path, block in fiche.blocks():
        for value_path, value in values(block, path):
            if isinstance(value, PartialDate) and value.first_day > updated.last_day:
                hint = (
                    "un accord en cours s'écrit « en_negociation: true »"
                    if "accords" in value_path
                    else "vérifiez l'année, ou la date de mise à jour"
                )
                yield Finding(
                    value_path,
                    f"date ({value.text()}) postérieure à la mise à jour de la fiche "
                    f"({updated.text()}) : la fiche rapporte ce qui a eu lieu ({hint})",
                )
            elif (
                value_path[-1] in ("annee", "creation")
                and isinstance(value, int)
                and value > updated.year
            ):
                yield Finding(
                    value_path,
                    f"année {value} postérieure à la mise à jour de la fiche ({updated.text()})",
                )


# Steps that come in this order when both are given.
_STEP_ORDER = (
    ("signature", "ratification"),
    ("signature", "entree_en_vigueur"),
    ("adoption", "entree_en_vigueur"),
    ("ratification", "entree_en_vigueur"),
)
_STEP_WORDS = {
    "signature": "la signature",
    "adoption": "l'adoption",
    "ratification": "la ratification",
    "entree_en_vigueur": "l'entrée en vigueur",
}


def _agreements(fiche: Fiche) -> Iterator[Finding]:
    for path, _kind, item in records(fiche):
        if not isinstance(item, Agreement):
            continue
        dates = {key: date for key, date, _ in item.steps()}
        for first, then in _STEP_ORDER:
            if first in dates and then in dates and dates[then].last_day < dates[first].first_day:
                yield Finding(
                    (*path, then),
                    f"{_STEP_WORDS[then]} ({dates[then].text()}) précède {_STEP_WORDS[first]} "
                    f"({dates[first].text()})",
                )


def _aids(fiche: Fiche) -> Iterator[Finding]:
    """An aid programme's parts make its amount (or less, when said to be partial)."""
    units = french.Units()
    for path, block in fiche.blocks():
        if not isinstance(block, AidBlock):
            continue
        for index, aid in enumerate(block.aids):
            yield from _aid((*path, "aides", index), aid, units)


def _aid(path: DataPath, aid: Aid, units: french.Units) -> Iterator[Finding]:
    name = ", ".join(x for x in (aid.donor, aid.programme) if x)
    currency = aid.currency
    for number, part in enumerate(aid.parts):
        if part.amount.currency != currency:
            yield Finding(
                (*path, "parts", number, "montant"),
                f"{name} : part en {part.amount.currency}, montant en {currency} ; écrivez "
                "toutes les parts dans la devise du montant",
            )
            return
    if aid.amount is None or not aid.parts:
        return
    total = aid.parts_total
    said = aid.amount.text(units)
    summed = money_text(total, currency, units)
    if aid.breakdown == "partielle":
        if total >= aid.amount.units - aid.amount.precision:
            yield Finding(
                (*path, "ventilation"),
                f"{name} : ventilation partielle, mais les parts font déjà {summed} pour un "
                f"montant indiqué de {said} ; écrivez « ventilation: complète » ou corrigez",
            )
    elif not aid.amount.agrees(total):
        yield Finding(
            (*path, "montant"),
            f"{name} : la somme des parts fait {summed}, le montant indiqué est {said} ; "
            "corrigez l'un ou l'autre, ou écrivez « ventilation: partielle » si les parts "
            "n'épuisent pas le total",
        )


def _agrees(stated: float, derived: float) -> bool:
    """True when ``derived`` rounds to ``stated`` at the precision it was typed."""
    decimals = len(repr(float(stated)).split(".")[1].rstrip("0"))
    return abs(Decimal(str(stated)) - Decimal(str(derived))) <= Decimal("0.5") * Decimal(
        10
    ) ** -decimals + Decimal("1e-9")


def _economy(fiche: Fiche) -> Iterator[Finding]:
    economy = fiche.economy
    trade = next(((p, b) for p, b in fiche.blocks() if isinstance(b, TradeBlock)), None)
    if trade is not None:
        yield from _trade(fiche, economy, (*trade[0], "echanges"))
    for path, block in fiche.blocks():
        for index, product in enumerate(getattr(block, "products", [])):
            yield from _product(fiche, economy, (*path, "produits", index), product)


def _trade(fiche: Fiche, economy: EconomicRelations, base: DataPath) -> Iterator[Finding]:
    cur = economy.currency
    seen: dict[int | None, int] = {}
    for index, entry in enumerate(economy.trade):
        path = (*base, index)
        if entry.year in seen:
            what = f"l'année {entry.year}" if entry.year else "une entrée sans année"
            yield Finding(
                (*path, "annee"),
                f"{what} figure deux fois dans les échanges (déjà à l'élément "
                f"{seen[entry.year] + 1})",
            )
        seen.setdefault(entry.year, index)
        for key, stated, derived, formula in (
            ("solde", entry.stated_balance, entry.balance, "exportations - importations"),
            ("total", entry.stated_total, entry.total, "exportations + importations"),
        ):
            if stated is None:
                continue
            if derived is None:
                yield Finding(
                    (*path, key),
                    f"{key} indiqué sans exportations ni importations "
                    "pour le vérifier : indiquez les deux",
                )
            elif not _agrees(stated, derived):
                yield Finding(
                    (*path, key),
                    (
                        f"{key} {entry.year} indiqué : {french.amount(stated, cur)}, mais "
                        f"{formula} = {french.amount(derived, cur)} ; corrigez l'un ou l'autre "
                        f"(ou retirez « {key} », qui est calculé)"
                    ),
                )


def _product(
    fiche: Fiche, economy: EconomicRelations, path: DataPath, product: Any
) -> Iterator[Finding]:
    for year, value in product.values.items():
        if year > fiche.document.updated.year:
            yield Finding(
                (*path, "valeurs", year),
                f"année {year} postérieure à la mise à jour de la fiche",
            )
        total = economy.flow_value(product.flow, year)
        if total is not None and value > total * 1.0005:
            yield Finding(
                (*path, "valeurs", year),
                (
                    f"{product.label} {year} ({french.amount(value, economy.currency)}) "
                    f"dépasse le total des {product.flow} "
                    f"({french.amount(total, economy.currency)}) :"
                    " une part ne peut pas dépasser 100 %"
                ),
            )


def _alliances(fiche: Fiche) -> Iterator[Finding]:
    for path, block in fiche.blocks():
        if not isinstance(block, AlliancesBlock) or block.network.total_students is None:
            continue
        network = block.network
        known = sum(a.students or 0 for a in network.items)
        if known > network.total_students:
            yield Finding(
                (*path, "alliances_francaises", "total_etudiants"),
                (
                    f"total de {french.number(network.total_students)} étudiants inférieur à "
                    f"la somme des Alliances listées ({french.number(known)})"
                ),
            )


def _sections(fiche: Fiche) -> Iterator[Finding]:
    keys = set(SECTION_KEYS)
    for index, section in enumerate(fiche.extra):
        if section.key in keys:
            yield Finding(
                ("sections_supplementaires", index, "cle"),
                f"identifiant de section « {section.key} » déjà utilisé",
            )
        keys.add(section.key)
    for index, section in enumerate(fiche.extra):
        if section.after and section.after not in keys:
            yield Finding(
                ("sections_supplementaires", index, "apres"),
                f"section « {section.after} » inconnue (connues : {', '.join(sorted(keys))})",
            )


__all__ = ["Block", "DataPath", "Finding", "check", "prose_fields", "records", "values"]
