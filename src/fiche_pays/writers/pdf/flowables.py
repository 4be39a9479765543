"""The PDF's own flowables: tagged paragraphs, list items and figures, headings that record
their page, table-of-contents lines, tables whose rows may outgrow a page, the title
block's rule. A flowable that carries a structure element (``struct``) draws as that
element's content; anything else it draws is an artifact (see :mod:`.tagging`).

ReportLab internals used (see :class:`SplittingTable`): ``tables._setCellStyle`` (what a
table style command sets on a cell), applied once per table to a model cell; the
arithmetic of ``Table._listCellGeom`` for a cell of one paragraph."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from reportlab.platypus.tables import CellStyle, _setCellStyle

from ... import tree
from .lines import break_lines, one_line
from .tagging import Elem, draw_marked


class LaidParagraph(Paragraph):
    """A paragraph whose line breaking is kept for the width it was done at, and done by a
    faster path for most texts (see :mod:`.lines`).

    A table lays its cells out again each time it is split across a page and once more
    to draw them, always at the column's width (11 000 line breakings for 4 000 cells on
    table-heavy fiches); a table-of-contents line, at each wrap of the entry.
    """

    _wrapped: tuple[float, float, float, object, list[float]] | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Paragraph's wrap, done once per width (the height plays no part in it)."""
        done = self._wrapped
        if done is not None and done[0] == available_width:
            _, self.width, self.height, self.blPara, self._wrapWidths = done
            return self.width, self.height
        size = super().wrap(available_width, available_height)
        if getattr(self, "width", None) == available_width:  # not refused as too narrow
            lines = self.blPara
            self._wrapped = (available_width, self.width, self.height, lines, self._wrapWidths)
        return size

    def breakLines(self, width: list[float]) -> object:
        """Paragraph's line breaking, the same lines by a faster path for one-fragment text
        (see :mod:`.lines`)."""
        lines = break_lines(self, width)
        if lines is None:
            lines = one_line(self, width)
        return super().breakLines(width) if lines is None else lines


class TaggedParagraph(LaidParagraph):
    """A paragraph drawn as the content of its structure element; its split parts keep it.

    A paragraph whose element has ``inline`` links is marked inside its text object, each
    link run as its Link element (see :meth:`.tagging.Tagger.inline`).
    """

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        *args: object,
        struct: Elem | None = None,
        **kw: object,
    ):
        super().__init__(text, style, *args, **kw)
        self.struct = struct
        self.source = source_text(text or "")

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Paragraph's split; every part belongs to the same element."""
        parts = super().split(available_width, available_height)
        for part in parts:
            if isinstance(part, TaggedParagraph) and part is not self:
                part.struct, part.source = self.struct, self.source
        return parts

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        canv.paragraph_text = self.source  # read at line ends (see tagging._SpacedText)
        try:
            if self.struct is not None and self.struct.inline:
                with canv.tags.inline(self.struct):
                    Paragraph.drawOn(self, canv, x, y, _sW)
                return
            draw_marked(self, self.struct, canv, lambda: Paragraph.drawOn(self, canv, x, y, _sW))
        finally:
            canv.paragraph_text = None


def source_text(markup: str) -> str:
    """The paragraph's text, to tell its own hyphens from those hyphenation adds: a line
    that ends with "Nour-" was cut at a hyphen of the text when "Nour-" is in the text;
    "Répu-" of "République" is not (see tagging._SpacedText)."""
    if "<" not in markup and "&" not in markup:
        return markup  # plain text (most table cells): nothing to remove
    return html.unescape(re.sub(r"<[^>]*>", "", markup))


