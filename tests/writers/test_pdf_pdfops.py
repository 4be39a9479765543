"""The short paths of :mod:`fiche_pays.writers.pdf.pdfops` write what ReportLab's own code
writes: each is run beside ReportLab's, on two documents fed the same calls. A ReportLab
upgrade that changes its output or the internals relied on fails here."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.colors import CMYKColor, Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from fiche_pays.writers.pdf import fonts
from fiche_pays.writers.pdf.pdfops import FastStateCanvas, FastTextObject


@pytest.fixture(scope="module")
def font_name(theme) -> str:
    return fonts.register_theme(theme)["regular"]


def _texts(font_name: str) -> list[str]:
    """French text with no-break spaces, a character the font lacks, text repeated, then
    enough distinct characters to fill the first subset of 256 codes and open a second."""
    glyphs = sorted(pdmetrics_font(font_name).face.charToGlyph)
    many = "".join(chr(c) for c in glyphs if c > 32)[:400]
    french = [
        "La coopération bilatérale s’est développée",
        "dans les domaines de l’énergie\u00a0: 12\u202f%",
        "",
        "La coopération bilatérale s’est développée",
        "un caractère absent \U0001f600 puis le texte",
        "un caractère absent \U0001f600 puis le texte",
    ]
    return french + [many[i : i + 37] for i in range(0, len(many), 37)] + french + [many]


def pdmetrics_font(name: str):
    return pdfmetrics.getFont(name)


class _Plain(PDFTextObject):
    pass


def _canvas() -> FastStateCanvas:
    return FastStateCanvas(io.BytesIO())


def test_text_runs_are_written_as_reportlab_writes_them(font_name):
    ours, theirs = _canvas(), Canvas(io.BytesIO())
    fast, plain = FastTextObject(ours), _Plain(theirs)
    for tx in (fast, plain):
        tx.setFont(font_name, 9.5, 12)
    for text in _texts(font_name):
        assert fast._formatText(text) == plain._formatText(text)
        fast.textLine(text)
        plain.textLine(text)
    assert fast.getCode() == plain.getCode()
    assert ours.subset_codes(pdmetrics_font(font_name)).codes  # the short path was taken


def test_split_strings_match_reportlab_subsets(font_name):
    font = pdmetrics_font(font_name)
    ours, theirs = _canvas(), Canvas(io.BytesIO())
    codes = ours.subset_codes(font)
    for text in _texts(font_name):
        assert codes.split(text) == font.splitString(text, theirs._doc)
    state, reference = font.state[ours._doc], font.state[theirs._doc]
    assert state.subsets == reference.subsets
    assert len(state.subsets) > 1  # the test reached a second subset


@pytest.mark.parametrize("on", ["canvas", "text object"])
def test_fill_colours_are_written_as_reportlab_writes_them(on):
    ours, theirs = _canvas(), Canvas(io.BytesIO())
    if on == "text object":
        ours, theirs = FastTextObject(ours), _Plain(theirs)
    colours = [
        Color(0, 0.2, 0.4),
        Color(0.1234567, 0.5, 1),
        Color(0, 0.2, 0.4),
        Color(0.5, 0.5, 0.5, alpha=0.5),
        Color(0, 0.2, 0.4),
        CMYKColor(0.1, 0.2, 0.3, 0.4),
        (0.2, 0.3, 0.4),
        "red",
    ]
    for colour in colours:
        ours.setFillColor(colour)
        theirs.setFillColor(colour)
        assert ours._fillColorObj == theirs._fillColorObj
    ours.setFillColor(Color(0, 0, 1), alpha=0.25)
    theirs.setFillColor(Color(0, 0, 1), alpha=0.25)
    for alpha in (1, 0.25, 1.0, 1, 0.5, 0.5, True, 1):  # set directly, then by colours
        for target in (ours, theirs):
            if alpha == 0.5:
                target.setFillAlpha(alpha)
            target.setFillColor(Color(0.3, 0.2, 0.1, alpha=alpha))
    assert ours._code == theirs._code
    assert "/gRLs0 gs" in ours._code  # the alpha of a colour was set
    canvases = [c if isinstance(c, Canvas) else c._canvas for c in (ours, theirs)]
    assert canvases[0]._doc._pdfVersion == canvases[1]._doc._pdfVersion == (1, 4)
    assert canvases[0]._extgstate._d == canvases[1]._extgstate._d
    assert canvases[0]._extgstate._c == canvases[1]._extgstate._c
    for target in (ours, theirs):
        with pytest.raises(ValueError, match="setFillAlpha invalid value"):
            target.setFillColor(Color(0.3, 0.2, 0.1, alpha=2))


@pytest.mark.parametrize("on", ["canvas", "text object"])
def test_a_plain_colour_first_allows_transparency_as_in_reportlab(on):
    """The first colour (alpha 1, the opacity in force) still raises the PDF version."""
    ours, theirs = _canvas(), Canvas(io.BytesIO())
    assert ours._doc._pdfVersion == (1, 3)
    targets = (FastTextObject(ours), _Plain(theirs)) if on == "text object" else (ours, theirs)
    for target in targets:
        target.setFillColor(Color(0, 0.2, 0.4))
    assert ours._doc._pdfVersion == theirs._doc._pdfVersion == (1, 4)
    assert ours._code == theirs._code


def test_saved_graphics_state_is_restored_whole():
    canv = _canvas()
    canv.setFont("Helvetica", 12)
    canv.setFillColor(Color(0.1, 0.2, 0.3))
    before = {name: canv.__dict__[name] for name in Canvas.STATE_ATTRIBUTES}
    canv.saveState()
    canv.setFont("Courier", 7)
    canv.setFillColor(Color(1, 0, 0))
    canv.setLineWidth(3)
    canv.translate(10, 20)
    canv.setFillAlpha(0.5)
    canv.restoreState()
    assert {name: canv.__dict__[name] for name in Canvas.STATE_ATTRIBUTES} == before
    assert canv.state_stack == []


def test_translations_are_written_and_tracked_as_reportlab_does():
    ours, theirs = _canvas(), Canvas(io.BytesIO())
    positions: dict[int, list] = {id(ours): [], id(theirs): []}
    for canv in (ours, theirs):
        canv.scale(2, 0.5)
        canv.translate(10.5, -3)  # merged with the scale's "cm"
        canv.rect(0, 0, 1, 1)
        for dx, dy in [(1.25, 2), (0, 0), (-0.0, 1e-7), (123456.789, -7.1)]:
            canv.saveState()
            canv.translate(dx, dy)
            canv.line(0, 0, 1, 1)
            positions[id(canv)].append(canv.absolutePosition(3.3, 4.4))
            canv.restoreState()
        canv.rotate(30)
        canv.translate(5, 5)
    assert ours._code == theirs._code
    assert ours._currentMatrix == theirs._currentMatrix
    assert positions[id(ours)] == positions[id(theirs)]
