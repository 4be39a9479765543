"""Dated events named inside the page's sentences: « L'antenne diplomatique française au
Tadjikistan, ouverte en octobre 2001, … », « le Tadjikistan a ouvert une ambassade à Paris
en septembre 2013 ». Each becomes an `evenements` record (date, and what happened as a
noun phrase: « ouverture de l'antenne diplomatique française au Tadjikistan »), and the
sentence cites its date (``{evenements.antenne_2001.quand}``), so that the words stay
the page's and the date is a field. Only dates to the month or the day: a bare year in
a sentence is too often a comment (« depuis 2009 »).
"""

from __future__ import annotations

import re

from .. import french
from .citations import Cited
from .dates import find_dates
from .recognition import Recognised

# Participle or verb → the noun that names the event.
_NOUNS = {
    "ouvert": "ouverture", "créé": "création", "fermé": "fermeture",
    "inauguré": "inauguration", "lancé": "lancement", "transformé": "transformation",
}  # fmt: skip
_VERB = "|".join(_NOUNS)
_WHEN = r"(?P<when>en (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|" \
    r"novembre|décembre) \d{4}|le \d{1,2}(?:er)? \w+ \d{4})"  # fmt: skip
_APPOSED = re.compile(
    r"(?P<np>\b(?:L[ae] |Les |L[’'])[^,;.]{3,120}?), (?P<verb>" + _VERB + r")e?s? " + _WHEN
)
_ACTIVE = re.compile(
    r"\ba (?P<verb>" + _VERB + r") (?P<np>(?:une?|la|le|les|l[’'])\s?[^,;.]{3,120}?) " + _WHEN
)


def events(text: str, taken: set[str]) -> list[Cited]:
    """The events of a text, each with the text citing its date."""
    found = []
    for pattern in (_APPOSED, _ACTIVE):
        position = 0
        while match := pattern.search(text, position):
            position = match.end()
            dates = find_dates(match.group("when"))
            if len(dates) != 1 or dates[0].end:
                continue
            np = match.group("np").strip()
            np = np[:1].lower() + np[1:] if np[:2] in ("La", "Le", "Le") or np[:3] == "Les" else np
            np = "l'" + np[2:] if np[:2] in ("L’", "L'") else np
            what = _NOUNS[match.group("verb")] + " " + french.of(np).replace("’", "'")
            key = _key(what, dates[0].start, taken)
            taken.add(key)
            citation = "{evenements." + key + ".quand}"
            start, end = match.span("when")
            text = text[:start] + citation + text[end:]
            position = start + len(citation)
            record = {"cle": key, "date": dates[0].start, "quoi": what}
            found.append(
                Cited(
                    Recognised(
                        "evenements",
                        record,
                        f"événement : {what} ({dates[0].text})",
                        ["« quoi » formé d'après la phrase de la page : relisez-le"],
                    ),
                    text,
                    {citation: match.group("when")},
                )
            )
    return found


def _key(what: str, date: str, taken: set[str]) -> str:
    words = re.findall(r"[a-z]{4,}", french_ascii(what))
    key = "_".join([*words[:2], date[:4]])
    base, n = key, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def french_ascii(text: str) -> str:
    """Lower-case letters without accents, for keys."""
    import unicodedata

    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))
