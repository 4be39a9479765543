"""French wording of dates, numbers and amounts, and French typography.

Babel's CLDR data does the locale work (month names, grouping with a narrow no-break
space, decimal comma); this module adds what CLDR lacks: "1er", date ranges, ordinals,
amounts scaled to M/Md, and the spacing rules of French punctuation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

LOCALE = "fr_FR"
NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space: thousands, and before ; ! ?
MINUS = "\u2212"  # the minus sign of negative figures (not the hyphen-minus)


@lru_cache(maxsize=1)
def _locale() -> Any:
    # Babel is imported on first use (a build with nothing to do never needs it: ~30 ms of
    # start-up), and the locale parsed once (Babel would parse its name on every call).
    from babel import Locale

    return Locale.parse(LOCALE)


def _babel_date(value: dt.date, pattern: str) -> str:
    from babel.dates import format_date

    return format_date(value, pattern, locale=_locale())


def _babel_decimal(value: float, pattern: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, format=pattern, locale=_locale())


_SMALL_NUMBERS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
    "vingt",
]


@dataclass(frozen=True, slots=True)
class Units:
    """How amounts are worded; a template setting ("M EUR" or "M€", say)."""

    million: str = "M"
    billion: str = "Md"
    currency: dict[str, str] | None = None  # e.g. {"EUR": "€"}; default: the ISO code

    def currency_label(self, code: str) -> str:
        """The label printed for an ISO 4217 currency code."""
        return (self.currency or {}).get(code, code)


@lru_cache(maxsize=4096)
def day_month_year(day: int, month: int, year: int) -> str:
    """A full date: "5 mai 2021", "1er mai 2021"."""
    text = _babel_date(dt.date(year, month, day), "d MMMM y")
    return _first_of_month(text, day)


@lru_cache(maxsize=4096)  # Babel's formatting is slow, and dates recur
def month_year(month: int, year: int) -> str:
    """A month: "juin 2008"."""
    return _babel_date(dt.date(year, month, 1), "MMMM y")


@lru_cache(maxsize=4096)
def _day_month(day: int, month: int, year: int) -> str:
    """ "5 mai", "1er mai" (of that year: a 29 February exists in some only)."""
    return _first_of_month(_babel_date(dt.date(year, month, day), "d MMMM"), day)


def _first_of_month(text: str, day: int) -> str:
    # CLDR writes "1 mai"; French writes "1er mai".
    return "1er" + text[1:] if day == 1 else text


def _day(day: int) -> str:
    return "1er" if day == 1 else str(day)


def date_range(start: dt.date, end: dt.date) -> str:
    """A span of days: "4 et 5 décembre 2014", "du 4 au 6 novembre 2015"."""
    if start == end:
        return day_month_year(start.day, start.month, start.year)
    if start.year == end.year and start.month == end.month:
        month = month_year(end.month, end.year)  # "MMMM y" does not depend on the day
        if (end - start).days == 1:
            return f"{_day(start.day)} et {end.day} {month}"
        return f"du {_day(start.day)} au {end.day} {month}"
    if start.year == end.year:
        first = _day_month(start.day, start.month, start.year)
        return f"du {first} au {day_month_year(end.day, end.month, end.year)}"
    return (
        f"du {day_month_year(start.day, start.month, start.year)}"
        f" au {day_month_year(end.day, end.month, end.year)}"
    )


@lru_cache(maxsize=4096, typed=True)
def number(value: float, decimals: int = 0) -> str:
    """A number with French grouping and decimal comma: "24 000", "1,58", "−983"."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = _babel_decimal(value, pattern)
    # CLDR's French minus is the hyphen-minus; French typography sets U+2212.
    return MINUS + text[1:] if text.startswith(("-", MINUS)) else text


def count(value: int) -> str:
    """An integer count, spelled out up to twenty as French prose prefers."""
    if 0 <= value < len(_SMALL_NUMBERS):
        return _SMALL_NUMBERS[value]
    return number(value)


def decimal(value: float) -> str:
    """A number as typed, in French, never as "1e-07": "0,0000001", "1 594,5"; one too
    long to write out in a message as a power of ten: "1 × 10⁻³²⁰"."""
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if exact and not -12 <= exact.adjusted() < 21:
        mantissa = decimal(float(exact.scaleb(-exact.adjusted())))
        power = str(exact.adjusted()).translate(_SUPERSCRIPTS)
        return f"{mantissa} × 10{power}"
    text = format(exact, "f")
    whole, _, fraction = text.lstrip("-").partition(".")
    fraction = fraction.rstrip("0")
    shown = number(int(whole)) + ("," + fraction if fraction else "")
    return (MINUS + shown) if text.startswith("-") and shown.strip("0,") else shown


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def excerpt(text: str, limit: int = 60) -> str:
    """The start of a text for a message, with "…" when it is cut ("étrangèr…")."""
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def counted(value: int, singular: str, plural: str | None = None) -> str:
    """ "0 erreur", "1 fichier vérifié", "2 fichiers vérifiés": French takes the singular
    below two."""
    return f"{number(value)} {singular if abs(value) < 2 else plural or singular + 's'}"


