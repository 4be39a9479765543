"""Where ReportLab may end a line: at breaking spaces only, never at a no-break space.

ReportLab (4 and 5) cuts a paragraph into words with its module function
``reportlab.platypus.paragraph.split``: ``str.split()`` without arguments, which splits
at every Unicode space, the no-break ones included, or, when the text holds a U+00A0,
a list of spaces that still counts U+202F NARROW NO-BREAK SPACE as breakable. French
typography puts U+202F inside numbers ("2 000") and before ; ! ?, and U+00A0 between a
figure and its unit ("18 000 €"): ReportLab broke lines there ("2 / 000") and drew an
ordinary space in place of the character.

:func:`install` replaces that one function, once per process, with a splitter that
breaks only where Unicode line breaking (UAX #14) allows: not at U+00A0, U+202F, U+2007
FIGURE SPACE or U+2060 WORD JOINER, which then stay in the words, drawn with their own
glyph and found again by a text extractor. Text and characters are unchanged.
"""

from __future__ import annotations

import re

from reportlab.platypus import paragraph as _paragraph

# The characters UAX #14 forbids a break at (class GL, "glue").
NO_BREAK = "\u00a0\u202f\u2007\u2060"

# ReportLab's own list of spaces, less the no-break ones: the same breaks as before
# everywhere else.
BREAKING = "".join(c for c in _paragraph._wsc if c not in NO_BREAK)
_split_at_breaks = re.compile(f"[{re.escape(BREAKING)}]+").split


# Breaking spaces other than " " (line breaks, tabs, the wide Unicode spaces).
_other_break = re.compile("[{}]".format(re.escape(BREAKING.replace(" ", "")))).search


def single_spaced(text: str) -> bool:
    """True when ``text`` breaks only at single " " (no other breaking space, no two in a
    row): :func:`split` then gives its words as ``text.split(" ")`` does, once stripped.
    (A character class and a substring test: a regular expression with both in an
    alternative scans four times slower.)"""
    return "  " not in text and _other_break(text) is None


def split(text: str | bytes, delim: str | bytes | None = None) -> list[str]:
    """ReportLab's word splitter, breaking at breaking spaces only (as ``str.split()``:
    no empty word at either end)."""
    if isinstance(text, bytes):
        text = text.decode("utf8")
    if delim is not None:
        if isinstance(delim, bytes):
            delim = delim.decode("utf8")
        return text.split(delim)
    return [word for word in _split_at_breaks(text) if word]


def install() -> None:
    """Make ReportLab's paragraphs use :func:`split` (idempotent)."""
    _paragraph.split = split


def installed() -> bool:
    """True when ReportLab's paragraphs split words with :func:`split`."""
    return _paragraph.split is split
