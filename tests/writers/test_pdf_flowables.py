"""The PDF's own flowables: a laid paragraph (table cells, TOC titles) breaks its lines
once per width, into the lines ReportLab's Paragraph makes."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from fiche_pays.writers.pdf import breaking, fonts
from fiche_pays.writers.pdf.flowables import LaidParagraph
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
