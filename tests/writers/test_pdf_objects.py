""":func:`fiche_pays.writers.pdf.objects.fmt` writes what ReportLab's ``pdfdoc.format``
writes: values one by one (random and edge cases), then whole documents using every kind
of object it formats itself. A ReportLab upgrade that changes one of the copied
``format`` methods fails here."""

from __future__ import annotations

import io
import random
from collections import OrderedDict

import pytest
from PIL import Image
from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFArrayCompact,
    PDFBase85Encode,
    PDFDictionary,
    PDFDocument,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFString,
    PDFZCompress,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format
from reportlab.pdfgen.canvas import Canvas

from fiche_pays.writers.pdf import fonts, objects, saving
from fiche_pays.writers.pdf.objects import fmt

_TEXTS = [
    "",
    "Kazakhstan",
    "République du Kazakhstan – relations bilatérales",
    "a (parenthèse) et \\ barre, ) seule, ( seule",
    "contrôle \x01\x07\x1f\x7f fin",
    "hors pdfdoc : 東京 😀 Ωμέγα",
    "https://www.diplomatie.gouv.fr/fr/dossiers-pays/kazakhstan/",
    "\u00a0espace insécable\u202f;",
]
_NUMBERS = [0, 1, -1, 7, 1234567, 0.5, -0.25, 595.2756, 841.8898, 1e-7, 12.3456789, 2.0, -0.0]


def _document() -> PDFDocument:
    doc = PDFDocument(invariant=1)
    for name in ("Page1", "R7", "Autre"):
        doc.Reference(PDFDictionary({"N": 1}), name)
    return doc


def _random_value(rng: random.Random, depth: int = 0) -> object:
    kinds = ["name", "number", "text", "string", "reference", "bytes", "bool", "none"]
    if depth < 3:
        kinds += ["dict", "array", "ordered", "compact"]
    kind = rng.choice(kinds)
    if kind == "name":
        return PDFName(rng.choice(["Type", "Font", "a b", "x#y", "é", "(p)"]))
    if kind == "number":
        return rng.choice(_NUMBERS) if rng.random() < 0.5 else rng.uniform(-1000, 1000)
    if kind == "text":
        return rng.choice(["null", "true", "[0 0 1]", "/Link", "é"])
    if kind == "string":
        escape = rng.choice([1, 1, 1, 0, 2, 4, 7])
        enc = rng.choice(["auto", "auto", "utf-8", "raw"])
        value = rng.choice(_TEXTS)
        return PDFString(value.encode("utf-8") if enc == "raw" else value, escape, enc)
    if kind == "reference":
        return PDFObjectReference(rng.choice(["Page1", "R7", "Autre"]))
    if kind == "bytes":
        return rng.choice([b"", b"<00ff>", b"(d\xe9j\xe0)"])
    if kind == "bool":
        return rng.choice([True, False])
    if kind == "none":
        return None
    if kind in ("dict", "ordered"):
        keys = rng.sample(
            ["Type", "Subtype", "Rect", "A", "Z", "b", "é", "K L", "N"], rng.randint(0, 9)
        )
        values = {k: _random_value(rng, depth + 1) for k in keys}
        made = PDFDictionary(OrderedDict(values) if kind == "ordered" else values)
        made.multiline = rng.choice([True, True, False, "forced"])
        return made
    made = (PDFArrayCompact if kind == "compact" else PDFArray)(
        [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 25))]
    )
    if kind == "array" and rng.random() < 0.2:
        made.multiline = "forced"
    return made


def _outcome(formatter, value, doc) -> bytes | str:
    """The bytes, or the error's type: a value ReportLab cannot write fails here too."""
    try:
        return formatter(value, doc)
    except Exception as error:
        return type(error).__name__


@pytest.mark.parametrize("multiline", [0, 1])
def test_values_are_formatted_as_reportlab_formats_them(monkeypatch, multiline):
    monkeypatch.setattr(rl_config, "pdfMultiLine", multiline)
    rng = random.Random(16)
    doc = _document()
    for _ in range(3000):
        value = _random_value(rng)
        assert fmt(value, doc) == pdf_format(value, doc), value
    for value in [*_TEXTS, *_NUMBERS, True, None, 3 + 0j, b"\x00\xff"]:
        assert _outcome(fmt, value, doc) == _outcome(pdf_format, value, doc), value
        wrapped = PDFString(value) if isinstance(value, str) else PDFArray([value])
        assert fmt(wrapped, doc) == pdf_format(wrapped, doc), value


