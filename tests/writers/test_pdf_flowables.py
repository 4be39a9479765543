"""The PDF's own flowables: a laid paragraph (table cells, TOC titles) breaks its lines
once per width, into the lines ReportLab's Paragraph makes; a table's cell styles made
once per table are those ReportLab's setStyle makes."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from fiche_pays.writers.pdf import breaking, fonts
from fiche_pays.writers.pdf.flowables import LaidParagraph, SplittingTable, whole_table_styles
from fiche_pays.writers.pdf.styles import style_sheet

TEXT = "Visite d\u2019État du président de la République, accords de coopération signés"


class _Counted(LaidParagraph):
    breaks = 0

    def breakLines(self, width):
        type(self).breaks += 1
        return super().breakLines(width)


def test_lines_broken_once_per_width(theme):
    breaking.install()
    style = style_sheet(theme, fonts.register_theme(theme)).styles["toc1"]
    para = _Counted(TEXT, style)
    theirs = Paragraph(TEXT, style)
    for width in (120, 120, 300, 300, 120):
        assert para.wrap(width, 1e6) == theirs.wrap(width, 1e6)
        assert para.blPara.lines == theirs.blPara.lines
    assert _Counted.breaks == 3  # 120, 300, then 120 again (one width kept)


CELL_COMMANDS = [
    (
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), "Helvetica", 8.5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ),
    (
        ("FONT", (0, 0), (-1, -1), "Times-Roman", 9, 11),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
        ("TEXTCOLOR", (0, 0), (-1, -1), "#336699"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEADING", (0, 0), (-1, -1), 12),
    ),
]


@pytest.mark.parametrize("commands", CELL_COMMANDS)
@pytest.mark.parametrize("shape", [(1, 1), (2, 3), (7, 4)])
def test_cell_commands_make_reportlabs_cell_styles(commands, shape, theme):
    """A SplittingTable given ``cell_commands`` is the table ReportLab's setStyle makes of
    them: every cell's style holds the same values, set in the same order."""
    style = style_sheet(theme, fonts.register_theme(theme)).styles["cell"]
    rows, columns = shape
    data = [[Paragraph(f"{i} {j}", style) for j in range(columns)] for i in range(rows)]
    theirs = Table(data, colWidths=[60] * columns, repeatRows=1)
    theirs.setStyle(TableStyle(list(commands)))
    ours = SplittingTable(
        [list(row) for row in data], colWidths=[60] * columns, repeatRows=1, cell_commands=commands
    )
    assert [[list(vars(c).items()) for c in row] for row in ours._cellStyles] == [
        [list(vars(c).items()) for c in row] for row in theirs._cellStyles
    ]
    assert ours._cellvalues == theirs._cellvalues
    # Each cell its own style (ReportLab changes one cell's when it splits a row).
    assert len({id(c) for row in ours._cellStyles for c in row}) == rows * columns


def test_cell_commands_cover_the_whole_table():
    with pytest.raises(ValueError):
        whole_table_styles(2, 2, (("VALIGN", (0, 1), (-1, -1), "TOP"),))


def _cell_paragraphs(theme):
    sheet = style_sheet(theme, fonts.register_theme(theme))
    spaced = ParagraphStyle("spaced", sheet.styles["cell"], spaceBefore=3.3, spaceAfter=1.7)
    texts = ["", "Astana", TEXT, TEXT * 3, "18\u00a0000\u00a0€"]
    return [
        LaidParagraph(text, style)
        for text in texts
        for style in (sheet.styles["cell"], sheet.styles["cell_number"], spaced)
    ]


def test_cell_measure_is_reportlabs(theme):
    """SplittingTable's measure of a one-paragraph cell from its kept wrap equals Table's
    own, wrapped or not yet, at the width kept or another."""
    breaking.install()
    ours = SplittingTable([["x"]], colWidths=[100])
    theirs = Table([["x"]], colWidths=[100])
    style = CellStyle("x")
    style.leftPadding, style.rightPadding, style.topPadding = 4.2, 3.9, 2
    for para in _cell_paragraphs(theme):
        for width in (160.5, 160.5, 90, 160.5, 12):
            w1, h1, w2, h2 = [], [], [], []
            mine = ours._listCellGeom((para,), width, style, W=w1, H=h1, aH=500)
            kept = para._wrapped
            para._wrapped = None  # Table's path: wrapOn, the line breaking done again
            assert theirs._listCellGeom((para,), width, style, W=w2, H=h2, aH=500) == mine
            assert (w1, h1) == (w2, h2)
            para._wrapped = kept or para._wrapped
        assert ours._listCellGeom([], 100, style) == theirs._listCellGeom([], 100, style)


def test_a_table_draws_as_reportlabs(theme):
    """A SplittingTable (cell commands applied once, cells measured from their kept
    wraps) draws the same page code as ReportLab's Table, split over two pages."""
    breaking.install()
    names = fonts.register_theme(theme)

    def page_code(cls, commands, **kw):
        rows = [[LaidParagraph(f"{t} {i}", style) for t in ("a", TEXT)] for i in range(40)]
        table = cls(rows, colWidths=[80, 150], repeatRows=1, **kw)
        table.setStyle(TableStyle(commands))
        canvas = Canvas(io.BytesIO())
        code = []
        for part in table.split(300, 400):
            part.wrapOn(canvas, 300, 400)
            part.drawOn(canvas, 20, 20)
            code.append("\n".join(canvas._code))
            canvas.showPage()
        return code

    style = style_sheet(theme, names).styles["cell"]
    font = ("FONT", (0, 0), (-1, -1), names["regular"], 8.5)
    cells = tuple(font if c[0] == "FONT" else c for c in CELL_COMMANDS[0])
    lines = [
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, "#999999"),
        ("BACKGROUND", (0, 2), (-1, 2), "#eeeeee"),
    ]
    theirs = page_code(Table, [*cells, *lines])
    assert page_code(SplittingTable, lines, cell_commands=cells) == theirs
    assert len(theirs) == 2
