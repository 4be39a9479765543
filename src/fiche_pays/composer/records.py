"""The records of a list block, in order: each record's own sentence, or its generated
line; consecutive sentences make one paragraph (as on the page), consecutive lines one
list, and a record a text of its section cites is not repeated."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..model.types import DataPath, Item
from ..tree import Block, BulletList, Fact, Facts, Paragraph
from .provenance import Piece, typeset

if TYPE_CHECKING:
    from .context import Context

Line = list[Piece] | Fact | Sequence[Fact | Block] | None
"""What a record without a sentence gives: a bullet line (pieces), fact lines, or whole
nodes."""


def record_blocks(
    ctx: Context,
    path: DataPath,
    kind: str,
    records: Sequence[Any],
    used: set[str],
    line: Callable[[Any, DataPath], Line],
    bullets: bool = False,
) -> list[Block]:
    """The nodes of a list block's records (``path`` is the block's; ``line`` gets each
    record and its path). With ``bullets``, a record's own text is a list item, as on
    the pages whose lists of visits the fiche keeps word for word."""
    out: list[Block] = []
    for index, record in enumerate(records):
        record_path = (*path, kind, index)
        if ctx.silenced(record_path, used):
            continue
        text = record.text if isinstance(record, Item) else None
        if text:
            paragraphs, _ = ctx.prose(text, record_path)
            if bullets:
                for node in paragraphs:
                    add(out, BulletList((node.runs,)) if isinstance(node, Paragraph) else node)
            else:
                _add_sentences(out, paragraphs)
            continue
        produced = line(record, record_path)
        if produced is None:
            continue
        if isinstance(produced, Fact):
            add(out, Facts((produced,)))
        elif produced and isinstance(produced[0], tuple):  # pieces of a bullet line
            add(out, BulletList((typeset(produced),)))
        else:
            for node in produced:
                add(out, Facts((node,)) if isinstance(node, Fact) else node)
    return out


def _add_sentences(out: list[Block], paragraphs: list[Block]) -> None:
    """The first paragraph of a record's text continues the paragraph of the record
    before it; further paragraphs stand alone."""
    for number, node in enumerate(paragraphs):
        previous = out[-1] if out else None
        if number == 0 and isinstance(previous, Paragraph) and isinstance(node, Paragraph):
            last = previous.runs[-1]
            spaced = (*previous.runs[:-1], dataclasses.replace(last, text=last.text + " "))
            out[-1] = Paragraph((*spaced, *node.runs))
        else:
            out.append(node)


def add(out: list[Block], node: Block) -> None:
    """Append, merging with the previous node when both are lists or both fact lines."""
    if out and isinstance(node, BulletList) and isinstance(out[-1], BulletList):
        out[-1] = BulletList(out[-1].items + node.items)
    elif out and isinstance(node, Facts) and isinstance(out[-1], Facts):
        out[-1] = Facts(out[-1].rows + node.rows)
    else:
        out.append(node)
