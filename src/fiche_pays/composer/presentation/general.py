"""Données générales: official name, regime, heads of state and government."""

from __future__ import annotations

from ...model.leaders import Leader
from ...model.types import DataPath
from ...tree import Block, Fact
from ..context import facts_block, sourced_fact
from ..provenance import at
from .context import Context
from .leaders import leader


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
        rows.append(_line(head, usual, (*base, "chef_de_l_etat")))
    if general.head_of_government:
        chief = general.head_of_government
        rows.append(_line(chief, "Chef du gouvernement", (*base, "chef_du_gouvernement")))
    for index, other in enumerate(general.other_leaders):
        rows.append(_line(other, "", (*base, "autres_dirigeants", index)))
    return facts_block(rows)


def _line(who: Leader, usual: str, path: DataPath) -> Fact:
    """A leader's line; a label typed in the file (« intitule ») is its field."""
    label = [(who.label, at((*path, "intitule")))] if who.label else usual
    return sourced_fact(label, leader(who, path))
