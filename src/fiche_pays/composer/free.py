"""Content written by hand: text, "Label : value" lines, a list, a table."""

from __future__ import annotations

from ..model.free import FreeBody
from ..tree import Block, BulletList, DataPath, Run, Runs, Table, plain
from .context import Context, facts_block, sourced_fact
from .provenance import at, typeset


def free_body(ctx: Context, body: FreeBody | None, path: DataPath) -> list[Block]:
    if body is None:
        return []
    blocks: list[Block] = ctx.prose(body.text, path)[0]
    blocks += facts_block(
        [
            sourced_fact(
                [(f.label, at((*path, "faits", i, "libelle")))],
                [(f.value, at((*path, "faits", i, "valeur")))],
            )
            for i, f in enumerate(body.facts)
        ]
    )
    if body.items:
        blocks.append(
            BulletList(
                tuple(
                    typeset([(item, at((*path, "liste", i)))]) for i, item in enumerate(body.items)
                )
            )
        )
    if body.table:
        table = body.table
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
        blocks.append(
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
        )
    return blocks


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
