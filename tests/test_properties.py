"""Property tests: any valid fiche loads, renders in both formats, and the two agree.

Hypothesis draws whole fiches as Python data: random Unicode text from the scripts the
PDF fonts cover (Latin with its accents and extensions, Greek, Cyrillic with the Kazakh
letters), markup-like characters (< > & " ' and braces where they are literal), long
words, long paragraphs, every optional section present or absent. Each fiche is
written with ``yaml.safe_dump`` and goes through the whole pipeline: ``load_source``
-> ``compose`` -> both writers. Then:

* loading reports no error and gives back exactly the data that was dumped;
* the PDF outline, the DOCX Heading paragraphs and the tree's sections are one list;
* every running text of the tree (paragraphs, facts, bullets, captions, notes) is in the
  extracted text of both documents, and every table cell in both (word by word in the
  PDF, whose extractor may put a neighbouring cell's lines between a cell's lines).

Two properties share the strategies: everyday fiches with any mix of sections, and
fewer sections with long texts (pages of prose, long titles, long cells).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import string
import typing
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from fiche_pays import compose, render, tree
from fiche_pays.loader.load import load_source
from fiche_pays.model.presence import PostKind
from fiche_pays.model.relations import SECTION_KEYS as STANDARD_SECTIONS
from fiche_pays.theme.load import load_theme
from fiche_pays.writers.pdf.flowables import column_points
from fiche_pays.writers.pdf.fonts import coverage

from conftest import docx_headings, docx_text, normalize, pdf_outline, tree_texts

THEME = load_theme("officiel")

# --- the characters ---------------------------------------------------------------------------

_SCRIPTS = (
    (0x0021, 0x007E),  # Basic Latin, with < > & " ' { }
    (0x00A1, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic and its supplement (Kazakh ә ғ қ ң ө ұ ү һ і)
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2010, 0x2027),  # dashes, typographic quotes, bullet, ellipsis
    (0x20AC, 0x20AC),  # euro sign
)
# Letters, digits, punctuation, symbols. Left out: controls (refused by design), format
# characters (a soft hyphen or a zero-width space is not drawn inside a line, so it is
# not in the extracted text) and combining marks (the extractor moves zero-width glyphs).
_VISIBLE = {"L", "N", "P", "S"}


def _alphabet() -> str:
    """Visible characters of the chosen scripts that every face of the PDF font draws."""
    faces = [coverage(path) for path in THEME.font_files.values()]
    return "".join(
        chr(code)
        for low, high in _SCRIPTS
        for code in range(low, high + 1)
        if unicodedata.category(chr(code))[0] in _VISIBLE and all(code in f for f in faces)
    )


ALPHABET = _alphabet()
PROSE_ALPHABET = ALPHABET.replace("{", "").replace("}", "")  # in a "texte", { } are references
KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
SPECIAL = KAZAKH + "<>&\"'-–—…"  # drawn more often than their share of the alphabet
SPACES = (" ",) * 12 + ("\u00a0", "\u202f", "\u2009")  # some typed no-break or thin spaces
REFERENCES = (
    "{pays.nom}",
    "{pays.au}",
    "{pays.du}",
    "{pays.le}",
    "{pays.adjectif}",
    "{pays.code}",
    "{document.mise_a_jour}",
    "{document.mise_a_jour.quand}",
)

# --- text strategies --------------------------------------------------------------------------


def _words(alphabet: str) -> st.SearchStrategy[str]:
    """One word: usually short, sometimes longer than a table column or a whole line
    (a short word repeated, which costs Hypothesis little entropy)."""
    short = st.text(alphabet, min_size=1, max_size=10)
    special = st.text(SPECIAL + ("{}" if "{" in alphabet else ""), min_size=1, max_size=6)
    long = st.builds(lambda word, times: (word * times)[:200], short, st.integers(4, 60))
    return st.one_of(short, short, short, special, long)


@st.composite
def _joined(
    draw: st.DrawFn,
    words: st.SearchStrategy[str],
    max_words: int,
    separators: tuple[str, ...],
    repeats: tuple[int, ...],
) -> str:
    """Words joined by separators; the drawn run of words repeated into a longer text."""
    parts = draw(st.lists(words, min_size=1, max_size=max_words))
    parts *= draw(st.sampled_from(repeats))
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from(separators)) + part
    return text


@dataclass(frozen=True)
class Texts:
    """How long the drawn texts are: ``repeats`` multiplies a drawn run of words."""

    repeats: tuple[int, ...]

    def line(self, max_words: int = 6) -> st.SearchStrategy[str]:
        """A one-line value (a title, a label, a cell): braces are literal there."""
        return _joined(_words(ALPHABET), max_words, SPACES, self.repeats)

    def prose(self, references: tuple[str, ...] = ()) -> st.SearchStrategy[str]:
        """A "texte": paragraphs separated by a blank line, lines wrapped anywhere, literal
        braces doubled, references to data that exists where the text is."""
        words = _words(PROSE_ALPHABET)
        escaped = st.sampled_from(("{{", "}}", "{{x}}", *REFERENCES, *references))
        tokens = st.one_of(words, words, words, escaped)
        paragraph = _joined(tokens, 12, (*SPACES, "\n", " \n", "\t"), self.repeats)
        return st.lists(paragraph, min_size=1, max_size=3).map("\n\n".join)


EVERYDAY = Texts(repeats=(1,))
LONG = Texts(repeats=(1, 3, 10, 40))


def short_line() -> st.SearchStrategy[str]:
    """A short one-line value: a city, a country's name and forms."""
    words = st.text(ALPHABET, min_size=1, max_size=10)
    return st.lists(words, min_size=1, max_size=3).map(" ".join)


