"""Aid programmes told in a paragraph: a donor (« l'Union européenne », « le Fonds
Pacifique »), an optional programme and period (« 11e FED (2014-2020) »), an envelope
(« une enveloppe de 372 M EUR ») and its parts, each an object with its amount in
brackets (« la gouvernance (184 M EUR) », « d'accroissement des énergies renouvelables
(18.000€) »). The paragraph stays the record's text, word for word.
"""

from __future__ import annotations

import re

from .numbers import amount
from .recognition import Recognised

_DONORS = (
    ("Union européenne", re.compile(r"\bl[’']Union européenne\b|\bl[’']UE\b")),
    ("Fonds Pacifique", re.compile(r"\bFonds Pacifique\b")),
    ("AFD", re.compile(r"\bAgence française de développement\b|\bAFD\b", re.I)),
)
_PART = re.compile(r"(?P<before>[^(),;]{3,160}?)\s\((?P<amount>[^()]{1,40})\)")
# What introduces a part's object: a lead-in (cut after its last occurrence), else the
# first preposition of the phrase.
_LEAD = re.compile(r"(?:aux secteurs (?:de la|du|des|de l[’'])|un projet (?:de|d[’']))\s?")
_PREPOSITION = re.compile(r"^(?:et\s+)?(?:de la|du|des|de l[’']|d[’']|de)\s?")
_TOTAL = re.compile(
    r"enveloppe (?:globale )?de (?P<amount>\d[\d \u00a0.,]*\s?(?:M|Md|Mds)?\s?(?:EUR|€))"
)


def money(text: str) -> str | None:
    """« 372 M EUR », « 80 500 EUR » for what a page writes (« 80.500 € »)."""
    found = amount(text.strip())
    if found is None:
        return None
    value, scale, currency = found
    if scale is None and value >= 10_000:
        number = f"{int(value):,}".replace(",", " ") if value == int(value) else None
    else:
        number = f"{value:g}".replace(".", ",")
    return f"{number} {scale} {currency}" if scale else f"{number} {currency}" if number else None


def aid(paragraph: str) -> Recognised | None:
    """An aid programme with at least two parts with amounts, or None."""
    donor = next((name for name, pattern in _DONORS if pattern.search(paragraph)), None)
    if donor is None:
        return None
    parts = []
    for match in _PART.finditer(paragraph):
        label = re.sub(r"\s*–\s*", " ", match.group("amount"))
        words = label.split()
        acronym = words[0] if len(words) > 1 and words[0].isupper() else None
        value = money(" ".join(words[1:]) if acronym else label)
        if value is None:
            continue
        before = match.group("before")
        leads = list(_LEAD.finditer(before))
        if leads:
            item = before[leads[-1].end() :]
        else:
            head = _PREPOSITION.match(before.strip())
            if head is None:
                continue
            item = before.strip()[head.end() :]
        item = item.strip()
        if acronym:
            item += f" ({acronym})"
        parts.append({"cle": _key(item, parts), "objet": item, "montant": value})
    if len(parts) < 2:
        return None
    record: dict = {"bailleur": donor}
    programme = re.search(r"\b(\d+e FED)\b", paragraph)
    if programme:
        record["programme"] = programme.group(1)
    period = re.search(r"\((\d{4})\s?[-–]\s?(\d{4})\)", paragraph)
    year = re.search(r"\bEn (\d{4}),", paragraph)
    if period:
        record["periode"] = f"{period.group(1)}-{period.group(2)}"
    elif year:
        record["annee"] = int(year.group(1))
    total = _TOTAL.search(paragraph)
    checks = []
    if total and money(total.group("amount")):
        record["montant"] = money(total.group("amount"))
        record["ventilation"] = "partielle"
        checks.append(
            "« ventilation: partielle » : la page ne dit pas si les parts font tout le montant"
        )
    record["parts"] = parts
    return Recognised("aides", record, f"aide : {donor}", checks)


def _key(text: str, taken: list[dict]) -> str:
    words = re.findall(r"[a-zà-ÿ]{4,}", text.casefold())
    key = "_".join(words[:2]) or "part"
    key = re.sub(r"[^a-z_]", lambda m: {"é": "e", "è": "e", "ê": "e", "à": "a", "ç": "c"}.get(
        m.group(0), ""), key)  # fmt: skip
    keys = {p["cle"] for p in taken}
    base, n = key, 2
    while key in keys:
        key, n = f"{base}_{n}", n + 1
    return key
