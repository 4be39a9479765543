"""A page saved from the browser (HTML) → source blocks.

Headings (h1–h6), paragraphs (split at line breaks, as the page shows them), list items
and tables, in document order, each with its line in the file. The site's furniture
(navigation, header, footer, share buttons, scripts, forms) is left out; when the page
marks its main content (``<main>``, ``role="main"``, ``<article>``), only that is read.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from .source import Block, Source

_SKIP = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
    "svg", "iframe", "template", "select", "input", "label", "figure", "img", "head",
}  # fmt: skip
# Class or id words of page furniture on ministry sites (share bars, breadcrumbs, menus).
_FURNITURE = re.compile(
    r"(^|[-_ ])(share|sharing|partage|partager|social|breadcrumb|fil-ariane|ariane|menu|"
    r"navigation|nav|cookie|skip|evitement|footer|header|banner|toolbar|print|imprimer)"
    r"($|[-_ ])",
    re.I,
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {"p", "li", "dt", "dd", "blockquote", "pre", "address", "caption"}


def read_html(text: str, path: str) -> Source:
    """Read an HTML page; ``text`` is the decoded file."""
    soup = BeautifulSoup(text, "html.parser")
    source = Source(path, "HTML")
    canonical = soup.find("link", rel="canonical")
    if isinstance(canonical, Tag) and canonical.get("href"):
        source.url = str(canonical["href"])
    root = (
        soup.find("main")
        or soup.find(attrs={"role": "main"})
        or soup.find("article")
        or soup.body
        or soup
    )
    _walk(root, source)
    return source


def _is_furniture(tag: Tag) -> bool:
    if tag.name in _SKIP:
        return True
    if tag.get("hidden") is not None or tag.get("aria-hidden") == "true":
        return True
    names = " ".join([*tag.get("class", []), str(tag.get("id", "")), str(tag.get("role", ""))])
    return bool(names.strip()) and bool(_FURNITURE.search(names))


def _walk(node: Tag, source: Source) -> None:
    loose: list[str] = []
    line = getattr(node, "sourceline", None) or 1
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString and child.strip():
                loose.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name == "br":
            _loose(loose, line, source)
            continue
        if child.name in ("a", "span", "strong", "b", "em", "i", "abbr", "sup", "sub", "small"):
            loose.append(child.get_text())
            continue
        _loose(loose, line, source)
        line = child.sourceline or line
        if _is_furniture(child):
            continue
        if child.name in _HEADINGS:
            text = _clean(child.get_text(" "))
            if text:
                source.blocks.append(Block("heading", text, line, level=_HEADINGS[child.name]))
        elif child.name == "table":
            _table(child, source)
        elif child.name in ("ul", "ol"):
            for item in child.find_all("li", recursive=False):
                _item(item, source)
        elif child.name in _BLOCKS:
            _paragraphs(child, source, "item" if child.name == "li" else "paragraph")
        else:
            _walk(child, source)
    _loose(loose, line, source)


def _loose(parts: list[str], line: int, source: Source) -> None:
    text = _clean(" ".join(parts))
    parts.clear()
    if text:
        source.blocks.append(Block("paragraph", text, line))


def _item(item: Tag, source: Source) -> None:
    nested = item.find_all(["ul", "ol"], recursive=False)
    for sub in nested:
        sub.extract()
    _paragraphs(item, source, "item")
    for sub in nested:
        for child in sub.find_all("li", recursive=False):
            _item(child, source)


def _paragraphs(tag: Tag, source: Source, kind: str) -> None:
    """One block per line of the paragraph (a <br> starts a new line, as on screen)."""
    line = tag.sourceline or 1
    pieces: list[str] = []
    for child in tag.descendants:
        if isinstance(child, Tag) and child.name == "br":
            pieces.append("\n")
        elif (
            isinstance(child, NavigableString)
            and type(child) is NavigableString
            and not any(p.name in _SKIP for p in child.parents if isinstance(p, Tag))
        ):
            pieces.append(str(child))
    bold = _all_bold(tag)
    links = tag.find_all("a", href=True)
    whole = _clean(tag.get_text(" "))
    href = (
        str(links[0]["href"])
        if len(links) == 1 and _clean(links[0].get_text(" ")) == whole
        else None
    )
    for offset, text in enumerate("".join(pieces).split("\n")):
        text = _clean(text)
        if text:
            source.blocks.append(Block(kind, text, line + offset, bold=bold, href=href))


def _all_bold(tag: Tag) -> bool:
    strong = "".join(t.get_text() for t in tag.find_all(["strong", "b"]))
    return bool(strong.strip()) and _clean(strong) == _clean(tag.get_text())


def _table(table: Tag, source: Source) -> None:
    rows = []
    for row in table.find_all("tr"):
        cells = tuple(_clean(c.get_text(" ")) for c in row.find_all(["th", "td"]))
        if any(cells):
            rows.append(cells)
    if rows:
        caption = table.find("caption")
        if caption is not None and _clean(caption.get_text()):
            source.blocks.append(Block("paragraph", _clean(caption.get_text()), table.sourceline))
        source.blocks.append(Block("table", "", table.sourceline or 1, rows=tuple(rows)))


def _clean(text: str) -> str:
    return re.sub(r"[ \t\r\n\u00a0]+", " ", text).strip()
