"""TrueType fonts for the PDF: registered once per process, their coverage, and the
Unicode map of each embedded subset."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
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
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
    return register(theme.family, tuple(sorted(theme.font_files.items())))


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """A subset's ToUnicode CMap, in place of ReportLab's ``makeToUnicodeCMap``.

    ReportLab maps every code of the subset, the unused ones (and code 0, .notdef) to
    U+0000, which PDF/UA forbids (Matterhorn 31-028), and in one block of up to 256
    entries where the CMap format allows 100. This map leaves unused codes out.
    """
    entries = [f"<{code:02X}> <{value:04X}>" for code, value in enumerate(subset) if value]
    blocks = []
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            *blocks,
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )
