"""Content written by hand: text, "Label : value" lines, a list, a table."""

from __future__ import annotations

from ..french import typography
from ..model.free import FreeBody
from ..tree import Block, BulletList, Run, Table
from .context import Context, fact, facts_block


def free_body(ctx: Context, body: FreeBody | None, path: tuple) -> list[Block]:
    if body is None:
        return []
    blocks: list[Block] = ctx.prose(body.text, path)[0]
    blocks += facts_block([fact(f.label, f.value) for f in body.facts])
    if body.items:
        blocks.append(BulletList(tuple((Run(typography(i)),) for i in body.items)))
    if body.table:
        table = body.table
        blocks.append(
            Table(
                tuple(typography(h) for h in table.header),
                tuple(tuple(typography(c) for c in row) for row in table.rows),
                caption=typography(table.caption) if table.caption else None,
                source=typography(f"Source : {table.source}") if table.source else None,
                widths=column_widths(table.header, table.rows),
            )
        )
    return blocks


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
