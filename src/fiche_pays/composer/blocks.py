"""A section's blocks -> tree nodes, in the author's order.

Each block kind has its builder. A section is composed in two passes: first every text
of the section is resolved, to learn which records its prose cites; then each block is
built, and a record cited by a text of its own section gets no generated line (it is
stated once, in the prose). Consecutive fact lines of consecutive blocks make one list
("Libellé : valeur" lines read as one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model.blocks import Block
from ..model.checks import prose_fields
from ..model.types import DataPath
from ..tree import Block as Node
from ..tree import Facts
from . import aid, ambassadors, cooperation, economy, free, political, presence, visits
from .context import Context

Builder = Callable[[Context, Any, DataPath, set[str]], list[Node]]

BUILDERS: dict[str, Builder] = {
    "texte": free.text,
    "liste": free.items,
    "faits": free.facts,
    "tableau": free.table,
    "relations_diplomatiques": political.diplomatic_relations,
    "evenements": political.events,
    "accords": political.agreements,
    "visites": visits.visits,
    "communaute": presence.communities,
    "communaute_en_france": presence.communities,
    "postes": presence.posts,
    "postes_en_france": presence.posts,
    "ambassadeur_de_france": ambassadors.ambassador,
    "ambassadeur_en_france": ambassadors.ambassador,
    "echanges": economy.trade,
    "produits": economy.products,
    "secteurs": economy.sectors,
    "aides": aid.aids,
    "alliances_francaises": cooperation.alliances,
    "instituts": cooperation.institutes,
    "etablissements_scolaires": cooperation.schools,
    "bourses": cooperation.scholarships,
}


def compose_blocks(ctx: Context, path: DataPath, blocks: list[Block]) -> list[Node]:
    """The nodes of a section whose blocks sit at ``path``."""
    used = cited_in_section(ctx, path, blocks)
    nodes: list[Node] = []
    for index, block in enumerate(blocks):
        for node in BUILDERS[block.KIND](ctx, block, (*path, index), used):
            if nodes and isinstance(node, Facts) and isinstance(nodes[-1], Facts):
                nodes[-1] = Facts(nodes[-1].rows + node.rows)
            else:
                nodes.append(node)
    return nodes


def cited_in_section(ctx: Context, path: DataPath, blocks: list[Block]) -> set[str]:
    """Every name the texts of a section cite."""
    used: set[str] = set()
    for index, block in enumerate(blocks):
        for text_path, text in prose_fields(block, (*path, index)):
            used |= ctx.cited(text, text_path[:-1])
    return used