def percent(value: float, decimals: int = 1, signed: bool = False) -> str:
    """A percentage given in percent units: "2,2 %", "+40,1 %", "−50,2 %"."""
    rounded = round(value, decimals)
    text = number(abs(rounded), decimals) + NBSP + "%"
    if signed and rounded > 0:
        return "+" + text
    return MINUS + text if rounded < 0 else text


def growth(value: float) -> str:
    """A rate of change in percent, signed; whole numbers from 100 % up: "+187 %"."""
    return percent(value, 0 if abs(value) >= 99.95 else 1, signed=True)


def amount(millions: float, currency: str, units: Units | None = None) -> str:
    """An amount given in millions: "594 M EUR", "1,58 Md EUR", "−983 M EUR"."""
    units = units or Units()
    label = units.currency_label(currency)
    if abs(millions) >= 999.5:
        value = number(millions / 1000, 2)
        unit = units.billion
    else:
        # Small amounts keep the tenth the data gives ("67,6 M EUR").
        value = number(millions, 1 if abs(millions) < 99.95 and round(millions, 1) % 1 else 0)
        unit = units.million
    return f"{value}{NBSP}{unit}{NBSP}{label}" if label else f"{value}{NBSP}{unit}"


def ordinal(value: int, feminine: bool = False) -> str:
    """A French ordinal: "1er" (or "1re"), "8e", "25e"."""
    if value == 1:
        return "1re" if feminine else "1er"
    return f"{value}e"


