"""Shared fixtures: the Kazakhstan fiche, its tree, and its documents built once."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest

from fiche_pays import compose, load, load_theme, render, tree

# Documents are dated by their fiche; a SOURCE_DATE_EPOCH from the CI would redate them.
os.environ.pop("SOURCE_DATE_EPOCH", None)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
KAZAKHSTAN = DATA / "kazakhstan.yaml"
# The published pages (../shared/pages from the main checkout; worktrees sit deeper).
PAGES = next(
    (p / "shared" / "pages" for p in ROOT.parents if (p / "shared" / "pages").is_dir()),
    ROOT.parent / "shared" / "pages",
)

# The gallery countries that have a "Présentation du pays" fiche in data/.
PRESENTATIONS = ("benin", "kazakhstan", "laos", "mongolie", "tonga", "vanuatu")
_MINIMAL_PRESENTATION = {
    "pays": {
        "nom": "Kazakhstan",
        "code": "KZ",
        "au": "au Kazakhstan",
        "du": "du Kazakhstan",
        "le": "le Kazakhstan",
        "adjectif": "kazakhstanais",
    },
    "document": {"mise_a_jour": "2022-09-17"},
}


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/* from the current output (review the diff!)",
    )


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
        for part in (
            section.first_page_header,
            section.header,
            section.first_page_footer,
            section.footer,
        ):
            texts += [p.text for p in part.paragraphs]
            texts += [c.text for t in part.tables for r in t.rows for c in r.cells]
    return normalize(" ".join(texts))


def presentation_data(**sections) -> dict:
    """A minimal presentation fiche (Kazakhstan, updated 17 September 2022) with the
    given sections, as parsed data."""
    import copy

    data = copy.deepcopy(_MINIMAL_PRESENTATION)
    data.update(sections)
    return data


def presentation(**sections):
    """The validated :class:`Presentation` of :func:`presentation_data`."""
    from fiche_pays.model.presentation import Presentation

    return Presentation.model_validate(presentation_data(**sections))


def validation_messages(data: dict) -> list[str]:
    """The French messages of every validation error of presentation ``data``."""
    from pydantic import ValidationError

    from fiche_pays.model.presentation import Presentation

    with pytest.raises(ValidationError) as caught:
        Presentation.model_validate(data)
    return [str((e.get("ctx") or {}).get("error", e["msg"])) for e in caught.value.errors()]


def load_presentation(name: str):
    """A gallery presentation fiche, through the real loader."""
    return load(DATA / f"{name}.presentation.yaml")


def tree_lines(document: tree.Document) -> dict[str, list[str]]:
    """Every fact line, paragraph and bullet of each section, normalised, by section key."""
    found: dict[str, list[str]] = {}
    for section in tree.iter_sections(document.sections):
        texts = found.setdefault(section.key, [])
        for child in section.children:
            match child:
                case tree.Facts():
                    texts += [normalize(f"{r.label} : {tree.plain(r.value)}") for r in child.rows]
                case tree.Paragraph():
                    texts.append(normalize(tree.plain(child.runs)))
                case tree.BulletList():
                    texts += [normalize(tree.plain(item)) for item in child.items]
    return found


def section_lines(key: str, **sections) -> list[str]:
    """The normalised lines of one section of a minimal presentation with ``sections``."""
    return tree_lines(compose(presentation(**sections)))[key]


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


def words_in(text: str, fact: str) -> bool:
    """True when every word of ``fact`` occurs in ``text`` (for wrapped table cells,
    whose lines a PDF text extractor interleaves with the neighbouring cells')."""
    haystack = set(re.findall(r"\w+", normalize(text)))
    return all(word in haystack for word in re.findall(r"\w+", normalize(fact)))


def pdf_outline(path: Path) -> list[tuple[int, str]]:
    """(depth, title) of every PDF bookmark, in order."""
    from pypdf import PdfReader

    result: list[tuple[int, str]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                result.append((depth, item.title))

    walk(PdfReader(path).outline, 0)
    return result


def docx_headings(path: Path) -> list[tuple[int, str]]:
    """(level, text) of every Heading paragraph of a DOCX, in order."""
    return [
        (int(style.rsplit(" ", 1)[1]), text)
        for style, text in docx_paragraphs(path)
        if style.startswith("Heading ")
    ]


def pdf_page_texts(path: Path) -> list[str]:
    """Per page: its text plus the text of the forms it draws (page numbers, TOC)."""
    from pypdf import PageObject, PdfReader
    from pypdf.generic import DecodedStreamObject, NameObject

    texts = []
    for page in PdfReader(path).pages:
        parts = [page.extract_text() or ""]
        for ref in page["/Resources"].get("/XObject", {}).values():
            form = ref.get_object()
            if form.get("/Subtype") != "/Form":
                continue
            blank = PageObject.create_blank_page(width=600, height=800)
            blank[NameObject("/Resources")] = form.get("/Resources", {})
            stream = DecodedStreamObject()
            stream.set_data(form.get_data())
            blank.replace_contents(stream)
            parts.append(blank.extract_text() or "")
        texts.append(normalize(" ".join(parts)))
    return texts


def tree_texts(section: tree.Section) -> tuple[list[str], list[str]]:
    """(running texts, table cells) of a section and its subsections, in order."""
    running: list[str] = [section.title]
    cells: list[str] = []
    for child in section.children:
        match child:
            case tree.Section():
                more_running, more_cells = tree_texts(child)
                running += more_running
                cells += more_cells
            case tree.Paragraph() | tree.Note():
                running.append(tree.plain(child.runs))
            case tree.Facts():
                running += [f"{row.label} : {tree.plain(row.value)}" for row in child.rows]
            case tree.BulletList():
                running += [tree.plain(item) for item in child.items]
            case tree.Table():
                running += [text for text in (child.caption, child.source) if text]
                cells += [c for c in (*child.header, *(c for r in child.rows for c in r)) if c]
            case tree.Chart():
                running += [child.title] + ([child.source] if child.source else [])
            case _:  # a new node type must be taught here, never skipped by the parity tests
                raise TypeError(f"tree_texts: unknown node {type(child).__name__}")
    return running, cells