class ListItem(TaggedParagraph):
    """A list item: its text is the LBody (``struct``), its bullet the Lbl (``label``).

    ReportLab would draw a ``bulletText`` inside the paragraph's own text, in the body's
    marked content; here the first part of the item draws the bullet apart, where
    ReportLab would have put it.
    """

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        *args: object,
        label: Elem | None = None,
        bullet: str = "",
        **kw: object,
    ):
        super().__init__(text, style, *args, **kw)
        self.label, self.bullet = label, bullet

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Only the first part shows the bullet."""
        parts = super().split(available_width, available_height)
        for index, part in enumerate(parts):
            if isinstance(part, ListItem) and part is not self:
                part.label, part.bullet = (self.label, self.bullet) if index == 0 else (None, "")
        return parts

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        style = self.style
        if self.label is not None and not getattr(self, "_tag_drawn", False):
            with canv.tags.content(canv, self.label):
                canv.saveState()
                canv.setFont(style.bulletFontName, style.bulletFontSize)
                canv.setFillColor(style.textColor)
                # Where ReportLab puts a bulletText: on the first line's baseline.
                canv.drawString(
                    x + style.bulletIndent, y + self.height - style.fontSize, self.bullet
                )
                canv.restoreState()
        super().drawOn(canv, x, y, _sW)


class Figure(Flowable):
    """A drawing (the chart) as one Figure element, with its /Alt and its /BBox."""

    def __init__(self, drawing: Flowable, struct: Elem):
        super().__init__()
        self.drawing = drawing
        self.struct = struct

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.drawing.wrap(available_width, available_height)
        return self.width, self.height

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        x0, y0 = canv.absolutePosition(x, y)
        x1, y1 = canv.absolutePosition(x + self.width, y + self.height)
        self.struct.attributes["Layout"] = {"BBox": [round(v, 2) for v in (x0, y0, x1, y1)]}
        draw_marked(self, self.struct, canv, lambda: self.drawing.drawOn(canv, x, y, _sW))


class ChartBlock(Flowable):
    """A chart's caption, drawing and source, never split, at its standard height (every
    chart of a document the same size). It floats (see :mod:`.floats`): when it does not
    fit in the space left on the page, it goes to the top of the next page and the text
    that follows fills the space. ReportLab's KeepTogether would leave the space blank."""

    floats = True

    def __init__(self, caption: Flowable, figure: Flowable, source: Flowable | None):
        super().__init__()
        self.caption, self.figure, self.source = caption, figure, source

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        height = self.caption.wrap(available_width, 1e6)[1] + self.caption.getSpaceAfter()
        height += self.figure.wrap(available_width, 1e6)[1]
        if self.source is not None:
            height += self.source.getSpaceBefore() + self.source.wrap(available_width, 1e6)[1]
        self.width, self.height = available_width, height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []  # never split: moved whole to the next page

    def getSpaceBefore(self) -> float:
        return self.caption.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.source.getSpaceAfter() if self.source is not None else 0

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        top = y + self.height
        _, height = self.caption.wrap(self.width, 1e6)
        top -= height
        self.caption.drawOn(canv, x, top)
        top -= self.caption.getSpaceAfter() + self.figure.height
        self.figure.drawOn(canv, x, top)
        if self.source is not None:
            _, height = self.source.wrap(self.width, 1e6)
            top -= self.source.getSpaceBefore() + height
            self.source.drawOn(canv, x, top)


class Heading(TaggedParagraph):
    """A section heading; the document records its page for bookmarks and the TOC.

    A heading too long for the space left is split like any paragraph (ReportLab builds
    the parts with Paragraph's own arguments); only the first part is the bookmarked one.
    """

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        *args: object,
        section: tree.Section | None = None,
        **kw: object,
    ):
        super().__init__(text, style, *args, **kw)
        self.section = section

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Paragraph's split; the first part keeps the section, the others are text."""
        parts = super().split(available_width, available_height)
        for index, part in enumerate(parts):
            if isinstance(part, Heading) and part is not self:
                part.section = self.section if index == 0 else None
        return parts


_TOC_TITLE_MAX = 300  # characters of a title the TOC shows: a few lines, never a page


