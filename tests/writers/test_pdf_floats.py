"""The float rule of the PDF (writers/pdf/floats.py): a chart block that does not fit goes
to the top of the next page and the text that follows fills the page before it."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Frame, PageTemplate, Paragraph, Spacer

from fiche_pays.writers.pdf.floats import FloatingDocTemplate
from fiche_pays.writers.pdf.flowables import ChartBlock

STYLE = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=14, spaceAfter=6)


class _Recording(FloatingDocTemplate):
    """Records the page and the top of every flowable it places."""

    def __init__(self):
        super().__init__(BytesIO(), pagesize=A4)
        frame = Frame(
            50, 50, 400, 600, id="f", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
        )
        self.addPageTemplates([PageTemplate("p", [frame])])
        self.placed: list[tuple[int, str, float]] = []

    def afterFlowable(self, flowable):
        name = getattr(flowable, "name", None) or getattr(flowable, "text", "")[:12]
        if name:  # not the template's own actions (page begin)
            self.placed.append((self.page, name, self.frame._y))


def _chart(name: str, height: float = 300) -> ChartBlock:
    figure = Spacer(400, height)
    block = ChartBlock(Paragraph(f"Titre {name}", STYLE), figure, Paragraph("Source", STYLE))
    block.name = name
    return block


def _text(name: str, lines: int) -> Paragraph:
    return Paragraph(" ".join([name] * 12 * lines), STYLE)  # about ``lines`` lines


def _build(story):
    doc = _Recording()
    doc.build(story)
    return doc.placed


def _pages(placed, name):
    return [page for page, n, _ in placed if n.startswith(name)]


def test_a_chart_that_fits_stays_in_its_place():
    placed = _build([_text("avant", 5), _chart("G"), _text("après", 5)])
    assert [n[:5] for _, n, _ in placed] == ["avant", "G", "après"]
    assert {page for page, _, _ in placed} == {1}


def test_a_chart_that_does_not_fit_floats_and_the_text_after_fills_the_page():
    placed = _build([_text("avant", 25), _chart("G"), *(_text(f"suite{i}", 3) for i in range(8))])
    chart = next(p for p in placed if p[1] == "G")
    assert chart[0] == 2
    first_on_two = next(p for p in placed if p[0] == 2)
    assert first_on_two[1] == "G"  # first on its page
    assert _pages(placed, "suite0") == [1]  # the text read after the chart came first
    page_one = [p for p in placed if p[0] == 1]
    assert page_one[-1][2] < 50 + 14 + 6 + 14  # page 1 filled to within a line or two


def test_charts_that_float_keep_their_order_and_are_not_lost_at_the_end():
    story = [_text("avant", 25), _chart("G1"), _chart("G2"), _text("fin", 1)]
    placed = _build(story)
    charts = [(page, name) for page, name, _ in placed if name.startswith("G")]
    assert [name for _, name in charts] == ["G1", "G2"]
    assert charts[0][0] == 2  # after "fin", which fits on page 1
    assert _pages(placed, "fin") == [1]
    assert charts[1][0] >= charts[0][0]


def test_a_chart_at_the_end_that_does_not_fit_gets_the_next_page():
    placed = _build([_text("avant", 25), _chart("G")])
    assert [(page, name) for page, name, _ in placed if name == "G"] == [(2, "G")]
