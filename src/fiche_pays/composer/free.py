"""Content written by hand: text, lists, "Libellé : valeur" lines, tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.blocks import FactsBlock, ListBlock, TableBlock, TextBlock
from ..model.types import DataPath
from ..tree import Block, BulletList, Run, Runs, Table, plain
from .nodes import facts_block, sourced_fact
from .provenance import at, typeset

if TYPE_CHECKING:
    from .context import Context


def text(ctx: Context, block: TextBlock, path: DataPath, used: set[str]) -> list[Block]:
    """The desk officer's paragraphs, references resolved."""
    return list(ctx.prose(block.text, path)[0])


def items(ctx: Context, block: ListBlock, path: DataPath, used: set[str]) -> list[Block]:
    """A bulleted list."""
    where = (*path, "liste")
    return [
        BulletList(tuple(typeset([(item, at((*where, i)))]) for i, item in enumerate(block.items)))
    ]


def facts(ctx: Context, block: FactsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """Lines « Libellé : valeur »."""
    where = (*path, "faits")
    return facts_block(
        [
            sourced_fact(
                [(f.label, at((*where, i, "libelle")))], [(f.value, at((*where, i, "valeur")))]
            )
            for i, f in enumerate(block.facts)
        ]
    )


def table(ctx: Context, block: TableBlock, path: DataPath, used: set[str]) -> list[Block]:
    """A table typed by hand."""
    table = block.table
    where = (*path, "tableau")
    cells: list[tuple[Runs, ...]] = [
        tuple(_cell(h, (*where, "entetes", c)) for c, h in enumerate(table.header))
    ]
    cells += [
        tuple(_cell(text, (*where, "lignes", r, c)) for c, text in enumerate(row))
        for r, row in enumerate(table.rows)
    ]
    caption = typeset([(table.caption, at((*where, "titre")))]) if table.caption else ()
    source = (
        typeset([("Source : ", None), (table.source, at((*where, "source")))])
        if table.source
        else ()
    )
    return [
        Table(
            tuple(plain(c) for c in cells[0]),
            tuple(tuple(plain(c) for c in row) for row in cells[1:]),
            caption=plain(caption) or None,
            source=plain(source) or None,
            widths=column_widths(table.header, table.rows),
            cell_runs=tuple(cells),
            caption_runs=caption,
            source_runs=source,
        )
    ]


def _cell(text: str, path: DataPath) -> Runs:
    return typeset([(text, at(path))]) or (Run("", source=at(path)),)


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
