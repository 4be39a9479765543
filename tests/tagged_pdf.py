"""A tagged PDF read back with pikepdf, shared by the tagging and Matterhorn tests.

Each page's content stream is walked: which marked-content sequence every glyph and every
painting operator belongs to, and the text of each sequence (decoded through the fonts'
ToUnicode maps). The structure tree is read with its kids in /K order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

from fiche_pays import tree

# Operators that put marks on the page (ISO 32000-1, tables 51 to 60).
TEXT = {"Tj", "TJ", "'", '"'}
PAINTING = TEXT | {"Do", "sh", "BI", "INLINE IMAGE", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s"}
STANDARD = {
    *("Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI"),
    *("Index", "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L"),
    *("LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span"),
    *("Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT"),
    *("RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form"),
}


@dataclass
class Sequence:
    """A marked-content sequence of a page: its tag, MCID, properties, text and marks."""

    page: int
    tag: str
    mcid: int | None
    props: Dictionary | None
    text: str = ""
    forms: list[str] = field(default_factory=list)  # XObjects it draws


@dataclass
class Page:
    """What a page's content stream holds."""

    sequences: list[Sequence]
    loose: int  # painting operators outside any tagged content or artifact
    nesting: int  # tagged content in an artifact, MCID in MCID, unbalanced EMC
    unmapped: int  # glyph codes without a Unicode value in their font's ToUnicode
    # The nestings by kind (Matterhorn 01-003, 01-004): an artifact opened inside tagged
    # content, tagged content opened inside an artifact.
    artifact_in_content: int = 0
    content_in_artifact: int = 0


@dataclass
class Element:
    """A structure element with its kids in /K order."""

    role: str
    obj: Dictionary
    kids: list = field(default_factory=list)  # Element | ("mcid", page, n) | ("objr", annot)


def _unicode_map(font: Dictionary) -> dict[int, str]:
    cmap = font.ToUnicode.read_bytes().decode("latin-1")
    mapping = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, text in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            start = int(text, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping


def read_page(page: pikepdf.Page, number: int) -> Page:
    fonts = {
        name: _unicode_map(font) if "/ToUnicode" in font else {}
        for name, font in page.Resources.get("/Font", {}).items()
    }
    stack: list[Sequence | None] = []  # None: a marked sequence that is neither kind
    sequences: list[Sequence] = []
    loose = nesting = unmapped = artifact_in_content = content_in_artifact = 0
    font: dict[int, str] = {}
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        marked = [s for s in stack if s is not None]
        if op in ("BMC", "BDC"):
            props = operands[1] if op == "BDC" else None
            mcid = int(props.MCID) if isinstance(props, Dictionary) and "/MCID" in props else None
            tag = str(operands[0])
            if tag == "/Artifact" or mcid is not None:
                nesting += bool(marked)
                if marked and tag == "/Artifact" and marked[-1].mcid is not None:
                    artifact_in_content += 1
                if marked and mcid is not None and marked[-1].tag == "/Artifact":
                    content_in_artifact += 1
                sequence = Sequence(number, tag, mcid, props)
                sequences.append(sequence)
                stack.append(sequence)
            else:
                stack.append(None)
        elif op == "EMC":
            if stack:
                stack.pop()
            else:
                nesting += 1
        elif op == "Tf":
            font = fonts[str(operands[0])]
        elif op in PAINTING:
            if not marked:
                loose += 1
                continue
            if op == "Do":
                marked[-1].forms.append(str(operands[0]))
            if op in TEXT:
                strings = operands[0] if op == "TJ" else [operands[-1]]
                for string in strings:
                    if isinstance(string, pikepdf.String):
                        for code in bytes(string):
                            char = font.get(code, "\0")
                            unmapped += char in ("\0", "\ufeff", "\ufffe")
                            marked[-1].text += char
    nesting += len(stack)
    return Page(sequences, loose, nesting, unmapped, artifact_in_content, content_in_artifact)


def read_tree(pdf: pikepdf.Pdf) -> Element:
    page_index = {p.objgen: i for i, p in enumerate(pdf.pages)}

    def visit(obj: Dictionary) -> Element:
        element = Element(str(obj.S)[1:], obj)
        kids = obj.get("/K", Array())
        for kid in kids if isinstance(kids, Array) else [kids]:
            if isinstance(kid, int):
                element.kids.append(("mcid", page_index[obj.Pg.objgen], int(kid)))
            elif kid.get("/Type") == Name.MCR:
                element.kids.append(("mcid", page_index[kid.Pg.objgen], int(kid.MCID)))
            elif kid.get("/Type") == Name.OBJR:
                element.kids.append(("objr", kid.Obj))
            else:
                element.kids.append(visit(kid))
        return element

    top = pdf.Root.StructTreeRoot.K
    assert not isinstance(top, Array) or len(top) == 1, "un seul élément racine"
    return visit(top[0] if isinstance(top, Array) else top)


def elements(element: Element) -> list[Element]:
    """The element and its descendants, depth first."""
    found = [element]
    for kid in element.kids:
        if isinstance(kid, Element):
            found += elements(kid)
    return found


def content(element: Element) -> list[tuple[int, int]]:
    """The (page, MCID) of an element's content in reading order: its own marked content
    interleaved with its kids' (a P reads text, Link, text)."""
    found = []
    for kid in element.kids:
        if isinstance(kid, Element):
            found += content(kid)
        elif kid[0] == "mcid":
            found.append(kid[1:])
    return found


@dataclass
class Tagged:
    """A built PDF and what its structure and pages hold."""

    document: tree.Document
    theme: object
    path: Path
    pdf: pikepdf.Pdf
    root: Element
    pages: list[Page]

    def text(self, element: Element) -> str:
        by_id = {(s.page, s.mcid): s.text for p in self.pages for s in p.sequences}
        return "".join(by_id[item] for item in content(element))


_READ: dict[Path, Tagged] = {}


def read(document: tree.Document, theme: object, path: Path) -> Tagged:
    """A built PDF, read once per session (the gallery's PDFs are built once too)."""
    if path not in _READ:
        pdf = pikepdf.open(path)
        pages = [read_page(page, number) for number, page in enumerate(pdf.pages)]
        _READ[path] = Tagged(document, theme, path, pdf, read_tree(pdf), pages)
    return _READ[path]
