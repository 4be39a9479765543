"""Where a reviewer's text differs from what was written, and which piece each change
falls in.

Texts are compared word by word (so that "annuelles" -> "semestrielles" is one change,
not "annu" -> "semestri"); a changed stretch is then placed among the pieces of the
paragraph (:class:`~fiche_pays.apply.record.Piece`). Text typed exactly at the border of
two pieces goes to the one a reviewer can change: the desk officer's prose before a
value worded from data, data before the fiche's own wording, anything before a computed
value.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from ..composer.provenance import align
from .record import Piece

_TOKEN = re.compile(r"\w+|[^\S\n]+|\n|[^\w\s]")

Opcode = tuple[str, int, int, int, int]


def _tokens(text: str) -> tuple[list[str], list[int]]:
    tokens = _TOKEN.findall(text)
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    return tokens, offsets


def word_opcodes(old: str, new: str) -> list[Opcode]:
    """Opcodes (as :class:`difflib.SequenceMatcher` gives them) in characters, found by
    comparing words."""
    old_tokens, old_at = _tokens(old)
    new_tokens, new_at = _tokens(new)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    return [
        (tag, old_at[i1], old_at[i2], new_at[j1], new_at[j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def char_opcodes(old: str, new: str) -> list[Opcode]:
    """Word opcodes, each replacement refined character by character (to place piece
    borders that fall inside a replaced stretch)."""
    result: list[Opcode] = []
    for tag, i1, i2, j1, j2 in word_opcodes(old, new):
        if tag != "replace":
            result.append((tag, i1, i2, j1, j2))
            continue
        matcher = difflib.SequenceMatcher(None, old[i1:i2], new[j1:j2], autojunk=False)
        result += [
            (t, i1 + a1, i1 + a2, j1 + b1, j1 + b2) for t, a1, a2, b1, b2 in matcher.get_opcodes()
        ]
    return result


def rank(piece: Piece) -> int:
    """How much a piece may take what is typed at its border (higher takes it)."""
    source = piece.source
    if source is None:
        return 1
    if source.form == "prose":
        return 3
    return 0 if source.form == "calcule" else 2


def share(pieces: list[Piece], new: str) -> list[str]:
    """The new text of each piece: ``new`` cut where the pieces' borders went."""
    old = "".join(piece.text for piece in pieces)
    if old == new:
        return [piece.text for piece in pieces]
    ops = char_opcodes(old, new)
    inserts = [(i1, j1, j2) for tag, i1, _, j1, j2 in ops if tag == "insert"]
    cuts = [0]
    border = 0
    for left, right in pairwise(pieces):
        border += len(left.text)
        before, after = _border(ops, border)
        if before == after:
            before, after = _slid(old, new, inserts, border, before)
        cut = after if rank(left) >= rank(right) else before
        cuts.append(max(cut, cuts[-1]))
    cuts.append(len(new))
    return [new[a:b] for a, b in pairwise(cuts)]


def _slid(
    old: str, new: str, inserts: list[tuple[int, int, int]], border: int, at: int
) -> tuple[int, int]:
    """An insertion made next to ``border`` that reads the same at it ("français " after
    "résidents " is " français" after "résidents"): its place at the border."""
    for i, j1, j2 in inserts:
        shift = border - i
        if shift == 0 or abs(shift) > j2 - j1:
            continue
        same = (
            old[border:i] == new[j2 + shift : j2]
            if shift < 0
            else old[i:border] == new[j1 : j1 + shift]
        )
        if same:
            return j1 + shift, j2 + shift
    return at, at


def _border(ops: list[Opcode], border: int) -> tuple[int, int]:
    """Where ``border`` (an offset in the old text) lands in the new text: the start and
    end of what was typed right there (the same when nothing was)."""
    before = after = None
    for tag, i1, i2, j1, j2 in ops:
        if i1 < border < i2:  # inside a stretch: kept in place, or cut in proportion
            if tag == "equal":
                position = j1 + border - i1
            else:
                position = j1 + round((border - i1) * (j2 - j1) / (i2 - i1))
            return position, position
        if i1 < i2 == border:
            before = after = j2
        elif i1 == i2 == border:
            before = j1 if before is None else before
            after = j2
        elif i1 == border < i2:
            before = j1 if before is None else before
            after = j1 if after is None else after
            break
    if before is None:
        end = ops[-1][4] if ops else 0
        return end, end
    return before, after


@dataclass
class Change:
    """A changed stretch, for the report: old and new words with a word of context."""

    old: str
    new: str
    start: int  # in the new text
    end: int


def changes(old: str, new: str) -> list[Change]:
    """The changed stretches between two texts, each widened to whole words with one
    word of context on the left (or the right at the start), near ones merged."""
    ops = [op for op in word_opcodes(old, new) if op[0] != "equal"]
    merged: list[list[int]] = []
    for _, i1, i2, j1, j2 in ops:
        if merged and i1 - merged[-1][1] <= 2 and j1 - merged[-1][3] <= 2:
            merged[-1][1], merged[-1][3] = i2, j2
        else:
            merged.append([i1, i2, j1, j2])
    result = []
    for i1, i2, j1, j2 in merged:
        a1, a2, b1, b2 = _context(old, new, i1, i2, j1, j2)
        result.append(Change(old[a1:a2].strip(), new[b1:b2].strip(), j1, j2))
    return result


def _context(old: str, new: str, i1: int, i2: int, j1: int, j2: int) -> tuple[int, int, int, int]:
    left = re.search(r"(\w+)\W*$", old[:i1])
    if left and new[:j1].endswith(old[left.start() : i1]):
        width = i1 - left.start()
        return i1 - width, i2, j1 - width, j2
    right = re.match(r"\W*\w+", old[i2:])
    if right and new[j2:].startswith(right.group(0)):
        width = right.end()
        return i1, i2 + width, j1, j2 + width
    return i1, i2, j1, j2


def splice(raw: str, shown: str, new_shown: str, clean: Callable[[str], str]) -> str:
    """``raw`` (text as in the data file) changed as ``shown`` (the same text as
    printed) was changed into ``new_shown``: what the reviewer did not touch keeps its
    characters in the file (line breaks, straight quotes); what was typed goes through
    ``clean``."""
    if shown == new_shown:
        return raw
    origin = align(raw, shown)

    def at(position: int) -> int:
        if position >= len(shown):
            return len(raw)
        return origin[position] if origin is not None else position

    result = raw
    for tag, i1, i2, j1, j2 in reversed(char_opcodes(shown, new_shown)):
        if tag == "equal":
            continue
        start = at(i1)
        end = at(i2 - 1) + 1 if i2 > i1 else start
        result = result[:start] + clean(new_shown[j1:j2]) + result[end:]
    return result
