"""Content written by hand: text, lists, "Libellé : valeur" lines, tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..french import typography
from ..model.blocks import FactsBlock, ListBlock, TableBlock, TextBlock
from ..model.types import DataPath
from ..tree import Block, Table
from .nodes import bullets, fact, facts_block

if TYPE_CHECKING:
    from .context import Context


def text(ctx: Context, block: TextBlock, path: DataPath, used: set[str]) -> list[Block]:
    """The desk officer's paragraphs, references resolved."""
    return list(ctx.prose(block.text, (*path, "texte"))[0])


def items(ctx: Context, block: ListBlock, path: DataPath, used: set[str]) -> list[Block]:
    """A bulleted list."""
    return bullets(list(block.items))


def facts(ctx: Context, block: FactsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """Lines « Libellé : valeur »."""
    return facts_block([fact(f.label, f.value) for f in block.facts])


def table(ctx: Context, block: TableBlock, path: DataPath, used: set[str]) -> list[Block]:
    """A table typed by hand."""
    table = block.table
    return [
        Table(
            tuple(typography(h) for h in table.header),
            tuple(tuple(typography(c) for c in row) for row in table.rows),
            caption=typography(table.caption) if table.caption else None,
            source=typography(f"Source : {table.source}") if table.source else None,
            widths=column_widths(table.header, table.rows),
        )
    ]


def column_widths(header: list[str], rows: list[list[str]]) -> tuple[float, ...]:
    """Relative column widths from the text they hold: short dates get narrow columns."""
    widths = []
    for index, title in enumerate(header):
        cells = [row[index] for row in rows] or [""]
        lengths = [len(cell) for cell in cells]
        typical = sum(lengths) / len(lengths) + 0.25 * max(lengths)
        longest_word = max((len(w) for w in title.split()), default=1)
        widths.append(round(min(max(typical, longest_word, 6.0), 50.0), 1))
    return tuple(widths)
