"""Shared fixtures: the Kazakhstan fiche, its tree, and its documents built once."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from fiche_pays import compose, load, load_theme, render

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
KAZAKHSTAN = DATA / "kazakhstan.yaml"


def normalize(text: str) -> str:
    """Text for comparison: every kind of space as one space, typographic quotes kept."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text)
    return text.strip()


def pdf_text(path: Path) -> str:
    """All text of a PDF, normalised."""
    from pypdf import PdfReader

    return normalize(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def docx_paragraphs(path: Path, body_only: bool = True) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, table cells included, in order."""
    import docx

    document = docx.Document(str(path))
    result: list[tuple[str, str]] = []
    body = document.element.body
    for block in body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(block, document)
            result.append((paragraph.style.name, paragraph.text))
        elif tag == "tbl":
            table = docx.table.Table(block, document)
            for row in table.rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        result.append((paragraph.style.name, paragraph.text))
    return result


def docx_text(path: Path, furniture: bool = True) -> str:
    """All text of a DOCX, normalised; with ``furniture``, headers and footers too."""
    import docx

    texts = [text for _, text in docx_paragraphs(path)]
    if furniture:
        section = docx.Document(str(path)).sections[0]
        for part in (section.first_page_header, section.header, section.first_page_footer,
                     section.footer):
            texts += [p.text for p in part.paragraphs]
            texts += [c.text for t in part.tables for r in t.rows for c in r.cells]
    return normalize(" ".join(texts))


@pytest.fixture(scope="session")
def theme():
    return load_theme("officiel")


@pytest.fixture(scope="session")
def fiche():
    return load(KAZAKHSTAN)


@pytest.fixture(scope="session")
def document(fiche, theme):
    return compose(fiche, theme.wording())


@pytest.fixture(scope="session")
def built(document, theme, tmp_path_factory):
    """The Kazakhstan PDF and DOCX, built once for the session."""
    folder = tmp_path_factory.mktemp("kazakhstan")
    paths = {fmt: folder / f"kazakhstan.{fmt}" for fmt in ("pdf", "docx")}
    for fmt, path in paths.items():
        render(document, fmt, path, theme)
    return paths
