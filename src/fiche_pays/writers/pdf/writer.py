"""Document tree -> tagged PDF (PDF/A-2A, PDF/UA-1) with ReportLab platypus, styled from
the template's stylesheet.

One method per node type; the writer places what the tree holds and words nothing. Each
method also creates the node's structure elements under the ``parent`` element it is
given, in reading order, and hands them to the flowables that draw them (:mod:`.tagging`).
Layout is a single pass: page totals ("2 / 4") and table-of-contents page numbers are
form XObjects filled in once the last page is known (see :mod:`.furniture`).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Paragraph,
    Spacer,
    TableStyle,
)

from ... import tree
from ...theme.style import Theme
from . import breaking, fonts
from .archive import identify
from .chart import CHART_RATIO, chart_shapes
from .floats import FloatingDocTemplate
from .flowables import (
    ChartBlock,
    Figure,
    Heading,
    LaidParagraph,
    ListItem,
    Rule,
    SplittingTable,
    TaggedParagraph,
    TocEntry,
    column_points,
    opening_height,
)
from .furniture import PageDecor
from .markup import markup, merged, plain_text, text_or_plain
from .pieces import pieces
from .structure import add_structure
from .styles import style_sheet
from .tagging import Elem, TaggedCanvas, TaggedPageTemplate, Tagger, Text


class Writer:
    """Maps tree nodes to flowables, one method per node type, and to structure elements
    under the ``parent`` element each method is given."""

    def __init__(self, document: tree.Document, theme: Theme, fonts: dict[str, str], width: float):
        self.meta = document.meta
        self.theme = theme
        self.fonts = fonts
        self.width = width
        self.sheet = style_sheet(theme, fonts)  # shared with the other fiches
        self.styles = self.sheet.styles
        self.fragments = self.sheet.fragments
        self.link = theme.colors.link

    def blocks(self, nodes: tuple[tree.Block | tree.Section, ...], parent: Elem) -> list[Flowable]:
        """The flowables of a sequence of nodes, in order."""
        flowables: list[Flowable] = []
        for node in nodes:
            flowables.extend(self.node(node, parent))
        return flowables

    def node(self, node: tree.Block | tree.Section, parent: Elem) -> list[Flowable]:
        """Dispatch on the node type; an unknown node is an error, never skipped."""
        match node:
            case tree.Section():
                return self.section(node, parent)
            case tree.Paragraph():
                return self.paragraph(node, parent)
            case tree.Facts():
                return self.facts(node, parent)
            case tree.BulletList():
                return self.bullet_list(node, parent)
            case tree.Table():
                return self.table(node, parent)
            case tree.Chart():
                return self.chart(node, parent)
            case tree.Note():
                return self.note(node, parent)
            case _:
                raise TypeError(f"rédacteur PDF : nœud inconnu {type(node).__name__}")

    def runs(
        self,
        runs: tree.Runs,
        style: str,
        parent: Elem,
        role: str = "P",
        prefix: str = "",
        cls: type[TaggedParagraph] = TaggedParagraph,
        labelled: tuple[str, str] | None = None,
        **kw: object,
    ) -> list[Flowable]:
        """A paragraph of runs as a ``role`` element under ``parent``; its links are Link
        elements (with their annotations) in reading order. A very long paragraph comes
        as several pieces of that one element (see :mod:`.pieces`). ``labelled``: the
        plain label and separator the markup ``prefix`` was made of, if plain."""
        elem = parent.add(role)
        runs = merged(runs)  # provenance may split runs; the layout ignores it
        hrefs = {run.href for run in runs}
        whole_link = not prefix and len(hrefs) == 1 and None not in hrefs
        if whole_link:
            # The whole paragraph is one link: its text is the Link's content.
            struct = elem.add("Link", href=runs[0].href, contents=tree.plain(runs))
        else:
            struct = elem
        # Each piece as plain text (no prefix, formatting or link: no markup parser, see
        # _paragraph) or as markup.
        made: list[tuple[str | None, str | None, tuple[str, str] | None]] = []
        for index, piece in enumerate(pieces(runs)):
            lead = prefix if index == 0 else ""
            plain = plain_text(piece)
            if plain is not None and not lead:
                made.append((None, plain, None))
            elif plain is not None and labelled is not None:
                # A fact's plain label and plain value: its two fragments made directly.
                text = lead + escape(plain)
                made.append((text, None, (labelled[0], labelled[1] + plain)))
            elif whole_link:
                made.append((markup(piece, self.link), None, None))
            else:
                made.append((lead + self._marked(piece, elem), None, None))
        if len(made) == 1:
            return [self._paragraph(cls, *made[0], self.styles[style], struct, **kw)]
        flowables: list[Flowable] = []
        for index, (text, plain, parts) in enumerate(made):
            first, last = index == 0, index == len(made) - 1
            more = kw if first else {k: v for k, v in kw.items() if k not in ("label", "bullet")}
            piece_style = self.sheet.piece(style, first, last)
            flowables.append(self._paragraph(cls, text, plain, parts, piece_style, struct, **more))
        return flowables

    def _paragraph(
        self,
        cls: type[TaggedParagraph],
        text: str | None,
        plain: str | None,
        labelled: tuple[str, str] | None,
        style: ParagraphStyle,
        struct: Elem,
        **kw: object,
    ) -> TaggedParagraph:
        """A paragraph of markup ``text``, or of ``plain`` text: then from fragments made
        directly, as the parser would make them (see :mod:`.fragments`), unless it holds
        markup characters. ``labelled``: the plain (label, rest) ``text`` was made of as
        ``<b>label</b>rest``, also made directly."""
        if labelled is not None:
            frags = self.fragments.labelled(*labelled, style)
            if frags is not None:
                return cls(text, style, frags=frags, struct=struct, **kw)
        if plain is not None:
            frags = self.fragments.plain(plain, style)
            if frags is not None:
                return cls(plain, style, frags=frags, struct=struct, **kw)
            text = escape(plain)
        return cls(text, style, struct=struct, **kw)

    def _marked(self, runs: tree.Runs, elem: Elem) -> str:
        """The markup of runs, each link run marked as an inline Link of ``elem``."""
        parts = []
        for run in runs:
            if run.href:
                # The link's text is marked inside the paragraph's text object, between
                # two zero-width <onDraw> markers (see Tagger.switch).
                parts.append(f'<onDraw name="tag" label="{len(elem.inline)}"/>')
                parts.append(markup((run,), self.link))
                parts.append('<onDraw name="tag" label="P"/>')
                elem.inline.append(Elem("Link", parent=elem, href=run.href, contents=run.text))
            else:
                parts.append(markup((run,), self.link))
        return "".join(parts)

    def text(
        self, text: str | tree.Runs, style: str, parent: Elem, role: str = "P", **attrs: object
    ) -> TaggedParagraph:
        """A paragraph of plain text, or of runs without links (a raised ordinal ending),
        as a ``role`` element under ``parent``."""
        struct = parent.add(role, **attrs)
        plain = text if isinstance(text, str) else plain_text(text)
        shown = None if plain is not None else markup(text, self.link)
        return self._paragraph(TaggedParagraph, shown, plain, None, self.styles[style], struct)

    def _toc_title(self, runs: tree.Runs, entry: ParagraphStyle) -> Paragraph:
        """A table-of-contents title in the ``entry``'s style without its indent (the
        entry indents its whole line): no <a> in the text, the link is the entry's whole
        line (see TocEntry)."""
        style = self.sheet.derived(entry, "-text", leftIndent=0)
        plain = plain_text(runs)
        frags = self.fragments.plain(plain, style) if plain else None
        if frags is not None:
            return LaidParagraph(plain, style, frags=frags)
        return LaidParagraph(markup(runs), style)

    def section(self, node: tree.Section, parent: Elem) -> list[Flowable]:
        """A heading kept with the start of what follows (four lines, or the whole of a
        shorter section), then the section's content."""
        style = self.styles[f"heading{min(node.level, 3)}"]
        sect = parent.add("Sect")
        heading = sect.add(f"H{min(node.level, 6)}")
        content = self.blocks(node.children, sect)
        lines = opening_height(content, self.width, 4 * self.styles["body"].leading)
        title = tree.shown(node.title, node.title_runs)
        return [
            CondPageBreak(style.spaceBefore + style.leading + style.spaceAfter + lines),
            self._paragraph(Heading, *text_or_plain(title), None, style, heading, section=node),
            *content,
        ]

    def paragraph(self, node: tree.Paragraph, parent: Elem) -> list[Flowable]:
        """A paragraph of body text."""
        return self.runs(node.runs, "body", parent)

    def facts(self, node: tree.Facts, parent: Elem) -> list[Flowable]:
        """One hanging paragraph per "Label : value" line."""
        separator = escape(self.meta.fact_separator)
        lines: list[Flowable] = []
        for row in node.rows:
            label = tree.shown(row.label, row.label_runs)
            plain = plain_text(label)
            lines += self.runs(
                row.value,
                "fact",
                parent,
                prefix=f"<b>{markup(label)}</b>{separator}",
                labelled=None if plain is None else (plain, self.meta.fact_separator),
            )
        return [*lines, Spacer(1, self.styles["body"].spaceAfter * 0.5)]

    def bullet_list(self, node: tree.BulletList, parent: Elem) -> list[Flowable]:
        """One bulleted paragraph per item: L > LI > Lbl, LBody."""
        items: list[Flowable] = []
        elem = parent.add("L", attributes={"List": {"ListNumbering": "Disc"}})
        for item in node.items:
            li = elem.add("LI")
            label = li.add("Lbl")
            items.extend(
                self.runs(item, "bullet", li, "LBody", cls=ListItem, label=label, bullet="•")
            )
        return [*items, Spacer(1, self.styles["body"].spaceAfter * 0.5)]

    def note(self, node: tree.Note, parent: Elem) -> list[Flowable]:
        """Small print. A P, not a Note: PDF's Note is a footnote, referenced from the text
        and labelled; a source line is neither (see the README)."""
        return self.runs(node.runs, "note", parent)

    def table(self, node: tree.Table, parent: Elem) -> list[Flowable]:
        """Caption, a table whose header row repeats on every page, and its source:
        Table > Caption, THead > TR > TH (Scope Column), TBody > TR > TD."""
        s, c, look = self.styles, self.theme.colors, self.theme.table
        numeric = node.numeric or tuple(False for _ in node.header)
        elem = parent.add("Table")
        if node.description:
            elem.attributes["Table"] = {"Summary": Text(node.description)}
        caption = (
            self.text(tree.shown(node.caption, node.caption_runs), "caption", elem, "Caption")
            if node.caption
            else None
        )
        cells = tree.cells(node)
        head = elem.add("THead").add("TR")
        header = [
            self.text(
                h,
                "cell_header_number" if n else "cell_header",
                head,
                "TH",
                attributes={"Table": {"Scope": "Column"}},
            )
            for h, n in zip(cells[0], numeric, strict=True)
        ]
        body = elem.add("TBody")
        rows = []
        for row in cells[1:]:
            tr = body.add("TR")
            rows.append(
                [
                    self.text(cell, "cell_number" if n else "cell", tr, "TD")
                    for cell, n in zip(row, numeric, strict=True)
                ]
            )
        weights = node.widths or tuple(1.0 for _ in node.header)
        widths = column_points(self.width, weights)
        every = ((0, 0), (-1, -1))
        cell_commands = (
            ("VALIGN", *every, "TOP"),
            # The cells are paragraphs; the table's own default font would declare an
            # unembedded Helvetica.
            ("FONT", *every, self.fonts["regular"], s["cell"].fontSize),
            ("TOPPADDING", *every, look.padding_top),
            ("BOTTOMPADDING", *every, look.padding_bottom),
            ("LEFTPADDING", *every, look.padding_left),
            ("RIGHTPADDING", *every, look.padding_right),
        )
        table = SplittingTable(
            [header, *rows],
            colWidths=widths,
            repeatRows=1,
            splitByRow=1,
            hAlign="LEFT",
            cell_commands=cell_commands,
        )
        commands = [
            ("BACKGROUND", (0, 0), (-1, 0), HexColor(c.table_header_background)),
            ("LINEBELOW", *every, look.rule, HexColor(c.rule)),
            ("LINEBELOW", (0, 0), (-1, 0), look.header_rule, HexColor(c.primary)),
        ]
        stripe = HexColor(c.table_stripe)
        commands += [("BACKGROUND", (0, i), (-1, i), stripe) for i in range(2, len(rows) + 1, 2)]
        table.setStyle(TableStyle(commands))
        result: list[Flowable] = []
        if caption is not None:
            # The caption, the header row and a first row or two stay together.
            style = s["caption"]
            result.append(CondPageBreak(style.leading + 5 * s["cell"].leading + 30))
            result.append(caption)
        result.append(table)
        if node.source:
            result.append(self.text(tree.shown(node.source, node.source_runs), "note", parent))
        else:
            result.append(Spacer(1, s["body"].spaceAfter))
        return result

    def chart(self, node: tree.Chart, parent: Elem) -> list[Flowable]:
        """Title (Caption), vector drawing (Figure with /Alt) and source, kept together in a
        block that floats to the next page rather than leave a blank (ChartBlock)."""
        c = self.theme.colors
        label = self.theme.styles["chart"]
        caption = self.text(node.title, "caption", parent, "Caption")
        drawing = chart_shapes(
            node,
            self.width,
            self.fonts[label.face],
            list(c.chart),
            c.text,
            label.color,
            size=label.size,
            height=self.width * CHART_RATIO,
        )
        figure = Figure(drawing, parent.add("Figure", alt=node.alt))
        source = self.text(node.source, "note", parent) if node.source else None
        return [ChartBlock(caption, figure, source)]

    def title_block(self, sections: tuple[tree.Section, ...], parent: Elem) -> list[Flowable]:
        """Country, fiche kind, rule (an artifact), and the table of contents:
        TOC > TOCI > Reference > Link."""
        s, c, meta = self.styles, self.theme.colors, self.meta
        flowables: list[Flowable] = [
            self.text(meta.runs("country"), "title", parent),
            self.text(meta.runs("kind"), "subtitle", parent),
            Rule(c.primary, c.accent),
        ]
        entries = tree.toc_entries(sections, self.theme.toc_min_sections) if self.theme.toc else []
        if entries:
            flowables.append(self.text(meta.runs("toc_title"), "toc_title", parent))
            toc = parent.add("TOC")
            for section in entries:
                link = (
                    toc.add("TOCI")
                    .add("Reference")
                    .add("Link", href="#" + section.key, contents=section.title)
                )
                style = s[f"toc{section.level}"]
                flowables.append(TocEntry(section, style, c.muted, link, self._toc_title))
            flowables.append(Spacer(1, 4 * mm))
        return flowables


