"""Shared fixtures: the Kazakhstan fiche, its tree, and its documents built once."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import settings

from fiche_pays import compose, load, load_theme, render, tree

# Property tests draw the same examples on every run (derandomize), so that a red CI run
# means a change broke something, not that a new random draw found an old gap; the
# « explore » profile draws new ones (HYPOTHESIS_PROFILE=explore, see docs/developpement.md).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Documents are dated by their fiche; a SOURCE_DATE_EPOCH from the CI would redate them.
os.environ.pop("SOURCE_DATE_EPOCH", None)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
KAZAKHSTAN = DATA / "kazakhstan.yaml"
# The published pages: FICHE_PAYS_PAGES, or ../shared/pages beside the checkout (a git
# worktree sits deeper: the nearest parent that has one). Every test reads them from here.
PAGES = (
    Path(os.environ["FICHE_PAYS_PAGES"])
    if os.environ.get("FICHE_PAYS_PAGES")
    else next(
        (p / "shared" / "pages" for p in ROOT.parents if (p / "shared" / "pages").is_dir()),
        ROOT.parent / "shared" / "pages",
    )
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


def pdf_text(path: Path, furniture: bool = True) -> str:
    """All text of a PDF, normalised; without ``furniture``, only the text tagged as
    content: running header and footer, repeated table headers (artifacts) left out, so
    that a paragraph cut by a page break reads whole."""
    from pypdf import PdfReader

    pages = PdfReader(path).pages
    if furniture:
        return normalize(" ".join(page.extract_text() or "" for page in pages))
    return normalize(" ".join(_content_text(page) for page in pages))


def _content_text(page) -> str:
    """The text pypdf extracts from a page, less what is drawn inside an /Artifact."""
    chunks: list[str] = []
    artifact: list[bool] = []  # the open marked-content sequences: artifact or not

    def operator(op, args, cm, tm):
        if op in (b"BMC", b"BDC"):
            artifact.append(str(args[0]) == "/Artifact")
        elif op == b"EMC" and artifact:
            artifact.pop()

    def text(piece, cm, tm, font, size):
        if not any(artifact):
            chunks.append(piece)

    page.extract_text(visitor_operand_before=operator, visitor_text=text)
    return "".join(chunks)


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
    text = normalize(text)
    # A word hyphenated at a line end counts whole as well as in parts: "anni- versaire",
    # or with the soft hyphen the tagged PDF draws there, "anni\u00ad versaire".
    joined = re.sub(r"(?<=\w)[-\u00ad] (?=[a-zà-ÿœæ])", "", text)
    haystack = set(re.findall(r"\w+", text)) | set(re.findall(r"\w+", joined))
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


# --- editing a DOCX the way Word does (tests of `fiche-pays apply`) ------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


class WordEdit:
    """A DOCX opened for editing as Word would leave it: text retyped in new runs split
    at odd places (with rsids, spelling marks and a _GoBack bookmark), tracked insertions
    and deletions in w:ins / w:del, comments, paragraphs and table rows added."""

    def __init__(self, path: Path):
        import zipfile

        from lxml import etree

        with zipfile.ZipFile(path) as archive:
            self.parts = {name: archive.read(name) for name in archive.namelist()}
        self.etree = etree
        self.document = etree.fromstring(self.parts["word/document.xml"])
        self.comments: list[tuple[str, str, str, str]] = []
        self._ids = 9000

    def _next_id(self) -> str:
        self._ids += 1
        return str(self._ids)

    @staticmethod
    def text_of(paragraph) -> str:
        return "".join(t.text or "" for t in paragraph.iter(_w("t")))

    def paragraph(self, containing: str):
        """The first paragraph whose text contains ``containing``."""
        for paragraph in self.document.iter(_w("p")):
            if containing in self.text_of(paragraph):
                return paragraph
        raise AssertionError(f"paragraphe introuvable : {containing!r}")

    def _run(self, text: str, deleted: bool = False, rpr=None):
        etree = self.etree
        run = etree.Element(_w("r"))
        run.set(_w("rsidR"), "00A1B2C3")
        if rpr is not None:
            run.append(etree.fromstring(etree.tostring(rpr)))
        node = etree.SubElement(run, _w("delText" if deleted else "t"))
        node.text = text
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return run

    def _runs(self, text: str, rpr=None, every: int = 7) -> list:
        """Text in several runs, cut every few characters, as Word's rsids cut it."""
        pieces = [text[i : i + every] for i in range(0, len(text), every)] or [""]
        return [self._run(piece, rpr=rpr) for piece in pieces if piece]

    def retype(
        self,
        containing,
        old: str,
        new: str,
        author: str | None = None,
        date: str = "2026-11-20T10:15:00Z",
        comment: tuple[str, str] | None = None,
    ):
        """Replace ``old`` by ``new`` in the paragraph containing ``containing``: the
        paragraph's runs are merged and cut anew; with ``author`` the change is tracked
        (w:del + w:ins); with ``comment`` (author, text) the new text is commented."""
        etree = self.etree
        paragraph = containing if not isinstance(containing, str) else self.paragraph(containing)
        text = self.text_of(paragraph)
        assert old in text, (old, text)
        before, after = text.split(old, 1)
        first_run = paragraph.find(f".//{_w('r')}")
        rpr = first_run.find(_w("rPr")) if first_run is not None else None
        keep = [c for c in paragraph if c.tag in (_w("pPr"),)]
        starts = [c for c in paragraph.iter(_w("bookmarkStart"))]
        ends = [c for c in paragraph.iter(_w("bookmarkEnd"))]
        for child in list(paragraph):
            paragraph.remove(child)
        for child in keep + starts:
            paragraph.append(child)
        go_back = etree.SubElement(paragraph, _w("bookmarkStart"))
        go_back.set(_w("id"), self._next_id())
        go_back.set(_w("name"), "_GoBack")
        for run in self._runs(before, rpr):
            paragraph.append(run)
        etree.SubElement(paragraph, _w("proofErr")).set(_w("type"), "spellStart")
        comment_id = None
        if comment:
            comment_id = self._next_id()
            etree.SubElement(paragraph, _w("commentRangeStart")).set(_w("id"), comment_id)
        if author:
            if old:
                deletion = etree.SubElement(paragraph, _w("del"))
                deletion.set(_w("id"), self._next_id())
                deletion.set(_w("author"), author)
                deletion.set(_w("date"), date)
                deletion.append(self._run(old, deleted=True, rpr=rpr))
            if new:
                insertion = etree.SubElement(paragraph, _w("ins"))
                insertion.set(_w("id"), self._next_id())
                insertion.set(_w("author"), author)
                insertion.set(_w("date"), date)
                for run in self._runs(new, rpr, every=5):
                    insertion.append(run)
        else:
            for run in self._runs(new, rpr, every=3):
                paragraph.append(run)
        etree.SubElement(paragraph, _w("proofErr")).set(_w("type"), "spellEnd")
        if comment:
            etree.SubElement(paragraph, _w("commentRangeEnd")).set(_w("id"), comment_id)
            reference = etree.SubElement(paragraph, _w("r"))
            etree.SubElement(reference, _w("commentReference")).set(_w("id"), comment_id)
            self.comments.append((comment_id, comment[0], date, comment[1]))
        for run in self._runs(after, rpr, every=11):
            paragraph.append(run)
        end = etree.SubElement(paragraph, _w("bookmarkEnd"))
        end.set(_w("id"), go_back.get(_w("id")))
        for child in ends:
            paragraph.append(child)

    def add_paragraph_after(
        self, containing: str, text: str, author: str | None = None, style: str | None = None
    ):
        """A new paragraph typed after the one containing ``containing`` (Enter at its
        end, then typing): no bookmark of its own; tracked when ``author`` is given."""
        etree = self.etree
        anchor = self.paragraph(containing)
        paragraph = etree.Element(_w("p"))
        if style:
            ppr = etree.SubElement(paragraph, _w("pPr"))
            etree.SubElement(ppr, _w("pStyle")).set(_w("val"), style)
        target = paragraph
        if author:
            ppr = paragraph.find(_w("pPr"))
            if ppr is None:
                ppr = etree.SubElement(paragraph, _w("pPr"))
            mark = etree.SubElement(etree.SubElement(ppr, _w("rPr")), _w("ins"))
            mark.set(_w("id"), self._next_id())
            mark.set(_w("author"), author)
            mark.set(_w("date"), "2026-11-20T10:15:00Z")
            target = etree.SubElement(paragraph, _w("ins"))
            target.set(_w("id"), self._next_id())
            target.set(_w("author"), author)
            target.set(_w("date"), "2026-11-20T10:15:00Z")
        for run in self._runs(text, every=9):
            target.append(run)
        anchor.addnext(paragraph)

    def cell(self, caption_cell_text: str, row_text: str, column: int):
        """The paragraph of a table cell: in the row containing ``row_text`` of the
        table whose cells contain ``caption_cell_text``."""
        for table in self.document.iter(_w("tbl")):
            if caption_cell_text not in "".join(t.text or "" for t in table.iter(_w("t"))):
                continue
            for row in table.iter(_w("tr")):
                if row_text in "".join(t.text or "" for t in row.iter(_w("t"))):
                    return row.findall(_w("tc"))[column].find(_w("p"))
        raise AssertionError(f"cellule introuvable : {row_text!r}")

    def add_row_after(self, row_text: str, cells: list[str]):
        """A table row typed after the one containing ``row_text`` (Word copies the
        row's properties, not its bookmarks)."""
        import copy

        for row in self.document.iter(_w("tr")):
            if row_text in "".join(t.text or "" for t in row.iter(_w("t"))):
                new = copy.deepcopy(row)
                for element in list(new.iter(_w("bookmarkStart"), _w("bookmarkEnd"))):
                    element.getparent().remove(element)
                for cell, text in zip(new.findall(_w("tc")), cells, strict=True):
                    paragraph = cell.find(_w("p"))
                    for run in paragraph.findall(_w("r")):
                        paragraph.remove(run)
                    for run in self._runs(text, every=4):
                        paragraph.append(run)
                row.addnext(new)
                return
        raise AssertionError(f"ligne introuvable : {row_text!r}")

    def delete_row(self, row_text: str):
        for row in self.document.iter(_w("tr")):
            if row_text in "".join(t.text or "" for t in row.iter(_w("t"))):
                row.getparent().remove(row)
                return
        raise AssertionError(f"ligne introuvable : {row_text!r}")

    def strip_provenance(self):
        """What a copy into a new document leaves: no custom XML, no _fp bookmarks."""
        for element in list(self.document.iter(_w("bookmarkStart"), _w("bookmarkEnd"))):
            element.getparent().remove(element)
        for name in [n for n in self.parts if n.startswith("customXml/")]:
            del self.parts[name]

    def _comments_part(self) -> None:
        etree = self.etree
        root = etree.Element(_w("comments"), nsmap={"w": W_NS})
        for comment_id, author, date, text in self.comments:
            comment = etree.SubElement(root, _w("comment"))
            comment.set(_w("id"), comment_id)
            comment.set(_w("author"), author)
            comment.set(_w("date"), date)
            run = etree.SubElement(etree.SubElement(comment, _w("p")), _w("r"))
            etree.SubElement(run, _w("t")).text = text
        self.parts["word/comments.xml"] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        rels_name = "word/_rels/document.xml.rels"
        rels = etree.fromstring(self.parts[rels_name])
        rel = etree.SubElement(
            rels, "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
        )
        rel.set("Id", "rIdComments1")
        rel.set(
            "Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
        )
        rel.set("Target", "comments.xml")
        self.parts[rels_name] = etree.tostring(
            rels, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        types = etree.fromstring(self.parts["[Content_Types].xml"])
        override = etree.SubElement(
            types, "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
        )
        override.set("PartName", "/word/comments.xml")
        override.set(
            "ContentType",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
        )
        self.parts["[Content_Types].xml"] = etree.tostring(
            types, xml_declaration=True, encoding="UTF-8", standalone=True
        )

    def save(self, path: Path) -> Path:
        import zipfile

        if self.comments:
            self._comments_part()
        self.parts["word/document.xml"] = self.etree.tostring(
            self.document, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, blob in self.parts.items():
                archive.writestr(name, blob)
        return path


def shown_texts(document: tree.Document) -> list[tree.Runs]:
    """Every piece of text a writer lays out, as runs: title block, page furniture,
    headings, paragraphs, facts, lists, table cells, captions, notes, chart words."""
    meta = document.meta
    names = ("country", "kind", "date_label", "short_title", "footer", "service")
    texts = [meta.runs(n) for n in (*names, "marking", "toc_title") if getattr(meta, n)]
    texts += [tree.shown(line) for line in (*meta.identity, *meta.motto)]
    for section in tree.iter_sections(document.sections):
        texts.append(tree.shown(section.title, section.title_runs))
        for child in section.children:
            match child:
                case tree.Paragraph() | tree.Note():
                    texts.append(child.runs)
                case tree.Facts():
                    for row in child.rows:
                        texts += [tree.shown(row.label, row.label_runs), row.value]
                case tree.BulletList():
                    texts += list(child.items)
                case tree.Table():
                    texts += [cell for row in tree.cells(child) for cell in row]
                    texts.append(tree.shown(child.caption, child.caption_runs))
                    texts.append(tree.shown(child.source, child.source_runs))
                case tree.Chart():
                    words = (child.title, child.source or "", child.y_label, child.x_label)
                    texts += [tree.shown(t) for t in (*words, *child.tick_labels)]
                    texts += [tree.shown(s.name) for s in child.series]
    return [t for t in texts if t]


# What a desk officer types in place of each placeholder of `fiche-pays new`.
_FILLED = {
    "Prénom Nom": "Jeanne Martin",
    "Nom de la ville": "Lyon",
    "https://www.ambafrance-xx.org": "https://www.ambafrance-test.org",
    "https://www.diplomatie.gouv.fr/fr/dossiers-pays/": "https://www.diplomatie.gouv.fr/fr/dossiers-pays/pays/",
    "https://www.tresor.economie.gouv.fr/Pays/": "https://www.tresor.economie.gouv.fr/Pays/XX",
    "Un paragraphe": "Un vrai paragraphe",
    "Une section propre au pays": "Une vraie section propre au pays",
    "un premier point": "un point réel",
    "un second point": "un autre point réel",
    "République de …": "République de Test",
    "Deuxième ville": "Ville-Haute",
    "Troisième ville": "Ville-Basse",
    "langue du pays": "langue test",
}


def fill_examples(text: str) -> str:
    """``text`` (a file written by `fiche-pays new`, or a line it announces) with every
    placeholder replaced and the « exemple » lines deleted, as a desk officer leaves it."""
    for placeholder, value in _FILLED.items():
        text = text.replace(placeholder, value)
    return "\n".join(x for x in text.splitlines() if not x.lstrip().startswith("exemple: "))
