"""Document tree -> editable Word DOCX with python-docx, on the template's reference.docx.

The writer names styles only (see :mod:`.names`); fonts, colours and spacing come
from the reference document, which users restyle in Word. Headings use Word's Heading
styles (navigation pane, TOC), the table of contents lists the headings, linked, with
PAGEREF page numbers, and the package is written with fixed dates so that the same
inputs always give the same bytes.
"""

from __future__ import annotations

import io
from string import Formatter
from typing import BinaryIO

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import _Footer, _Header
from docx.shared import Emu, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from ... import tree
from ...theme.style import Theme
from . import names as st
from .chart import add_chart
from .drawing import decorative, rule_png
from .ooxml import (
    RPR_ORDER,
    SETTINGS_ORDER,
    clear_part,
    field_char,
    frame_right,
    french_settings,
    instruction,
    new_paragraph,
    set_property,
    simple_field,
    spacing,
    text_run,
    w_element,
)
from .package import open_template, save, template_bytes
from .provenance import Recorder
from .table import table_element

_HeaderFooter = _Header | _Footer
_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")


class _Writer:
    """Maps tree nodes onto a python-docx document."""

    def __init__(self, document: tree.Document, theme: Theme):
        self.tree = document
        self.theme = theme
        template = template_bytes(theme.reference_docx)
        self.doc = open_template(template)
        self.body = self.doc.element.body
        self._sect_pr = self.body.find(qn("w:sectPr"))  # body paragraphs go before it
        self._bookmark_id = 0
        self.marks = Recorder(self._next_bookmark_id)
        # Style ids, looked up once per template: python-docx resolves a style name by
        # scanning every style of the document on each call.
        self.style_id = _style_ids(template, self.doc)
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
        p = new_paragraph()  # what doc.add_paragraph() adds, without its schema search
        if self._sect_pr is not None:
            self._sect_pr.addprevious(p)
        else:
            self.body.append(p)
        paragraph = DocxParagraph(p, self.doc._body)
        self.set_style(paragraph, style)
        if self._space_before:
            look = self.theme.styles[st.STYLESHEET_OF.get(style, "body")]
            spacing(paragraph, before=look.space_before + self._space_before)
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
        ppr = w_element(_PPR)
        pstyle = w_element(_PSTYLE)
        pstyle.set(_VAL, self.style_id[style])
        ppr.append(pstyle)
        p.insert(0, ppr)

    def add_run(
        self, paragraph: DocxParagraph, text: str, style: str | None = None
    ) -> BaseOxmlElement:
        """A run of plain text, with a character style set by id; its ``w:r``."""
        if "\t" in text or "\n" in text:
            run = paragraph.add_run(text)  # python-docx turns these into <w:tab/>, <w:br/>
            if style:
                run._r.style = self.style_id[style]
            return run._r
        # Made directly (see .ooxml.text_run): python-docx's add_run() inspects the text
        # one character at a time, then places each element by schema order.
        r = text_run(text, self.style_id[style] if style else None)
        paragraph._p.append(r)
        return r

    def runs(self, paragraph: DocxParagraph, runs: tree.Runs, style: str | None = None) -> None:
        """Runs of text; links become hyperlinks."""
        for run in runs:
            if run.href:
                self.hyperlink(paragraph, run)
            else:
                self.formatted(paragraph, run, style)

    def formatted(
        self, paragraph: DocxParagraph, run: tree.Run, style: str | None = None
    ) -> BaseOxmlElement:
        """One run of text with its bold, italic and raised (ordinal ending) flags; its
        ``w:r``."""
        r = self.add_run(paragraph, run.text, style)
        if run.bold or run.italic or run.superscript:
            added = Run(r, paragraph)
            if run.bold:
                added.bold = True
            if run.italic:
                added.italic = True
            if run.superscript:
                added.font.superscript = True
        return r

    def hyperlink(self, paragraph: DocxParagraph, run: tree.Run) -> None:
        self.link(paragraph, (run,), run.href)

    def link(
        self, paragraph: DocxParagraph, runs: tree.Runs, href: str, style: str | None = st.HYPERLINK
    ) -> None:
        """A hyperlink holding ``runs``: to a bookmark ("#key") or to a URL; its runs in
        ``style`` (blue, underlined), or in the paragraph's look for ``None``."""
        link = OxmlElement("w:hyperlink")
        if href.startswith("#"):
            link.set(qn("w:anchor"), href[1:])
        else:
            rel = paragraph.part.relate_to(href, RT.HYPERLINK, is_external=True)
            link.set(qn("r:id"), rel)
        for run in runs:
            link.append(self.formatted(paragraph, run, style))
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
        """One "Fait" paragraph per line: the label in "Fait - libellé", then the value;
        the block ends with the same space as in the PDF."""
        separator = self.tree.meta.fact_separator
        paragraph = None
        for row in node.rows:
            paragraph = self.paragraph(st.FACT)
            label = tree.shown(row.label, row.label_runs)
            self.runs(paragraph, label, st.FACT_LABEL)
            self.add_run(paragraph, separator)
            self.runs(paragraph, row.value)
            self.marks.mark(paragraph._p, (*label, tree.Run(separator), *row.value), "fait")
        self.end_block(paragraph, "fact")

    def bullet_list(self, node: tree.BulletList) -> None:
        """One "List Bullet" paragraph per item; the list ends with a space, as in the PDF."""
        paragraph = None
        for item in node.items:
            paragraph = self.paragraph(st.LIST_BULLET, item)
            self.marks.mark(paragraph._p, item, "puce")
        self.end_block(paragraph, "bullet")

    def end_block(self, last: DocxParagraph | None, style: str) -> None:
        """The space after a block of lines: its style's own, plus half a body paragraph's
        (the PDF writer's rule), so that the next paragraph does not run into it."""
        if last is None:
            return
        styles = self.theme.styles
        last.paragraph_format.space_after = Pt(
            styles[style].space_after + styles["body"].space_after * 0.5
        )

    def note(self, node: tree.Note) -> None:
        """Small print."""
        self.marks.mark(self.paragraph(st.SOURCE, node.runs)._p, node.runs, "note")

    def heading(self, section: tree.Section) -> None:
        level = min(section.level, len(st.HEADINGS))
        paragraph = self.paragraph(st.HEADINGS[level - 1])
        title = tree.shown(section.title, section.title_runs)
        self.bookmark(paragraph, section.key, title)
        self.marks.mark(paragraph._p, title, "titre")

    def bookmark(self, paragraph: DocxParagraph, name: str, text: tree.Runs) -> None:
        bookmark_id = str(self._next_bookmark_id())
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), bookmark_id)
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), bookmark_id)
        paragraph._p.append(start)
        self.runs(paragraph, text)
        paragraph._p.append(end)

    def table(self, node: tree.Table) -> None:
        """Caption, a table whose header row repeats and is announced, its title and
        description for assistive technology (tblCaption, tblDescription), its source."""
        if node.caption:
            caption_runs = tree.shown(node.caption, node.caption_runs)
            caption = self.paragraph(st.CAPTION, caption_runs)
            self.marks.mark(caption._p, caption_runs, "légende")
        elif self._space_before:
            # Word merges two tables that touch: the spacing paragraph is a separator here.
            self.paragraph(st.SOURCE, (tree.Run(""),))
        cell_runs = node.cell_runs or tuple(
            tuple((tree.Run(text),) for text in row) for row in (node.header, *node.rows)
        )
        numeric = node.numeric or tuple(False for _ in node.header)
        header_styles = [st.CELL_HEADER_NUMBER if n else st.CELL_HEADER for n in numeric]
        body_styles = [st.CELL_NUMBER if n else st.CELL for n in numeric]
        weights = node.widths or tuple(1.0 for _ in node.header)
        widths = [Emu(int(self.text_width * w / sum(weights))).twips for w in weights]
        tbl, paragraphs = table_element(
            self.style_id[st.TABLE],
            widths,
            [
                [self.style_id[s] for s in header_styles],
                *([self.style_id[s] for s in body_styles] for _ in node.rows),
            ],
            node.caption,
            node.description,
        )
        self.body._insert_tbl(tbl)
        body = self.doc._body  # the paragraphs' parent: their part, for hyperlinks
        for row_index, (row_paragraphs, row_runs) in enumerate(
            zip(paragraphs, cell_runs, strict=True)
        ):
            kind = "en-tête de colonne" if row_index == 0 else "cellule"
            for p, runs, column in zip(row_paragraphs, row_runs, node.header, strict=True):
                self.runs(DocxParagraph(p, body), runs)
                self.marks.mark(
                    p, runs, kind, tableau=node.caption, ligne=row_index, colonne=column
                )
        if node.source:
            runs = tree.shown(node.source, node.source_runs)
            source = self.paragraph(st.SOURCE, runs)
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
        """Country, fiche kind, and the rule under them with its short accent."""
        meta = self.tree.meta
        for style, name in ((st.TITLE, "country"), (st.SUBTITLE, "kind")):
            runs = meta.runs(name)
            paragraph = self.paragraph(style, runs)
            self.marks.mark(paragraph._p, runs, "titre du document")
        self.title_rule()

    def title_rule(self) -> None:
        """The PDF's title rule under the subtitle: a thin line across the text width in the
        primary colour, its first 18 mm a thicker accent. A paragraph border has one colour
        and a layout table would be read out as a table, so the rule is a picture, marked
        decorative (screen readers skip it)."""
        colors, width = self.theme.colors, int(self.text_width)
        paragraph = self.paragraph(st.FIGURE)
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        spacing(paragraph, after=self.theme.styles["subtitle"].space_after)
        run = paragraph.add_run()
        run.add_picture(io.BytesIO(rule_png(width, colors.primary, colors.accent)), width=width)
        inline = run._r.find(f".//{qn('wp:inline')}")
        for side in ("distT", "distB", "distL", "distR"):  # LibreOffice's default is 3 mm
            inline.set(side, "0")
        decorative(inline.find(qn("wp:docPr")), "Filet du titre")

    def toc(self) -> None:
        """The table of contents: one line per heading, linked to it, with a PAGEREF field
        to the heading's bookmark for its page number, after a dotted tab.

        Page numbers depend on the layout of the program that shows the file, so none is
        written: LibreOffice computes PAGEREF fields as it lays the document out, and Word
        when it updates the fields (it offers to on opening, see ``updateFields``). The
        lines are not wrapped in a TOC field: LibreOffice would show that field's stored
        result, without numbers, until the reader updates the index by hand.
        """
        if not self.theme.toc:
            return
        sections = tree.toc_entries(self.tree.sections, self.theme.toc_min_sections)
        if not sections:
            return
        title = self.tree.meta.runs("toc_title")
        self.marks.mark(self.paragraph(st.TOC_HEADING, title)._p, title, "titre du sommaire")
        for section in sections:
            paragraph = self.paragraph(st.TOC_LEVELS[min(section.level, 2) - 1])
            # Linked, in the entry's own look: the PDF's table of contents is not blue.
            title = tree.shown(section.title, section.title_runs)
            self.link(paragraph, title, f"#{section.key}", style=None)
            self.add_run(paragraph, "\t")
            field_char(paragraph, "begin")
            instruction(paragraph, f" PAGEREF {section.key} \\h ")
            field_char(paragraph, "separate")
            field_char(paragraph, "end")
        # Word updates the PAGEREF fields (page numbers) when the document is opened.
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        set_property(self.doc.settings.element, update, SETTINGS_ORDER)

    def settings(self) -> None:
        """Settings of a French document that validates: see :func:`.ooxml.french_settings`
        (also applied by the reference builder; here for a reference.docx made before)."""
        french_settings(self.doc.settings.element)

    def page_furniture(self) -> None:
        """Running header (title, marking), first-page block, footer with page number."""
        meta = self.tree.meta
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        self._first_page_header(section.first_page_header)
        header = clear_part(section.header)
        paragraph = header.add_paragraph()
        self.set_style(paragraph, st.HEADER)
        short_title = meta.runs("short_title")
        self.runs(paragraph, short_title)
        texts = list(short_title)
        if meta.marking:
            self.add_run(paragraph, "\t")
            marking = meta.runs("marking")
            self.runs(paragraph, marking, st.MARKING_RUN)
            texts += [tree.Run("\t"), *marking]
        self.marks.mark(paragraph._p, tuple(texts), "en-tête de page")
        for footer in (section.footer, section.first_page_footer):
            footer = clear_part(footer)
            paragraph = footer.add_paragraph()
            self.set_style(paragraph, st.FOOTER)
            self.runs(paragraph, meta.runs("footer"))
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
        header = clear_part(header)
        right = []
        if meta.marking and self.theme.first_page_marking:
            right.append((st.MARKING, meta.runs("marking")))
        if meta.service:
            right.append((st.SERVICE, meta.runs("service")))
        right.append((st.UPDATE, meta.runs("date_label")))
        left = [(st.IDENTITY, tree.shown(line)) for line in meta.identity]
        left += [(st.MOTTO, tree.shown(line)) for line in meta.motto]
        beside = bool(left or identity.emblem)
        paragraph = None
        for style, text in right:
            paragraph = header.add_paragraph()
            self.set_style(paragraph, style)
            if beside:  # the same frame for every line: Word groups them in one frame
                frame_right(paragraph, int(self.text_width / 2))
            self.runs(paragraph, text)
            self.marks.mark(paragraph._p, text, "en-tête de la première page")
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
            self.runs(paragraph, text)
            self.marks.mark(paragraph._p, text, "en-tête de la première page")
        # The gap between the header and the title, as spacing of its last paragraph.
        spacing(paragraph, after=self.theme.styles["header"].leading)

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


