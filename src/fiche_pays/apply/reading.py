"""A reviewed DOCX read as Word shows it: the text of each paragraph, with tracked
changes accepted (or rejected), who made each and when, and the comments.

Word and LibreOffice split and merge runs freely while editing, wrap text in smart
tags, content controls and hyperlinks, and keep deleted text in ``w:del``. The reader
walks the XML of the body, headers and footers, so none of that matters: what counts
is the text, the hidden ``_fp`` bookmarks that say which paragraph of the original it
is (see :mod:`fiche_pays.writers.docx.provenance`), the revisions and the comments.
Fields whose shown value Word recomputes (table of contents, page numbers) are skipped.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from .record import node_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_PARTS = ("/officeDocument", "/header", "/footer")
_SKIPPED_FIELDS = {"TOC", "PAGE", "NUMPAGES", "PAGEREF", "SECTIONPAGES"}
_NO_TEXT = {"pPr", "rPr", "sdtPr", "instrText", "delInstrText", "drawing", "pict", "object"}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@dataclass(frozen=True)
class Revision:
    """A tracked change: "insertion" or "suppression", by whom and when (ISO date)."""

    kind: str
    author: str
    date: str | None


@dataclass
class Span:
    """A stretch of text a revision touched, in the reading's text: an insertion taken
    (or a deletion kept back, with ``--reject-tracked``) covers ``start``–``end``; one
    left out has ``start == end`` and its ``text``."""

    revision: Revision
    start: int
    end: int
    text: str
    taken: bool


@dataclass
class Comment:
    """A Word comment and the stretch of text it is anchored to."""

    author: str
    date: str | None
    text: str
    start: int = 0
    end: int = 0


@dataclass
class Paragraph:
    """One paragraph as read: its text in both readings, marks at their positions."""

    part: str
    style: str | None
    table: tuple[int, int, int] | None  # (table, row, cell) ordinals in the part
    row_revision: Revision | None = None
    mark_revision: Revision | None = None  # its paragraph mark inserted or deleted
    toc: bool = False
    taken: list[str] = field(default_factory=lambda: ["", ""])  # accepted, rejected
    marks: list[tuple[str, str, int, int]] = field(default_factory=list)
    # (revision, its text, start in the accepted text, start in the rejected text)
    spans: list[tuple[Revision, str, int, int]] = field(default_factory=list)


@dataclass
class Stretch:
    """Text of the reading that belongs to one node (or to none), with what touched it."""

    node: int | None
    text: str = ""
    spans: list[Span] = field(default_factory=list)
    comments: list[tuple[str, int, int]] = field(default_factory=list)  # (id, start, end)
    paragraphs: list[Paragraph] = field(default_factory=list)
    before: int | None = None  # the node just before a loose paragraph
    after: int | None = None  # the node just after it


@dataclass
class Reading:
    """The whole document as read."""

    stretches: dict[int, Stretch]  # node number -> its text
    loose: list[Stretch]  # paragraphs that belong to no node: typed by the reviewer
    comments: dict[str, Comment]
    bookmarks: int  # how many _fp bookmarks were found


class _Walker:
    """Turns one part's XML into paragraphs."""

    def __init__(self, part: str):
        self.part = part
        self.fields: list[list] = []  # open complex fields: [instruction, skipping]
        self.bookmarks: dict[str, str] = {}  # id -> name
        self.paragraphs: list[Paragraph] = []
        self.tables = 0

    def block(
        self,
        element: etree._Element,
        table: tuple | None = None,
        toc: bool = False,
        row_revision: Revision | None = None,
    ) -> None:
        for child in element:
            name = _local(child.tag)
            if name == "p":
                self.paragraph(child, table, toc, row_revision)
            elif name == "tbl":
                self.tables += 1
                number = self.tables
                for row_index, row in enumerate(child.iter(_w("tr"))):
                    revision = _row_revision(row)
                    for cell_index, cell in enumerate(row.findall(_w("tc"))):
                        self.block(cell, (number, row_index, cell_index), toc, revision)
            elif name == "sdt":
                gallery = child.find(f"{_w('sdtPr')}/{_w('docPartObj')}/{_w('docPartGallery')}")
                is_toc = gallery is not None and "Contents" in (gallery.get(_w("val")) or "")
                content = child.find(_w("sdtContent"))
                if content is not None:
                    self.block(content, table, toc or is_toc, row_revision)
            elif name in ("customXml", "ins", "del", "moveFrom", "moveTo"):
                self.block(child, table, toc, row_revision)

    def paragraph(
        self, element: etree._Element, table: tuple | None, toc: bool, row_revision: Revision | None
    ) -> None:
        style = element.find(f"{_w('pPr')}/{_w('pStyle')}")
        style_id = style.get(_w("val")) if style is not None else None
        paragraph = Paragraph(self.part, style_id, table, row_revision, toc=toc)
        # the entries of a table of contents (Word and LibreOffice regenerate them)
        paragraph.toc = toc or bool(re.fullmatch(r"(toc|contents)\s*\d+", (style_id or "").lower()))
        mark = element.find(f"{_w('pPr')}/{_w('rPr')}")
        if mark is not None:
            for kind in ("ins", "del"):
                found = mark.find(_w(kind))
                if found is not None:
                    paragraph.mark_revision = _revision(found, kind)
        self.inline(element, paragraph, None)
        self.paragraphs.append(paragraph)

    def inline(
        self, element: etree._Element, paragraph: Paragraph, revision: Revision | None
    ) -> None:
        for child in element:
            name = _local(child.tag)
            if name in _NO_TEXT:
                continue
            if name in ("ins", "moveTo", "del", "moveFrom"):
                kind = "ins" if name in ("ins", "moveTo") else "del"
                self.inline(child, paragraph, _revision(child, kind))
            elif name == "r":
                self.run(child, paragraph, revision)
            elif name == "fldSimple":
                instruction = (child.get(_w("instr")) or "").split()
                if not instruction or instruction[0].upper() not in _SKIPPED_FIELDS:
                    self.inline(child, paragraph, revision)
            elif name == "bookmarkStart":
                self.bookmarks[child.get(_w("id"), "")] = child.get(_w("name"), "")
                self._mark(paragraph, "start", child.get(_w("name"), ""))
            elif name == "bookmarkEnd":
                self._mark(paragraph, "end", self.bookmarks.get(child.get(_w("id"), ""), ""))
            elif name == "commentRangeStart":
                self._mark(paragraph, "comment-start", child.get(_w("id"), ""))
            elif name == "commentRangeEnd":
                self._mark(paragraph, "comment-end", child.get(_w("id"), ""))
            elif name == "sdt":
                content = child.find(_w("sdtContent"))
                if content is not None:
                    self.inline(content, paragraph, revision)
            elif name in ("hyperlink", "smartTag", "customXml", "sdtContent", "dir", "bdo"):
                self.inline(child, paragraph, revision)

    def run(self, run: etree._Element, paragraph: Paragraph, revision: Revision | None) -> None:
        for child in run:
            name = _local(child.tag)
            if name in ("AlternateContent", "drawing", "pict"):
                self.text_boxes(child, paragraph)
            elif name == "fldChar":
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    self.fields.append(["", True])
                elif kind == "separate" and self.fields:
                    words = self.fields[-1][0].split()
                    self.fields[-1][1] = bool(words) and words[0].upper() in _SKIPPED_FIELDS
                elif kind == "end" and self.fields:
                    self.fields.pop()
            elif name == "instrText" and self.fields:
                self.fields[-1][0] += child.text or ""
            elif name == "commentReference":
                self._mark(paragraph, "comment-ref", child.get(_w("id"), ""))
            elif name in ("t", "delText"):
                self._text(paragraph, child.text or "", revision)
            elif name == "tab":
                self._text(paragraph, "\t", revision)
            elif name in ("br", "cr") and child.get(_w("type")) not in ("page", "column"):
                self._text(paragraph, " ", revision)
            elif name == "noBreakHyphen":
                self._text(paragraph, "\u2011", revision)

    def text_boxes(self, element: etree._Element, paragraph: Paragraph) -> None:
        """Paragraphs in a text box (LibreOffice saves a framed paragraph as one), read as
        paragraphs of their own; of an ``mc:AlternateContent``, only the first choice (the
        fallback holds the same text again)."""
        if _local(element.tag) == "AlternateContent":
            choice = next(iter(element), None)
            if choice is None:
                return
            element = choice
        for box in element.iter(_w("txbxContent")):
            self.block(box, paragraph.table, paragraph.toc, paragraph.row_revision)

    def _mark(self, paragraph: Paragraph, kind: str, name: str) -> None:
        accepted, rejected = paragraph.taken
        paragraph.marks.append((kind, name, len(accepted), len(rejected)))

    def _text(self, paragraph: Paragraph, text: str, revision: Revision | None) -> None:
        if not text or any(skipping for _, skipping in self.fields):
            return
        accepted, rejected = paragraph.taken
        if revision is not None:
            last = paragraph.spans[-1] if paragraph.spans else None
            if last and last[0] is revision and _span_end(last) == (len(accepted), len(rejected)):
                paragraph.spans[-1] = (revision, last[1] + text, last[2], last[3])
            else:
                paragraph.spans.append((revision, text, len(accepted), len(rejected)))
        if revision is None or revision.kind == "insertion":
            accepted += text
        if revision is None or revision.kind == "suppression":
            rejected += text
        paragraph.taken = [accepted, rejected]


