"""The records of a list block, in order: each record's own sentence, or its generated
line; consecutive sentences make one paragraph (as on the page), consecutive lines one
list, and a record a text of its section cites is not repeated."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..french import typography
from ..model.types import DataPath, Item
from ..tree import Block, BulletList, Fact, Facts, Paragraph, Run

if TYPE_CHECKING:
    from .context import Context

Line = str | Fact | Sequence[Fact] | Sequence[Block] | None
"""What a record without a sentence gives: a bullet line, fact lines, or whole nodes."""


def record_blocks(
    ctx: Context,
    path: DataPath,
    kind: str,
    records: Sequence[Any],
    used: set[str],
    line: Callable[[Any], Line],
) -> list[Block]:
    """The nodes of a list block's records (``path`` is the block's)."""
    out: list[Block] = []
    for index, record in enumerate(records):
        record_path = (*path, kind, index)
        if ctx.silenced(record_path, used):
            continue
        text = record.text if isinstance(record, Item) else None
        if text:
            paragraphs, _ = ctx.prose(text, (*record_path, "texte"))
            _add_sentences(out, paragraphs)
            continue
        produced = line(record)
        if produced is None:
            continue
        if isinstance(produced, str):
            _add(out, BulletList(((Run(typography(produced)),),)))
        elif isinstance(produced, Fact):
            _add(out, Facts((produced,)))
        else:
            for node in produced:
                _add(out, Facts((node,)) if isinstance(node, Fact) else node)
    return out


def _add_sentences(out: list[Block], paragraphs: list[Paragraph]) -> None:
    """The first paragraph of a record's text continues the paragraph of the record
    before it; further paragraphs stand alone."""
    for number, node in enumerate(paragraphs):
        if number == 0 and out and isinstance(out[-1], Paragraph) and _joinable(out[-1]):
            previous = out.pop()
            out.append(Paragraph((Run(previous.runs[0].text + " " + node.runs[0].text),)))
        else:
            out.append(node)


def _joinable(node: Paragraph) -> bool:
    return len(node.runs) == 1 and not node.runs[0].bold


def _add(out: list[Block], node: Block) -> None:
    """Append, merging with the previous node when both are lists or both fact lines."""
    if out and isinstance(node, BulletList) and isinstance(out[-1], BulletList):
        out[-1] = BulletList(out[-1].items + node.items)
    elif out and isinstance(node, Facts) and isinstance(out[-1], Facts):
        out[-1] = Facts(out[-1].rows + node.rows)
    else:
        out.append(node)
