"""Relations politiques: diplomatic relations, agreements, the desk officer's prose."""

from __future__ import annotations

from .. import french
from ..model.political import Agreement
from ..tree import Block, DataPath, Fact
from . import references
from .context import Context, facts_block, sourced_fact
from .provenance import Piece, at


def political(ctx: Context) -> list[Block]:
    political = ctx.fiche.political
    if political is None:
        return []
    text, used = ctx.prose(political.text, ("relations_politiques",))
    base = ("relations_politiques",)
    candidates: list[tuple[str, Fact]] = []
    if political.diplomatic_relations:
        when = political.diplomatic_relations.when()
        source = at((*base, "relations_diplomatiques"), "quand")
        candidates.append(
            (
                "relations_diplomatiques",
                sourced_fact("Relations diplomatiques", [("établies ", None), (when, source)]),
            )
        )
    for index, agreement in enumerate(political.agreements):
        name = f"accords.{agreement.key}" if agreement.key else f"#{id(agreement)}"
        path = (*base, "accords", index)
        label = [(french.capitalize(agreement.title), at((*path, "titre"), "capitale"))]
        candidates.append((name, sourced_fact(label, _agreement_value(agreement, path))))
    return [*facts_block(references.not_stated(candidates, used)), *text]


def _agreement_value(agreement: Agreement, path: DataPath) -> list[Piece]:
    parts: list[list[Piece]] = []
    if agreement.signed:
        parts.append(
            [("signature ", None), (agreement.signed.when(), at((*path, "signature"), "quand"))]
        )
    if agreement.place:
        parts.append([(agreement.place, at((*path, "lieu")))])
    if agreement.in_force:
        when = agreement.in_force.when()
        parts.append(
            [("entrée en vigueur ", None), (when, at((*path, "entree_en_vigueur"), "quand"))]
        )
    value: list[Piece] = []
    for index, part in enumerate(parts):
        value += [(", ", None)] * (index > 0) + part
    value = value or [("date non renseignée", None)]
    if agreement.occasion:
        value += [(" (", None), (agreement.occasion, at((*path, "occasion"))), (")", None)]
    return value