_STYLE_IDS: dict[bytes, dict[str, str]] = {}  # by template content (a few templates)


def _style_ids(template: bytes, doc: DocxDocument) -> dict[str, str]:
    """The id of each style the writer names, in the template ``doc`` was opened from."""
    ids = _STYLE_IDS.get(template)
    if ids is None:
        if len(_STYLE_IDS) >= 8:
            _STYLE_IDS.clear()
        styles = doc.styles
        ids = _STYLE_IDS[template] = {name: styles[name].style_id for name in st.ALL_STYLES}
    return ids


_MAX_PROPERTY = 255  # python-docx refuses a longer core property


def _fit(text: str) -> str:
    """A document property python-docx accepts: a long one is cut, ending with "…"."""
    if len(text) <= _MAX_PROPERTY:
        return text
    return text[: _MAX_PROPERTY - 1].rstrip() + "…"


def write_docx(document: tree.Document, theme: Theme, target: str | BinaryIO) -> None:
    """Write the document as a .docx into a path or a binary file object."""
    writer = _Writer(document, theme)
    writer.settings()
    writer.page_furniture()
    writer.title_block()
    writer.toc()
    for section in document.sections:
        writer.node(section)
    writer.properties()
    writer.marks.attach(writer.doc, document.meta)
    save(writer.doc, target, document.meta.timestamp)
