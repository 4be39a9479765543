"""What each page carries besides the flowing text: the identity block and the update
date on page 1, the running header, the footer and the page number.

Page numbers ("2 / 4") and table-of-contents numbers are form XObjects drawn while
laying out and filled in once the last page is known: one layout pass only.

The identity block and the update date are real content, read first (who issues the
fiche, and when): their structure elements are made by :meth:`PageDecor.tag_identity`.
The running header, the footer and the rules are artifacts (pagination).
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate

from ... import tree
from ...theme.style import Style, Theme
from .styles import SUPERSCRIPT_RISE, SUPERSCRIPT_SIZE, shown
from .tagging import Elem


class PageDecor:
    """Draws the parts of each page that are not flowing text."""

    def __init__(
        self,
        document: tree.Document,
        theme: Theme,
        fonts: dict[str, str],
        pagesize: tuple[float, float],
    ):
        self.meta = document.meta
        self.theme = theme
        self.fonts = fonts
        self.styles = theme.styles
        self.width, self.height = pagesize
        self.left = theme.page.margin_left * mm
        self.right = self.width - theme.page.margin_right * mm
        self.pages = 0
        self.identity: dict[str, Elem] = {}  # the identity block's parts, by name

    def _text(
        self,
        canv: Canvas,
        style: Style,
        x: float,
        y: float,
        text: str | tree.Runs,
        right: bool = False,
    ) -> None:
        """One line of ``text`` in ``style``, starting at ``x`` or (``right``) ending there;
        raised runs (ordinal endings) smaller and higher, as in the flowing text."""
        font = self.fonts[style.face]
        pieces = []
        for run in tree.shown(text) if isinstance(text, str) else text:
            size = style.size * (SUPERSCRIPT_SIZE if run.superscript else 1)
            rise = style.size * SUPERSCRIPT_RISE if run.superscript else 0
            piece = shown(run.text, style)
            pieces.append((piece, size, rise, stringWidth(piece, font, size)))
        if right or style.align == "right":
            x -= sum(width for *_, width in pieces)
        canv.setFillColor(HexColor(style.color))
        # One text object, the raised pieces by text rise, as in paragraphs: a text
        # extractor then reads "1er", not "1 er".
        text_object = canv.beginText(x, y)
        for piece, size, rise, _ in pieces:
            text_object.setFont(font, size)
            text_object.setRise(rise)
            text_object.textOut(piece)
        if pieces and not pieces[-1][0].endswith(" "):
            # A space without ink after the line, as at every line end of a paragraph
            # (see tagging._SpacedText): the identity block's lines "MINISTÈRE DE
            # L'EUROPE" / "ET DES AFFAIRES" are otherwise read as "L'EUROPEET".
            text_object.setRise(0)
            text_object.textOut(" ")
        canv.drawText(text_object)

    def first_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Page 1: the identity block, service, update date, footer."""
        self._identity(canv)
        self._page_number(canv, doc)

    def later_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Later pages: running header with the marking, footer."""
        meta, s = self.meta, self.styles
        top = self.height - self.theme.page.margin_top * mm + 8 * mm
        with canv.tags.artifact(canv, "Pagination", "Header"):
            canv.saveState()
            self._text(canv, s["header"], self.left, top, meta.runs("short_title"))
            if meta.marking:
                marking = s["header_marking"]
                self._text(canv, marking, self.right, top, meta.runs("marking"), right=True)
            self._rule(canv, top - 2.5 * mm)
            canv.restoreState()
        self._page_number(canv, doc)

    def _rule(self, canv: Canvas, y: float) -> None:
        canv.setStrokeColor(HexColor(self.theme.colors.rule))
        canv.setLineWidth(0.5)
        canv.line(self.left, y, self.right, y)

    def _page_number(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        y = self.theme.page.margin_bottom * mm - 9 * mm
        with canv.tags.artifact(canv, "Pagination", "Footer"):
            canv.saveState()
            self._rule(canv, y + 4 * mm)
            self._text(canv, self.styles["footer"], self.left, y, self.meta.runs("footer"))
            canv.translate(self.right, y)
            canv.doForm(f"page-{doc.page}")
            canv.restoreState()
        self.pages = max(self.pages, doc.page)

    def _right_lines(self) -> list[tuple[str, tree.Runs]]:
        """Top right of page 1, in order: (style name, runs) of the marking, the service
        and the update date, those that the fiche has."""
        meta = self.meta
        lines = [("service", meta.runs("service")), ("update", meta.runs("date_label"))]
        if meta.marking and self.theme.first_page_marking:
            lines.insert(0, ("marking", meta.runs("marking")))
        return [(style, runs) for style, runs in lines if runs]

    def tag_identity(self, parent: Elem) -> None:
        """The identity block's structure elements, in reading order: the emblem (a
        Figure with its description), the authority's lines, the motto, then the
        marking, the service and the update date (one P each)."""
        identity = self.theme.identity
        if identity.emblem:
            self.identity["emblem"] = parent.add("Figure", alt=identity.emblem_alt)
        for name, present in (("lines", self.meta.identity), ("motto", self.meta.motto)):
            if present:
                self.identity[name] = parent.add("P")
        for style, _ in self._right_lines():
            self.identity[style] = parent.add("P")

    def _identity(self, canv: Canvas) -> None:
        s, identity, tags = self.styles, self.theme.identity, canv.tags
        top = self.height - self.theme.page.margin_top * mm
        canv.saveState()
        y = top
        if identity.emblem:
            figure = self.identity["emblem"]
            x0, y0 = canv.absolutePosition(self.left, y - 14 * mm)
            figure.attributes["Layout"] = {
                "BBox": [round(x0, 2), round(y0, 2), round(x0 + 14 * mm, 2), round(y0 + 14 * mm, 2)]
            }
            with tags.content(canv, figure):
                canv.drawImage(
                    str(identity.emblem),
                    self.left,
                    y - 14 * mm,
                    height=14 * mm,
                    width=14 * mm,
                    preserveAspectRatio=True,
                    anchor="sw",
                    mask="auto",
                )
            y -= 16 * mm
        if self.meta.identity:
            with tags.content(canv, self.identity["lines"]):
                for line in self.meta.identity:
                    self._text(canv, s["identity"], self.left, y - s["identity"].size, line)
                    y -= s["identity"].leading
        motto = s["motto"]
        if self.meta.motto:
            y -= motto.space_before
            with tags.content(canv, self.identity["motto"]):
                for line in self.meta.motto:
                    self._text(canv, motto, self.left, y - motto.size, line)
                    y -= motto.leading
        y = top - s["service"].size
        for name, text in self._right_lines():
            with tags.content(canv, self.identity[name]):
                self._text(canv, s[name], self.right, y, text)
            y -= s[name].leading
        canv.restoreState()

    def block_height(self) -> float:
        """Height reserved on page 1 above the title for the identity block."""
        identity, s = self.theme.identity, self.styles
        height = len(self.meta.identity) * s["identity"].leading
        height += len(self.meta.motto) * s["motto"].leading
        height += 16 * mm if identity.emblem else 0
        return max(height + 14, 14 * mm)

    def fill_forms(self, canv: Canvas, heading_pages: dict[str, int]) -> None:
        """Write the page numbers, now that the page count is known."""
        footer, toc = self.styles["footer"], self.styles["toc1"]
        for page in range(1, self.pages + 1):
            canv.beginForm(f"page-{page}", lowerx=-80, lowery=-5, upperx=5, uppery=20)
            label = self.meta.page_label.format(page=page, pages=self.pages)
            self._text(canv, footer, 0, 0, label, right=True)
            canv.endForm()
        for key, page in heading_pages.items():
            canv.beginForm(f"toc-{key}", lowerx=-80, lowery=-5, upperx=5, uppery=20)
            self._text(canv, toc, 0, 0, str(page), right=True)
            canv.endForm()
