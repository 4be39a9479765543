"""Données générales: official name, regime, heads of state and government."""

from __future__ import annotations

from ...tree import Block
from ..context import fact, facts_block, sourced_fact
from ..provenance import at
from .context import Context
from .wording import leader


def general(ctx: Context) -> list[Block]:
    """The lines of "Données générales"."""
    general = ctx.fiche.general
    if general is None:
        return []
    rows = []
    base = ("donnees_generales",)
    if general.official_name:
        name = general.official_name
        rows.append(sourced_fact("Nom officiel", [(name, at((*base, "nom_officiel")))]))
    if general.regime:
        regime = [(general.regime, at((*base, "regime")))]
        rows.append(sourced_fact("Nature du régime", regime))
    head = general.head_of_state
    if head:
        usual = "Chef de l'État et du gouvernement" if head.heads_government else "Chef de l'État"
        rows.append(fact(head.label or usual, leader(head)))
    if general.head_of_government:
        chief = general.head_of_government
        rows.append(fact(chief.label or "Chef du gouvernement", leader(chief)))
    rows += [fact(other.label, leader(other)) for other in general.other_leaders]
    return facts_block(rows)
