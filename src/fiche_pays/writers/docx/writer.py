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
from .ooxml import SETTINGS_ORDER, field_char, instruction, set_property, simple_field
from .package import save, template_bytes

_HeaderFooter = _Header | _Footer


class _Writer:
    """Maps tree nodes onto a python-docx document."""

    def __init__(self, document: tree.Document, theme: Theme):
        self.tree = document
        self.theme = theme
        self.doc = docx.Document(io.BytesIO(template_bytes(theme.reference_docx)))
        self.body = self.doc.element.body
        self._bookmark_id = 0
        styles = self.doc.styles
        # Style ids, looked up once: python-docx resolves a style name by scanning every
        # style of the document on each call, which was half of the writing time.
        self.style_id = {name: styles[name].style_id for name in st.ALL_STYLES}
        section = self.doc.sections[0]
        self.text_width = section.page_width - section.left_margin - section.right_margin

    # --- blocks ----------------------------------------------------------------------------

    def paragraph(self, style: str, runs: tree.Runs = ()) -> DocxParagraph:
        paragraph = self.doc.add_paragraph()
        self.set_style(paragraph, style)
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
        self.heading(node)
        for child in node.children:
            self.node(child)

    def paragraph_node(self, node: tree.Paragraph) -> None:
        """A paragraph of body text."""
        self.paragraph(st.NORMAL, node.runs)

    def facts(self, node: tree.Facts) -> None:
        """One "Fait" paragraph per line: the label in "Fait - libellé", then the value."""
        for row in node.rows:
            paragraph = self.paragraph(st.FACT)
            self.add_run(paragraph, row.label, st.FACT_LABEL)
            self.add_run(paragraph, self.tree.meta.fact_separator)
            self.runs(paragraph, row.value)

    def bullet_list(self, node: tree.BulletList) -> None:
        """One "List Bullet" paragraph per item."""
        for item in node.items:
            self.paragraph(st.LIST_BULLET, item)

    def note(self, node: tree.Note) -> None:
        """Small print."""
        self.paragraph(st.SOURCE, node.runs)

    def heading(self, section: tree.Section) -> None:
        level = min(section.level, len(st.HEADINGS))
        paragraph = self.paragraph(st.HEADINGS[level - 1])
        self.bookmark(paragraph, section.key, section.title)

    def bookmark(self, paragraph: DocxParagraph, name: str, text: str) -> None:
        self._bookmark_id += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._bookmark_id))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self._bookmark_id))
        paragraph._p.append(start)
        self.add_run(paragraph, text)
        paragraph._p.append(end)

    def table(self, node: tree.Table) -> None:
        if node.caption:
            self.paragraph(st.CAPTION, (tree.Run(node.caption),))
        numeric = node.numeric or tuple(False for _ in node.header)
        table: DocxTable = self.doc.add_table(rows=len(node.rows) + 1, cols=len(node.header))
        table._tbl.tblPr.style = self.style_id[st.TABLE]
        weights = node.widths or tuple(1.0 for _ in node.header)
        widths = [Emu(int(self.text_width * w / sum(weights))) for w in weights]
        for index, width in enumerate(widths):
            table.columns[index].width = width
        # zip over table.rows: indexing it rebuilds the list of rows on every call.
        for row_index, (row, values) in enumerate(
            zip(table.rows, (node.header, *node.rows), strict=True)
        ):
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
            if row_index == 0:
                tr_pr.append(OxmlElement("w:tblHeader"))
            for cell, value, is_number, width in zip(
                row.cells, values, numeric, widths, strict=True
            ):
                cell.width = width
                if row_index == 0:
                    style = st.CELL_HEADER_NUMBER if is_number else st.CELL_HEADER
                else:
                    style = st.CELL_NUMBER if is_number else st.CELL
                paragraph = cell.paragraphs[0]
                self.set_style(paragraph, style)
                self.add_run(paragraph, value)
        if node.source:
            self.paragraph(st.SOURCE, (tree.Run(node.source),))
        else:
            self.paragraph(st.SOURCE)

    def chart(self, node: tree.Chart) -> None:
        self.paragraph(st.CAPTION, (tree.Run(node.title),))
        paragraph = self.paragraph(st.FIGURE)
        add_chart(paragraph, node, self.theme, int(self.text_width), int(self.text_width * 0.45))
        if node.source:
            self.paragraph(st.SOURCE, (tree.Run(node.source),))

    # --- page 1, table of contents, header and footer ------------------------------------

    def title_block(self) -> None:
        meta = self.tree.meta
        self.paragraph(st.TITLE, (tree.Run(meta.country),))
        self.paragraph(st.SUBTITLE, (tree.Run(meta.kind),))

    def toc(self) -> None:
        """A TOC field whose cached result already lists the headings, linked.

        Page numbers depend on Word's own layout: Word fills them in when it updates
        the field (it offers to on opening); until then the entries carry none.
        """
        sections = [s for s in tree.iter_sections(self.tree.sections) if s.level <= 2]
        if not (self.theme.toc and sections):
            return
        self.paragraph(st.TOC_HEADING, (tree.Run(self.tree.meta.toc_title),))
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
        if meta.marking:
            self.add_run(paragraph, "\t")
            self.add_run(paragraph, meta.marking, st.MARKING_RUN)
        for footer in (section.footer, section.first_page_footer):
            footer = _clear(footer)
            paragraph = footer.add_paragraph()
            self.set_style(paragraph, st.FOOTER)
            self.add_run(paragraph, meta.footer)
            self.add_run(paragraph, "\t")
            self.page_label(paragraph, meta.page_label)

    def page_label(self, paragraph: DocxParagraph, label: str) -> None:
        """ "{page} / {pages}" with Word's PAGE and NUMPAGES fields in place of the names."""
        fields = {"page": "PAGE", "pages": "NUMPAGES"}
        for text, name, _, _ in Formatter().parse(label):
            if text:
                self.add_run(paragraph, text)
            if name:
                simple_field(paragraph, fields[name], "1")

    def _first_page_header(self, header: _HeaderFooter) -> None:
        meta, identity = self.tree.meta, self.theme.identity
        header = _clear(header)
        layout = header.add_table(rows=1, cols=2, width=self.text_width)
        left, right = layout.rows[0].cells
        left.width = right.width = Emu(int(self.text_width / 2))
        right_lines = []
        if meta.marking and self.theme.first_page_marking:
            right_lines.append((st.MARKING, meta.marking))
        if meta.service:
            right_lines.append((st.SERVICE, meta.service))
        right_lines.append((st.UPDATE, meta.date_label))
        left_lines = [(st.IDENTITY, line) for line in identity.lines]
        left_lines += [(st.MOTTO, line) for line in identity.motto]
        for cell, lines in ((left, left_lines), (right, right_lines)):
            first = cell.paragraphs[0]
            for index, (style, text) in enumerate(lines or [(st.HEADER, "")]):
                paragraph = first if index == 0 else cell.add_paragraph()
                self.set_style(paragraph, style)
                self.add_run(paragraph, text)
        if identity.emblem:
            run = left.paragraphs[0].insert_paragraph_before().add_run()
            run.add_picture(str(identity.emblem), height=Pt(40))
        self.set_style(header.add_paragraph(), st.HEADER)

    def properties(self) -> None:
        meta = self.tree.meta
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
    save(writer.doc, target, document.meta.timestamp)