class TocEntry(Flowable):
    """A table-of-contents line: linked title, dotted leader, page number form.

    It cannot split, so an overlong title is shortened ("…"): a TOC entry taller than
    the page would stop the whole PDF. The title and the page number are the content of
    the entry's Link element (``struct``), the leader an artifact. ``paragraph`` makes
    the title's paragraph of its runs (raised ordinal endings) in the entry's style,
    without its left indent (the entry's own).
    """

    def __init__(
        self,
        section: tree.Section,
        style: ParagraphStyle,
        leader: str,
        struct: Elem,
        paragraph: Callable[[tree.Runs, ParagraphStyle], Paragraph],
    ):
        super().__init__()
        self.section = section
        self.struct = struct
        self.style = style
        self.leader = leader
        self.indent = style.leftIndent  # the style's indent, applied to the whole line
        title = tree.shown(section.title, section.title_runs)
        if len(section.title) > _TOC_TITLE_MAX:
            title = (tree.Run(section.title[: _TOC_TITLE_MAX - 1].rstrip() + "…"),)
        # No <a> in the text: the link is the whole line's rectangle, one annotation.
        self.para = paragraph(title, style)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        number_width = self.style.fontSize * 2.6
        _, self.height = self.para.wrap(
            available_width - self.indent - number_width, available_height
        )
        return available_width, self.height + self.style.spaceAfter

    def draw(self) -> None:
        with self.canv.tags.content(self.canv, self.struct):
            self._draw()

    def _draw(self) -> None:
        canv, style = self.canv, self.style
        bottom = style.spaceAfter
        self.para.drawOn(canv, self.indent, bottom)
        lines = self.para.blPara.lines
        # The last line's baseline, and where its text ends, for the leader and number.
        ascent = (
            style.fontSize
            if rl_config.paraFontSizeHeightOffset
            else pdfmetrics.getAscent(style.fontName, style.fontSize)
        )
        baseline = bottom + self.height - ascent - style.leading * (len(lines) - 1)
        last = lines[-1]
        extra = last.extraSpace if hasattr(last, "extraSpace") else last[0]
        text_end = self.indent + self.para.width - extra
        number_start = self.width - style.fontSize * 2.2
        if number_start > text_end + 6:
            with canv.tags.artifact(canv, "Layout"):  # the dotted leader: decoration
                canv.saveState()
                canv.setStrokeColor(HexColor(self.leader))
                canv.setDash(0.6, 2.4)
                canv.setLineWidth(0.6)
                canv.line(text_end + 4, baseline + 1, number_start, baseline + 1)
                canv.restoreState()
        canv.saveState()
        canv.translate(self.width, baseline)
        canv.doForm(f"toc-{self.section.key}")
        canv.restoreState()
        canv.linkRect(
            "",
            self.section.key,
            (0, bottom, self.width, bottom + self.height),
            relative=1,
            thickness=0,
        )


class SplittingTable(Table):
    """A table whose row may be taller than a page (a pasted report in one cell).

    ReportLab moves a row that does not fit to the next page and, if it does not fit
    there either, stops the build with a LayoutError. Here, only then, the row is split
    inside its cells (and a header taller than a page stops being repeated); ordinary
    rows still move whole to the next page.

    ``cell_commands``: style commands that set the same values on every cell (VALIGN,
    FONT, the paddings). ReportLab's ``setStyle`` applies each to each cell, one call
    per cell and command (half the time of making a table of paragraphs); here they are
    applied once to a model cell whose values every cell copies. The cells' data is
    taken as it is (flowables: nothing to normalise). The parts ReportLab makes of a
    split table are given their cell styles, as ReportLab does.
    """

    def __init__(
        self,
        data: list[list[Flowable]],
        *args: object,
        cell_commands: tuple[tuple[object, ...], ...] = (),
        **kw: object,
    ):
        if cell_commands:
            columns = max(map(len, data)) if data else 0
            kw["cellStyles"] = whole_table_styles(len(data), columns, cell_commands)
            kw["normalizedData"] = 1
        super().__init__(data, *args, **kw)

    def _listCellGeom(
        self,
        V: list[Flowable],
        w: float,
        s: CellStyle,
        W: list[float] | None = None,
        H: list[float] | None = None,
        aH: float = 72000,
    ) -> tuple[float, float]:
        """Table's measure of a cell's content, taken directly from its kept wrap for a
        cell of one paragraph already laid out at the cell's width: a table measures its
        cells again at each split and once more to draw them (36 000 times for 10 000
        cells), each time through wrapOn. The same sums as ReportLab's."""
        if isinstance(V, (list, tuple)) and len(V) == 1:
            v = V[0]
            done = getattr(v, "_wrapped", None)
            if done is not None and done[0] == w - s.leftPadding - s.rightPadding:
                _, v.width, v.height, v.blPara, v._wrapWidths = done
                vw, vh = v.width, v.height
                sb, sa = v.getSpaceBefore(), v.getSpaceAfter()
                if W is not None:
                    W.append(vw)
                if H is not None:
                    H.append(vh)
                t = 0
                t += vh + sa + sb
                return max(0, vw), t - sb - sa
        return super()._listCellGeom(V, w, s, W, H, aH)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        frame = getattr(self, "_frame", None)
        at_top = getattr(self, "_postponed", False) or getattr(frame, "_atTop", False)
        if not parts and at_top:
            self.splitInRow = 1
            parts = super().split(availWidth, availHeight)
            if not parts and self.repeatRows:
                self.repeatRows = 0
                parts = super().split(availWidth, availHeight)
        return parts


