"""Autres données (rankings, lines typed by hand) and Composition du gouvernement."""

from __future__ import annotations

from ...french import typography
from ...tree import Block, BulletList, Paragraph, Run
from ..context import fact, facts_block
from ..provenance import typeset
from .context import Context
from .leaders import minister
from .wording import dated_label, ranking, with_details


def other_data(ctx: Context) -> list[Block]:
    """The lines of "Autres données": "Indice Mo Ibrahim (2015) : 15e sur 54 pays"."""
    other = ctx.fiche.other
    if other is None:
        return []
    rows = []
    for item in other.rankings:
        text, details = ranking(item)
        rows.append(fact(dated_label(item.name, item), with_details(text, details, item.source)))
    rows += [fact(f.label, f.value) for f in other.facts]
    return facts_block(rows)


def government(ctx: Context) -> list[Block]:
    """ "Composition au 1er mars 2018 :" if dated, then one bullet per member."""
    government = ctx.fiche.government
    if government is None:
        return []
    blocks: list[Block] = []
    if government.date:
        blocks.append(Paragraph((Run(typography(f"Composition au {government.date.text()} :")),)))
    path = ("gouvernement", "membres")
    items = tuple(
        typeset(minister(member, (*path, index))) for index, member in enumerate(government.members)
    )
    return [*blocks, BulletList(items)]
