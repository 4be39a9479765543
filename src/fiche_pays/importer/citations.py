"""Facts named inside the page's own sentences: diplomatic relations, agreements, trade.

The sentence stays the page's; the fact becomes a field and the sentence cites it
(``{relations_diplomatiques.quand}``), so that the fiche states it once. A citation
replaces the page's words only when the fiche would word the field the same way
(compared as :func:`~fiche_pays.importer.sentences.comparable` does); otherwise the
words stay and the field is filled beside them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .. import french
from ..partialdate import PartialDate
from .dates import find_dates
from .numbers import amount
from .recognition import Recognised
from .sentences import comparable


@dataclass
class Cited:
    """A fact found in a sentence: its block, and the sentence rewritten to cite it."""

    recognised: Recognised
    text: str  # the sentence with the citation in place of the page's words
    words: dict[str, str] | None = None  # citation → the page's words it stands for


_RELATIONS = re.compile(
    r"(?:ont établi|ont noué|ont instauré|established) (?:leurs |des )?(?:relations diplomatiques|"
    r"diplomatic relations) (?P<when>(?:en|le|in|on) [^,.;()]+?)(?=[,.;()]| au | à | depuis |$)",
    re.I,
)


def diplomatic_relations(sentence: str) -> Cited | None:
    """« La France et le Tadjikistan ont établi leurs relations diplomatiques en mars 1992 »."""
    match = _RELATIONS.search(sentence)
    if not match:
        return None
    dates = find_dates(match.group("when"))
    if len(dates) != 1 or dates[0].end:
        return None
    date = PartialDate.parse(dates[0].start)
    recognised = Recognised(
        "relations_diplomatiques",
        {"_": dates[0].start},
        f"relations diplomatiques : {dates[0].text}",
    )
    text = sentence
    words = {}
    if comparable(date.when()) == comparable(match.group("when")):
        text = (
            sentence[: match.start("when")]
            + "{relations_diplomatiques.quand}"
            + sentence[match.end("when") :]
        )
        words["{relations_diplomatiques.quand}"] = match.group("when")
    return Cited(recognised, text, words)


_HEADS = {
    "accord": "m", "accords": "m", "traité": "m", "traite": "m", "protocole": "m",
    "mémorandum": "m",
    "arrangement": "m", "avenant": "m", "pacte": "m", "convention": "f", "déclaration": "f",
    "charte": "f", "feuille": "f", "lettre": "f", "entente": "f",
}  # fmt: skip
_AGREEMENT = re.compile(
    r"(?P<title>(?:[Ll][’']|[Uu]ne? |[Ll]es? |[Ll]a )?(?:[Aa]ccords?|[Tt]rait[ée]|[Cc]onvention|"
    r"[Dd]éclaration conjointe|[Pp]rotocole|[Mm]émorandum|[Aa]rrangement|[Cc]harte)"
    r"(?: [^,.;()]{0,90}?)?)"
    r",? (?P<verb>du|(?:a été |ont été |avait été )?"
    r"(?P<step>signée?s?|conclue?s?|adoptée?s?|ratifiée?s?)"
    r" (?:le |en |l[’']an )?)\s*(?P<date>[^,.;()]+?)(?=[,.;()]| et | a | ont | pour |$)",
)
_STEP = {"sign": "signature", "concl": "signature", "adopt": "adoption", "ratif": "ratification"}


def agreements(sentence: str, taken: set[str]) -> list[Cited]:
    """Agreements with their date: « un Traité d'entente et de coopération a été signé le
    12 mars 1993 », « l'accord du 8 décembre 2001 », « traité d'amitié … du 22 octobre 1953 »."""
    found = []
    text = sentence
    words: dict[str, str] = {}
    for match in _AGREEMENT.finditer(sentence):
        dates = find_dates(match.group("date"))
        if len(dates) != 1 or dates[0].end or dates[0].text.strip() != match.group("date").strip():
            continue
        title = re.sub(r"^(?:[Ll][’']|[Uu]ne? |[Ll]es? |[Ll]a )", "", match.group("title")).strip()
        head = title.split()[0].casefold()
        step = "signature"
        if match.group("step"):
            step = next(v for k, v in _STEP.items() if match.group("step").startswith(k))
        key = _key(title, dates[0].start, taken)
        record = {"cle": key, "titre": title[:1].lower() + title[1:], step: dates[0].start}
        checks = []
        if len(title.split()) == 1:
            checks.append("la page ne donne pas le titre de l'accord : complétez « titre »")
        if head not in _HEADS:
            record["genre"] = "masculin"
        date = PartialDate.parse(dates[0].start)
        if comparable(date.text()) == comparable(match.group("date")):
            citation = "{accords." + key + "." + step + "}"
            words[citation] = match.group("date")
            text = text.replace(
                match.group(0), match.group(0)[: match.start("date") - match.start()] + citation, 1
            )
        found.append(Recognised("accords", record, f"accord : {title} ({dates[0].text})", checks))
    if not found:
        return []
    return [Cited(r, text, words) for r in found[:1]] + [Cited(r, "") for r in found[1:]]


def _key(title: str, date: str, taken: set[str]) -> str:
    plain = unicodedata.normalize("NFKD", title)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    words = [
        w
        for w in re.findall(r"[a-z0-9]+", plain)
        if w not in ("de", "d", "l", "la", "le", "et", "du", "des")
    ]
    base = "_".join(words[:3])[:30] + "_" + date[:4]
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    taken.add(key)
    return key


_EXPORTS = re.compile(
    r"(?:la France a exporté|les exportations françaises "
    r"(?:se sont élevées|s[’']élevaient|ont atteint|"
    r"ont représenté)(?: à)?|nos exportations (?:se sont élevées|ont atteint)(?: à)?)\s+"
    r"(?P<amount>[\d ,.]+\s?(?:M|Md|Mds|millions? d[’']|milliards? d[’'])\s?(?:EUR|€|euros|USD|\$))"
    r"[^.]*? en (?P<year>(?:19|20)\d\d)",
    re.I,
)
_IMPORTS = re.compile(
    r"importations (?:françaises|de la France)[^.]*?\(?(?P<amount>[\d ,.]+\s?(?:M|Md|Mds)\s?"
    r"(?:EUR|€|USD|\$))\s+en (?P<year>(?:19|20)\d\d)",
    re.I,
)


def trade(sentence: str) -> list[Cited]:
    """French exports and imports of a year, in the page's sentence."""
    found = []
    text = sentence
    words: dict[str, str] = {}
    for pattern, field in ((_EXPORTS, "exportations"), (_IMPORTS, "importations")):
        match = pattern.search(sentence)
        if not match:
            continue
        parsed = amount(
            match.group("amount").replace("millions d’", "M ").replace("millions d'", "M ")
        )
        if parsed is None or parsed[2] != "EUR":
            continue
        value, scale, _ = parsed
        millions = value * 1000 if scale == "Md" else value if scale == "M" else value / 1e6
        year = int(match.group("year"))
        record = {"annee": year, field: round(millions, 3)}
        worded = french.amount(millions, "EUR")
        if comparable(worded) == comparable(match.group("amount")):
            text = text.replace(match.group("amount"), "{" + f"{field}.{year}" + "}", 1)
            words["{" + f"{field}.{year}" + "}"] = match.group("amount")
        found.append(
            Cited(
                Recognised(
                    "echanges", record, f"{field} françaises {year} : {match.group('amount')}"
                ),
                text,
                words,
            )
        )
    if len(found) == 2:
        found[0].text = ""
        found[1].recognised.record = {**found[0].recognised.record, **found[1].recognised.record}
        found = found[1:]
    return found