def whole_table_styles(
    rows: int, columns: int, commands: tuple[tuple[object, ...], ...]
) -> list[list[CellStyle]]:
    """The cell styles of a table of ``rows`` x ``columns`` once ReportLab's ``setStyle``
    has applied ``commands``, each over the whole table (from (0, 0) to (-1, -1)): each
    cell the style ReportLab makes, named after its position, with the same values set
    in the same order."""
    model = CellStyle("")
    for op, start, end, *values in commands:
        if start != (0, 0) or end != (-1, -1):
            raise ValueError(f"commande de style {op} : pas sur tout le tableau")
        _setCellStyle([[model]], 0, 0, op, values)
    values = dict(model.__dict__)
    del values["name"]
    styles = []
    for i in range(rows):
        row = []
        for j in range(columns):
            style = CellStyle.__new__(CellStyle)
            style.__dict__.update(name=repr((i, j)), **values)
            row.append(style)
        styles.append(row)
    return styles


class Rule(Flowable):
    """The title block's thin rule, with a short accent at its start."""

    def __init__(self, color: str, accent: str):
        super().__init__()
        self.color, self.accent = color, accent  # the rule, and its short accent

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 6 * mm

    def draw(self) -> None:
        canv = self.canv
        y = 4 * mm
        canv.setStrokeColor(HexColor(self.color))
        canv.setLineWidth(0.75)
        canv.line(0, y, self.width, y)
        canv.setStrokeColor(HexColor(self.accent))
        canv.setLineWidth(2)
        canv.line(0, y, 18 * mm, y)


_MIN_COLUMN = 28.0  # points: the cell padding (8) and two or three characters


def column_points(total: float, weights: tuple[float, ...]) -> list[float]:
    """Column widths in points, in proportion to their weights; a column that would be
    narrower than _MIN_COLUMN gets that much (or an equal share, for a great many
    columns) and the others share the rest. ReportLab stops on a column narrower than
    its padding, as a narrow column next to eight wide ones would be."""
    widths = [total * w / sum(weights) for w in weights]
    floor = min(_MIN_COLUMN, total / len(weights))
    if min(widths) >= floor:
        return widths
    spare = total - floor * len(weights)
    return [floor + spare * w / sum(weights) for w in weights]


def opening_height(flowables: list[Flowable], width: float, limit: float) -> float:
    """The height of the first lines of a section's content, up to ``limit``: a heading
    kept with four lines of a longer section needs no more than the whole of a short one
    (a one-line section after it was sent to a page of its own). Anything but text (a
    table, a chart, a subsection, which have their own keep rules) counts as ``limit``."""
    height = 0.0
    for flowable in flowables:
        if isinstance(flowable, Spacer):
            height += flowable.height
            continue
        if not isinstance(flowable, TaggedParagraph):
            return limit
        height += flowable.getSpaceBefore() + flowable.wrap(width, 1e6)[1]
        if height >= limit:
            return limit
        height += flowable.getSpaceAfter()
    return min(height, limit)
