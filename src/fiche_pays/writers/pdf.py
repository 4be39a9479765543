"""Document tree -> PDF with ReportLab platypus, styled from the template's theme.

One function per node type. Layout is done in a single pass: page totals ("2 / 4")
and table-of-contents page numbers are PDF form XObjects referenced while laying out
and filled in once the last page is known, so no second layout pass is needed.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

from reportlab import rl_config
from reportlab.lib import colors as rl_colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .. import tree
from ..theme.load import Theme
from . import fonts
from .pdf_chart import chart_drawing

HexColor = rl_colors.HexColor


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    fact: ParagraphStyle
    bullet: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    caption: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_number: ParagraphStyle
    header_cell: ParagraphStyle
    header_number: ParagraphStyle
    toc_title: ParagraphStyle
    toc_entry: ParagraphStyle


def _styles(theme: Theme, font: dict[str, str]) -> _Styles:
    d, c = theme.data.sizes, theme.data.colors
    text = HexColor(c.text)
    base = ParagraphStyle(
        "body",
        fontName=font["regular"],
        fontSize=d.body,
        leading=d.leading,
        textColor=text,
        spaceAfter=d.body * 0.6,
        splitLongWords=1,
        uriWasteReduce=0.3,
        allowWidows=0,
        allowOrphans=0,
    )
    small = d.small
    return _Styles(
        body=base,
        fact=ParagraphStyle(
            "fact", base, leftIndent=12, firstLineIndent=-12, spaceAfter=d.body * 0.3
        ),
        bullet=ParagraphStyle(
            "bullet",
            base,
            leftIndent=14,
            bulletIndent=3,
            bulletFontName=font["regular"],
            spaceAfter=d.body * 0.3,
        ),
        h1=ParagraphStyle(
            "h1",
            base,
            fontName=font["bold"],
            fontSize=d.heading1,
            leading=d.heading1 * 1.25,
            textColor=HexColor(c.primary),
            spaceBefore=d.heading1 * 1.1,
            spaceAfter=d.body * 0.7,
        ),
        h2=ParagraphStyle(
            "h2",
            base,
            fontName=font["bold"],
            fontSize=d.heading2,
            leading=d.heading2 * 1.3,
            textColor=HexColor(c.primary),
            spaceBefore=d.heading2 * 0.8,
            spaceAfter=d.body * 0.4,
        ),
        title=ParagraphStyle(
            "title",
            base,
            fontName=font["bold"],
            fontSize=d.title,
            leading=d.title * 1.15,
            textColor=HexColor(c.primary),
            spaceAfter=2,
        ),
        subtitle=ParagraphStyle(
            "subtitle",
            base,
            fontSize=d.subtitle,
            leading=d.subtitle * 1.3,
            textColor=text,
            spaceAfter=6,
        ),
        caption=ParagraphStyle(
            "caption",
            base,
            fontName=font["bold"],
            fontSize=d.body * 0.95,
            textColor=HexColor(c.primary),
            spaceBefore=4,
            spaceAfter=4,
        ),
        note=ParagraphStyle(
            "note",
            base,
            fontSize=small,
            leading=small * 1.3,
            textColor=HexColor(c.muted),
            spaceBefore=2,
            spaceAfter=d.body,
        ),
        cell=ParagraphStyle(
            "cell", base, fontSize=d.body * 0.9, leading=d.body * 1.15, spaceAfter=0
        ),
        cell_number=ParagraphStyle(
            "cell_number",
            base,
            fontSize=d.body * 0.9,
            leading=d.body * 1.15,
            spaceAfter=0,
            alignment=TA_RIGHT,
        ),
        header_cell=ParagraphStyle(
            "header_cell",
            base,
            fontName=font["bold"],
            fontSize=d.body * 0.9,
            leading=d.body * 1.15,
            spaceAfter=0,
            textColor=HexColor(c.table_header_text),
        ),
        header_number=ParagraphStyle(
            "header_number",
            base,
            fontName=font["bold"],
            fontSize=d.body * 0.9,
            leading=d.body * 1.15,
            spaceAfter=0,
            alignment=TA_RIGHT,
            textColor=HexColor(c.table_header_text),
        ),
        toc_title=ParagraphStyle(
            "toc_title",
            base,
            fontName=font["bold"],
            fontSize=d.body * 1.1,
            textColor=HexColor(c.primary),
            spaceBefore=4,
            spaceAfter=4,
        ),
        toc_entry=ParagraphStyle("toc_entry", base, spaceAfter=1, alignment=TA_LEFT),
    )


def _markup(runs: tree.Runs, link_color: str) -> str:
    """Paragraph markup for runs; every piece of text is escaped, never interpreted."""
    parts = []
    for run in runs:
        text = escape(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.href:
            text = f"<a href={quoteattr(run.href)} color={quoteattr(link_color)}><u>{text}</u></a>"
        parts.append(text)
    return "".join(parts)


class _Heading(Paragraph):
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
            if isinstance(part, _Heading) and part is not self:
                part.section = self.section if index == 0 else None
        return parts


_TOC_TITLE_MAX = 300  # characters of a title the TOC shows: a few lines, never a page


class _TocEntry(Flowable):
    """A table-of-contents line: linked title, dotted leader, page number form.

    It cannot split, so an overlong title is shortened ("…"): a TOC entry taller than
    the page would stop the whole PDF.
    """

    def __init__(self, section: tree.Section, style: ParagraphStyle, color: str):
        super().__init__()
        indent = 14 * (section.level - 1)
        self.section = section
        self.style = style
        self.color = color
        self.indent = indent
        title = section.title
        if len(title) > _TOC_TITLE_MAX:
            title = title[: _TOC_TITLE_MAX - 1].rstrip() + "…"
        self.para = Paragraph(f'<a href="#{escape(section.key)}">{escape(title)}</a>', style)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        number_width = self.style.fontSize * 2.6
        _, self.height = self.para.wrap(
            available_width - self.indent - number_width, available_height
        )
        return available_width, self.height + self.style.spaceAfter

    def draw(self) -> None:
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
            canv.saveState()
            canv.setStrokeColor(HexColor("#9A9A9A"))
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


class _DocTemplate(BaseDocTemplate):
    """Records heading pages for bookmarks, outline and the table of contents."""

    def __init__(self, target: str | BinaryIO, page: _PageDecor, **kw: object):
        super().__init__(target, **kw)
        self.decor = page
        self.heading_pages: dict[str, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading) and flowable.section is not None:
            section = flowable.section
            self.heading_pages[section.key] = self.page
            self.canv.bookmarkPage(
                section.key,
                fit="XYZ",
                top=self.frame._y + flowable.height + flowable.style.spaceBefore,
            )
            self.canv.addOutlineEntry(section.title, section.key, section.level - 1)


class _PageDecor:
    """Draws the parts of each page that are not flowing text."""

    def __init__(
        self,
        document: tree.Document,
        theme: Theme,
        font: dict[str, str],
        pagesize: tuple[float, float],
    ):
        self.document = document
        self.theme = theme
        self.font = font
        self.width, self.height = pagesize
        d = theme.data
        self.left = d.page.margin_left * mm
        self.right = self.width - d.page.margin_right * mm
        self.pages = 0

    def first_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._bloc_marque(canv)
        self._page_number(canv, doc)

    def later_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        d, meta = self.theme.data, self.document.meta
        top = self.height - d.page.margin_top * mm + 8 * mm
        canv.saveState()
        canv.setFont(self.font["regular"], d.sizes.small)
        canv.setFillColor(HexColor(d.colors.muted))
        canv.drawString(self.left, top, meta.short_title)
        if d.header.marking:
            canv.setFont(self.font["bold"], d.sizes.small)
            canv.setFillColor(HexColor(d.colors.accent))
            canv.drawRightString(self.right, top, d.header.marking.upper())
        canv.setStrokeColor(HexColor(d.colors.rule))
        canv.setLineWidth(0.5)
        canv.line(self.left, top - 2.5 * mm, self.right, top - 2.5 * mm)
        canv.restoreState()
        self._page_number(canv, doc)

    def _page_number(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        d, meta = self.theme.data, self.document.meta
        y = d.page.margin_bottom * mm - 9 * mm
        canv.saveState()
        canv.setStrokeColor(HexColor(d.colors.rule))
        canv.setLineWidth(0.5)
        canv.line(self.left, y + 4 * mm, self.right, y + 4 * mm)
        canv.setFont(self.font["regular"], d.sizes.small)
        canv.setFillColor(HexColor(d.colors.muted))
        canv.drawString(self.left, y, f"{meta.short_title} · {meta.date_label}")
        canv.translate(self.right, y)
        canv.doForm(f"page-{doc.page}")
        canv.restoreState()
        self.pages = max(self.pages, doc.page)

    def _bloc_marque(self, canv: Canvas) -> None:
        d, meta = self.theme.data, self.document.meta
        top = self.height - d.page.margin_top * mm
        canv.saveState()
        y = top
        if self.theme.emblem:
            canv.drawImage(
                str(self.theme.emblem),
                self.left,
                y - 14 * mm,
                height=14 * mm,
                width=14 * mm,
                preserveAspectRatio=True,
                anchor="sw",
                mask="auto",
            )
            y -= 16 * mm
        canv.setFillColor(HexColor(d.colors.text))
        size = 9
        for line in d.identity.lines:
            canv.setFont(self.font["bold"], size)
            canv.drawString(self.left, y - size, line)
            y -= size * 1.15
        if d.identity.motto:
            y -= 3
            for line in d.identity.motto:
                canv.setFont(self.font["italic"], 7)
                canv.drawString(self.left, y - 7, line)
                y -= 7 * 1.2
        canv.setFillColor(HexColor(d.colors.muted))
        canv.setFont(self.font["regular"], d.sizes.small + 0.5)
        ry = top - d.sizes.small
        if d.header.marking and d.header.first_page_marking:
            canv.setFont(self.font["bold"], d.sizes.small + 0.5)
            canv.setFillColor(HexColor(d.colors.accent))
            canv.drawRightString(self.right, ry, d.header.marking.upper())
            ry -= d.sizes.small * 1.8
        canv.setFillColor(HexColor(d.colors.text))
        canv.setFont(self.font["regular"], d.sizes.small + 0.5)
        service = meta.service or d.identity.service
        if service:
            canv.drawRightString(self.right, ry, service)
            ry -= d.sizes.small * 1.5
        canv.setFont(self.font["bold"], d.sizes.small + 0.5)
        canv.drawRightString(self.right, ry, meta.date_label)
        canv.restoreState()

    def block_height(self) -> float:
        """Height reserved on page 1 above the title for the identity block."""
        d = self.theme.data
        lines = len(d.identity.lines) * 9 * 1.15 + len(d.identity.motto) * 7 * 1.2
        lines += 16 * mm if self.theme.emblem else 0
        return max(lines + 14, 14 * mm)

    def fill_forms(self, canv: Canvas, heading_pages: dict[str, int]) -> None:
        """Write the page numbers, now that the page count is known."""
        d = self.theme.data
        for page in range(1, self.pages + 1):
            canv.beginForm(f"page-{page}", lowerx=-80, lowery=-5, upperx=5, uppery=20)
            canv.setFont(self.font["regular"], d.sizes.small)
            canv.setFillColor(HexColor(d.colors.muted))
            canv.drawRightString(0, 0, f"{page} / {self.pages}")
            canv.endForm()
        for key, page in heading_pages.items():
            canv.beginForm(f"toc-{key}", lowerx=-80, lowery=-5, upperx=5, uppery=20)
            canv.setFont(self.font["regular"], d.sizes.body)
            canv.setFillColor(HexColor(d.colors.text))
            canv.drawRightString(0, 0, str(page))
            canv.endForm()


class _Table(Table):
    """A table whose row may be taller than a page (a pasted report in one cell).

    ReportLab moves a row that does not fit to the next page and, if it does not fit
    there either, stops the build with a LayoutError. Here, only then, the row is split
    inside its cells (and a header taller than a page stops being repeated); ordinary
    rows still move whole to the next page.
    """

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


class _Writer:
    """Maps tree nodes to flowables."""

    def __init__(self, theme: Theme, font: dict[str, str], width: float):
        self.theme = theme
        self.font = font
        self.width = width
        self.styles = _styles(theme, font)
        self.link = theme.data.colors.link

    def blocks(self, nodes: tuple[tree.Block | tree.Section, ...]) -> list[Flowable]:
        flowables: list[Flowable] = []
        for node in nodes:
            flowables.extend(self.node(node))
        return flowables

    def node(self, node: tree.Block | tree.Section) -> list[Flowable]:
        s = self.styles
        match node:
            case tree.Section():
                style = s.h1 if node.level <= 1 else s.h2
                # Not keepWithNext: it glues the heading to the whole next block, and a
                # block longer than the page then jumps to a new page, leaving a gap.
                keep = style.spaceBefore + style.leading + 4 * s.body.leading
                return [
                    CondPageBreak(keep),
                    _Heading(escape(node.title), style, section=node),
                    *self.blocks(node.children),
                ]
            case tree.Paragraph():
                return [Paragraph(_markup(node.runs, self.link), s.body)]
            case tree.Facts():
                return [
                    Paragraph(
                        f"<b>{escape(row.label)}</b>\u00a0: {_markup(row.value, self.link)}", s.fact
                    )
                    for row in node.rows
                ] + [Spacer(1, s.body.spaceAfter * 0.5)]
            case tree.BulletList():
                return [
                    Paragraph(_markup(item, self.link), s.bullet, bulletText="•")
                    for item in node.items
                ] + [Spacer(1, s.body.spaceAfter * 0.5)]
            case tree.Table():
                return self.table(node)
            case tree.Chart():
                return self.chart(node)
            case tree.Note():
                return [Paragraph(_markup(node.runs, self.link), s.note)]
            case _:
                raise TypeError(f"PDF writer: unknown node {type(node).__name__}")

    def table(self, node: tree.Table) -> list[Flowable]:
        s, c = self.styles, self.theme.data.colors
        numeric = node.numeric or tuple(False for _ in node.header)
        header = [
            Paragraph(escape(h), s.header_number if n else s.header_cell)
            for h, n in zip(node.header, numeric, strict=True)
        ]
        rows = [
            [
                Paragraph(escape(cell), s.cell_number if n else s.cell)
                for cell, n in zip(row, numeric, strict=True)
            ]
            for row in node.rows
        ]
        weights = node.widths or tuple(1.0 for _ in node.header)
        widths = column_points(self.width, weights)
        table = _Table([header, *rows], colWidths=widths, repeatRows=1, splitByRow=1, hAlign="LEFT")
        commands = [
            ("BACKGROUND", (0, 0), (-1, 0), HexColor(c.table_header_background)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # The cells are paragraphs; the table's own default font would declare an
            # unembedded Helvetica.
            ("FONT", (0, 0), (-1, -1), self.font["regular"], s.cell.fontSize),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(c.rule)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(c.primary)),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        commands += [
            ("BACKGROUND", (0, i), (-1, i), HexColor(c.table_stripe))
            for i in range(2, len(rows) + 1, 2)
        ]
        table.setStyle(TableStyle(commands))
        result: list[Flowable] = []
        if node.caption:
            # The caption, the header row and a first row or two stay together.
            result.append(CondPageBreak(s.caption.leading + 5 * s.cell.leading + 30))
            result.append(Paragraph(escape(node.caption), s.caption))
        result.append(table)
        if node.source:
            result.append(Paragraph(escape(node.source), s.note))
        else:
            result.append(Spacer(1, s.body.spaceAfter))
        return result

    def chart(self, node: tree.Chart) -> list[Flowable]:
        s, c = self.styles, self.theme.data.colors
        drawing = chart_drawing(
            node,
            self.width,
            self.font["regular"],
            c.chart,
            c.text,
            c.muted,
            size=self.theme.data.sizes.small,
        )
        parts: list[Flowable] = [Paragraph(escape(node.title), s.caption), drawing]
        if node.source:
            parts.append(Paragraph(escape(node.source), s.note))
        return [KeepTogether(parts)]


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


def _timestamp(moment: dt.datetime) -> TimeStamp:
    """ReportLab's document timestamp, pinned to the document's date (reproducible)."""
    stamp = TimeStamp(invariant=1)
    stamp.t = moment.timestamp()
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


def write_pdf(document: tree.Document, theme: Theme, target: str | BinaryIO) -> None:
    """Lay the document out as a PDF into a path or a binary file object."""
    d = theme.data
    font = fonts.register_theme(theme)
    pagesize = A4 if d.page.size == "A4" else LETTER
    decor = _PageDecor(document, theme, font, pagesize)
    meta = document.meta
    doc = _DocTemplate(
        target,
        decor,
        pagesize=pagesize,
        leftMargin=d.page.margin_left * mm,
        rightMargin=d.page.margin_right * mm,
        topMargin=d.page.margin_top * mm + 6 * mm,
        bottomMargin=d.page.margin_bottom * mm,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=list(meta.keywords),
        creator="fiche-pays",
        producer="fiche-pays (ReportLab)",
        lang=meta.language,
        initialFontName=font["regular"],  # else an unembedded Helvetica is declared
        invariant=1,
        displayDocTitle=1,
        pageCompression=1,
    )
    doc._doSave = 0  # saved below, after the page-number forms are filled in
    width = pagesize[0] - doc.leftMargin - doc.rightMargin
    first_top = decor.block_height()
    first = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        width,
        pagesize[1] - doc.topMargin - doc.bottomMargin - first_top + 6 * mm,
        id="first",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    later = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        width,
        pagesize[1] - doc.topMargin - doc.bottomMargin,
        id="later",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [
            PageTemplate("first", [first], onPage=decor.first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [later], onPage=decor.later_page),
        ]
    )
    writer = _Writer(theme, font, width)
    story = _title_block(document, writer) + writer.blocks(document.sections)
    doc.build(story, canvasmaker=_canvas_maker(meta.timestamp))
    decor.fill_forms(doc.canv, doc.heading_pages)
    doc.canv.showOutline()
    doc.canv.save()


def _canvas_maker(moment: dt.datetime) -> Callable[..., Canvas]:
    def make(*args: object, **kw: object) -> Canvas:
        canvas = Canvas(*args, **kw)
        canvas._doc._timeStamp = _timestamp(moment)
        return canvas

    return make


def _title_block(document: tree.Document, writer: _Writer) -> list[Flowable]:
    s, d = writer.styles, writer.theme.data
    meta = document.meta
    flowables: list[Flowable] = [
        Paragraph(escape(meta.country), s.title),
        Paragraph(escape(meta.kind), s.subtitle),
        _Rule(d.colors.primary, d.colors.accent),
    ]
    if d.toc and document.sections:
        flowables.append(Paragraph(escape(meta.toc_title), s.toc_title))
        flowables += [
            _TocEntry(section, s.toc_entry, d.colors.text)
            for section in tree.iter_sections(document.sections)
            if section.level <= 2
        ]
        flowables.append(Spacer(1, 4 * mm))
    return flowables


class _Rule(Flowable):
    """The title block's thin rule, with a short accent at its start."""

    def __init__(self, color: str, accent: str):
        super().__init__()
        self.color, self.accent = color, accent

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
