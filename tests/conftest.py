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


# --- the presentation gallery: published pages against the documents ---------------------

_PAGE_HEADINGS = {
    "Présentation",
    "Présentation du pays",
    "Partager",
    "Données générales",
    "Données géographiques",
    "Données démographiques",
    "Données économiques",
    "Composition du gouvernement",
    "Présence française",
    "Éléments d’actualité",
    "Eléments d’actualité",
    "Politique intérieure",
    "Politique étrangère",
    "Situation économique",
}
_CURRENT_AFFAIRS = ("Éléments d’actualité", "Eléments d’actualité")


def _page_lines(name: str) -> list[str]:
    text = (PAGES / f"{name}_presentation.txt").read_text(encoding="utf-8")
    text = text.split("[EXCERPT TRUNCATED")[0]
    lines = [line.strip() for line in text.splitlines()[2:]]  # SOURCE and the page title
    return [line for line in lines if line and not line.endswith("{JPEG}")]


def page_data(name: str) -> str:
    """The data part of a published presentation page (before its current affairs), its
    lines joined, headings left out, normalised."""
    lines = _page_lines(name)
    for heading in _CURRENT_AFFAIRS:
        if heading in lines:
            lines = lines[: lines.index(heading)]
    return normalize(" ".join(line for line in lines if line not in _PAGE_HEADINGS))


def page_sentences(name: str) -> tuple[list[str], str | None]:
    """The sentences of a page's current affairs, and the last one if the excerpt cuts
    it (it then ends without a full stop)."""
    lines = _page_lines(name)
    start = next((lines.index(h) for h in _CURRENT_AFFAIRS if h in lines), len(lines))
    prose = normalize(" ".join(x for x in lines[start:] if x not in _PAGE_HEADINGS))
    pieces = re.split(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÝÉ«])", prose) if prose else []
    sentences: list[str] = []
    for piece in pieces:
        # "U. Khürelsükh", "Lu. Oyun-Erdene": an initial, not the end of a sentence.
        if sentences and re.search(r"(?:^|\s)[A-Z][a-z]?\.$", sentences[-1]):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    ended = not sentences or sentences[-1].endswith((".", "!", "?", "…"))
    return sentences, (None if ended else sentences.pop())


def loose(text: str) -> str:
    """Text for comparing a page with a document: spaces, apostrophes and the spacing of
    French punctuation made uniform (the documents apply French typography)."""
    text = normalize(text).replace("'", "’")
    text = re.sub(r"« ", "«", re.sub(r" »", "»", text))
    return re.sub(r" ([%:;!?])", r"\1", text)


def page_numbers(text: str) -> list[str]:
    """Every number of a page's text, with its grouping: "18 917 200", "0,737", "2016"."""
    return re.findall(r"\d+(?:[ ,.]\d+)*", text)


def build_presentation(name: str, folder: Path, theme) -> tuple[tree.Document, dict[str, Path]]:
    """A gallery presentation's tree and its PDF and DOCX, written in ``folder``."""
    document = compose(load_presentation(name), theme.wording())
    paths = {fmt: folder / f"{name}-presentation.{fmt}" for fmt in ("pdf", "docx")}
    for fmt, path in paths.items():
        render(document, fmt, path, theme)
    return document, paths


def assert_page_quoted(name: str, quotes: dict[str, str | tuple[str, ...]]) -> None:
    """Every quote is the page's own text, and every number of the page's data part is in
    a quote: no figure of the page is left out of the test."""
    page = loose(page_data(name))
    for quote in quotes:
        assert loose(quote) in page, f"not on the page: {quote}"
    quoted = " ".join(quotes)
    for number in page_numbers(page_data(name)):
        assert number in quoted, f"number {number} of the page is in no quote"


def document_texts(paths: dict[str, Path]) -> dict[str, str]:
    """The PDF's and the DOCX's text, for :func:`loose` comparisons."""
    return {"PDF": loose(pdf_text(paths["pdf"])), "DOCX": loose(docx_text(paths["docx"]))}