def test_an_object_that_must_be_indirect_is_referred_to():
    ours, theirs = _document(), _document()

    def value() -> PDFDictionary:
        stream = PDFStream(content=b"abc", filters=[PDFZCompress])
        return PDFDictionary({"S": stream, "K": PDFArray([stream])})

    values = [value(), value()]
    assert fmt(values[0], ours) == pdf_format(values[1], theirs)
    assert ours.idToObjectNumberAndVersion == theirs.idToObjectNumberAndVersion
    assert fmt(values[0], ours, toplevel=1) == pdf_format(values[1], theirs, toplevel=1)


def test_unresolved_reference_fails_as_in_reportlab():
    with pytest.raises(KeyError, match="forward reference"):
        fmt(PDFObjectReference("Nowhere"), _document())


def test_names_and_texts_kept_are_bounded():
    doc = _document()
    for n in range(objects._BOUND + 100):
        fmt(PDFDictionary({f"K{n}": f"/V{n}"}), doc)
    assert len(objects._NAMES) <= objects._BOUND and len(objects._TEXTS) <= objects._BOUND


def _draw(canvas: Canvas, font_name: str, image: str) -> None:
    """Pages using what a document can hold: text in a TrueType font, forms, an image,
    links of both kinds, bookmarks with destinations of several fits, an outline."""
    canvas.setTitle("Relations (bilatérales)")
    canvas.setAuthor("Ministère de l’Europe")
    canvas.setSubject("Kazakhstan – 東京")
    canvas.setKeywords(["a", "é"])
    canvas.setFont(font_name, 10)
    canvas.beginForm("numero", lowerx=-80, lowery=-5, upperx=5, uppery=20)
    canvas.drawRightString(0, 0, "1 / 3")
    canvas.endForm()
    fits = ["Fit", "FitH", "FitV", "FitR", "FitB", "FitBH", "FitBV", "XYZ"]
    for page in range(3):
        canvas.drawString(72, 700, f"Page {page + 1} : coopération")
        canvas.doForm("numero")
        canvas.drawImage(image, 72, 500, width=40, height=30, mask="auto")
        canvas.linkURL("https://www.diplomatie.gouv.fr/", (72, 690, 200, 710), relative=1)
        canvas.linkRect("vers", f"dest{(page + 1) % 3}", (72, 650, 200, 670), relative=1)
        for n, fit in enumerate(fits[page::3]):
            key = f"dest{page}" if n == 0 else f"dest{page}-{n}"
            canvas.bookmarkPage(key, fit=fit, left=10, top=800, right=500, bottom=20, zoom=0)
            canvas.addOutlineEntry(f"Titre {key} (é)", key, level=min(n, 1))
        canvas.showPage()
    canvas.showOutline()


@pytest.mark.parametrize("compression", [0, 1])
def test_documents_are_saved_as_reportlab_saves_them(theme, tmp_path, compression):
    font_name = fonts.register_theme(theme)["regular"]
    image = tmp_path / "emblem.png"
    Image.new("RGBA", (8, 6), (200, 30, 40, 128)).save(image)

    def build(cls: type) -> bytes:
        out = io.BytesIO()
        canvas = Canvas(out, invariant=1, pageCompression=compression)
        canvas._doc.__class__ = cls
        _draw(canvas, font_name, str(image))
        canvas.save()
        return out.getvalue()

    ours = build(saving.FastDocument)
    assert ours == build(PDFDocument)
    for needle in (b"/Image", b"/Form", b"/Link", b"/URI", b"/FitBH", b"/XYZ", b"/Outlines"):
        assert needle in ours


@pytest.mark.parametrize("wrap", [0, 1])
def test_small_streams_filtered_again_are_the_same(monkeypatch, wrap):
    """A small stream's filtered bytes are kept and taken again (forms, Unicode maps):
    each time the same as ReportLab's, whatever the filters and the ASCII85 wrapping."""
    monkeypatch.setattr(rl_config, "wrapA85", wrap)
    chains = [[PDFZCompress], [PDFBase85Encode, PDFZCompress], [PDFBase85Encode], []]
    contents = [b"", b"BT /F1+0 8 Tf (2 / 4) Tj ET", bytes(range(256)) * 3, b"x" * 5000]
    for _ in range(2):
        for chain in chains:
            for content in contents:
                doc = _document()
                stream = PDFStream(content=content, filters=list(chain))
                assert fmt(stream, doc, toplevel=1) == pdf_format(stream, doc, toplevel=1)
    assert objects._kept.cache_info().hits >= len(chains) * 3
    assert objects._kept.cache_info().maxsize <= 256
