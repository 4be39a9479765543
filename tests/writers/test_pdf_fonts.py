"""The fonts of the PDF: subsets kept across documents write the bytes ReportLab writes."""

from __future__ import annotations

import io
import zlib

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace, TTFontFile

from fiche_pays import render
from fiche_pays.writers.pdf import fonts


def _faces(theme) -> list[TTFontFace]:
    return [pdfmetrics.getFont(name).face for name in fonts.register_theme(theme).values()]


def _pdf(document, theme) -> bytes:
    out = io.BytesIO()
    render(document, "pdf", out, theme)
    return out.getvalue()


def test_kept_subsets_write_the_same_pdf_as_reportlab(document, theme, monkeypatch):
    faces = _faces(theme)
    assert all(type(face) is fonts._CachedSubsets for face in faces)
    _pdf(document, theme)  # the document's subsets are now kept
    hits = fonts._subset.cache_info().hits
    kept = _pdf(document, theme)
    assert fonts._subset.cache_info().hits > hits  # taken from the cache this time
    for face in faces:
        monkeypatch.setattr(face, "__class__", TTFontFace)
    assert _pdf(document, theme) == kept


def test_a_kept_subset_is_the_subset_reportlab_makes(theme):
    face = _faces(theme)[0]
    codes = [0, *range(32, 127), 0xE9, 0x2019]
    made = face.makeSubset(codes)
    assert made == TTFontFile.makeSubset(face, codes)
    assert face.makeSubset(list(codes)) is made
    assert fonts._KEPT_FLATE.encode(made) == zlib.compress(made)
    assert fonts._KEPT_FLATE.pdfname == "FlateDecode"


def test_fonts_write_the_objects_reportlab_writes_with_our_unicode_map(
    document, theme, monkeypatch
):
    """Our fonts' addObjects is ReportLab's with to_unicode_cmap, and ReportLab's own
    makeToUnicodeCMap is left as it is for any other font in the process."""
    assert ttfonts.makeToUnicodeCMap.__module__ == "reportlab.pdfbase.ttfonts"
    ours = _pdf(document, theme)
    for name in fonts.register_theme(theme).values():
        font = pdfmetrics.getFont(name)
        assert type(font) is fonts._Font
        monkeypatch.setattr(font, "__class__", TTFont)
    monkeypatch.setattr(ttfonts, "makeToUnicodeCMap", fonts.to_unicode_cmap)
    assert _pdf(document, theme) == ours
    monkeypatch.undo()
    _pdf(document, theme)
    assert ttfonts.makeToUnicodeCMap.__module__ == "reportlab.pdfbase.ttfonts"
