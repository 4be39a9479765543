"""Which country a page is about, and the French forms its data file needs.

The country is read from the page's address ("/dossiers-pays/benin/"), its title
("Présentation du Bénin", "La France et le Royaume des Tonga", "France and Tonga") or
its text. The forms (le, au, du, adjectives) come from the project's table of countries
when it has one (``fiche_pays/countries/pays.tsv``); otherwise Babel gives the name and
ISO code, the forms are derived by rule and marked for checking, and the adjective is
taken from the page when it uses one ("la communauté béninoise", "le président mongol").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from babel import Locale


@dataclass
class Country:
    """The `pays` block of a data file, and what should be checked in it."""

    fields: dict
    checks: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.fields["nom"]

    @property
    def names(self) -> tuple[str, ...]:
        """The ways a page names the country (« Tonga », « Tonga » in English…)."""
        return (self.fields["nom"],)


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return re.sub(
        r"[^a-z]+", " ", "".join(c for c in text if not unicodedata.combining(c)).casefold()
    ).strip()


@cache
def _table() -> dict[str, dict]:
    """code → row of the project's country table (:mod:`fiche_pays.countries`)."""
    from .. import countries

    return {c.code: _row(c) for c in countries.table()}


def _row(c: Any) -> dict:
    """A row of the countries table as the `pays` block writes it."""
    return {
        "code": c.code,
        "nom": c.name,
        "le": c.the,
        "au": c.in_,
        "du": c.of,
        "de": c.of_bare,
        "adjectif": c.adjective,
        "adjectif_feminin": c.adjective_feminine,
    }


@cache
def _names() -> dict[str, str]:
    """plain name (French or English, as Babel and the table give them) → ISO code."""
    names: dict[str, str] = {}
    for locale in ("en", "fr"):
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha():
                names[_plain(name)] = code
    for code, row in _table().items():
        names[_plain(row["nom"])] = code
    names.update({"tajikistan": "TJ", "royaume des tonga": "TO", "kingdom of tonga": "TO"})
    return names


_FROM_URL = re.compile(r"/(?:dossiers-pays|country-files|pays-zones-geo_\d+)/([a-z-]+?)(?:_\d+)?/")
_FROM_TITLE = re.compile(
    r"^(?:Présentation (?:du|de la|de l[’']|des) |La France et (?:le |la |l[’']|les )?|"
    r"France and (?:the )?)(?P<name>.+)$",
    re.I,
)


def find_country(
    url: str | None, titles: list[str], text: str, names: list[str] | None = None
) -> Country | None:
    """The page's country, or None when nothing names it; ``names``: titles that are the
    country's name alone when they name one (a Word fiche's title: « Bénin »)."""
    candidates: list[str] = list(names or [])
    if url:
        found = _FROM_URL.search(url)
        if found:
            candidates.append(found.group(1).replace("-", " "))
    for title in titles:
        match = _FROM_TITLE.match(title.strip())
        if match:
            candidates.append(match.group("name"))
    from .. import countries

    for candidate in candidates:
        known = countries.lookup(candidate)  # a variant keeps its name: « Palestine »
        if known is not None:
            return _country(known.code, text, known)
        code = _names().get(_plain(candidate))
        if code:
            return _country(code, text)
    return None


def _country(code: str, text: str, known: object = None) -> Country:
    row = _row(known) if known is not None else _table().get(code)
    if row:
        fields = {
            k: row[k]
            for k in ("nom", "code", "au", "du", "le", "adjectif", "adjectif_feminin")
            if row[k]  # the Saint-Siège has no adjective
        }
        return Country(fields)
    name = Locale.parse("fr").territories[code]
    name = {"Tadjikistan": "Tadjikistan", "Laos": "Laos"}.get(name, name)
    forms = _forms(name)
    adjective = _adjective(name, text)
    checks = [
        "formes du nom du pays (le, au, du) déduites par règle : vérifiez-les",
    ]
    fields = {"nom": name, "code": code, **forms}
    if adjective:
        fields["adjectif"], fields["adjectif_feminin"] = adjective
    else:
        fields["adjectif"] = _plain(name).split()[0] + "ien"
        fields["adjectif_feminin"] = fields["adjectif"] + "ne"
        checks.append("adjectif inventé faute de mieux : corrigez-le")
    return Country(fields, checks)


_PLURAL = {
    "Tonga",
    "Philippines",
    "Comores",
    "Seychelles",
    "Maldives",
    "Bahamas",
    "Fidji",
    "Pays-Bas",
    "États-Unis",
}
_MASCULINE_IN_E = {"Mozambique", "Cambodge", "Mexique", "Zimbabwe", "Belize", "Suriname"}


def _forms(name: str) -> dict:
    if name in _PLURAL:
        return {"au": f"aux {name}", "du": f"des {name}", "le": f"les {name}"}
    vowel = _plain(name)[:1] in "aeiouy"
    feminine = name.endswith("e") and name not in _MASCULINE_IN_E
    if vowel:
        return {"au": f"en {name}", "du": f"de l'{name}", "le": f"l'{name}"}
    if feminine:
        return {"au": f"en {name}", "du": f"de la {name}", "le": f"la {name}"}
    return {"au": f"au {name}", "du": f"du {name}", "le": f"le {name}"}


def _adjective(name: str, text: str) -> tuple[str, str] | None:
    """The country's adjective as the page uses it, when the page uses one."""
    stem = _plain(name)[:3]
    counts: dict[str, int] = {}
    for word in re.findall(
        r"\b([a-zà-ÿ]{4,}(?:ien|ienne|ais|aise|ois|oise|ol|ole|an|ane|ain|aine|ique|ik|ike|in|ine))\b",
        text,
    ):
        if _plain(word).startswith(stem):
            counts[word] = counts.get(word, 0) + 1
    if not counts:
        return None
    masculine = [w for w in counts if not w.endswith("e") or w.endswith("ique")]
    feminine = [w for w in counts if w.endswith("e")]
    if masculine:
        male = max(masculine, key=counts.__getitem__)
    else:
        male = re.sub(
            r"(ienne|aise|oise|ole|ane|aine|ine|ike)$",
            lambda m: {
                "ienne": "ien",
                "aise": "ais",
                "oise": "ois",
                "ole": "ol",
                "ane": "an",
                "aine": "ain",
                "ine": "in",
                "ike": "ik",
            }[m.group(1)],
            feminine[0],
        )
    female = next((w for w in feminine if w.startswith(male)), None) or _feminine(male)
    return male, female


def _feminine(male: str) -> str:
    if male.endswith("ien"):
        return male + "ne"
    if male.endswith(("ique", "e")):
        return male
    return male + "e"