def join(items: list[str]) -> str:
    """Join items French-style: "a, b et c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]


def capitalize(text: str) -> str:
    """Upper-case the first letter only ("président" -> "Président")."""
    return text[:1].upper() + text[1:]


_QUOTED = re.compile(r'"([^"\n]*)"')
_SPACE_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:")
_SPACE_BEFORE_HIGH = re.compile(r"[ \u00a0\u202f]+([;!?])")
_OPEN_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_GUILLEMET = re.compile(r"[ \u00a0\u202f]*»")
# Patterns that open on the character they replace, its context checked behind it: the
# regular expression engine then skips to that character at C speed, where a pattern
# opening on a look-behind is tried at every position (typography() runs on every string).
_APOSTROPHE = re.compile(r"'(?<=\w')(?=\w)")  # a ' between letters
_GROUPED_DIGITS = re.compile(r"(?<![\d,.])(\d{1,3})((?: \d{3})+)(?![\d,])")
_DIGIT_SPACE_DIGIT = re.compile(r"\d \d").search  # what every grouped figure holds
_SPACE_BEFORE_PERCENT = re.compile(r"(?<=\d)[ \u202f]?%")
# A hyphen-minus that starts a figure ("-983", "(-50,2 %)") is a minus sign; one between
# digits or letters ("2020-2021", "vis-à-vis", "page-3") is not.
_NEGATIVE = re.compile(r"-(?<![\w\-\u2212.,/:=#&?]-)(?=\d)")
# The units and currencies a figure is never separated from.
_UNITS = (
    r"%|‰|€|\$|£|¥|EUR|USD|GBP|CHF|JPY|M(?!\.)|Md|Mds|k€|M€|Md€|millions?|milliards?|"
    r"km²|km2|km|m²|m2|m³|m|cm|mm|ha|kg|g|t|°C|°|MW|GW|kW|kWh|MWh|GWh|TWh|h|min|s|Mt|kt|"
    r"ans?|mois|jours?|habitants?|hab\."
)
_NUMBER_UNIT = re.compile(rf" (?<=\d )(?=(?:{_UNITS})(?![\w²³]))")  # a space after a digit
_AMOUNT_UNIT = re.compile(
    r"\b(M|Md|Mds|millions?|milliards?) (?=(?:EUR|USD|GBP|CHF|JPY|€|\$|d’|de )\b)"
)
_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
MONTHS = tuple(_MONTHS.split("|"))  # "janvier" … "décembre"
_DAY_MONTH = re.compile(rf"(?<![\w,])(\d{{1,2}}|1er) (?=(?:{_MONTHS})\b)")
_MONTH_YEAR = re.compile(rf"(?<=\b)((?:{_MONTHS})) (?=\d{{4}}\b)")
_DIGIT = re.compile(r"\d").search


# A pure function of its text, called on every string of a fiche, and again by the
# typesetting pass: labels, dates and wording recur within a fiche and across fiches.
@lru_cache(maxsize=2048)
def typography(text: str) -> str:
    """Apply French typographic spacing, quotes and signs to running text.

    Straight double quotes become « » with no-break spaces inside; apostrophes
    become typographic; a space before ":" becomes a no-break space and one before
    ";", "!" or "?" a narrow no-break space; digits grouped with spaces ("1 500") get
    narrow no-break spaces; a figure is kept with its unit or currency ("18 000 €",
    "2,2 %", "594 M EUR", "2 724 900 km²") and a date with its parts ("5 mai 2021") by
    no-break spaces; a hyphen-minus before a figure becomes the minus sign ("−983").
    URLs are left alone since only existing spaces and signs before digits change.
    Applying it twice changes nothing more.
    """
    # Each rule runs only when the character it needs is there: a substring test is far
    # cheaper than a regular expression's scan, and every string of a fiche comes here.
    if '"' in text:
        text = _QUOTED.sub(r"«\1»", text)
    if "«" in text:
        text = _OPEN_GUILLEMET.sub("«" + NBSP, text)
    if "»" in text:
        text = _CLOSE_GUILLEMET.sub(NBSP + "»", text)
    if "'" in text:
        text = _APOSTROPHE.sub("\u2019", text)
    if ":" in text:
        text = _SPACE_BEFORE_COLON.sub(NBSP + ":", text)
    if ";" in text or "!" in text or "?" in text:
        text = _SPACE_BEFORE_HIGH.sub(NNBSP + r"\1", text)
    figures = _DIGIT(text) is not None  # rules about figures need a digit (any script's)
    if figures:
        if "%" in text:
            text = _SPACE_BEFORE_PERCENT.sub(NBSP + "%", text)
        if _DIGIT_SPACE_DIGIT(text):
            text = _GROUPED_DIGITS.sub(lambda m: m.group(1) + m.group(2).replace(" ", NNBSP), text)
        if "-" in text:
            text = _NEGATIVE.sub(MINUS, text)
        text = _NUMBER_UNIT.sub(NBSP, text)
    if "M " in text or "Md" in text or "milli" in text:  # M, Md, Mds, million(s), milliard(s)
        text = _AMOUNT_UNIT.sub(r"\1" + NBSP, text)
    if not figures or not any(month in text for month in MONTHS):
        return text
    text = _DAY_MONTH.sub(r"\1" + NBSP, text)
    return _MONTH_YEAR.sub(r"\1" + NBSP, text)


# Ordinals French sets with a raised ending: "1er", "1re", "8e", "2nd" is not used in
# fiches; Roman numerals of centuries and reigns ("XIXe", "Ier"). A lone L, C, D or M is a
# word ("Le", "De", "Me"), not a numeral, and plural Roman endings ("Vers") are words too.
_ORDINAL = re.compile(
    r"(?<![\w\u2212\-.,/:=#&?+])"
    r"(?:\d+(?P<arabic>ers|er|res|re|ères|ère|èmes|ème|es|e)"
    r"|(?:[IVXLC]{2,}|[IVX])(?P<roman>er|re|ème|e))"
    r"(?![\w\-/])"
)
_URL = re.compile(r"\S*(?:://|www\.)\S*")


def ordinal_endings(text: str) -> list[tuple[int, int]]:
    """(start, end) of each ordinal ending to raise in ``text``: "e" of "8e", "er" of
    "1er", "e" of "XIXe"; none inside a URL."""
    return list(_ordinal_endings(text))


@lru_cache(maxsize=2048)  # as typography(): the same texts come back
def _ordinal_endings(text: str) -> tuple[tuple[int, int], ...]:
    # _URL backtracks over every word (quadratic in its length): looked for only when
    # the text holds what every URL match holds.
    urls = [m.span() for m in _URL.finditer(text)] if "://" in text or "www." in text else []
    spans = []
    for match in _ORDINAL.finditer(text):
        if any(a <= match.start() < b for a, b in urls):
            continue
        group = "arabic" if match.group("arabic") else "roman"
        spans.append(match.span(group))
    return tuple(spans)


# --- contractions and ordinals in words (generated wording and citations) ------------------

_VOWEL_START = re.compile(r"^[aeiouàâäéèêëîïôöûüœæAEIOUÀÂÄÉÈÊËÎÏÔÖÛÜŒÆ]")


def of(phrase: str) -> str:
    """ "de" before a phrase, contracted: "du président", "des Tonga", "d'une délégation",
    "de la ministre". Only a lower-case article contracts: "de Le Drian" stays."""
    if phrase.startswith("le "):
        return "du " + phrase[3:]
    if phrase.startswith("les "):
        return "des " + phrase[4:]
    if _VOWEL_START.match(phrase):
        return "d’" + phrase
    return "de " + phrase


def to(phrase: str) -> str:
    """ "à" before a phrase, contracted: "au président", "aux Tonga", "à la ministre"."""
    if phrase.startswith("le "):
        return "au " + phrase[3:]
    if phrase.startswith("les "):
        return "aux " + phrase[4:]
    return "à " + phrase


_ORDINAL_WORDS = [
    "premier",
    "deuxième",
    "troisième",
    "quatrième",
    "cinquième",
    "sixième",
    "septième",
    "huitième",
    "neuvième",
    "dixième",
    "onzième",
    "douzième",
    "treizième",
    "quatorzième",
    "quinzième",
    "seizième",
    "dix-septième",
    "dix-huitième",
    "dix-neuvième",
    "vingtième",
]


def ordinal_words(value: int, feminine: bool = False) -> str:
    """An ordinal in words up to twenty ("premier", "première", "septième"), in figures
    beyond ("21e")."""
    if value == 1:
        return "première" if feminine else "premier"
    if 1 < value <= len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[value - 1]
    return ordinal(value, feminine)
