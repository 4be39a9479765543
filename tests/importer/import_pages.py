"""Shared helpers of the importer tests: the published pages and their sentences."""

from __future__ import annotations

import re
from pathlib import Path

from fiche_pays.importer.sentences import comparable, split_sentences
from fiche_pays.importer.source import read_source

from conftest import PAGES


def page_files() -> list[Path]:
    """Every published page of ../shared/pages/ (29)."""
    return sorted(PAGES.glob("*.txt"))


def page_sentences(path: Path) -> list[str]:
    """The sentences and lines of a page that a fiche must hold: body text, not titles,
    not the furniture, not the sentence the excerpt cuts."""
    source = read_source(path)
    sentences = []
    for block in source.blocks:
        if block.kind == "heading":
            continue
        if block.kind == "table":
            sentences += [" ".join(row) for row in block.rows]
            continue
        sentences += split_sentences(block.text)
    return sentences


def data_texts(data: object) -> list[str]:
    """Every string of a data tree (texts, list items, fact lines, fields)."""
    if isinstance(data, dict):
        if set(data) == {"libelle", "valeur"}:
            return [f"{data['libelle']} : {data['valeur']}"]
        return [t for v in data.values() for t in data_texts(v)]
    if isinstance(data, list):
        return [t for v in data for t in data_texts(v)]
    return [str(data)] if isinstance(data, str) else []


def unescape(text: str, words: dict[str, str]) -> str:
    """A `texte` read back as the page's words: citations replaced by what they stand for."""
    for citation, original in words.items():
        text = text.replace(citation, original)
    return re.sub(r"\{\{|\}\}", lambda m: m.group(0)[0], text)


__all__ = ["comparable", "data_texts", "page_files", "page_sentences", "unescape"]


def to_html(path: Path) -> str:
    """The page as a browser would save it: its blocks in HTML, inside the site's
    furniture (navigation, share buttons, footer), with its address."""
    from html import escape

    source = read_source(path)
    body = []
    items: list[str] = []

    def close_list() -> None:
        if items:
            body.append("<ul>\n" + "\n".join(items) + "\n</ul>")
            items.clear()

    for block in source.blocks:
        if block.kind == "item":
            items.append(f"  <li>{escape(block.text)}</li>")
            continue
        close_list()
        if block.kind == "heading":
            level = 1 if not body else 2
            body.append(f"<h{level}>{escape(block.text)}</h{level}>")
        elif block.kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                for row in block.rows
            )
            body.append(f"<table>{rows}</table>")
        else:
            body.append(f"<p>{escape(block.text)}</p>")
    close_list()
    url = f'<link rel="canonical" href="{escape(source.url)}">' if source.url else ""
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>France Diplomatie</title>{url}<script>var x = 1;</script></head>\n<body>\n"
        '<header class="site-header"><nav><ul><li><a href="/">Accueil</a></li>'
        "<li>Dossiers pays</li></ul></nav></header>\n"
        '<div class="share-bar"><button>Partager</button><a href="#">Imprimer</a></div>\n'
        '<main id="content">\n' + "\n".join(body) + "\n</main>\n"
        "<footer><p>Ministère de l'Europe et des Affaires étrangères</p></footer>\n"
        "</body></html>\n"
    )


def to_docx(path: Path, target: Path, bold_titles: bool = False) -> Path:
    """The page as a Word file: Word headings (or bold lines), list paragraphs, tables."""
    import docx

    source = read_source(path)
    document = docx.Document()
    for block in source.blocks:
        if block.kind == "heading":
            if bold_titles:
                document.add_paragraph().add_run(block.text).bold = True
            else:
                document.add_heading(block.text, level=1)
        elif block.kind == "item":
            document.add_paragraph(block.text, style="List Bullet")
        elif block.kind == "table":
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            for row, values in zip(table.rows, block.rows, strict=False):
                for cell, value in zip(row.cells, values, strict=False):
                    cell.text = value
        else:
            document.add_paragraph(block.text)
    document.save(str(target))
    return target
