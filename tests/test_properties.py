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
        if unicodedata.category(chr(code))[0] in _VISIBLE
        # A value that starts a sentence gets its capital: the capital must be drawn too.
        and all(ord(c) in f for f in faces for c in chr(code) + chr(code).upper())
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


URL = st.builds(
    "{}://{}/{}".format,
    st.sampled_from(("https", "http")),
    st.sampled_from(("www.diplomatie.gouv.fr", "kz.ambafrance.org", "пример.рф")),
    st.text(string.ascii_letters + string.digits + "-_/?=&#%<>\"'.~éқ", max_size=40),
)


def person(t: Texts) -> st.SearchStrategy[dict[str, Any]]:
    """A person (a name, a function with its determiner, or both) or a led group."""
    function = t.line(6).map(lambda text: "le " + text)

    @st.composite
    def one(draw: st.DrawFn) -> dict[str, Any]:
        shape = draw(st.sampled_from(("name", "function", "both", "group")))
        if shape == "group":
            data: dict[str, Any] = {"groupe": "une délégation " + draw(t.line(4))}
            if draw(st.booleans()):
                data["chef"] = {"fonction": draw(function), "nom": draw(t.line(4))}
            return data
        data = {}
        if shape != "function":
            data["nom"] = draw(t.line(4))
            _optional(data, draw, "civilite", st.sampled_from(("M.", "Mme", "Dr", "Pr")))
        if shape != "name":
            data["fonction"] = draw(function)
        _optional(data, draw, "genre", st.sampled_from(("féminin", "masculin")))
        return data

    return one()


def parties(t: Texts) -> st.SearchStrategy[Any]:
    """One person, or a list of them."""
    return st.one_of(person(t), st.lists(person(t), min_size=1, max_size=3))


@st.composite
def agreements_block(draw: st.DrawFn, t: Texts, keys: list[str]) -> dict[str, Any]:
    agreements = []
    for index in range(draw(st.integers(1, 4))):
        head = draw(st.sampled_from(("accord", "traité", "déclaration", "accords", "convention")))
        agreement: dict[str, Any] = {"titre": f"{head} {draw(t.line())}"}
        if index < len(keys):
            agreement["cle"] = keys[index]
        year = draw(st.integers(1900, 2004))
        step = draw(st.sampled_from(("signature", "adoption", "ratification", "none")))
        if step == "none":
            agreement["en_negociation"] = True
        else:
            agreement[step] = draw(partial_date(year, year))
            if draw(st.booleans()):  # in force later, to the year
                agreement["entree_en_vigueur"] = str(year + 1 + draw(st.integers(0, 4)))
        _optional(agreement, draw, "occasion", t.line().map(lambda text: "la " + text))
        _optional(agreement, draw, "lieu", short_line())
        _optional(agreement, draw, "texte", t.prose(("{titre}",)))
        agreements.append(agreement)
    return {"accords": agreements}


@st.composite
def events_block(draw: st.DrawFn, t: Texts) -> dict[str, Any]:
    events = []
    for _ in range(draw(st.integers(1, 3))):
        event: dict[str, Any] = {"quoi": draw(t.line())}
        event["date"] = draw(
            st.one_of(
                partial_date(1800, 2009), st.lists(partial_date(1990, 2009), min_size=2, max_size=3)
            )
        )
        _optional(event, draw, "texte", t.prose(("{quand}", "{quoi}")))
        events.append(event)
    return {"evenements": events}


@st.composite
def political(draw: st.DrawFn, t: Texts) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    if draw(st.booleans()):
        blocks.append({"relations_diplomatiques": draw(partial_date(1900, 2009))})
    keys = draw(st.lists(KEY, max_size=4, unique=True))
    if draw(st.booleans()):
        blocks.append(draw(agreements_block(t, keys)))
    if draw(st.booleans()):
        blocks.append(draw(events_block(t)))
    cited = (
        tuple(f"{{accords.{key}.titre}}" for key in keys[: len(blocks[-1].get("accords", []))])
        if blocks and "accords" in blocks[-1]
        else ()
    )
    if draw(st.booleans()):
        blocks.append({"texte": draw(t.prose(cited))})
    return draw(st.permutations(blocks))