def _revision(element: etree._Element, kind: str) -> Revision:
    return Revision(
        "insertion" if kind == "ins" else "suppression",
        element.get(_w("author")) or "auteur inconnu",
        element.get(_w("date")),
    )


def _row_revision(row: etree._Element) -> Revision | None:
    properties = row.find(_w("trPr"))
    if properties is None:
        return None
    for kind in ("ins", "del"):
        found = properties.find(_w(kind))
        if found is not None:
            return _revision(found, kind)
    return None


def _parts(archive: zipfile.ZipFile) -> list[str]:
    """The document part, then its headers and footers, in the package's order."""
    rels = etree.fromstring(archive.read("_rels/.rels"))
    main = next(
        r.get("Target").lstrip("/")
        for r in rels.iter(f"{{{_RELS}}}Relationship")
        if r.get("Type", "").endswith("/officeDocument")
    )
    folder = posixpath.dirname(main)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
    parts = [main]
    if rels_name in archive.namelist():
        for r in etree.fromstring(archive.read(rels_name)).iter(f"{{{_RELS}}}Relationship"):
            if r.get("Type", "").endswith(("/header", "/footer")):
                parts.append(posixpath.normpath(posixpath.join(folder, r.get("Target"))))
    return parts


def _comments(archive: zipfile.ZipFile, main: str) -> dict[str, Comment]:
    name = posixpath.join(posixpath.dirname(main), "comments.xml")
    if name not in archive.namelist():
        return {}
    comments = {}
    for comment in etree.fromstring(archive.read(name)).iter(_w("comment")):
        text = "\n".join(
            "".join(t.text or "" for t in p.iter(_w("t"))) for p in comment.iter(_w("p"))
        ).strip()
        comments[comment.get(_w("id"), "")] = Comment(
            comment.get(_w("author")) or "auteur inconnu", comment.get(_w("date")), text
        )
    return comments


