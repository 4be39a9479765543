"""A published page as a list of source blocks: what the three readers agree on.

Whatever the input (text copied from the browser, HTML saved by it, a Word file), the
importer works on the same flat list: headings, paragraphs, list items and tables, in
reading order, each with the line (or Word paragraph) it comes from, so that the report
can point at the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the page: ``kind`` is heading, paragraph, item (of a list), table,
    or, in a Word file, title (the document's title and kind), caption, note, fact."""

    kind: str
    text: str
    line: int
    level: int = 0  # heading level when the source says it (HTML h2 → 2), else 0
    rows: tuple[tuple[str, ...], ...] = ()  # a table's rows, header first
    bold: bool = False  # a paragraph written in bold (Word titles without a heading style)
    href: str | None = None  # the address of a paragraph that is one link


@dataclass(slots=True)
class Source:
    """A page read from a file: its blocks and what the reader learnt on the way."""

    path: str
    form: str  # "texte", "HTML", "DOCX"
    blocks: list[Block] = field(default_factory=list)
    url: str | None = None  # the page's address when the file gives it
    cut: Block | None = None  # the sentence a truncated excerpt stops in, not kept
    dropped: list[Block] = field(default_factory=list)  # page furniture left out
    meta: dict = field(default_factory=dict)  # what a Word file's header and properties say

    def where(self, block: Block) -> str:
        """« ligne 12 » (text, HTML) or « paragraphe 12 » (Word)."""
        unit = "paragraphe" if self.form == "DOCX" else "ligne"
        return f"{unit} {block.line}"


class ImportProblem(Exception):
    """A file that cannot be imported; ``message`` is French."""

    def __init__(self, path: str, message: str):
        super().__init__(message)
        self.path, self.message = path, message


def read_source(path: Path) -> Source:
    """Read a page from a text, HTML or DOCX file (chosen by content, then by suffix)."""
    source = _read(path)
    tidy(source)
    for chart in [b for b in source.blocks if b.kind == "chart"]:
        source.dropped.append(chart)
    source.blocks = [b for b in source.blocks if b.kind != "chart"]
    return source


def _read(path: Path) -> Source:
    from ..loader.files import FileProblem, read_text

    head = _head(path)
    if head.startswith(b"PK\x03\x04"):
        from .docx import read_docx

        return read_docx(path)
    if head.startswith(b"%PDF"):
        raise ImportProblem(
            str(path),
            "document PDF : copiez son texte dans un fichier .txt (pdftotext, ou copier-"
            "coller depuis le lecteur) et importez ce fichier",
        )
    try:
        text = read_text(path)
    except FileProblem as problem:
        where = f" (ligne {problem.line})" if problem.line else ""
        raise ImportProblem(str(path), problem.message.replace("YAML", "texte") + where) from None
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or _looks_html(text):
        from .html import read_html

        return read_html(text, str(path))
    from .text import read_text_page

    return read_text_page(text, str(path))


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(8)
    except OSError:
        return b""  # read_text says why, in French


def _looks_html(text: str) -> bool:
    start = text.lstrip()[:200].lower()
    return start.startswith(("<!doctype html", "<html")) or "<body" in text[:5000].lower()


def tidy(source: Source) -> None:
    """What every reader needs after reading: furniture out, titles recognised.

    The site's buttons and image placeholders ("Partager", "{JPEG}") are dropped; a
    paragraph that is a known section title, or a short line all in bold (a title in a
    Word file without heading styles), becomes a heading.
    """
    from .text import title_like
    from .titles import is_furniture, is_known_title

    kept: list[Block] = []
    for index, block in enumerate(source.blocks):
        if block.text:
            # Runs of spaces, tabs and no-break spaces read as one space in every form.
            block = replace(block, text=re.sub(r"\s+", " ", block.text).strip())
        if block.kind in ("paragraph", "heading") and is_furniture(block.text):
            source.dropped.append(block)
        elif block.kind == "paragraph" and (
            is_known_title(block.text)
            or (block.bold and title_like(block.text) and not _names_an_institute(source, index))
        ):
            kept.append(Block("heading", block.text, block.line))
        else:
            kept.append(block)
    source.blocks = kept


def _names_an_institute(source: Source, index: int) -> bool:
    """A bold line followed by its creation or inauguration (« Créé en 2010 par … »):
    the name of an institute, as fiche-pays prints it, not a section title."""
    following = source.blocks[index + 1] if index + 1 < len(source.blocks) else None
    return (
        following is not None
        and following.kind == "paragraph"
        and re.match(r"^(Créé|Inauguré|Ouvert)e?s? (le|en|du|les) ", following.text) is not None
    )
