"""Autres données (rankings, lines typed by hand) and Composition du gouvernement."""

from __future__ import annotations

from ...tree import Block, BulletList
from ..context import facts_block, sourced_fact
from ..nodes import paragraph
from ..provenance import at, typeset
from . import sourcing
from .context import Context
from .leaders import minister


def other_data(ctx: Context) -> list[Block]:
    """The lines of "Autres données": "Indice Mo Ibrahim (2015) : 15e sur 54 pays"."""
    other = ctx.fiche.other
    if other is None:
        return []
    rows = []
    for index, item in enumerate(other.rankings):
        path = ("autres_donnees", "classements", index)
        value, details = sourcing.ranking(item, path)
        label = [(item.name, at((*path, "nom")))]
        if item.date:
            label += [(" (", None), (item.date.text(), at((*path, "date"), "date")), (")", None)]
        rows.append(sourced_fact(label, sourcing.with_details(value, details, item.source, path)))
    for index, free in enumerate(other.facts):
        path = ("autres_donnees", "faits", index)
        label = [(free.label, at((*path, "libelle")))]
        rows.append(sourced_fact(label, [(free.value, at((*path, "valeur")))]))
    return facts_block(rows)


def government(ctx: Context) -> list[Block]:
    """ "Composition au 1er mars 2018 :" if dated, then one bullet per member."""
    government = ctx.fiche.government
    if government is None:
        return []
    blocks: list[Block] = []
    if government.date:
        date = at(("gouvernement", "date"), "date")
        blocks.append(
            paragraph([("Composition au ", None), (government.date.text(), date), (" :", None)])
        )
    path = ("gouvernement", "membres")
    items = tuple(
        typeset(minister(member, (*path, index))) for index, member in enumerate(government.members)
    )
    return [*blocks, BulletList(items)]