def read_docx(archive: zipfile.ZipFile, reject: bool = False) -> Reading:
    """Read a DOCX: each node's text (tracked changes accepted, or rejected with
    ``reject``), the paragraphs that belong to no node, and the comments."""
    paragraphs: list[Paragraph] = []
    parts = _parts(archive)
    for part in parts:
        walker = _Walker(part)
        root = etree.fromstring(archive.read(part))
        body = root.find(_w("body"))
        walker.block(body if body is not None else root)
        paragraphs += walker.paragraphs
    comments = _comments(archive, parts[0])
    return _assign(_logical(paragraphs, reject), reject, comments)


def _logical(paragraphs: list[Paragraph], reject: bool) -> list[list[Paragraph]]:
    """Paragraphs as the reading shows them: a paragraph whose mark was deleted (or,
    rejecting, inserted) runs on into the next one; a deleted (rejected: inserted) table
    row is gone."""
    result: list[list[Paragraph]] = []
    joining = False
    gone = "insertion" if reject else "suppression"
    for paragraph in paragraphs:
        if paragraph.toc:
            continue
        if paragraph.row_revision is not None and paragraph.row_revision.kind == gone:
            result.append([paragraph])  # kept for its bookmarks, its text is dropped
            paragraph.taken = ["", ""]
            continue
        if joining and result and result[-1][-1].part == paragraph.part:
            result[-1].append(paragraph)
        else:
            result.append([paragraph])
        mark = paragraph.mark_revision
        joining = mark is not None and mark.kind == gone and paragraph.table is None
    return result