def assert_in_both(lines: str | tuple[str, ...], texts: dict[str, str]) -> None:
    """Each line is in both documents."""
    for line in (lines,) if isinstance(lines, str) else lines:
        for kind, text in texts.items():
            assert loose(line) in text, f"{kind} lacks: {line}"


def assert_sentences(
    name: str, texts: dict[str, str], cut: str | None, skipped: tuple[str, ...] = ()
) -> None:
    """Every complete sentence of the page's current affairs is in both documents, but the
    ``skipped`` ones (named by their start); the sentence the excerpt cuts (starting with
    ``cut``) is in neither."""
    sentences, last = page_sentences(name)
    if cut is None:
        assert last is None, f"a sentence is cut: {last}"
    else:
        assert last is not None and last.startswith(cut), f"cut sentence: {last}"
    for sentence in sentences:
        kept = not any(sentence.startswith(s) for s in skipped)
        for kind, text in texts.items():
            assert (loose(sentence) in text) is kept, f"{kind}, {kept=}: {sentence}"
    if last:
        for text in texts.values():
            assert loose(last[:40]) not in text
    for start in skipped:
        assert any(s.startswith(start) for s in sentences), f"no such sentence: {start}"


def assert_parity(document: tree.Document, paths: dict[str, Path]) -> None:
    """The PDF and the DOCX hold the tree's headings in order, all its text, and the
    title block."""
    headings = [(s.level, s.title) for s in tree.iter_sections(document.sections)]
    assert pdf_outline(paths["pdf"]) == [(level - 1, title) for level, title in headings]
    assert docx_headings(paths["docx"]) == headings
    pdf, docx = pdf_text(paths["pdf"]), docx_text(paths["docx"])
    for section in document.sections:
        running, cells = tree_texts(section)
        for text in running:
            assert normalize(text) in pdf, f"PDF lacks: {text}"
            assert normalize(text) in docx, f"DOCX lacks: {text}"
        for cell in cells:
            assert words_in(pdf, cell) and normalize(cell) in docx, f"cell: {cell}"
    meta = document.meta
    for text in (pdf, docx):
        for expected in (meta.country, meta.kind, meta.date_label):
            assert normalize(expected) in text


# Every gallery fiche (data/*.yaml, both kinds) in every bundled template.
GALLERY = sorted(DATA.glob("*.yaml"))
TEMPLATES = ("officiel", "sobre")
GALLERY_CASES = [(path, template) for path in GALLERY for template in TEMPLATES]
GALLERY_IDS = [f"{path.name.removesuffix('.yaml')}-{template}" for path, template in GALLERY_CASES]


@pytest.fixture(scope="session")
def gallery_documents(tmp_path_factory):
    """``get(path, template, fmt)`` -> (tree, theme, file): a gallery fiche written once
    per session in a template and a format."""
    folder = tmp_path_factory.mktemp("galerie")
    documents: dict = {}
    files: dict = {}

    def get(path: Path, template: str, fmt: str):
        if (path, template) not in documents:
            theme = load_theme(template)
            documents[path, template] = (compose(load(path), theme.wording()), theme)
        document, theme = documents[path, template]
        if (path, template, fmt) not in files:
            out = folder / f"{path.name.removesuffix('.yaml')}-{template}.{fmt}"
            render(document, fmt, out, theme)
            files[path, template, fmt] = out
        return document, theme, files[path, template, fmt]

    return get


@pytest.fixture(scope="session")
def emblem_template(tmp_path_factory):
    """A template like « officiel » with an emblem image and its description."""
    from PIL import Image

    folder = tmp_path_factory.mktemp("embleme") / "embleme"
    folder.mkdir()
    Image.new("RGB", (64, 64), "#000091").save(folder / "embleme.png")
    (folder / "theme.yaml").write_text(
        "name: embleme\ninherit: officiel\nidentity:\n  emblem: embleme.png\n"
        "  emblem_alt: Marianne, République française\n",
        encoding="utf-8",
    )
    return folder
