"""A Word document (.docx) → source blocks.

Word headings (Heading/Titre N), or short paragraphs written all in bold, are section
titles; list paragraphs (a List style or Word numbering) are items; tables keep their
cells. The documents fiche-pays writes are read with what their styles say: title and
kind, "Fait" lines, captions and sources, the first-page header (update date, service)
and the document properties (keywords); the table of contents and the chart are left
out, since the fiche builds them again.
"""

from __future__ import annotations

import re
from pathlib import Path

from .source import Block, ImportProblem, Source

_HEADING = re.compile(r"^(heading|titre|überschrift)\s*(\d)$", re.I)
_SKIPPED_STYLES = {
    "toc heading",
    "toc 1",
    "toc 2",
    "toc 3",
    "graphique",
    "en-tête de table des matières",
}


def read_docx(path: Path) -> Source:
    """Read a .docx file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise ImportProblem(str(path), f"document Word illisible ({error})") from None
    except Exception as error:  # a damaged zip, broken XML: still a user's file
        raise ImportProblem(
            str(path), f"document Word illisible ({type(error).__name__})"
        ) from None
    source = Source(str(path), "DOCX")
    _properties(document, source)
    _first_page_header(document, source)
    number = 0
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            number += 1
            _paragraph(docx.text.paragraph.Paragraph(element, document), number, source)
        elif tag == "tbl":
            number += 1
            _table(docx.table.Table(element, document), number, source)
    return source


def _properties(document: object, source: Source) -> None:
    core = document.core_properties  # type: ignore[attr-defined]
    if core.keywords:
        source.meta["mots_cles"] = [
            k.strip() for k in re.split(r"[;,]", core.keywords) if k.strip()
        ]
    if core.author and core.author.strip() not in ("", "python-docx"):  # python-docx: a default
        source.meta["auteur"] = core.author.strip()
    if core.subject:
        source.meta["sujet"] = core.subject.strip()


def _first_page_header(document: object, source: Source) -> None:
    """fiche-pays puts the service and the update date in the first page's header (in a
    table beside the bloc-marque)."""
    section = document.sections[0]  # type: ignore[attr-defined]
    for part in (section.first_page_header, section.header):
        paragraphs = list(part.paragraphs)
        for table in part.tables:
            for cell in table._cells:
                paragraphs += cell.paragraphs
        for paragraph in paragraphs:
            style = (paragraph.style.name if paragraph.style is not None else "").casefold()
            for text in paragraph.text.replace("\xa0", " ").split("\n"):
                text = text.strip()
                if style == "service émetteur" and text:
                    source.meta.setdefault("service", text)
                elif text.casefold().startswith(("mise à jour", "updated")):
                    source.meta.setdefault("mise_a_jour", text)


def _style(paragraph: object) -> str:
    style = paragraph.style  # type: ignore[attr-defined]
    return style.name if style is not None and style.name else ""


def _paragraph(paragraph: object, number: int, source: Source) -> None:
    text = re.sub(r"[ \t\u00a0]+", " ", paragraph.text).strip()  # type: ignore[attr-defined]
    if _style(paragraph).casefold() == "graphique" or paragraph._p.xpath(".//c:chart"):  # type: ignore[attr-defined]
        # A chart: the fiche draws it again from its trade figures; its caption goes too.
        if source.blocks and source.blocks[-1].kind == "caption":
            source.dropped.append(source.blocks.pop())
        source.blocks.append(Block("chart", "", number))
        return
    if not text:
        return
    style = _style(paragraph)
    lowered = style.casefold()
    if lowered in _SKIPPED_STYLES or lowered.startswith("toc"):
        return
    if source.blocks and source.blocks[-1].kind == "chart" and lowered == "source":
        source.dropped.append(Block("note", text, number))
        return
    heading = _HEADING.match(style)
    if heading:
        source.blocks.append(Block("heading", text, number, level=int(heading.group(2))))
    elif lowered in ("title", "titre"):
        source.blocks.append(Block("title", text, number))
        source.meta.setdefault("titre", text)
    elif lowered in ("subtitle", "sous-titre"):
        source.blocks.append(Block("title", text, number))
        source.meta.setdefault("type", text)
    elif "list" in lowered or "liste" in lowered or _numbered(paragraph):
        source.blocks.append(Block("item", text, number, href=_link(paragraph, text)))
    elif lowered == "fait":  # fiche-pays's « Libellé : valeur » lines
        source.blocks.append(Block("fact", text, number))
    elif lowered == "caption" or lowered == "légende":
        source.blocks.append(Block("caption", text, number))
    elif lowered == "source":
        source.blocks.append(Block("note", text, number))
    else:
        source.blocks.append(
            Block("paragraph", text, number, bold=_bold(paragraph), href=_link(paragraph, text))
        )


def _link(paragraph: object, text: str) -> str | None:
    """The address of a paragraph that is one hyperlink (« Informations complémentaires »)."""
    links = paragraph.hyperlinks  # type: ignore[attr-defined]
    if len(links) == 1 and links[0].address and links[0].text.strip() == text:
        return str(links[0].address)
    return None


def _numbered(paragraph: object) -> bool:
    ppr = paragraph._p.pPr  # type: ignore[attr-defined]
    return ppr is not None and ppr.numPr is not None


def _bold(paragraph: object) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]  # type: ignore[attr-defined]
    return bool(runs) and all(r.bold or (r.style is not None and r.style.font.bold) for r in runs)


def _table(table: object, number: int, source: Source) -> None:
    rows = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                continue
            seen.add(id(cell._tc))
            cells.append(re.sub(r"\s+", " ", cell.text).strip())
        if any(cells):
            rows.append(tuple(cells))
    if rows:
        source.blocks.append(Block("table", "", number, rows=tuple(rows)))