def approx() -> st.SearchStrategy[Any]:
    """A count as pages write it: 616, "environ 30000", "près de 900"."""
    exact = st.integers(0, 10_000_000)
    qualified = st.builds(
        "{} {}".format, st.sampled_from(("environ", "près de", "plus de", "moins de")), exact
    )
    return st.one_of(exact, qualified)


@st.composite
def community(draw: st.DrawFn, t: Texts) -> dict[str, Any]:
    count = draw(st.integers(0, 10_000_000))
    data: dict[str, Any] = {"nombre": draw(st.sampled_from((count, f"environ {count}")))}
    _optional(data, draw, "binationaux", st.integers(0, count))
    _optional(data, draw, "inscrits", st.integers(0, count))
    _optional(data, draw, "unite", short_line())
    _optional(data, draw, "date", partial_date(1990, 2009))
    _optional(data, draw, "non_inscrits", approx())
    _optional(data, draw, "texte", t.prose(("{nombre}", "{valeur}")))
    return data


POST_KINDS = typing.get_args(PostKind)


@st.composite
def post(draw: st.DrawFn, t: Texts) -> dict[str, Any]:
    data: dict[str, Any] = {"type": draw(st.sampled_from(POST_KINDS))}
    where = draw(st.sampled_from(("ville", "villes", "abroad", "site")))
    if where in ("ville", "abroad"):
        data["ville"] = draw(short_line())
    if where == "villes":
        data["villes"] = draw(st.lists(short_line(), min_size=1, max_size=3))
    if where == "abroad":
        data["pays"] = draw(short_line())
    if where == "site" or draw(st.booleans()):
        data["site"] = draw(URL)
    return data


@st.composite
def presence(draw: st.DrawFn, t: Texts) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for kind in ("communaute", "communaute_en_france"):
        if draw(st.booleans()):
            blocks.append(
                {
                    kind: draw(
                        st.one_of(community(t), st.lists(community(t), min_size=1, max_size=2))
                    )
                }
            )
    for kind in ("postes", "postes_en_france"):
        if draw(st.booleans()):
            blocks.append({kind: draw(st.lists(post(t), min_size=1, max_size=4))})
    if draw(st.booleans()):
        blocks.append({"texte": draw(t.prose())})
    return draw(st.permutations(blocks))


@st.composite
def visit(draw: st.DrawFn, t: Texts, key: str | None) -> dict[str, Any]:
    start = draw(st.dates(dt.date(1990, 1, 1), dt.date(2009, 12, 31)))
    data: dict[str, Any] = {
        "sens": draw(st.sampled_from(("vers_le_pays", "vers_la_france", "pays_tiers"))),
        "visiteurs": draw(parties(t)),
    }
    if key:
        data["cle"] = key
    span = draw(st.sampled_from(("day", "month", "days", "several")))
    data["date"] = start.isoformat()[:7] if span == "month" else start.isoformat()
    if span == "days":  # the same day, two days, or a span over months and years
        end = start + dt.timedelta(days=draw(st.sampled_from((0, 1, 3, 40, 400))))
        data["fin"] = end.isoformat()
    if span == "several":
        data["date"] = [start.isoformat()[:4], str(start.year - 1)]
    _optional(
        data, draw, "nature", st.sampled_from(("visite officielle", "entretien", "séjour privé"))
    )
    for key_ in ("accompagnateurs", "recu_par", "avec", "invite_par"):
        _optional(data, draw, key_, parties(t))
    _optional(data, draw, "lieu", short_line())
    _optional(data, draw, "occasion", t.line().map(lambda text: "le " + text))
    _optional(data, draw, "objet", t.line())
    _optional(data, draw, "texte", t.prose(("{quand}", "{visiteurs}", "{date}")))
    return data