def _span_end(span: tuple[Revision, str, int, int]) -> tuple[int, int]:
    revision, text, accepted, rejected = span
    if revision.kind == "insertion":
        return accepted + len(text), rejected
    return accepted, rejected + len(text)


class _Assigner:
    """Shares the lines of the reading out among nodes (by their _fp bookmarks)."""

    def __init__(self, view: int):
        self.view = view  # 0: accepted, 1: rejected
        self.stretches: dict[int, Stretch] = {}
        self.loose: list[Stretch] = []
        self.open: list[int] = []  # _fp ranges open across paragraphs, innermost last
        self.last: int | None = None
        self.bookmarks = 0
        self.comment_starts: dict[str, tuple[Stretch, int]] = {}
        self.comment_ends: dict[str, tuple[Stretch, int]] = {}

    def line(self, group: list[Paragraph]) -> None:
        text = ""
        marks: list[tuple[str, str, int]] = []
        spans: list[tuple[Revision, str, int]] = []
        for paragraph in group:
            offset = len(text)
            text += paragraph.taken[self.view]
            marks += [(k, n, offset + (a, b)[self.view]) for k, n, a, b in paragraph.marks]
            for revision, span_text, a, b in paragraph.spans:
                spans.append((revision, span_text, offset + (a, b)[self.view]))
        starts: list[tuple[int, int]] = [(0, self.open[-1])] if self.open else []
        for kind, name, position in marks:
            number = node_number(name) if kind in ("start", "end") else None
            if number is None:
                continue
            if kind == "start":
                self.bookmarks += 1
                if number not in self.open:
                    self.open.append(number)
                starts.append((position, number))
            elif number in self.open:
                self.open.remove(number)
        if not starts:
            stretch = Stretch(None, paragraphs=group, before=self.last)
            self.loose.append(stretch)
            self._fill(stretch, text, 0, len(text), spans, marks, last=True)
            return
        starts.sort()
        starts[0] = (0, starts[0][1])  # text typed before the first mark is its node's
        ends = [position for position, _ in starts[1:]] + [len(text)]
        for index, ((start, number), end) in enumerate(zip(starts, ends, strict=True)):
            stretch = self.stretches.get(number)
            if stretch is None:
                stretch = self.stretches[number] = Stretch(number)
            elif group[0] not in stretch.paragraphs:
                stretch.text += "\n"  # the reviewer split the paragraph
            stretch.paragraphs += [p for p in group if p not in stretch.paragraphs]
            self._fill(stretch, text, start, end, spans, marks, last=index == len(starts) - 1)
            for loose in self.loose:
                if loose.after is None:
                    loose.after = number
            self.last = number

    def _fill(
        self,
        stretch: Stretch,
        text: str,
        start: int,
        end: int,
        spans: list[tuple[Revision, str, int]],
        marks: list[tuple[str, str, int]],
        last: bool,
    ) -> None:
        base = len(stretch.text) - start
        stretch.text += text[start:end]

        def inside(position: int) -> bool:
            return start <= position < end or (last and position == end)

        for revision, span_text, position in spans:
            if inside(position):
                taken = (revision.kind == "insertion") == (self.view == 0)
                length = len(span_text) if taken else 0
                stretch.spans.append(
                    Span(revision, base + position, base + position + length, span_text, taken)
                )
        for kind, name, position in marks:
            if not inside(position):
                continue
            if kind in ("comment-start", "comment-ref"):
                self.comment_starts.setdefault(name, (stretch, base + position))
            elif kind == "comment-end":
                self.comment_ends[name] = (stretch, base + position)

    def comments(self, comments: dict[str, Comment]) -> None:
        for name, (stretch, start) in self.comment_starts.items():
            comment = comments.get(name)
            if comment is None:
                continue
            end_stretch, end = self.comment_ends.get(name, (stretch, start))
            comment.start = start
            comment.end = end if end_stretch is stretch and end >= start else len(stretch.text)
            stretch.comments.append((name, comment.start, comment.end))


def _assign(groups: list[list[Paragraph]], reject: bool, comments: dict[str, Comment]) -> Reading:
    assigner = _Assigner(1 if reject else 0)
    for group in groups:
        assigner.line(group)
    assigner.comments(comments)
    return Reading(assigner.stretches, assigner.loose, comments, assigner.bookmarks)