# --- data strategies --------------------------------------------------------------------------

KEY = st.from_regex(r"[a-z][a-z0-9_]{0,20}", fullmatch=True)


def _optional(data: dict[str, Any], draw: st.DrawFn, key: str, value: st.SearchStrategy) -> None:
    """Set ``data[key]`` to a drawn value, or leave the key out."""
    if draw(st.booleans()):
        data[key] = draw(value)


@st.composite
def partial_date(draw: st.DrawFn, low: int, high: int) -> str:
    """ "2021-05-05", "2008-06" or "2010", between two years."""
    day = draw(st.dates(dt.date(low, 1, 1), dt.date(high, 12, 31))).isoformat()
    return draw(st.sampled_from((day, day[:7], day[:4])))


def amount() -> st.SearchStrategy[float]:
    """An amount in millions as a desk officer types it: whole, or with one decimal."""
    return st.one_of(st.integers(0, 50_000), st.integers(0, 500_000).map(lambda v: v / 10))


@st.composite
def country(draw: st.DrawFn) -> dict[str, Any]:
    data = {
        "nom": draw(short_line()),
        "code": draw(st.text(string.ascii_uppercase, min_size=2, max_size=2)),
        "au": draw(short_line()),
        "du": draw(short_line()),
        "le": draw(short_line()),
        "adjectif": draw(short_line()),
    }
    _optional(data, draw, "adjectif_feminin", short_line())
    return data


@st.composite
def document_info(draw: st.DrawFn, t: Texts, updated: dt.date) -> dict[str, Any]:
    data: dict[str, Any] = {"mise_a_jour": updated.isoformat()}
    _optional(data, draw, "titre", t.line())
    _optional(data, draw, "service", t.line())
    _optional(data, draw, "auteur", t.line())
    _optional(data, draw, "mots_cles", st.lists(short_line(), max_size=5))
    return data


@st.composite
def political(draw: st.DrawFn, t: Texts) -> dict[str, Any]:
    data: dict[str, Any] = {}
    _optional(data, draw, "relations_diplomatiques", partial_date(1900, 2009))
    keys = draw(st.lists(KEY, max_size=4, unique=True))
    agreements = []
    for index in range(draw(st.integers(0, 4))):
        agreement: dict[str, Any] = {"titre": draw(t.line())}
        if index < len(keys):
            agreement["cle"] = keys[index]
        signed = draw(st.none() | st.integers(1900, 2009))
        if signed is not None:
            agreement["signature"] = draw(partial_date(signed, signed))
        if draw(st.booleans()):  # in force the year of signing or later, to the year
            agreement["entree_en_vigueur"] = str((signed or 1900) + draw(st.integers(0, 5)))
        _optional(agreement, draw, "occasion", t.line())
        _optional(agreement, draw, "lieu", short_line())
        agreements.append(agreement)
    if agreements:
        data["accords"] = agreements
    references = tuple(f"{{accords.{key}.titre}}" for key in keys[: len(agreements)])
    _optional(data, draw, "texte", t.prose(references))
    return data


