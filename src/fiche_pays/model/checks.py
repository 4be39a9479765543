"""Consistency checks across fields, run after the models have validated each field.

Each check yields a :class:`Finding` that names the data path in the file's own keys,
so that loading can attach the line where the desk officer has to look.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .. import french
from .relations import SECTION_KEYS, EconomicRelations, Fiche

DataPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem at a data path; ``offset`` points inside a text value."""

    path: DataPath
    message: str
    offset: int | None = None
    severity: str = "error"


def check(fiche: Fiche) -> list[Finding]:
    """All cross-field problems of a validated fiche."""
    findings: list[Finding] = []
    for checker in (_economy, _political, _presence, _cooperation, _sections):
        findings.extend(checker(fiche))
    return findings


def _agrees(stated: float, derived: float) -> bool:
    """True when ``derived`` rounds to ``stated`` at the precision it was typed."""
    decimals = len(repr(float(stated)).split(".")[1].rstrip("0"))
    return abs(stated - derived) <= 0.5 * 10**-decimals + 1e-9


def _economy(fiche: Fiche) -> Iterator[Finding]:
    economy = fiche.economy
    if economy is None:
        return
    base: DataPath = ("relations_economiques",)
    updated = fiche.document.updated.year
    cur = economy.currency
    seen: dict[int, int] = {}
    for index, entry in enumerate(economy.trade):
        path = (*base, "echanges", index)
        if entry.year in seen:
            yield Finding(
                (*path, "annee"),
                f"l'année {entry.year} figure deux fois dans les "
                f"échanges (déjà à l'élément {seen[entry.year] + 1})",
            )
        seen.setdefault(entry.year, index)
        if entry.year > updated:
            yield Finding(
                (*path, "annee"),
                f"année {entry.year} postérieure à la mise à jour "
                f"de la fiche ({fiche.document.updated.text()})",
            )
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
    yield from _products(economy, base, updated)


def _products(economy: EconomicRelations, base: DataPath, updated: int) -> Iterator[Finding]:
    keys: set[str] = set()
    for index, product in enumerate(economy.products):
        path = (*base, "produits", index)
        if product.key in keys:
            yield Finding((*path, "cle"), f"identifiant « {product.key} » utilisé deux fois")
        keys.add(product.key)
        for year, value in product.values.items():
            if year > updated:
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


def _political(fiche: Fiche) -> Iterator[Finding]:
    if fiche.political is None:
        return
    keys: set[str] = set()
    for index, agreement in enumerate(fiche.political.agreements):
        path = ("relations_politiques", "accords", index)
        if agreement.key and agreement.key in keys:
            yield Finding((*path, "cle"), f"identifiant « {agreement.key} » utilisé deux fois")
        keys.add(agreement.key or "")
        if (
            agreement.signed
            and agreement.in_force
            and (agreement.in_force.last_day < agreement.signed.first_day)
        ):
            yield Finding(
                (*path, "entree_en_vigueur"),
                (
                    f"entrée en vigueur ({agreement.in_force.text()}) avant la signature "
                    f"({agreement.signed.text()})"
                ),
            )


def _presence(fiche: Fiche) -> Iterator[Finding]:
    presence = fiche.presence
    if (
        presence
        and presence.community
        and presence.community.as_of
        and (presence.community.as_of.first_day > fiche.document.updated.last_day)
    ):
        yield Finding(
            ("presence_francaise", "communaute", "date"),
            "date du chiffre postérieure à la mise à jour de la fiche",
        )


def _cooperation(fiche: Fiche) -> Iterator[Finding]:
    network = fiche.cooperation.alliances if fiche.cooperation else None
    if network is None or network.total_students is None:
        return
    known = sum(a.students or 0 for a in network.items)
    if known > network.total_students:
        yield Finding(
            ("cooperation", "alliances_francaises", "total_etudiants"),
            (
                f"total de {french.number(network.total_students)} étudiants inférieur à la somme "
                f"des Alliances listées ({french.number(known)})"
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


def prose_fields(model: BaseModel, path: DataPath = ()) -> Iterator[tuple[DataPath, str]]:
    """Every "texte" value of a fiche, with its path in the file's keys."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        key = info.alias or name
        if name == "text" and isinstance(value, str):
            yield (*path, key), value
        elif isinstance(value, BaseModel):
            yield from prose_fields(value, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from prose_fields(item, (*path, key, index))