@st.composite
def visits(draw: st.DrawFn, t: Texts) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    keys = iter(draw(st.lists(KEY, max_size=20, unique=True)))
    for _ in range(draw(st.integers(0, 2))):
        items = [draw(visit(t, next(keys, None))) for _ in range(draw(st.integers(1, 10)))]
        block: dict[str, Any] = {"visites": items}
        _optional(block, draw, "presentation", st.sampled_from(("liste", "tableau")))
        blocks.append(block)
    if draw(st.booleans()):
        blocks.insert(0, {"texte": draw(t.prose())})
    return blocks


@st.composite
def ambassador(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {"nom": draw(short_line())}
    _optional(data, draw, "civilite", st.sampled_from(("M.", "Mme", "Dr")))
    _optional(data, draw, "depuis", partial_date(1990, 2009))
    _optional(data, draw, "residence", short_line())
    return data


@st.composite
def ambassadors(draw: st.DrawFn, t: Texts) -> list[dict[str, Any]]:
    blocks = []
    for kind in ("ambassadeur_de_france", "ambassadeur_en_france"):
        if draw(st.booleans()):
            blocks.append({kind: draw(ambassador())})
    return blocks


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
def aid(draw: st.DrawFn, t: Texts) -> dict[str, Any]:
    data: dict[str, Any] = {"bailleur": draw(t.line(4))}
    _optional(data, draw, "programme", short_line())
    _optional(data, draw, "annee", st.integers(1990, 2009))
    parts = draw(st.lists(st.integers(1, 900), max_size=4))
    if parts:
        data["parts"] = [{"objet": draw(t.line(4)), "montant": f"{v} M EUR"} for v in parts]
    if not parts or draw(st.booleans()):
        extra = draw(st.integers(0 if parts else 1, 100))
        data["montant"] = f"{sum(parts) + extra} M EUR"
        if parts and extra:
            data["ventilation"] = "partielle"
    _optional(data, draw, "texte", t.prose(("{total}", "{bailleur}")))
    return data


@st.composite
def economy(draw: st.DrawFn, t: Texts) -> list[dict[str, Any]]:
    """1 to 6 years of trade (consecutive or not, in any order), products, sectors, aid."""
    count = draw(st.integers(1, 6))
    last = draw(st.integers(2000, 2010))
    if draw(st.booleans()):
        years = list(range(last - count + 1, last + 1))
    else:
        years = sorted({last, *draw(st.sets(st.integers(1990, last - 1), max_size=count - 1))})
    trade = [draw(trade_year(year)) for year in years]
    trade = draw(st.permutations(trade))
    if draw(st.booleans()):  # ranks the page does not date
        trade.append({"rang_investisseur_europeen": draw(st.integers(1, 30))})
    block: dict[str, Any] = {"echanges": trade}
    _optional(block, draw, "devise", st.sampled_from(("EUR", "USD", "CHF", "XOF", "KZT")))
    _optional(block, draw, "source", t.line())
    blocks: list[dict[str, Any]] = [block]
    by_year = {entry["annee"]: entry for entry in trade if "annee" in entry}
    products = []
    for key in draw(st.lists(KEY, max_size=3, unique=True)):
        flow = draw(st.sampled_from(("exportations", "importations")))
        values = {}
        for year in draw(st.sets(st.sampled_from(years), max_size=3)):
            total = by_year[year].get(flow)  # a part never exceeds its total
            share = draw(st.integers(0, 100)) / 100
            values[year] = round(total * share, 1) if total is not None else draw(amount())
        label = draw(short_line())
        product = {"cle": key, "libelle": label, "flux": flow}
        if values:
            product["valeurs"] = values
        products.append(product)
    if products:
        blocks.append({"produits": products})
    if draw(st.booleans()):
        blocks.append({"secteurs": draw(st.lists(short_line(), min_size=1, max_size=6))})
    if draw(st.booleans()):
        blocks.append({"aides": draw(st.lists(aid(t), min_size=1, max_size=2))})
    references = ("{annee}", *(f"{{produits.{p['cle']}.libelle}}" for p in products))
    if draw(st.booleans()):
        blocks.append({"texte": draw(t.prose(references))})
    return draw(st.permutations(blocks))


@st.composite
def cooperation(draw: st.DrawFn, t: Texts) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    if draw(st.booleans()):
        blocks.append({"texte": draw(t.prose())})
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
        blocks.append({"alliances_francaises": network})
    school_year = st.integers(1990, 2009).flatmap(
        lambda year: st.sampled_from((f"{year}", f"{year}-{year + 1}"))
    )
    institutes = []
    for _ in range(draw(st.integers(0, 3))):
        head = draw(st.sampled_from(("Institut", "Centre", "Université", "École")))
        institute: dict[str, Any] = {"nom": f"{head} {draw(t.line(5))}"}
        _optional(institute, draw, "sigle", short_line())
        if draw(st.booleans()):
            institute["creation"] = draw(partial_date(1950, 2000))
            _optional(institute, draw, "fondateurs", st.lists(t.line(4), min_size=1, max_size=3))
        if draw(st.booleans()):
            institute["inauguration"] = draw(partial_date(2001, 2009))
            _optional(institute, draw, "par", parties(t))
        _optional(institute, draw, "partenaires", st.lists(short_line(), max_size=4))
        _optional(institute, draw, "etudiants", st.integers(0, 50_000))
        _optional(institute, draw, "annee_etudiants", school_year)
        _optional(institute, draw, "texte", t.prose(("{nom}",)))
        institutes.append(institute)
    if institutes:
        blocks.append({"instituts": institutes})
    schools = []
    for _ in range(draw(st.integers(0, 2))):
        school: dict[str, Any] = {"nom": draw(t.line(5))}
        _optional(school, draw, "ville", short_line())
        _optional(school, draw, "eleves", st.integers(0, 5000))
        _optional(school, draw, "annee_eleves", school_year)
        _optional(school, draw, "texte", t.prose(("{nom}",)))
        schools.append(school)
    if schools:
        blocks.append({"etablissements_scolaires": schools})
    if draw(st.booleans()):
        programmes = []
        for _ in range(draw(st.integers(1, 4))):
            programme: dict[str, Any] = {"nom": draw(short_line())}
            _optional(programme, draw, "partenaire", t.line(5))
            programmes.append(programme)
        blocks.append({"bourses": programmes})
    return draw(st.permutations(blocks))


@st.composite
def free_body(draw: st.DrawFn, t: Texts) -> list[dict[str, Any]]:
    """Text, "Label : value" facts, a list and a table, each present or not, in any order."""
    blocks: list[dict[str, Any]] = []
    if draw(st.booleans()):
        blocks.append({"texte": draw(t.prose())})
    facts = st.fixed_dictionaries({"libelle": t.line(4), "valeur": t.line()})
    if draw(st.booleans()):
        blocks.append({"faits": draw(st.lists(facts, min_size=1, max_size=5))})
    if draw(st.booleans()):
        blocks.append({"liste": draw(st.lists(t.line(), min_size=1, max_size=6))})
    if draw(st.booleans()):
        width = draw(st.integers(1, 6))
        cell = t.line(6 // width + 1)
        row = st.lists(cell, min_size=width, max_size=width)
        table: dict[str, Any] = {"entetes": draw(row), "lignes": draw(st.lists(row, max_size=12))}
        _optional(table, draw, "titre", t.line())
        _optional(table, draw, "source", t.line())
        blocks.append({"tableau": table})
    return draw(st.permutations(blocks))


@st.composite
def extra_sections(draw: st.DrawFn, t: Texts) -> list[dict[str, Any]]:
    """Up to three extra sections with unique keys, each placed after a known section."""
    fresh = KEY.filter(lambda key: key not in STANDARD_SECTIONS)
    keys = draw(st.lists(fresh, max_size=3, unique=True))
    sections = []
    for key in keys:
        # Section titles are capped at 200 characters by the data format.
        title = draw(t.line(6).map(lambda text: text[:200].strip()).filter(bool))
        section = {"cle": key, "titre": title, "contenu": draw(free_body(t))}
        _optional(section, draw, "apres", st.sampled_from((*STANDARD_SECTIONS, *keys)))
        sections.append(section)
    return sections


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
    updated = draw(st.dates(dt.date(2011, 1, 1), dt.date.today()))  # never in the future
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


def build(
    data: dict[str, Any], folder: Path, name: str = "fiche.yaml"
) -> tuple[tree.Document, Path, Path]:
    """Dump, load, compose and render a fiche (a presentation when ``name`` says so);
    assert that loading found no error."""
    source = folder / name
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


def pdf_body_text(path: Path, meta: tree.Meta, charts: tuple[tree.Chart, ...] = ()) -> str:
    """The PDF's text, normalised, without the running header and footer of pages 2
    and up, nor a chart floated to the top of one of them, so that a paragraph broken
    across two pages reads as one."""
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
            text = _without_floated_chart(text, charts)
        texts.append(text)
    return " ".join(texts)


def _without_floated_chart(text: str, charts: tuple[tree.Chart, ...]) -> str:
    # A chart too tall for the rest of its page floats to the top of the next one, where
    # the text that follows it in the tree goes on: cut the chart out (title to source,
    # or to its last series' name) so that a paragraph interrupted by it reads whole.
    for chart in charts:
        title = normalize(chart.title)
        if text.startswith(title):
            # the source (or the last series' name) may be broken over lines
            last = _flexible(normalize(chart.source or chart.series[-1].name))
            end = re.compile(last).search(text, len(title))
            if end:
                return text[end.end() :].lstrip()
    return text


def _flexible(text: str) -> str:
    """A pattern for ``text`` as extracted: a word wider than the line is broken by
    ReportLab without a hyphen, so a line end (and the tagged PDF's line-end space) may
    come inside a word."""
    words = (r"\s{0,2}".join(re.escape(char) for char in word) for word in text.split(" "))
    return r"\s".join(words)


def _charts(sections: tuple[tree.Section, ...]) -> tuple[tree.Chart, ...]:
    found: list[tree.Chart] = []
    for section in sections:
        for child in section.children:
            if isinstance(child, tree.Chart):
                found.append(child)
            elif isinstance(child, tree.Section):
                found += _charts((child,))
    return tuple(found)


def in_pdf(text: str, pdf: str) -> bool:
    """True when ``text`` is in the PDF's extracted text. A word wider than the line is
    broken by ReportLab without a hyphen: the extractor then has a line end in it (and the
    space the tagged PDF puts at each line end, so that words are read apart)."""
    text = normalize(text)
    return text in pdf or re.search(_flexible(text), pdf) is not None


def cell_in_pdf(cell: str, tokens: set[str]) -> bool:
    """True when every word of a table cell is a word of the PDF's extracted text.

    A word too wide for its column is hyphenated (or, with no hyphenation point, broken)
    over lines, and the extractor may put a neighbouring cell's lines between them: such a
    word may come in pieces, each a word of the extracted text (less its hyphen, or the
    soft hyphen the tagged PDF draws for a hyphen that hyphenation added)."""
    tokens = tokens | {t[:-1] for t in tokens if t.endswith(("-", "\u00ad")) and len(t) > 1}
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
    # a paragraph interrupted by a floated chart reads whole without the chart
    unfloated = pdf_body_text(pdf_path, document.meta, _charts(document.sections))
    tokens = set(pdf.split(" "))
    meta = document.meta
    running = [meta.country, meta.kind, meta.date_label]
    cells: list[str] = []
    for section in document.sections:
        more_running, more_cells = tree_texts(section)
        running += more_running
        cells += more_cells
    for text in running:
        assert in_pdf(text, pdf) or in_pdf(text, unfloated), f"PDF lacks: {text!r}"
        assert normalize(text) in docx_all, f"DOCX lacks: {text!r}"
    for cell in cells:
        assert cell_in_pdf(cell, tokens), f"PDF lacks cell: {cell!r}"
        assert normalize(cell) in docx_all, f"DOCX lacks cell: {cell!r}"


# --- properties -------------------------------------------------------------------------------


# Found by the property below (CI, 26 November 2026): the trade chart, too tall for the
# rest of its page, floats to the top of the next one, in the middle of the long aid
# text that follows it in the tree.
FLOATED_CHART_CASE = {
    "pays": {"nom": "0", "code": "AA", "au": "0", "du": "0", "le": "0", "adjectif": "0"},
    "document": {
        "mise_a_jour": "2011-01-01",
        "service": "ҒӨү - қ ү…",
        "auteur": "<ұі Ðbӟmȹ Ĺԋî\u2009үҮ{іӘң қ-Ө<ұҰ ĥӡ4p³¥Ċ",
    },
    "relations_politiques": [{"relations_diplomatiques": "1955-10-24"}, {"texte": "&ҚӘҮҒ<"}],
    "ambassadeurs": [{"ambassadeur_de_france": {"nom": "æĄHĀ·+", "depuis": "2000-10-24"}}],
    "relations_economiques": [
        {
            "echanges": [
                {"annee": 2009, "exportations": 236, "importations": 1033, "part_de_marche": 20.7}
            ],
            "source": "]Ḡįh \"ғ'ә'…",
        },
        {
            "produits": [
                {
                    "cle": "igvvxaze",
                    "libelle": "'a´ŁĢЏ÷VǏ« Ṡ",
                    "flux": "exportations",
                    "valeurs": {2009: 47.2},
                }
            ]
        },
        {"secteurs": ["12Гļ(ǮУĔóÜ ęÕċ h`ÝÔ"]},
        {
            "aides": [
                {
                    "bailleur": "=Ĩ»ĭÔ Ұ—}–Ғ =ýzğ¡üÜē =£ỏ:®ğĊe~:",
                    "programme": "Kϔ#]8",
                    "parts": [{"objet": "ẋЇěãzαċ|:Á", "montant": "89 M EUR"}],
                    "montant": "89 M EUR",
                    "texte": (
                        "į%ïńĬā £ĩ#ęs 0 ^\n\n"
                        + "21Û?_þΕ«¯Ý" * 8
                        + " "
                        + "Ē'â=dɋD" * 28
                        + "Ē'â= 0 0 0 "
                        + "ӥȧYÎĺÄ±Iӻ+" * 20
                    ),
                }
            ]
        },
        {"texte": "0"},
    ],
    "autres_cooperations": [{"liste": ["0"]}],
    "informations_complementaires": [{"titre": "0", "url": "https://www.diplomatie.gouv.fr/"}],
}


def test_a_paragraph_interrupted_by_a_floated_chart_reads_whole(folder: Path) -> None:
    check_parity(*build(FLOATED_CHART_CASE, folder))


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
    data["autres_cooperations"] = [{"texte": "Un texte."}]
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
        "relations_politiques": [{"texte": "Un texte."}],
        "sections_supplementaires": [
            {
                "cle": "defense",
                "titre": "Défense",
                "contenu": [{"texte": "Une coopération ancienne."}],
            }
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
    data = {**_BASE, "autres_cooperations": [{"tableau": {"entetes": header, "lignes": rows}}]}
    check_parity(*build(data, folder))
    points = column_points(481.9, (6.0, *([50.0] * 8)))
    assert min(points) >= 28 and sum(points) == pytest.approx(481.9)
    assert column_points(481.9, (1.0, 2.0)) == pytest.approx([481.9 / 3, 481.9 * 2 / 3])
