"""Counts and amounts as pages write them: "3 900", "2040", "environ 30 000",
"près de 900", "80.500 €", "4,9 M EUR", "15,2 millions d'euros", "9,4 Mds $".

Numbers are parsed with Babel's French and English number rules, after the page's
thousands separators (space, no-break space, dot before three digits) are taken out.
"""

from __future__ import annotations

import re

from babel.numbers import NumberFormatError, parse_decimal

APPROX = ("environ", "près de", "plus de", "moins de", "quelque", "about", "nearly", "over")
_APPROX_FR = {"quelque": "environ", "about": "environ", "nearly": "près de", "over": "plus de"}
_COUNT = re.compile(
    r"(?P<approx>(?:environ|près de|plus de|moins de|quelque|about|nearly|over)\s+)?"
    r"(?P<n>\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?![,.]?\d)",
    re.I,
)


def parse_number(text: str, locale: str = "fr") -> float | None:
    """A number written the French way ("4,9", "80.500", "2 150"), or the English way."""
    cleaned = re.sub(r"[ \u00a0\u202f]", "", text.strip())
    if locale == "fr" and re.fullmatch(r"\d{1,3}(\.\d{3})+", cleaned):
        cleaned = cleaned.replace(".", "")
    try:
        return float(parse_decimal(cleaned, locale=locale, strict=False))
    except (NumberFormatError, ValueError):
        return None


def count(text: str) -> tuple[str | None, int] | None:
    """("environ", 30000) for "environ 30 000"; (None, 616) for "616"."""
    match = _COUNT.fullmatch(text.strip())
    if not match:
        return None
    value = int(re.sub(r"\D", "", match.group("n")))
    approx = (match.group("approx") or "").strip().casefold() or None
    return (_APPROX_FR.get(approx, approx) if approx else None), value


def approx_count(approx: str | None, value: int) -> int | str:
    """The data format's count: 616, or "environ 30000"."""
    return f"{approx} {value}" if approx else value


_SCALE = {
    "m": "M", "millions": "M", "million": "M", "md": "Md", "mds": "Md", "milliard": "Md",
    "milliards": "Md", "billion": "Md", "bn": "Md",
}  # fmt: skip
_CURRENCY = {"€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR", "$": "USD", "usd": "USD",
             "dollars": "USD", "dollar": "USD"}  # fmt: skip
_AMOUNT = re.compile(
    r"(?P<pre>€|\$)?\s?(?P<n>\d[\d \u00a0\u202f.,]*\d|\d)\s?"
    r"(?P<scale>M|Mds?|Md|millions?|milliards?|billion|bn)?\s?(?:d['’]\s?)?"
    r"(?P<cur>€|EUR|USD|\$|euros?|dollars?)?",
)


def amount(text: str, locale: str = "fr") -> tuple[float, str | None, str] | None:
    """(4.9, "M", "EUR") for "4,9 M EUR", "4,9 M €", "€4.9 million"; None without a currency."""
    match = _AMOUNT.fullmatch(text.strip())
    if not match or not (match.group("pre") or match.group("cur")):
        return None
    value = parse_number(match.group("n"), locale)
    if value is None:
        return None
    scale = _SCALE.get((match.group("scale") or "").casefold())
    currency = _CURRENCY[(match.group("pre") or match.group("cur")).casefold()]
    return value, scale, currency
