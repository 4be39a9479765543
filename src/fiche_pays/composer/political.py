"""Relations politiques: diplomatic relations, agreements, the desk officer's prose."""

from __future__ import annotations

from .. import french
from ..model.political import Agreement
from ..tree import Block, Fact
from . import references
from .context import Context, fact, facts_block


def political(ctx: Context) -> list[Block]:
    political = ctx.fiche.political
    if political is None:
        return []
    text, used = ctx.prose(political.text, ("relations_politiques",))
    candidates: list[tuple[str, Fact]] = []
    if political.diplomatic_relations:
        candidates.append(
            (
                "relations_diplomatiques",
                fact(
                    "Relations diplomatiques", f"établies {political.diplomatic_relations.when()}"
                ),
            )
        )
    for agreement in political.agreements:
        name = f"accords.{agreement.key}" if agreement.key else f"#{id(agreement)}"
        candidates.append(
            (name, fact(french.capitalize(agreement.title), _agreement_value(agreement)))
        )
    return [*facts_block(references.not_stated(candidates, used)), *text]


def _agreement_value(agreement: Agreement) -> str:
    parts = []
    if agreement.signed:
        parts.append(f"signature {agreement.signed.when()}")
    if agreement.place:
        parts.append(agreement.place)
    if agreement.in_force:
        parts.append(f"entrée en vigueur {agreement.in_force.when()}")
    value = ", ".join(parts) or "date non renseignée"
    return f"{value} ({agreement.occasion})" if agreement.occasion else value
