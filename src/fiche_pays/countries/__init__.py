"""The French forms of every State's name: "le Bénin", "au Bénin", "du Bénin", "béninois".

The forms are package data (``pays.tsv``), written out in full and reviewed by hand: no
rule guesses an article at run time. Names are looked up by the ministry's name, the
ISO code, Babel's (CLDR) French and English names, or another name in use
(``variantes.tsv``: « République tchèque » is the ministry's name, « Tchéquie » a variant
with its own forms), without regard to case, accents or apostrophes; an unknown name
gets the nearest known ones.
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class CountryForms:
    """A State's name and the forms French prose needs."""

    code: str
    name: str
    the: str  # "le Bénin", "l'Arménie", "les Tonga", "Cuba"
    in_: str  # "au Bénin", "en Arménie", "aux Tonga", "à Cuba"
    of: str  # "du Bénin", "de l'Arménie", "des Tonga", "de Cuba"
    of_bare: str  # "du Bénin", "d'Arménie": without the article French drops here
    adjective: str  # "béninois" ("" where usage has none)
    adjective_feminine: str


class UnknownCountry(LookupError):
    """A country name not in the table; ``suggestions`` holds the nearest known names."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = (
            f" ; vouliez-vous dire {' ou '.join(f'« {s} »' for s in suggestions)} ?"
            if suggestions
            else " (nom français usuel, ou code ISO à deux lettres : BJ, KZ…)"
        )
        super().__init__(f"pays « {name} » inconnu{hint}")


@functools.lru_cache(maxsize=4096)  # every place of a fiche is compared with its country
def plain(text: str) -> str:
    """A name reduced for lookup: no case, accents, apostrophes or hyphens."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[’'`\-‐‑–]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _read(name: str) -> tuple[CountryForms, ...]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t"))
    return tuple(CountryForms(*row) for row in rows[1:])


@functools.cache
def table() -> tuple[CountryForms, ...]:
    """Every State of the table, in code order, under the ministry's usual name."""
    return _read("pays.tsv")


@functools.cache
def variants() -> tuple[CountryForms, ...]:
    """Other names in use of States of the table (« Palestine », « Vatican »,
    « Tchéquie »), each with its own forms: a name looked up is kept as written."""
    return _read("variantes.tsv")


@functools.cache
def _aliases() -> dict[str, CountryForms]:
    from babel import Locale

    french, english = Locale("fr").territories, Locale("en").territories
    found: dict[str, CountryForms] = {}
    for country in table():
        names = [
            country.code,
            country.name,
            country.the,
            french.get(country.code, ""),
            english.get(country.code, ""),
        ]
        for name in names:
            if name:
                found.setdefault(plain(name), country)
    for variant in variants():  # its own forms: « new Palestine » writes « en Palestine »
        found[plain(variant.name)] = variant
        found.setdefault(plain(variant.the), variant)
    return found


def by_code(code: str) -> CountryForms | None:
    """The State with this ISO 3166-1 alpha-2 code, if the table has it."""
    return next((c for c in table() if c.code == code.upper()), None)


def find(name: str) -> CountryForms:
    """The State named ``name`` (any usual spelling, or its code); raise
    :class:`UnknownCountry` with the nearest names otherwise."""
    aliases = _aliases()
    key = plain(name)
    if key in aliases:
        return aliases[key]
    close = difflib.get_close_matches(key, list(aliases), n=6, cutoff=0.6)
    suggestions = list(dict.fromkeys(aliases[c].name for c in close))[:3]
    raise UnknownCountry(name, suggestions)


def lookup(name: str) -> CountryForms | None:
    """The State named ``name``, or None (no suggestion)."""
    return _aliases().get(plain(name))