class _DocTemplate(FloatingDocTemplate):
    """Records heading pages for bookmarks, outline and the table of contents; charts
    float (see :mod:`.floats`)."""

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


def _canvas_maker(moment: dt.datetime, tags: Tagger) -> Callable[..., Canvas]:
    def make(*args: object, **kw: object) -> Canvas:
        kw["pdfVersion"] = (1, 7)  # PDF/A-2 is built on PDF 1.7 (/Tabs, structure)
        canvas = TaggedCanvas(*args, tags=tags, **kw)
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
    breaking.install()  # no line break at a no-break space (see .breaking)
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
            TaggedPageTemplate(
                "first", [first], onPage=decor.first_page, autoNextPageTemplate="later"
            ),
            TaggedPageTemplate(
                "later", [_frame(doc, "later", width, height)], onPage=decor.later_page
            ),
        ]
    )
    writer = Writer(document, theme, font_names, width)
    tags = Tagger()
    decor.tag_identity(tags.root)  # the bloc-marque is read first
    story = writer.title_block(document.sections, tags.root)
    story += writer.blocks(document.sections, tags.root)
    doc.build(story, canvasmaker=_canvas_maker(meta.timestamp, tags))
    decor.fill_forms(doc.canv, doc.heading_pages)
    doc.canv.showOutline()
    add_structure(doc.canv, tags)
    identify(doc.canv, meta.language)
    doc.canv.save()
