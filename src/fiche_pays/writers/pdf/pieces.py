"""Very long paragraphs laid out in pieces, so that time stays linear in the text.

ReportLab breaks a paragraph into lines with ``list.pop(0)`` over its words (quadratic
in the paragraph's length), and when a paragraph runs over a page it breaks the whole
rest again on the next page (quadratic in the number of pages): 50 000 words in one
paragraph took 3.5 s, 100 000 words 22 s, 5 MB never finished. A paragraph longer than
:data:`PIECE` characters is therefore given to ReportLab as consecutive paragraphs of at
most that size, cut at a sentence end when there is one, else between two words; the
pieces share one structure element (one P for a screen reader) and are spaced as one
paragraph. No real paragraph comes near the size (about 2 000 words, 4 pages).
"""

from __future__ import annotations

import dataclasses
import re

from ... import tree

PIECE = 12_000  # characters
_SENTENCE_END = re.compile(r"[.!?…»)]\s")  # the space after it is where to cut


def cut_points(text: str, size: int = PIECE) -> list[int]:
    """Offsets where ``text`` is cut into pieces of at most ``size`` characters (empty
    for a text that fits in one). A cut drops the space it falls on, if any."""
    cuts: list[int] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        ends = [m.end() - 1 for m in _SENTENCE_END.finditer(window, size // 2)]
        if ends:
            cut = start + ends[-1]  # on the space after the last sentence of the window
        else:
            space = window.rfind(" ", size // 2)
            cut = start + (space if space > 0 else size)  # a word longer than a piece
        cuts.append(cut)
        start = cut + 1 if text[cut : cut + 1] == " " else cut
    return cuts


def pieces(runs: tree.Runs, size: int = PIECE) -> list[tree.Runs]:
    """The runs as consecutive pieces of at most ``size`` characters of text; every
    character is kept, but the spaces cuts fall on."""
    text = "".join(run.text for run in runs)
    cuts = cut_points(text, size)
    if not cuts:
        return [tuple(runs)]
    result: list[tree.Runs] = []
    bounds = [0]
    for cut in cuts:
        bounds += [cut, cut + 1 if text[cut : cut + 1] == " " else cut]
    bounds.append(len(text))
    for begin, end in zip(bounds[::2], bounds[1::2], strict=True):
        result.append(_slice(runs, begin, end))
    return result


def _slice(runs: tree.Runs, begin: int, end: int) -> tree.Runs:
    """The runs' text between two offsets, each piece keeping everything else of its run
    (formatting, link, raised ending, source)."""
    sliced: list[tree.Run] = []
    offset = 0
    for run in runs:
        low, high = max(begin, offset), min(end, offset + len(run.text))
        if low < high:
            part = run.text[low - offset : high - offset]
            sliced.append(dataclasses.replace(run, text=part))
        offset += len(run.text)
    return tuple(sliced)
