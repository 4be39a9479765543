"""TrueType fonts for the PDF: registered once per process, and their coverage."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from ...theme.style import Theme

_KINDS = ("regular", "bold", "italic", "bold_italic")


@lru_cache(maxsize=8)
def register(family: str, files: tuple[tuple[str, Path], ...]) -> dict[str, str]:
    """Register a family's four faces with ReportLab; return kind -> font name.

    Registration parses each font file (~5 ms a face), so it happens once per process.
    """
    paths = dict(files)
    names = {kind: f"{family}-{kind}" for kind in _KINDS}
    for kind in _KINDS:
        pdfmetrics.registerFont(TTFont(names[kind], str(paths[kind])))
    # <b> and <i> in paragraph markup pick the matching face.
    addMapping(names["regular"], 0, 0, names["regular"])
    addMapping(names["regular"], 1, 0, names["bold"])
    addMapping(names["regular"], 0, 1, names["italic"])
    addMapping(names["regular"], 1, 1, names["bold_italic"])
    return names


@lru_cache(maxsize=8)
def coverage(path: Path) -> frozenset[int]:
    """The code points a font file has glyphs for."""
    return frozenset(TTFontFile(str(path)).charToGlyph)


def register_theme(theme: Theme) -> dict[str, str]:
    """Register a template's fonts (once per process); return kind -> font name."""
    return register(theme.family, tuple(sorted(theme.font_files.items())))
