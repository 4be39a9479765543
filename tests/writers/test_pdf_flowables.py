"""The PDF's own flowables: a laid paragraph (table cells, TOC titles) breaks its lines
once per width, into the lines ReportLab's Paragraph makes; a table's cell styles made
once per table are those ReportLab's setStyle makes."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph, Table, TableStyle

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
