"""Tagged PDF: marked content written while ReportLab lays out, the tree recorded beside it.

Every page is "artifact by default": the page template opens ``/Artifact BMC`` before the
page furniture is drawn and closes it at the end of the page. A flowable that carries a
structure element switches to real content for exactly its own drawing
(``EMC /P <</MCID n>> BDC … EMC /Artifact BMC``). Whatever is drawn outside a tagged
flowable (table rules and stripes, the title rule, running header and footer, page-number
forms) is therefore an artifact without anyone having to remember it.

The writer's visitor creates the structure elements in the document tree's order (reading
order); content items (page, MCID) and link annotations are appended to an element only
when ReportLab actually draws it, so split, discarded or moved flowables leave no trace.
:mod:`.structure` turns the recorded tree into PDF objects before the canvas is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, PageTemplate

from .pdfops import FastStateCanvas, FastTextObject
from .saving import FastDocument


class MarkedContent(NamedTuple):
    """A content item: marked-content sequence ``mcid`` of page ``page`` (0-based)."""

    page: int
    mcid: int


class AnnotationRef(NamedTuple):
    """A content item that is an annotation: entry ``index`` of page ``page``'s /Annots."""

    page: int
    index: int


@dataclass(frozen=True, slots=True)
class Text:
    """An attribute value that is a text string (the others are names or numbers)."""

    value: str


class Elem:
    """A structure element: a standard type, its attributes, its kids in reading order.

    A plain class with slots: a fiche makes one per table cell, thousands of them.
    """

    __slots__ = ("alt", "attributes", "contents", "href", "inline", "kids", "parent", "role")

    def __init__(
        self,
        role: str,
        parent: Elem | None = None,
        alt: str | None = None,
        contents: str | None = None,
        href: str | None = None,
        attributes: dict[str, dict[str, object]] | None = None,
    ):
        self.role = role
        self.parent = parent
        self.kids: list[Elem | MarkedContent | AnnotationRef] = []
        self.alt = alt  # /Alt: what a figure shows
        self.contents = contents  # /Contents of this Link's annotations
        self.href = href  # the link target, to match annotations to Link elements
        self.inline: list[Elem] = []  # Links marked inside this P's text
        # Attributes by owner: {"Table": {"Scope": "Column"}, "Layout": {"BBox": [...]}}.
        self.attributes = attributes if attributes is not None else {}

    def add(self, role: str, **attrs: object) -> Elem:
        """Append and return a child element."""
        child = Elem(role, self, **attrs)  # type: ignore[arg-type]
        self.kids.append(child)
        return child


