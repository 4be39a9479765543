"""What each page carries besides the flowing text: the identity block and the update
date on page 1, the running header, the footer and the page number.

Page numbers ("2 / 4") and table-of-contents numbers are form XObjects drawn while
laying out and filled in once the last page is known: one layout pass only.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate

from ... import tree
from ...theme.style import Style, Theme
from .styles import shown


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

    def _text(
        self, canv: Canvas, style: Style, x: float, y: float, text: str, right: bool = False
    ) -> None:
        """One line of ``text`` in ``style``, starting at ``x`` or (``right``) ending there."""
        canv.setFont(self.fonts[style.face], style.size)
        canv.setFillColor(HexColor(style.color))
        text = shown(text, style)
        if right or style.align == "right":
            canv.drawRightString(x, y, text)
        else:
            canv.drawString(x, y, text)

    def first_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Page 1: the identity block, service, update date, footer."""
        self._identity(canv)
        self._page_number(canv, doc)

    def later_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Later pages: running header with the marking, footer."""
        meta, s = self.meta, self.styles
        top = self.height - self.theme.page.margin_top * mm + 8 * mm
        canv.saveState()
        self._text(canv, s["header"], self.left, top, meta.short_title)
        if meta.marking:
            marking = s["header_marking"]
            self._text(canv, marking, self.right, top, meta.marking, right=True)
        self._rule(canv, top - 2.5 * mm)
        canv.restoreState()
        self._page_number(canv, doc)

    def _rule(self, canv: Canvas, y: float) -> None:
        canv.setStrokeColor(HexColor(self.theme.colors.rule))
        canv.setLineWidth(0.5)
        canv.line(self.left, y, self.right, y)

    def _page_number(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        y = self.theme.page.margin_bottom * mm - 9 * mm
        canv.saveState()
        self._rule(canv, y + 4 * mm)
        self._text(canv, self.styles["footer"], self.left, y, self.meta.footer)
        canv.translate(self.right, y)
        canv.doForm(f"page-{doc.page}")
        canv.restoreState()
        self.pages = max(self.pages, doc.page)

    def _identity(self, canv: Canvas) -> None:
        meta, s, identity = self.meta, self.styles, self.theme.identity
        top = self.height - self.theme.page.margin_top * mm
        canv.saveState()
        y = top
        if identity.emblem:
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
        for line in identity.lines:
            self._text(canv, s["identity"], self.left, y - s["identity"].size, line)
            y -= s["identity"].leading
        motto = s["motto"]
        if identity.motto:
            y -= motto.space_before
            for line in identity.motto:
                self._text(canv, motto, self.left, y - motto.size, line)
                y -= motto.leading
        right = [(s["service"], meta.service), (s["update"], meta.date_label)]
        if meta.marking and self.theme.first_page_marking:
            right.insert(0, (s["marking"], meta.marking))
        y = top - s["service"].size
        for style, text in right:
            if text:
                self._text(canv, style, self.right, y, text)
                y -= style.leading
        canv.restoreState()

    def block_height(self) -> float:
        """Height reserved on page 1 above the title for the identity block."""
        identity, s = self.theme.identity, self.styles
        height = len(identity.lines) * s["identity"].leading
        height += len(identity.motto) * s["motto"].leading
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
