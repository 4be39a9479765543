"""Document tree -> PDF with ReportLab platypus, styled from the template's stylesheet.

One method per node type; the writer places what the tree holds and words nothing.
Layout is a single pass: page totals ("2 / 4") and table-of-contents page numbers are
form XObjects filled in once the last page is known (see :mod:`.furniture`).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
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
    TableStyle,
)

from ... import tree
from ...theme.style import Theme
from . import fonts
from .chart import chart_drawing
from .flowables import Heading, Rule, SplittingTable, TocEntry, column_points
from .furniture import PageDecor
from .styles import paragraph_styles


def markup(runs: tree.Runs, link_color: str) -> str:
    """Paragraph markup for runs; every piece of text is escaped, never interpreted."""
    parts = []
    for run in tree.merged(runs):  # provenance may split runs; the layout ignores it
        text = escape(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.href:
            text = f"<a href={quoteattr(run.href)} color={quoteattr(link_color)}><u>{text}</u></a>"
        parts.append(text)
    return "".join(parts)


class Writer:
    """Maps tree nodes to flowables, one method per node type."""

    def __init__(self, document: tree.Document, theme: Theme, fonts: dict[str, str], width: float):
        self.meta = document.meta
        self.theme = theme
        self.fonts = fonts
        self.width = width
        self.styles = paragraph_styles(theme, fonts)
        self.link = theme.colors.link

    def blocks(self, nodes: tuple[tree.Block | tree.Section, ...]) -> list[Flowable]:
        """The flowables of a sequence of nodes, in order."""
        flowables: list[Flowable] = []
        for node in nodes:
            flowables.extend(self.node(node))
        return flowables

    def node(self, node: tree.Block | tree.Section) -> list[Flowable]:
        """Dispatch on the node type; an unknown node is an error, never skipped."""
        match node:
            case tree.Section():
                return self.section(node)
            case tree.Paragraph():
                return self.paragraph(node)
            case tree.Facts():
                return self.facts(node)
            case tree.BulletList():
                return self.bullet_list(node)
            case tree.Table():
                return self.table(node)
            case tree.Chart():
                return self.chart(node)
            case tree.Note():
                return self.note(node)
            case _:
                raise TypeError(f"rédacteur PDF : nœud inconnu {type(node).__name__}")

    def section(self, node: tree.Section) -> list[Flowable]:
        """A heading kept with the start of what follows, then the section's content."""
        style = self.styles[f"heading{min(node.level, 3)}"]
        keep = style.spaceBefore + style.leading + 4 * self.styles["body"].leading
        return [
            CondPageBreak(keep),
            Heading(escape(node.title), style, section=node),
            *self.blocks(node.children),
        ]

    def paragraph(self, node: tree.Paragraph) -> list[Flowable]:
        """A paragraph of body text."""
        return [Paragraph(markup(node.runs, self.link), self.styles["body"])]

    def facts(self, node: tree.Facts) -> list[Flowable]:
        """One hanging paragraph per "Label : value" line."""
        separator = escape(self.meta.fact_separator)
        lines: list[Flowable] = [
            Paragraph(
                f"<b>{escape(row.label)}</b>{separator}{markup(row.value, self.link)}",
                self.styles["fact"],
            )
            for row in node.rows
        ]
        return [*lines, Spacer(1, self.styles["body"].spaceAfter * 0.5)]

    def bullet_list(self, node: tree.BulletList) -> list[Flowable]:
        """One bulleted paragraph per item."""
        items: list[Flowable] = [
            Paragraph(markup(item, self.link), self.styles["bullet"], bulletText="•")
            for item in node.items
        ]
        return [*items, Spacer(1, self.styles["body"].spaceAfter * 0.5)]

    def note(self, node: tree.Note) -> list[Flowable]:
        """Small print."""
        return [Paragraph(markup(node.runs, self.link), self.styles["note"])]

    def table(self, node: tree.Table) -> list[Flowable]:
        """Caption, a table whose header row repeats on every page, and its source."""
        s, c, look = self.styles, self.theme.colors, self.theme.table
        numeric = node.numeric or tuple(False for _ in node.header)
        header = [
            Paragraph(escape(h), s["cell_header_number" if n else "cell_header"])
            for h, n in zip(node.header, numeric, strict=True)
        ]
        rows = [
            [
                Paragraph(escape(cell), s["cell_number" if n else "cell"])
                for cell, n in zip(row, numeric, strict=True)
            ]
            for row in node.rows
        ]
        weights = node.widths or tuple(1.0 for _ in node.header)
        widths = column_points(self.width, weights)
        table = SplittingTable(
            [header, *rows], colWidths=widths, repeatRows=1, splitByRow=1, hAlign="LEFT"
        )
        commands = [
            ("BACKGROUND", (0, 0), (-1, 0), HexColor(c.table_header_background)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # The cells are paragraphs; the table's own default font would declare an
            # unembedded Helvetica.
            ("FONT", (0, 0), (-1, -1), self.fonts["regular"], s["cell"].fontSize),
            ("LINEBELOW", (0, 0), (-1, -1), look.rule, HexColor(c.rule)),
            ("LINEBELOW", (0, 0), (-1, 0), look.header_rule, HexColor(c.primary)),
            ("TOPPADDING", (0, 0), (-1, -1), look.padding_top),
            ("BOTTOMPADDING", (0, 0), (-1, -1), look.padding_bottom),
            ("LEFTPADDING", (0, 0), (-1, -1), look.padding_left),
            ("RIGHTPADDING", (0, 0), (-1, -1), look.padding_right),
        ]
        commands += [
            ("BACKGROUND", (0, i), (-1, i), HexColor(c.table_stripe))
            for i in range(2, len(rows) + 1, 2)
        ]
        table.setStyle(TableStyle(commands))
        result: list[Flowable] = []
        if node.caption:
            # The caption, the header row and a first row or two stay together.
            caption = s["caption"]
            result.append(CondPageBreak(caption.leading + 5 * s["cell"].leading + 30))
            result.append(Paragraph(escape(node.caption), caption))
        result.append(table)
        if node.source:
            result.append(Paragraph(escape(node.source), s["note"]))
        else:
            result.append(Spacer(1, s["body"].spaceAfter))
        return result

    def chart(self, node: tree.Chart) -> list[Flowable]:
        """Title, vector drawing and source, kept together."""
        s, c = self.styles, self.theme.colors
        label = self.theme.styles["chart"]
        drawing = chart_drawing(
            node,
            self.width,
            self.fonts[label.face],
            list(c.chart),
            c.text,
            label.color,
            size=label.size,
        )
        parts: list[Flowable] = [Paragraph(escape(node.title), s["caption"]), drawing]
        if node.source:
            parts.append(Paragraph(escape(node.source), s["note"]))
        return [KeepTogether(parts)]

    def title_block(self, sections: tuple[tree.Section, ...]) -> list[Flowable]:
        """Country, fiche kind, rule, and the table of contents."""
        s, c, meta = self.styles, self.theme.colors, self.meta
        flowables: list[Flowable] = [
            Paragraph(escape(meta.country), s["title"]),
            Paragraph(escape(meta.kind), s["subtitle"]),
            Rule(c.primary, c.accent),
        ]
        if self.theme.toc and sections:
            flowables.append(Paragraph(escape(meta.toc_title), s["toc_title"]))
            flowables += [
                TocEntry(section, s[f"toc{section.level}"], c.muted)
                for section in tree.iter_sections(sections)
                if section.level <= 2
            ]
            flowables.append(Spacer(1, 4 * mm))
        return flowables


class _DocTemplate(BaseDocTemplate):
    """Records heading pages for bookmarks, outline and the table of contents."""

    def __init__(self, target: str | BinaryIO, **kw: object):
        super().__init__(target, **kw)
        self.heading_pages: dict[str, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading) and flowable.section is not None:
            section = flowable.section
            self.heading_pages[section.key] = self.page
            self.canv.bookmarkPage(
                section.key,
                fit="XYZ",
                top=self.frame._y + flowable.height + flowable.style.spaceBefore,
            )
            self.canv.addOutlineEntry(section.title, section.key, section.level - 1)


def _timestamp(moment: dt.datetime) -> TimeStamp:
    """ReportLab's document timestamp, pinned to the document's date (reproducible)."""
    stamp = TimeStamp(invariant=1)
    stamp.t = moment.timestamp()
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


def _canvas_maker(moment: dt.datetime) -> Callable[..., Canvas]:
    def make(*args: object, **kw: object) -> Canvas:
        canvas = Canvas(*args, **kw)
        canvas._doc._timeStamp = _timestamp(moment)
        return canvas

    return make


def _frame(doc: BaseDocTemplate, frame_id: str, width: float, height: float) -> Frame:
    return Frame(
        doc.leftMargin,
        doc.bottomMargin,
        width,
        height,
        id=frame_id,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def write_pdf(document: tree.Document, theme: Theme, target: str | BinaryIO) -> None:
    """Lay the document out as a PDF into a path or a binary file object."""
    page = theme.page
    font_names = fonts.register_theme(theme)
    pagesize = A4 if page.size == "A4" else LETTER
    decor = PageDecor(document, theme, font_names, pagesize)
    meta = document.meta
    doc = _DocTemplate(
        target,
        pagesize=pagesize,
        leftMargin=page.margin_left * mm,
        rightMargin=page.margin_right * mm,
        topMargin=page.margin_top * mm + 6 * mm,
        bottomMargin=page.margin_bottom * mm,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=list(meta.keywords),
        creator="fiche-pays",
        producer="fiche-pays (ReportLab)",
        lang=meta.language,
        initialFontName=font_names["regular"],  # else an unembedded Helvetica is declared
        invariant=1,
        displayDocTitle=1,
        pageCompression=1,
    )
    doc._doSave = 0  # saved below, after the page-number forms are filled in
    width = pagesize[0] - doc.leftMargin - doc.rightMargin
    height = pagesize[1] - doc.topMargin - doc.bottomMargin
    first = _frame(doc, "first", width, height - decor.block_height() + 6 * mm)
    doc.addPageTemplates(
        [
            PageTemplate("first", [first], onPage=decor.first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [_frame(doc, "later", width, height)], onPage=decor.later_page),
        ]
    )
    writer = Writer(document, theme, font_names, width)
    story = writer.title_block(document.sections) + writer.blocks(document.sections)
    doc.build(story, canvasmaker=_canvas_maker(meta.timestamp))
    decor.fill_forms(doc.canv, doc.heading_pages)
    doc.canv.showOutline()
    doc.canv.save()