@st.composite
def community(draw: st.DrawFn, t: Texts) -> dict[str, Any]:
    data: dict[str, Any] = {}
    count = draw(st.none() | st.integers(0, 10_000_000))
    if count is not None:
        data["nombre"] = count
        _optional(data, draw, "binationaux", st.integers(0, count))
    if count is None or draw(st.booleans()):
        data["texte"] = draw(t.prose())
    _optional(data, draw, "unite", short_line())
    _optional(data, draw, "date", partial_date(1990, 2009))
    _optional(data, draw, "approximation", st.sampled_from(("environ", "près de", "plus de")))
    _optional(data, draw, "non_inscrits", st.integers(0, 100_000))
    return data


POST_KINDS = typing.get_args(PostKind)


@st.composite
def presence(draw: st.DrawFn, t: Texts) -> dict[str, Any]:
    data: dict[str, Any] = {}
    _optional(data, draw, "communaute", community(t))
    if draw(st.booleans()):
        embassy: dict[str, Any] = {}
        _optional(embassy, draw, "ville", short_line())
        _optional(embassy, draw, "residence", short_line())
        data["ambassade"] = embassy
    posts = []
    for _ in range(draw(st.integers(0, 4))):
        post: dict[str, Any] = {"type": draw(st.sampled_from(POST_KINDS))}
        where = draw(st.sampled_from(("ville", "depuis", "both")))
        if where != "depuis":
            post["ville"] = draw(short_line())
        if where != "ville":
            post["depuis"] = draw(short_line())
        posts.append(post)
    if posts:
        data["postes"] = posts
    _optional(data, draw, "communaute_en_france", community(t))
    _optional(data, draw, "texte", t.prose())
    return data


@st.composite
def visit(draw: st.DrawFn, t: Texts) -> dict[str, Any]:
    start = draw(st.dates(dt.date(1990, 1, 1), dt.date(2009, 12, 31)))
    data: dict[str, Any] = {
        "sens": draw(st.sampled_from(("vers_le_pays", "vers_la_france", "pays_tiers"))),
        "personnalite": draw(t.line(4)),
    }
    span = draw(st.sampled_from(("day", "month", "days")))
    data["date"] = start.isoformat()[:7] if span == "month" else start.isoformat()
    if span == "days":  # the same day, two days, or a span over months and years
        end = start + dt.timedelta(days=draw(st.sampled_from((0, 1, 3, 40, 400))))
        data["fin"] = end.isoformat()
    _optional(data, draw, "fonction", t.line(6))
    _optional(data, draw, "lieu", short_line())
    _optional(data, draw, "objet", t.line())
    return data


@st.composite
def visits(draw: st.DrawFn, t: Texts) -> dict[str, Any]:
    data: dict[str, Any] = {}
    _optional(data, draw, "texte", t.prose())
    items = draw(st.lists(visit(t), max_size=20))
    if items or draw(st.booleans()):
        data["liste"] = items
    return data


