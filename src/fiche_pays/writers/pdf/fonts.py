"""TrueType fonts for the PDF: registered once per process, their coverage, and the
Unicode map of each embedded subset."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFStreamFilterZCompress
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont, TTFontFace, TTFontFile

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
        font = _Font(names[kind], str(paths[kind]))
        font.face.__class__ = _CachedSubsets  # the same face, its subsets kept (below)
        pdfmetrics.registerFont(font)
    # <b> and <i> in paragraph markup pick the matching face.
    addMapping(names["regular"], 0, 0, names["regular"])
    addMapping(names["regular"], 1, 0, names["bold"])
    addMapping(names["regular"], 0, 1, names["italic"])
    addMapping(names["regular"], 1, 1, names["bold_italic"])
    return names


class _Font(TTFont):
    """A TrueType font whose subsets get our ToUnicode map (:func:`to_unicode_cmap`).

    ReportLab internal copied (guarded by ``tests/writers/test_pdf_fonts.py``, which
    compares the saved document with ReportLab's ``TTFont.addObjects`` given the same
    map): ``TTFont.addObjects``, with ``to_unicode_cmap`` in place of ReportLab's
    ``makeToUnicodeCMap`` (which ReportLab offers no way to choose per font).
    """

    def addObjects(self, doc: object) -> None:
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            face = self.face
            base_name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX))
            base_name = base_name.decode("pdfdoc")
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal_name
            font.BaseFont = base_name
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = pdfdoc.PDFArray(list(map(face.getCharWidth, subset)))
            cmap = pdfdoc.PDFStream()
            cmap.content = to_unicode_cmap(base_name, subset)
            if doc.compression:
                cmap.filters = [pdfdoc.PDFZCompress]
            font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_name)
            font.FontDescriptor = face.addSubsetObjects(doc, base_name, subset)
            doc.Reference(font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = font
        del self.state[doc]


class _CachedSubsets(TTFontFace):
    """A font face that keeps its last subsets, made and compressed, across documents.

    Each PDF embeds, per face, the subset of the glyphs it shows, in the order its text
    first shows them: ~5 ms to cut from the font and ~3 ms to compress per face and
    document. A face a build uses for the same words in every fiche (headings, page
    furniture) gets the same subset each time: it is made once. The subset's program
    depends only on the face and the code list, and its compressed form only on the
    program, so the bytes written are the same as without the cache.

    ReportLab internal used (guarded by ``tests/writers/test_pdf_fonts.py``): the font
    file stream's name ``fontFile:<file>(<font name>)`` in ``doc.idToObject``.
    """

    def makeSubset(self, subset: list[int]) -> bytes:
        return _subset(self, tuple(subset))

    def addSubsetObjects(self, doc: object, fontname: str, subset: list[int]) -> object:
        reference = super().addSubsetObjects(doc, fontname, subset)
        stream = doc.idToObject[f"fontFile:{self.filename}({fontname})"]
        if stream.filters:
            stream.filters = [_KEPT_FLATE]
        return reference


@lru_cache(maxsize=24)  # a few faces, a few subsets each: ~1 MB at most
def _subset(face: TTFontFace, codes: tuple[int, ...]) -> bytes:
    return TTFontFile.makeSubset(face, list(codes))


class _KeptFlate(PDFStreamFilterZCompress):
    """ReportLab's Flate filter, whose output for a font program already compressed in
    this process is taken again (the program is the same ``bytes`` object: cheap key)."""

    def encode(self, text: bytes) -> bytes:
        return _deflate(text)


_KEPT_FLATE = _KeptFlate()


@lru_cache(maxsize=24)
def _deflate(data: bytes) -> bytes:
    return PDFStreamFilterZCompress.encode(_KEPT_FLATE, data)


@lru_cache(maxsize=8)
def coverage(path: Path) -> frozenset[int]:
    """The code points a font file has glyphs for."""
    return frozenset(TTFontFile(str(path)).charToGlyph)


def register_theme(theme: Theme) -> dict[str, str]:
    """Register a template's fonts (once per process); return kind -> font name."""
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
