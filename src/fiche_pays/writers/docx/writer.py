"""Document tree -> editable Word DOCX with python-docx, on the template's reference.docx.

The writer names styles only (see :mod:`.names`); fonts, colours and spacing come
from the reference document, which users restyle in Word. Headings use Word's Heading
styles (navigation pane, TOC), the table of contents is a real TOC field pre-filled
with the headings, and the package is written with fixed dates so that the same
inputs always give the same bytes.
"""

from __future__ import annotations

import io
from string import Formatter
from typing import BinaryIO

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import _Footer, _Header
from docx.shared import Emu, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from ... import tree
from ...theme.style import Theme
from . import names as st
from .chart import add_chart
from .ooxml import (
    PPR_ORDER,
    RPR_ORDER,
    SETTINGS_ORDER,
    field_char,
    instruction,
    set_property,
    simple_field,
)
from .package import save, template_bytes
from .provenance import Recorder

_HeaderFooter = _Header | _Footer


class _Writer:
    """Maps tree nodes onto a python-docx document."""

    def __init__(self, document: tree.Document, theme: Theme):
        self.tree = document
        self.theme = theme
        self.doc = docx.Document(io.BytesIO(template_bytes(theme.reference_docx)))
        self.body = self.doc.element.body
        self._bookmark_id = 0
        self.marks = Recorder(self._next_bookmark_id)
        styles = self.doc.styles
        # Style ids, looked up once: python-docx resolves a style name by scanning every
        # style of the document on each call, which was half of the writing time.
        self.style_id = {name: styles[name].style_id for name in st.ALL_STYLES}
        section = self.doc.sections[0]
        self.text_width = section.page_width - section.left_margin - section.right_margin
        # Space owed to the next paragraph: the gap after a table without a source line,
        # given as spacing before the next paragraph, never as an empty paragraph.
        self._space_before = 0.0

    def _next_bookmark_id(self) -> int:
        self._bookmark_id += 1
        return self._bookmark_id

    # --- blocks ----------------------------------------------------------------------------

    def paragraph(self, style: str, runs: tree.Runs = ()) -> DocxParagraph:
        paragraph = self.doc.add_paragraph()
        self.set_style(paragraph, style)
        if self._space_before:
            look = self.theme.styles[st.STYLESHEET_OF.get(style, "body")]
            _spacing(paragraph, before=look.space_before + self._space_before)
            self._space_before = 0.0
        self.runs(paragraph, runs)
        return paragraph

    def set_style(self, paragraph: DocxParagraph, style: str) -> None:
        """Give a paragraph a style by its id (Normal needs none)."""
        if style == st.NORMAL:
            return
        p = paragraph._p
        if p.pPr is not None:
            p.style = self.style_id[style]
            return
        # A new paragraph: build <w:pPr><w:pStyle/></w:pPr> directly, skipping
        # python-docx's generic child ordering (a third of the DOCX writing time).
        ppr = OxmlElement("w:pPr")
        pstyle = OxmlElement("w:pStyle")
        pstyle.set(qn("w:val"), self.style_id[style])
        ppr.append(pstyle)
        p.insert(0, ppr)

    def add_run(self, paragraph: DocxParagraph, text: str, style: str | None = None) -> Run:
        """A run of plain text, with a character style set by id."""
        if "\t" in text or "\n" in text:
            run = paragraph.add_run(text)  # python-docx turns these into <w:tab/>, <w:br/>
        else:
            # Faster than add_run(), which inspects the text one character at a time.
            run = Run(paragraph._p.add_r(), paragraph)
            run._r.add_t(text)
        if style:
            run._r.style = self.style_id[style]
        return run

    def runs(self, paragraph: DocxParagraph, runs: tree.Runs) -> None:
        for run in runs:
            if run.href:
                self.hyperlink(paragraph, run)
                continue
            added = self.add_run(paragraph, run.text)
            if run.bold:
                added.bold = True
            if run.italic:
                added.italic = True

    def hyperlink(self, paragraph: DocxParagraph, run: tree.Run) -> None:
        link = OxmlElement("w:hyperlink")
        if run.href.startswith("#"):
            link.set(qn("w:anchor"), run.href[1:])
        else:
            rel = paragraph.part.relate_to(run.href, RT.HYPERLINK, is_external=True)
            link.set(qn("r:id"), rel)
        inner = self.add_run(paragraph, run.text, st.HYPERLINK)
        inner.bold = run.bold or None
        inner.italic = run.italic or None
        link.append(inner._r)
        paragraph._p.append(link)

    def node(self, node: tree.Block | tree.Section) -> None:
        """Dispatch on the node type; an unknown node is an error, never skipped."""
        match node:
            case tree.Section():
                self.section(node)
            case tree.Paragraph():
                self.paragraph_node(node)
            case tree.Facts():
                self.facts(node)
            case tree.BulletList():
                self.bullet_list(node)
            case tree.Table():
                self.table(node)
            case tree.Chart():
                self.chart(node)
            case tree.Note():
                self.note(node)
            case _:
                raise TypeError(f"rédacteur DOCX : nœud inconnu {type(node).__name__}")

    def section(self, node: tree.Section) -> None:
        """A Word heading (bookmarked for the TOC and links), then the content."""
        outer, self.marks.section = self.marks.section, node
        self.heading(node)
        for child in node.children:
            self.node(child)
        self.marks.section = outer

    def paragraph_node(self, node: tree.Paragraph) -> None:
        """A paragraph of body text."""
        self.marks.mark(self.paragraph(st.NORMAL, node.runs)._p, node.runs, "paragraphe")

    def facts(self, node: tree.Facts) -> None:
        """One "Fait" paragraph per line: the label in "Fait - libellé", then the value."""
        separator = self.tree.meta.fact_separator
        for row in node.rows:
            paragraph = self.paragraph(st.FACT)
            self.add_run(paragraph, row.label, st.FACT_LABEL)
            self.add_run(paragraph, separator)
            self.runs(paragraph, row.value)
            label = row.label_runs or (tree.Run(row.label),)
            self.marks.mark(paragraph._p, (*label, tree.Run(separator), *row.value), "fait")

    def bullet_list(self, node: tree.BulletList) -> None:
        """One "List Bullet" paragraph per item."""
        for item in node.items:
            self.marks.mark(self.paragraph(st.LIST_BULLET, item)._p, item, "puce")

    def note(self, node: tree.Note) -> None:
        """Small print."""
        self.marks.mark(self.paragraph(st.SOURCE, node.runs)._p, node.runs, "note")

    def heading(self, section: tree.Section) -> None:
        level = min(section.level, len(st.HEADINGS))
        paragraph = self.paragraph(st.HEADINGS[level - 1])
        self.bookmark(paragraph, section.key, section.title)
        self.marks.mark(paragraph._p, section.title_runs or (tree.Run(section.title),), "titre")

    def bookmark(self, paragraph: DocxParagraph, name: str, text: str) -> None:
        bookmark_id = str(self._next_bookmark_id())
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), bookmark_id)
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), bookmark_id)
        paragraph._p.append(start)
        self.add_run(paragraph, text)
        paragraph._p.append(end)

    def table(self, node: tree.Table) -> None:
        """Caption, a table whose header row repeats and is announced, its title and
        description for assistive technology (tblCaption, tblDescription), its source."""
        if node.caption:
            caption = self.paragraph(st.CAPTION, (tree.Run(node.caption),))
            self.marks.mark(caption._p, node.caption_runs or (tree.Run(node.caption),), "légende")
        elif self._space_before:
            # Word merges two tables that touch: the spacing paragraph is a separator here.
            self.paragraph(st.SOURCE, (tree.Run(""),))
        cell_runs = node.cell_runs or tuple(
            tuple((tree.Run(text),) for text in row) for row in (node.header, *node.rows)
        )
        numeric = node.numeric or tuple(False for _ in node.header)
        table: DocxTable = self.doc.add_table(rows=len(node.rows) + 1, cols=len(node.header))
        tbl_pr = table._tbl.tblPr
        tbl_pr.style = self.style_id[st.TABLE]
        for tag, text in (("w:tblCaption", node.caption), ("w:tblDescription", node.description)):
            if text:  # last in tblPr's schema order: appended
                element = OxmlElement(tag)
                element.set(qn("w:val"), text)
                tbl_pr.append(element)
        weights = node.widths or tuple(1.0 for _ in node.header)
        widths = [Emu(int(self.text_width * w / sum(weights))) for w in weights]
        for index, width in enumerate(widths):
            table.columns[index].width = width
        # zip over table.rows: indexing it rebuilds the list of rows on every call.
        for row_index, (row, values, row_runs) in enumerate(
            zip(table.rows, (node.header, *node.rows), cell_runs, strict=True)
        ):
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
            if row_index == 0:
                tr_pr.append(OxmlElement("w:tblHeader"))
            for column, (cell, value, is_number, width, runs) in enumerate(
                zip(row.cells, values, numeric, widths, row_runs, strict=True)
            ):
                cell.width = width
                if row_index == 0:
                    style = st.CELL_HEADER_NUMBER if is_number else st.CELL_HEADER
                else:
                    style = st.CELL_NUMBER if is_number else st.CELL
                paragraph = cell.paragraphs[0]
                self.set_style(paragraph, style)
                self.add_run(paragraph, value)
                self.marks.mark(
                    paragraph._p,
                    runs,
                    "en-tête de colonne" if row_index == 0 else "cellule",
                    tableau=node.caption,
                    ligne=row_index,
                    colonne=node.header[column],
                )
        if node.source:
            source = self.paragraph(st.SOURCE, (tree.Run(node.source),))
            runs = node.source_runs or (tree.Run(node.source),)
            self.marks.mark(source._p, runs, "source", tableau=node.caption)
        else:
            self._space_before = self.theme.styles["body"].space_after

    def chart(self, node: tree.Chart) -> None:
        title = (tree.Run(node.title),)
        self.marks.mark(self.paragraph(st.CAPTION, title)._p, title, "légende du graphique")
        paragraph = self.paragraph(st.FIGURE)
        add_chart(paragraph, node, self.theme, int(self.text_width), int(self.text_width * 0.45))
        if node.source:
            source = (tree.Run(node.source),)
            self.marks.mark(self.paragraph(st.SOURCE, source)._p, source, "source du graphique")

    # --- page 1, table of contents, header and footer ------------------------------------

    def title_block(self) -> None:
        meta = self.tree.meta
        sources = dict(meta.sources)
        for style, name in ((st.TITLE, "country"), (st.SUBTITLE, "kind")):
            runs = (tree.Run(getattr(meta, name)),)
            paragraph = self.paragraph(style, runs)
            self.marks.mark(paragraph._p, sources.get(name, runs), "titre du document")

    def toc(self) -> None:
        """A TOC field whose cached result already lists the headings, linked.

        Page numbers depend on Word's own layout: Word fills them in when it updates
        the field (it offers to on opening); until then the entries carry none.
        """
        sections = [s for s in tree.iter_sections(self.tree.sections) if s.level <= 2]
        if not (self.theme.toc and sections):
            return
        title = (tree.Run(self.tree.meta.toc_title),)
        self.marks.mark(self.paragraph(st.TOC_HEADING, title)._p, title, "titre du sommaire")
        for index, section in enumerate(sections):
            paragraph = self.paragraph(st.TOC_LEVELS[min(section.level, 2) - 1])
            if index == 0:
                field_char(paragraph, "begin")
                instruction(paragraph, ' TOC \\o "1-2" \\h \\z \\u ')
                field_char(paragraph, "separate")
            self.hyperlink(paragraph, tree.Run(section.title, href=f"#{section.key}"))
            if index == len(sections) - 1:
                field_char(paragraph, "end")
        # Word refreshes the TOC page numbers when the document is opened.
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        set_property(self.doc.settings.element, update, SETTINGS_ORDER)

    def page_furniture(self) -> None:
        """Running header (title, marking), first-page block, footer with page number."""
        meta = self.tree.meta
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        self._first_page_header(section.first_page_header)
        header = _clear(section.header)
        paragraph = header.add_paragraph()
        self.set_style(paragraph, st.HEADER)
        self.add_run(paragraph, meta.short_title)
        texts = [meta.short_title]
        if meta.marking:
            self.add_run(paragraph, "\t")
            self.add_run(paragraph, meta.marking, st.MARKING_RUN)
            texts += ["\t", meta.marking]
        self.marks.mark(paragraph._p, tuple(map(tree.Run, texts)), "en-tête de page")
        for footer in (section.footer, section.first_page_footer):
            footer = _clear(footer)
            paragraph = footer.add_paragraph()
            self.set_style(paragraph, st.FOOTER)
            self.add_run(paragraph, meta.footer)
            self.add_run(paragraph, "\t")
            self.page_label(paragraph, meta.page_label)
            # the page numbers are fields, whose shown values Word updates: not recorded
            words = "".join(text for text, *_ in Formatter().parse(meta.page_label))
            self.marks.mark(paragraph._p, (tree.Run(f"{meta.footer}\t{words}"),), "pied de page")

    def page_label(self, paragraph: DocxParagraph, label: str) -> None:
        """ "{page} / {pages}" with Word's PAGE and NUMPAGES fields in place of the names."""
        fields = {"page": "PAGE", "pages": "NUMPAGES"}
        for text, name, _, _ in Formatter().parse(label):
            if text:
                self.add_run(paragraph, text)
            if name:
                simple_field(paragraph, fields[name], "1")

    def _first_page_header(self, header: _HeaderFooter) -> None:
        """Page 1's header: the marking, service and update date at the right, beside the
        identity block (emblem, authority, motto) at the left.

        The right column is a paragraph frame (framePr) floating beside the identity
        paragraphs, not a layout table: a table would need a paragraph after it (Word
        ends every story with one), an empty paragraph used as a spacer.
        """
        meta, identity = self.tree.meta, self.theme.identity
        header = _clear(header)
        right = []
        if meta.marking and self.theme.first_page_marking:
            right.append((st.MARKING, meta.marking))
        if meta.service:
            right.append((st.SERVICE, meta.service))
        right.append((st.UPDATE, meta.date_label))
        left = [(st.IDENTITY, line) for line in identity.lines]
        left += [(st.MOTTO, line) for line in identity.motto]
        beside = bool(left or identity.emblem)
        sources = dict(meta.sources)
        sourced = {meta.service: sources.get("service"), meta.date_label: sources.get("date_label")}
        paragraph = None
        for style, text in right:
            paragraph = header.add_paragraph()
            self.set_style(paragraph, style)
            if beside:  # the same frame for every line: Word groups them in one frame
                _frame(paragraph, int(self.text_width / 2))
            self.add_run(paragraph, text)
            runs = sourced.get(text) or (tree.Run(text),)
            self.marks.mark(paragraph._p, runs, "en-tête de la première page")
        if identity.emblem:
            paragraph = header.add_paragraph()
            self.set_style(paragraph, st.IDENTITY)
            run = paragraph.add_run()
            run.add_picture(str(identity.emblem), height=Pt(40))
            doc_pr = run._r.find(f".//{qn('wp:docPr')}")
            doc_pr.set("descr", identity.emblem_alt or "")
            doc_pr.set("title", identity.emblem_alt or "")
        for style, text in left:
            paragraph = header.add_paragraph()
            self.set_style(paragraph, style)
            self.add_run(paragraph, text)
            self.marks.mark(paragraph._p, (tree.Run(text),), "en-tête de la première page")
        # The gap between the header and the title, as spacing of its last paragraph.
        _spacing(paragraph, after=self.theme.styles["header"].leading)

    def properties(self) -> None:
        """Title, language, author… in the core properties; the language also in the
        styles' defaults, for spelling, hyphenation and screen readers."""
        meta = self.tree.meta
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        language = OxmlElement("w:lang")
        for name in ("w:val", "w:eastAsia"):
            language.set(qn(name), meta.language)
        set_property(rpr, language, RPR_ORDER)
        props = self.doc.core_properties
        moment = meta.timestamp.replace(tzinfo=None)  # python-docx writes naive as UTC
        props.title = _fit(meta.title)
        props.subject = _fit(meta.subject)
        props.author = _fit(meta.author)
        props.last_modified_by = _fit(meta.author)
        props.keywords = _fit("; ".join(meta.keywords))
        props.language = meta.language
        props.category = _fit(meta.kind)
        props.comments = ""
        props.created = moment
        props.modified = moment
        props.last_printed = moment
        props.revision = 1