@st.composite
def ambassador(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {"nom": draw(short_line())}
    _optional(data, draw, "civilite", st.sampled_from(("M.", "Mme")))
    _optional(data, draw, "depuis", partial_date(1990, 2009))
    _optional(data, draw, "residence", short_line())
    return data


@st.composite
def ambassadors(draw: st.DrawFn, t: Texts) -> dict[str, Any]:
    data: dict[str, Any] = {}
    _optional(data, draw, "de_france", ambassador())
    _optional(data, draw, "en_france", ambassador())
    return data


@st.composite
def trade_year(draw: st.DrawFn, year: int) -> dict[str, Any]:
    data: dict[str, Any] = {"annee": year}
    _optional(data, draw, "exportations", amount())
    _optional(data, draw, "importations", amount())
    if "exportations" in data and "importations" in data:
        exports, imports = data["exportations"], data["importations"]
        if draw(st.booleans()):  # stated, and consistent with the derived figure
            data["solde"] = round(exports - imports, 6)
        if draw(st.booleans()):
            data["total"] = round(exports + imports, 6)
    _optional(data, draw, "part_de_marche", st.integers(0, 1000).map(lambda v: v / 10))
    for key in ("rang_fournisseur", "rang_fournisseur_europeen", "rang_investisseur"):
        _optional(data, draw, key, st.integers(1, 200))
    _optional(data, draw, "stock_investissements", amount())
    _optional(data, draw, "entreprises_francaises", st.integers(0, 5000))
    _optional(data, draw, "emplois", st.integers(0, 500_000))
    return data


@st.composite
def economy(draw: st.DrawFn, t: Texts) -> dict[str, Any]:
    """1 to 6 years of trade (consecutive or not, in any order), products, sectors."""
    count = draw(st.integers(1, 6))
    last = draw(st.integers(2000, 2010))
    if draw(st.booleans()):
        years = list(range(last - count + 1, last + 1))
    else:
        years = sorted({last, *draw(st.sets(st.integers(1990, last - 1), max_size=count - 1))})
    trade = [draw(trade_year(year)) for year in years]
    trade = draw(st.permutations(trade))
    data: dict[str, Any] = {"echanges": trade}
    _optional(data, draw, "devise", st.sampled_from(("EUR", "USD", "CHF", "XOF", "KZT")))
    _optional(data, draw, "source", t.line())
    by_year = {entry["annee"]: entry for entry in trade}
    products = []
    for key in draw(st.lists(KEY, max_size=3, unique=True)):
        flow = draw(st.sampled_from(("exportations", "importations")))
        values = {}
        for year in draw(st.sets(st.sampled_from(years), min_size=1)):
            total = by_year[year].get(flow)  # a part never exceeds its total
            share = draw(st.integers(0, 100)) / 100
            values[year] = round(total * share, 1) if total is not None else draw(amount())
        label = draw(short_line())
        products.append({"cle": key, "libelle": label, "flux": flow, "valeurs": values})
    if products:
        data["produits"] = products
    _optional(data, draw, "secteurs", st.lists(short_line(), max_size=6))
    references = ("{annee}", *(f"{{produits.{p['cle']}.libelle}}" for p in products))
    _optional(data, draw, "texte", t.prose(references))
    return data


@st.composite
def cooperation(draw: st.DrawFn, t: Texts) -> dict[str, Any]:
    data: dict[str, Any] = {}
    _optional(data, draw, "texte", t.prose())
    if draw(st.booleans()):
        alliances = []
        for _ in range(draw(st.integers(0, 6))):
            alliance: dict[str, Any] = {"ville": draw(short_line())}
            _optional(alliance, draw, "creation", st.integers(1880, 2009))
            _optional(alliance, draw, "etudiants", st.integers(0, 20_000))
            _optional(alliance, draw, "annee_etudiants", st.integers(1990, 2009))
            _optional(alliance, draw, "remarque", t.line())
            alliances.append(alliance)
        network: dict[str, Any] = {"liste": alliances}
        if draw(st.booleans()):  # at least the students of the Alliances listed
            known = sum(alliance.get("etudiants", 0) for alliance in alliances)
            network["total_etudiants"] = known + draw(st.integers(0, 5000))
        _optional(network, draw, "texte", t.prose())
        data["alliances_francaises"] = network
    school_year = st.integers(1990, 2009).flatmap(
        lambda year: st.sampled_from((f"{year}", f"{year}-{year + 1}"))
    )
    institutes = []
    for _ in range(draw(st.integers(0, 3))):
        institute: dict[str, Any] = {"nom": draw(t.line(5))}
        _optional(institute, draw, "sigle", short_line())
        _optional(institute, draw, "date", partial_date(1950, 2009))
        events = ("création", "inauguration", "signature", "ouverture")
        _optional(institute, draw, "evenement", st.sampled_from(events))
        _optional(institute, draw, "precisions", t.line())
        _optional(institute, draw, "partenaires", st.lists(short_line(), max_size=4))
        _optional(institute, draw, "etudiants", st.integers(0, 50_000))
        _optional(institute, draw, "annee_etudiants", school_year)
        _optional(institute, draw, "texte", t.prose(("{nom}",)))
        institutes.append(institute)
    if institutes:
        data["instituts"] = institutes
    schools = []
    for _ in range(draw(st.integers(0, 2))):
        school: dict[str, Any] = {"nom": draw(t.line(5))}
        _optional(school, draw, "ville", short_line())
        _optional(school, draw, "eleves", st.integers(0, 5000))
        _optional(school, draw, "annee_eleves", school_year)
        schools.append(school)
    if schools:
        data["etablissements_scolaires"] = schools
    if draw(st.booleans()):
        programmes = []
        for _ in range(draw(st.integers(0, 4))):
            programme: dict[str, Any] = {"nom": draw(short_line())}
            _optional(programme, draw, "partenaire", t.line(5))
            programmes.append(programme)
        scholarships: dict[str, Any] = {"programmes": programmes}
        _optional(scholarships, draw, "texte", t.prose())
        data["bourses"] = scholarships
    return data


@st.composite
def free_body(draw: st.DrawFn, t: Texts) -> dict[str, Any]:
    """Text, "Label : value" facts, a list and a table, each present or not."""
    data: dict[str, Any] = {}
    _optional(data, draw, "texte", t.prose())
    facts = st.fixed_dictionaries({"libelle": t.line(4), "valeur": t.line()})
    _optional(data, draw, "faits", st.lists(facts, max_size=5))
    _optional(data, draw, "liste", st.lists(t.line(), max_size=6))
    if draw(st.booleans()):
        width = draw(st.integers(1, 6))
        cell = t.line(6 // width + 1)
        row = st.lists(cell, min_size=width, max_size=width)
        table: dict[str, Any] = {"entetes": draw(row), "lignes": draw(st.lists(row, max_size=12))}
        _optional(table, draw, "titre", t.line())
        _optional(table, draw, "source", t.line())
        data["tableau"] = table
    return data


@st.composite
def extra_sections(draw: st.DrawFn, t: Texts) -> list[dict[str, Any]]:
    """Up to three extra sections with unique keys, each placed after a known section."""
    fresh = KEY.filter(lambda key: key not in STANDARD_SECTIONS)
    keys = draw(st.lists(fresh, max_size=3, unique=True))
    sections = []
    for key in keys:
        # Section titles are capped at 200 characters by the data format.
        title = draw(t.line(6).map(lambda text: text[:200].strip()).filter(bool))
        section = {"cle": key, "titre": title, **draw(free_body(t))}
        _optional(section, draw, "apres", st.sampled_from((*STANDARD_SECTIONS, *keys)))
        sections.append(section)
    return sections


URL = st.builds(
    "{}://{}/{}".format,
    st.sampled_from(("https", "http")),
    st.sampled_from(("www.diplomatie.gouv.fr", "kz.ambafrance.org", "пример.рф")),
    st.text(string.ascii_letters + string.digits + "-_/?=&#%<>\"'.~éқ", max_size=40),
)


@st.composite
def links(draw: st.DrawFn, t: Texts) -> list[dict[str, str]]:
    title = t.line().map(lambda text: text[:200].strip()).filter(bool)  # capped at 200
    return draw(st.lists(st.fixed_dictionaries({"titre": title, "url": URL}), max_size=4))


SECTIONS: dict[str, Callable[[Texts], st.SearchStrategy]] = {
    "relations_politiques": political,
    "presence_francaise": presence,
    "visites": visits,
    "ambassadeurs": ambassadors,
    "relations_economiques": economy,
    "cooperation": cooperation,
    "autres_cooperations": free_body,
    "sections_supplementaires": extra_sections,
    "informations_complementaires": links,
}


@st.composite
def fiches(draw: st.DrawFn, t: Texts, sections: tuple[str, ...] = tuple(SECTIONS)) -> dict:
    """A valid fiche as the plain data of a YAML file; each of ``sections`` may be there.

    Every date of the data is in 2010 or before, and the fiche is updated after 2010."""
    updated = draw(st.dates(dt.date(2011, 1, 1), dt.date(2030, 12, 31)))
    data: dict[str, Any] = {"pays": draw(country()), "document": draw(document_info(t, updated))}
    for key in sections:
        _optional(data, draw, key, SECTIONS[key](t))
    return data


# --- building and checking ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the module (a function-scoped tmp_path is not reset between
    Hypothesis examples); every example overwrites the same three files."""
    return tmp_path_factory.mktemp("properties")


def build(data: dict[str, Any], folder: Path) -> tuple[tree.Document, Path, Path]:
    """Dump, load, compose and render a fiche; assert that loading found no error."""
    source = folder / "fiche.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    loaded = load_source(source)
    errors = [f"{p.field}: {p.message}" for p in loaded.problems if p.severity == "error"]
    assert not errors, errors
    assert loaded.ok
    assert loaded.data == data, "the loader did not give back the data that was dumped"
    document = compose(loaded.fiche, THEME.wording())
    pdf, docx_path = folder / "fiche.pdf", folder / "fiche.docx"
    for path in (pdf, docx_path):
        path.unlink(missing_ok=True)
        render(document, path.suffix[1:], path, THEME)
    return document, pdf, docx_path


def pdf_body_text(path: Path, meta: tree.Meta) -> str:
    """The PDF's text, normalised, without the running header and footer of pages 2
    and up, so that a paragraph broken across two pages reads as one."""
    pages = PdfReader(path).pages
    furniture = (meta.short_title, meta.marking.upper() if meta.marking else "", meta.footer)
    texts = []
    for number, page in enumerate(pages, start=1):
        text = normalize(page.extract_text() or "")
        if number > 1:
            for piece in (*furniture, meta.page_label.format(page=number, pages=len(pages))):
                piece = normalize(piece)
                assert text.startswith(piece), f"page {number} does not start with {piece!r}"
                text = text[len(piece) :].lstrip()
        texts.append(text)
    return " ".join(texts)


def in_pdf(text: str, pdf: str) -> bool:
    """True when ``text`` is in the PDF's extracted text. A word wider than the line is
    broken by ReportLab without a hyphen: the extractor then has a space in it."""
    text = normalize(text)
    if text in pdf:
        return True
    words = (r"\s?".join(re.escape(char) for char in word) for word in text.split(" "))
    return re.search(r"\s".join(words), pdf) is not None


def cell_in_pdf(cell: str, tokens: set[str]) -> bool:
    """True when every word of a table cell is a word of the PDF's extracted text.

    A word too wide for its column is hyphenated (or, with no hyphenation point, broken)
    over lines, and the extractor may put a neighbouring cell's lines between them: such a
    word may come in pieces, each a word of the extracted text (less its hyphen)."""
    tokens = tokens | {t[:-1] for t in tokens if t.endswith("-") and len(t) > 1}
    return all(_pieces(word, tokens) for word in normalize(cell).split(" "))


def _pieces(word: str, tokens: set[str]) -> bool:
    if word in tokens:
        return True
    reached = [True] + [False] * len(word)
    for start in range(len(word)):
        if reached[start]:
            for end in range(start + 1, len(word) + 1):
                reached[end] = reached[end] or word[start:end] in tokens
    return reached[-1]


def check_parity(document: tree.Document, pdf_path: Path, docx_path: Path) -> None:
    """Same headings in the outline, the DOCX and the tree; all the tree's text in both."""
    headings = [(s.level, s.title) for s in tree.iter_sections(document.sections)]
    assert pdf_outline(pdf_path) == [(level - 1, title) for level, title in headings]
    assert docx_headings(docx_path) == headings
    pdf, docx_all = pdf_body_text(pdf_path, document.meta), docx_text(docx_path)
    tokens = set(pdf.split(" "))
    meta = document.meta
    running = [meta.country, meta.kind, meta.date_label]
    cells: list[str] = []
    for section in document.sections:
        more_running, more_cells = tree_texts(section)
        running += more_running
        cells += more_cells
    for text in running:
        assert in_pdf(text, pdf), f"PDF lacks: {text!r}"
        assert normalize(text) in docx_all, f"DOCX lacks: {text!r}"
    for cell in cells:
        assert cell_in_pdf(cell, tokens), f"PDF lacks cell: {cell!r}"
        assert normalize(cell) in docx_all, f"DOCX lacks cell: {cell!r}"


# --- properties -------------------------------------------------------------------------------


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(data=fiches(EVERYDAY))
def test_any_valid_fiche_loads_and_renders_with_parity(data: dict, folder: Path) -> None:
    check_parity(*build(data, folder))


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(
    data=fiches(
        LONG,
        ("relations_politiques", "autres_cooperations", "sections_supplementaires"),
    )
)
def test_long_texts_render_with_parity(data: dict, folder: Path) -> None:
    check_parity(*build(data, folder))


# --- regressions found by the properties --------------------------------------------------------

_BASE: dict[str, Any] = {
    "pays": {
        "nom": "Qazaqstan",
        "code": "KZ",
        "au": "au Qazaqstan",
        "du": "du Qazaqstan",
        "le": "le Qazaqstan",
        "adjectif": "qazaq",
    },
    "document": {"mise_a_jour": "2021-05-05"},
}


def test_long_document_properties_are_shortened_in_the_docx(folder: Path) -> None:
    """python-docx refuses a core property over 255 characters: a long document title
    or many keywords made the DOCX writer fail."""
    title = "Relations bilatérales " + "très " * 80 + "détaillées"
    keywords = [f"mot-clé numéro {n}" for n in range(30)]
    data = {**_BASE, "document": {**_BASE["document"], "titre": title, "mots_cles": keywords}}
    data["autres_cooperations"] = {"texte": "Un texte."}
    document, pdf, docx_path = build(data, folder)
    check_parity(document, pdf, docx_path)
    props = docx.Document(str(docx_path)).core_properties
    for value in (props.title, props.subject, props.keywords, props.category):
        assert len(value) <= 255
        assert value.endswith("…")
    assert props.title.startswith("Qazaqstan — Relations bilatérales très")
    assert PdfReader(pdf).metadata.title == document.meta.title  # the PDF keeps it whole


def test_heading_longer_than_a_page_is_split_and_bookmarked_once(folder: Path) -> None:
    """A heading too long for the room left on a page made ReportLab split it, and the
    heading flowable could not be rebuilt from the split parts; a title taller than a
    page also made its table-of-contents entry too large to place. The data format caps
    titles at 200 characters, but the writers take any tree (the Python API), so the
    title is lengthened in the tree itself."""
    data = {
        **_BASE,
        "relations_politiques": {"texte": "Un texte."},
        "sections_supplementaires": [
            {"cle": "defense", "titre": "Défense", "texte": "Une coopération ancienne."}
        ],
    }
    document, _, _ = build(data, folder)
    title = " ".join(["Coopération militaire, policière et judiciaire"] * 120)
    sections = tuple(
        dataclasses.replace(s, title=title, title_runs=()) if s.key == "defense" else s
        for s in document.sections
    )
    document = dataclasses.replace(document, sections=sections)
    pdf, docx_path = folder / "long.pdf", folder / "long.docx"
    render(document, "pdf", pdf, THEME)
    render(document, "docx", docx_path, THEME)
    check_parity(document, pdf, docx_path)  # one bookmark per heading, all text in both
    assert len(PdfReader(pdf).pages) >= 3


def test_table_with_a_narrow_column_among_many_wide_ones(folder: Path) -> None:
    """Column weights go from 6 to 50: nine columns, one of them short, made a column
    narrower than ReportLab's cell padding, and ReportLab stopped with a ValueError."""
    long = "Programme de coopération universitaire et scientifique"
    header = ["N°", *(f"Colonne {n}" for n in range(1, 9))]
    rows = [[str(n), *([long] * 8)] for n in range(1, 4)]
    data = {**_BASE, "autres_cooperations": {"tableau": {"entetes": header, "lignes": rows}}}
    check_parity(*build(data, folder))
    points = column_points(481.9, (6.0, *([50.0] * 8)))
    assert min(points) >= 28 and sum(points) == pytest.approx(481.9)
    assert column_points(481.9, (1.0, 2.0)) == pytest.approx([481.9 / 3, 481.9 * 2 / 3])