class Tagger:
    """Records, while ReportLab lays out, which structure element owns which content.

    The marked-content operators go into the page's code through ``canv.addLiteral``, or
    into a paragraph's text object for links marked inside a line (``inline``).
    """

    def __init__(self) -> None:
        self.root = Elem("Document")
        self.page = -1  # 0-based index of the page being drawn
        self.parents: list[list[Elem]] = []  # per page, MCID -> element (the ParentTree)
        self.annotations: list[tuple[AnnotationRef, Elem]] = []
        self._open: Elem | None = None  # the element whose content is being drawn
        self._inline: Elem | None = None  # the paragraph whose links are marked inline
        self._current: dict[int, Elem] = {}  # inline paragraph -> element being read

    # -- pages ---------------------------------------------------------------------------
    def begin_page(self, canv: Canvas) -> None:
        """A new page: everything on it is an artifact until a tagged flowable draws."""
        self.page += 1
        self.parents.append([])
        canv.addLiteral("/Artifact BMC")

    def end_page(self, canv: Canvas) -> None:
        """Close the page's default artifact."""
        canv.addLiteral("EMC")

    # -- content -------------------------------------------------------------------------
    @contextmanager
    def content(self, canv: Canvas, elem: Elem) -> Iterator[None]:
        """Draw real content belonging to ``elem`` (a leaf such as P, H1, TD, Figure)."""
        self.begin(canv, elem)
        try:
            yield
        finally:
            self.end(canv)

    def begin(self, canv: Canvas, elem: Elem) -> None:
        """Pause the page's default artifact; what follows is ``elem``'s content."""
        if self._open is not None or self._inline is not None:
            raise RuntimeError(f"contenu {elem.role} imbriqué dans un autre contenu balisé")
        self._open = elem
        canv.addLiteral("EMC " + self._bdc(elem))

    def end(self, canv: Canvas) -> None:
        """Back to the page's default artifact."""
        self._open = None
        canv.addLiteral("EMC /Artifact BMC")

    @contextmanager
    def artifact(
        self, canv: Canvas, kind: str = "Pagination", subtype: str | None = None
    ) -> Iterator[None]:
        """Draw furniture as a typed artifact: running header and footer, a repeated table
        header, a TOC entry's leader. Inside tagged content, the content resumes afterwards
        with a new MCID: tagged content and artifacts may not nest."""
        props = f"/Type /{kind}" + (f" /Subtype /{subtype}" if subtype else "")
        canv.addLiteral(f"EMC /Artifact <<{props}>> BDC")
        try:
            yield
        finally:
            canv.addLiteral("EMC")
            canv.addLiteral(self._bdc(self._open) if self._open else "/Artifact BMC")

    def _bdc(self, elem: Elem) -> str:
        """Open a new marked-content sequence of ``elem`` on the current page."""
        mcid = len(self.parents[self.page])
        self.parents[self.page].append(elem)
        elem.kids.append(MarkedContent(self.page, mcid))
        return f"/{elem.role} <</MCID {mcid}>> BDC"

    # -- links marked inside a paragraph's text object -----------------------------------
    @contextmanager
    def inline(self, owner: Elem) -> Iterator[None]:
        """Draw a paragraph whose link runs are Link elements of their own.

        ReportLab draws a paragraph in one text object, and marked content may nest in
        BT…ET but not straddle it: the sequences are opened inside the text object
        (``start_text``), switched at each link's edges by the paragraph's
        ``<onDraw name="tag">`` markers (``switch``) and closed before ET. Underlines and
        link rectangles are drawn outside the text object: they stay artifacts.
        """
        if self._open is not None or self._inline is not None:
            raise RuntimeError(f"contenu {owner.role} imbriqué dans un autre contenu balisé")
        self._inline = owner
        self._current.setdefault(id(owner), owner)
        try:
            yield
        finally:
            self._inline = None

    def start_text(self, tx: PDFTextObject) -> None:
        """A text object begins: inside an inline paragraph, open its current element."""
        if self._inline is not None:
            tx._code.insert(1, self._bdc(self._current[id(self._inline)]))  # after BT
            tx._tagged = True

    def end_text(self, tx: PDFTextObject) -> bool:
        """Close the text object's open sequence; True if it carries tagged text."""
        if getattr(tx, "_tagged", False):
            tx._code.append("EMC")
            tx._tagged = False
            return True
        return False

    def switch(self, tx: PDFTextObject, label: str) -> None:
        """``<onDraw name="tag" label="3"/>``: the paragraph's link number 3 starts;
        ``label="P"``: back to the paragraph's own text."""
        owner = self._inline
        if owner is None:
            raise RuntimeError("marqueur de lien hors d'un paragraphe balisé")
        elem = owner if label == "P" else owner.inline[int(label)]
        if elem is not owner and elem not in owner.kids:
            owner.kids.append(elem)  # the Link takes its place in reading order
        self._current[id(owner)] = elem
        tx._code.append("EMC")
        tx._code.append(self._bdc(elem))

    # -- annotations ---------------------------------------------------------------------
    def annotation(self, index: int, href: str) -> None:
        """A link annotation was added to the current page while drawing."""
        owner = self._open or self._inline
        if owner is None:
            raise RuntimeError("annotation de lien hors de tout élément de structure")
        if owner.inline:
            link = self._inline_link(owner, href)
        elif owner.role == "Link":
            link = owner
        else:  # a link in text that was not given a Link element: give it one
            link = owner.add("Link", href=href, contents=href)
        ref = AnnotationRef(self.page, index)
        link.kids.append(ref)
        self.annotations.append((ref, link))

    def _inline_link(self, owner: Elem, href: str) -> Elem:
        """The Link of ``owner`` for ``href`` drawn last on this page: ReportLab adds a
        paragraph's annotations line by line, after each line's text (a link over two
        lines gets two annotations in one Link)."""
        for link in reversed(owner.inline):
            if link.href == href and any(
                isinstance(k, MarkedContent) and k.page == self.page for k in link.kids
            ):
                return link
        raise RuntimeError(f"lien {href} sans texte balisé sur la page")


class TaggedCanvas(FastStateCanvas):
    """A canvas that reports link annotations and tagged text objects to the tagger."""

    def __init__(self, *args: object, tags: Tagger, **kw: object):
        super().__init__(*args, **kw)
        self._doc.__class__ = FastDocument  # the same document, saved faster (.saving)
        self.tags = tags
        self.annotation_refs: list[tuple[object, object]] = []  # (annotation, reference)
        self.setNamedCB("tag", self.tag)

    def beginText(self, x: float = 0, y: float = 0, direction: object = None) -> PDFTextObject:
        tx = _SpacedText(self, x, y, direction=direction)
        self.tags.start_text(tx)
        return tx

    def drawText(self, aTextObject: PDFTextObject) -> None:
        if self.tags.end_text(aTextObject):
            # The page's default artifact pauses around a tagged text object.
            self.addLiteral("EMC")
            super().drawText(aTextObject)
            self.addLiteral("/Artifact BMC")
        else:
            super().drawText(aTextObject)

    def tag(self, canv: Canvas, kind: str, label: str) -> None:
        """The ``<onDraw name="tag" label="…"/>`` callback (see :meth:`Tagger.switch`);
        ReportLab hands over the text object being written in ``_curr_tx_info``."""
        self.tags.switch(self._curr_tx_info["tx"], label)

    def _addAnnotation(self, annotation, name=None, addtopage=1):  # noqa: ANN001
        super()._addAnnotation(annotation, name, addtopage)
        if addtopage:
            self.tags.annotation(len(self._annotationrefs) - 1, _target(annotation))
            self.annotation_refs.append((annotation, self._annotationrefs[-1]))