_MAX_PROPERTY = 255  # python-docx refuses a longer core property


def _fit(text: str) -> str:
    """A document property python-docx accepts: a long one is cut, ending with "…"."""
    if len(text) <= _MAX_PROPERTY:
        return text
    return text[: _MAX_PROPERTY - 1].rstrip() + "…"


def _spacing(
    paragraph: DocxParagraph, before: float | None = None, after: float | None = None
) -> None:
    """Spacing before or after a paragraph, in points, over its style's."""
    spacing = OxmlElement("w:spacing")
    for name, points in (("w:before", before), ("w:after", after)):
        if points is not None:
            spacing.set(qn(name), str(round(points * 20)))  # in twentieths of a point
    set_property(paragraph._p.get_or_add_pPr(), spacing, PPR_ORDER)


def _frame(paragraph: DocxParagraph, width: int) -> None:
    """Float the paragraph in a frame at the right margin, level with the next text."""
    frame = OxmlElement("w:framePr")
    for name, value in (
        ("w:w", str(round(Emu(width).twips))),
        ("w:hSpace", "142"),
        ("w:wrap", "around"),
        ("w:vAnchor", "text"),
        ("w:hAnchor", "margin"),
        ("w:xAlign", "right"),
        ("w:y", "1"),
    ):
        frame.set(qn(name), value)
    set_property(paragraph._p.get_or_add_pPr(), frame, PPR_ORDER)


def _clear(part: _HeaderFooter) -> _HeaderFooter:
    """Empty a header or footer, keeping its part."""
    part.is_linked_to_previous = False
    element = part._element
    for child in list(element):
        element.remove(child)
    return part


def write_docx(document: tree.Document, theme: Theme, target: str | BinaryIO) -> None:
    """Write the document as a .docx into a path or a binary file object."""
    writer = _Writer(document, theme)
    writer.page_furniture()
    writer.title_block()
    writer.toc()
    for section in document.sections:
        writer.node(section)
    writer.properties()
    writer.marks.attach(writer.doc, document.meta)
    save(writer.doc, target, document.meta.timestamp)