class _SpacedText(FastTextObject):
    """Ends every line with a space glyph. ReportLab drops the space where it breaks a
    line, and a line drawn by ``drawString`` has none, so extracted text (a screen
    reader, poppler's -struct-text) ran the last word of a line into the first of the
    next: "accordsfondateurs". The space has no ink and comes after any alignment.

    A line that ends with a hyphen gets no space: the word goes on at the next line. The
    hyphen French hyphenation added ("Répu-" of "République") is drawn with the font's
    soft-hyphen glyph, the same shape, whose Unicode value is U+00AD (ISO 32000-1,
    14.8.2.2.3): the word is read whole. The word's own hyphen ("Nour-" of
    "Nour-Soultan") stays a hyphen: the text of the paragraph being drawn
    (``canv.paragraph_text``) has it. (A soft hyphen by ``/ActualText`` in a nested
    marked-content sequence is valid too, but poppler 22.12 then loses the rest of the
    sequence's text.)
    """

    _last: tuple[int, str, object] | None = None  # the last text shown: code index, subset

    def _textOut(self, text: str, TStar: int = 0) -> None:
        last, self._last = self._last, None
        if TStar and not text and last is not None and last[1].endswith("-"):
            # A line of several runs ends with an empty text: the hyphen was in the last
            # run, already written; it is written again from the same font subset.
            index, shown, subset = last
            if index == len(self._code) - 1 and self._added_hyphen(shown):
                self._curSubset = subset
                self._code[-1] = self._formatText(shown[:-1] + "\u00ad")
        elif TStar and text.endswith("-"):
            if self._added_hyphen(text):
                text = text[:-1] + "\u00ad"
        elif TStar and not text.endswith(" "):
            text += " "
        subset = getattr(self, "_curSubset", None)
        super()._textOut(text, TStar)
        if text and not TStar:
            self._last = (len(self._code) - 1, text, subset)

    def _added_hyphen(self, text: str) -> bool:
        own = getattr(self._canvas, "paragraph_text", None)
        words = text.split()
        word = words[-1] if words else ""
        return (
            own is not None
            and len(word) > 1
            and word[-2].isalpha()
            and word not in own  # the text has it: a line cut at the text's own hyphen
            and _has_soft_hyphen(self._fontname)
        )

    def textLine(self, text: str = "") -> None:
        if text and not text.endswith(" "):
            text += " "
        super().textLine(text)


@lru_cache(maxsize=16)
def _has_soft_hyphen(font_name: str) -> bool:
    """True if the font draws U+00AD as a hyphen: a glyph of the hyphen's width."""
    face = getattr(pdfmetrics.getFont(font_name), "face", None)
    glyphs = getattr(face, "charToGlyph", {})
    if 0xAD not in glyphs or 0x2D not in glyphs:
        return False
    return face.charWidths.get(0xAD) == face.charWidths.get(0x2D)


def _target(annotation: object) -> str:
    """The href an annotation was made from: ``#key`` for links inside the document."""
    destination = getattr(annotation, "Destination", None)
    if destination is not None:  # LinkAnnotation (linkRect): a named destination
        return "#" + str(getattr(destination, "name", destination))
    uri = annotation["A"]["URI"]  # a PDFDictionary (linkURL)
    return str(getattr(uri, "s", uri))


class TaggedPageTemplate(PageTemplate):
    """Opens the page's default artifact before onPage draws; closes it at the end."""

    def beforeDrawPage(self, canv: Canvas, doc: object) -> None:
        canv.tags.begin_page(canv)

    def afterDrawPage(self, canv: Canvas, doc: object) -> None:
        canv.tags.end_page(canv)


def draw_marked(
    flowable: Flowable, elem: Elem | None, canv: Canvas, draw: Callable[[], None]
) -> None:
    """Run ``draw()`` as ``elem``'s content. A flowable drawn a second time (a table's
    header row repeated on the next page) is an artifact the second time."""
    if elem is None:
        draw()
    elif getattr(flowable, "_tag_drawn", False):
        with canv.tags.artifact(canv, "Pagination"):
            draw()
    else:
        flowable._tag_drawn = True
        canv.tags.begin(canv, elem)
        draw()  # an error here stops the whole document: no need to close the sequence
        canv.tags.end(canv)
