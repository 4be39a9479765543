"""Text as a reviewer left it -> the data value it stands for, by the form it was
worded in (see :class:`fiche_pays.tree.Source`): the same French rules the fiche is
written with ("1 500", "2,2 %", "5 mai 2021", "du 4 au 6 novembre 2015"), read
backwards. A text that does not read is an error with a French message, never a guess.
"""

from __future__ import annotations

import calendar
import re
from typing import Any

from ..french import MONTHS, typography
from ..partialdate import PartialDate
from .record import SourceInfo

_MONTHS = {name: index for index, name in enumerate(MONTHS, start=1)}
_MONTHS.update({"fevrier": 2, "aout": 8, "decembre": 12})
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_NUMBER = re.compile(r"^([+\-\u2212]?)(\d+)(?:[,.](\d+))?$")
_DAY = r"(1er|\d{1,2})"
_MONTH = r"([a-zéû]+)"
_YEAR = r"(\d{4})"


class Unreadable(ValueError):
    """A reviewer's text that does not read as the value expected; French message."""


def read(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    """The values of ``source.fields`` that ``text`` stands for (``old``: their values
    when the document was built, for forms that keep what the text does not show)."""
    reader = _READERS.get(source.form)
    if reader is None:
        raise Unreadable(f"forme « {source.form} » inconnue de cette version de fiche-pays")
    return reader(text, source, old)


def plain_text(text: str) -> str:
    """A line as typed in Word, for the data file: spaces collapsed, and the no-break
    spaces and curly apostrophes French typography puts back by itself made plain."""
    text = _SPACES.sub(" ", text).strip()
    simpler = re.sub(r"(?<=\w)\u2019(?=\w)", "'", text)
    return simpler if typography(simpler) == typography(text) else text


def _text(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    value = plain_text(text)
    return [value or None]


def _capital(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    value = plain_text(text)
    before = old[0] if old and isinstance(old[0], str) else ""
    if value and before[:1].islower() and value[:1].isupper() and value[1:2].islower():
        value = value[0].lower() + value[1:]  # printed with a capital, kept as typed
    return [value or None]


def _without_article(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    """A function printed without its determiner ("ministre de …" for "le ministre de …"
    in a table cell): read back with the determiner it had (or the neighbour row's)."""
    from .. import grammar

    value = plain_text(text)
    if not value or grammar.determiner(value) is not None:
        return [value or None]
    before = old[0] if old and isinstance(old[0], str) else ""
    article = grammar.determiner(before)
    if article is None:
        raise Unreadable(f"« {value} » : écrivez la fonction avec son article (« le {value} »)")
    return [f"{article}{value}" if article.endswith("'") else f"{article} {value}"]


def number(text: str) -> int | float:
    """A French number: "1 500", "2,5", "-983", "−2 742"."""
    compact = _SPACES.sub("", text)
    match = _NUMBER.match(compact)
    if not match:
        raise Unreadable(f"« {text.strip()} » n'est pas un nombre (ex. 1 500 ou 2,5)")
    sign, whole, decimals = match.groups()
    value: int | float = float(f"{whole}.{decimals}") if decimals else int(whole)
    return -value if sign in ("-", "\u2212") else value


def _number(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    if text.strip() in ("", "—", "-"):
        return [None]
    value = number(text)
    if isinstance(value, float) and value.is_integer() and not isinstance(old[0], float):
        value = int(value)
    return [value]


def _scaled(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    """A number shown in another unit than the field's: "18,9" (millions) for a
    population typed in inhabitants reads back multiplied by ``params[0]``."""
    if text.strip() in ("", "—"):
        return [None]
    value = number(text) * float(source.params[0])
    rounded = round(value, 6)
    return [int(rounded) if float(rounded).is_integer() else rounded]


def _percent(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    if text.strip() in ("", "—"):
        return [None]
    stripped = text.strip()
    if not stripped.endswith("%"):
        raise Unreadable(f"« {stripped} » n'est pas un pourcentage (ex. 2,2 %)")
    return _number(stripped[:-1], source, old)


def _amount(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    """ "594 M EUR" -> 594; "1,58 Md EUR" -> 1580 (amounts are kept in millions)."""
    million, billion = [*source.params, "M", "Md"][:2]
    words = _SPACES.sub(" ", text).strip().split(" ")
    figure = []
    while words and re.fullmatch(r"[+\-\u2212]?[\d.,]+", words[0]):
        figure.append(words.pop(0))
    if not figure or not words or words[0] not in (million, billion):
        raise Unreadable(
            f"« {text.strip()} » n'est pas un montant (ex. 594 {million} EUR ou 1,2 {billion} EUR)"
        )
    value = number(" ".join(figure))
    if words[0] == billion:
        value = round(value * 1000, 6)
        if float(value).is_integer():
            value = int(value)
    return [value]


def _rank(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    match = re.fullmatch(r"(\d+)\s*(?:e|er|re|ère|ème|eme|è)", text.strip())
    if not match:
        raise Unreadable(f"« {text.strip()} » n'est pas un rang (ex. 8e, 1er)")
    return [int(match.group(1))]


def _year(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    if text.strip() in ("", "—"):
        return [None]
    if not re.fullmatch(r"\d{4}", text.strip()):
        raise Unreadable(f"« {text.strip()} » n'est pas une année (ex. 2021)")
    return [int(text.strip())]


def date(text: str) -> str:
    """A French date as the data file writes it: "5 mai 2021" -> "2021-05-05",
    "juin 2008" -> "2008-06", "2010" -> "2010"; ISO and "05/05/2021" are read too."""
    cleaned = _SPACES.sub(" ", text).strip().lower()
    if re.fullmatch(r"\d{4}(-\d{1,2}(-\d{1,2})?)?", cleaned):
        try:
            return str(PartialDate.parse(cleaned))
        except ValueError as error:
            raise Unreadable(str(error)) from None
    if match := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", cleaned):
        day, month, year = (int(g) for g in match.groups())
        return _checked(year, month, day, text)
    if match := re.fullmatch(rf"{_DAY} {_MONTH} {_YEAR}", cleaned):
        day, month, year = match.groups()
        return _checked(int(year), _month(month, text), 1 if day == "1er" else int(day), text)
    if match := re.fullmatch(rf"{_MONTH} {_YEAR}", cleaned):
        month, year = match.groups()
        return _checked(int(year), _month(month, text), None, text)
    raise Unreadable(f"« {text.strip()} » n'est pas une date (ex. 5 mai 2021, juin 2008 ou 2010)")


def _month(name: str, text: str) -> int:
    if name not in _MONTHS:
        raise Unreadable(f"« {text.strip()} » : mois « {name} » inconnu")
    return _MONTHS[name]


def _checked(year: int, month: int, day: int | None, text: str) -> str:
    if not 1 <= month <= 12 or (
        day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]
    ):
        raise Unreadable(f"« {text.strip()} » : cette date n'existe pas")
    return str(PartialDate(year, month, day))


def _date(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    if text.strip() in ("", "—"):
        return [None]
    value = date(text)
    if isinstance(old[0], int) and re.fullmatch(r"\d{4}", value):
        return [int(value)]  # a year typed as a number stays a number (date: 2021)
    return [value]


def _when(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    """ "le 25 janvier 1992", "en juin 2008", "en 2010"."""
    cleaned = _SPACES.sub(" ", text).strip()
    match = re.fullmatch(r"(?:le|en|au|depuis|dès) (.+)", cleaned, re.IGNORECASE)
    return [date(match.group(1) if match else cleaned)]


def _span(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    """A visit's dates: "4 et 5 décembre 2014", "du 4 au 6 novembre 2015", "du 30
    novembre au 2 décembre 2015", "du 30 décembre 2015 au 2 janvier 2016", "juillet 2019"
    -> [start, end or None]."""
    cleaned = _SPACES.sub(" ", text).strip().lower()
    patterns = (
        (rf"{_DAY} et {_DAY} {_MONTH} {_YEAR}", (0, 2, 3), (1, 2, 3)),
        (rf"du {_DAY} au {_DAY} {_MONTH} {_YEAR}", (0, 2, 3), (1, 2, 3)),
        (rf"du {_DAY} {_MONTH} au {_DAY} {_MONTH} {_YEAR}", (0, 1, 4), (2, 3, 4)),
        (rf"du {_DAY} {_MONTH} {_YEAR} au {_DAY} {_MONTH} {_YEAR}", (0, 1, 2), (3, 4, 5)),
    )
    for pattern, first, last in patterns:
        match = re.fullmatch(pattern, cleaned)
        if match:
            groups = match.groups()
            start = date(" ".join(groups[i] for i in first))
            end = date(" ".join(groups[i] for i in last))
            if PartialDate.parse(end) < PartialDate.parse(start):
                raise Unreadable(f"« {text.strip()} » : la fin précède le début")
            return [start, end]
    return [date(cleaned), None]


def _list(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    """ "a, b et c" (or "a, b, c" when ``params`` is ",") -> ["a", "b", "c"]."""
    cleaned = _SPACES.sub(" ", text).strip()
    if not cleaned:
        return [[]]
    if source.params[:1] != (",",):
        head, _, last = cleaned.rpartition(" et ")
        items = [*head.split(", "), last] if head else [last]
    else:
        items = cleaned.split(", ")
    previous = old[0] if old and isinstance(old[0], list) else []
    by_shown = {typography(str(item)): item for item in previous}
    return [[by_shown.get(item, plain_text(item)) for item in items if item.strip()]]


def _computed(text: str, source: SourceInfo, old: list[Any]) -> list[Any]:
    raise Unreadable(source.note or "valeur calculée par fiche-pays")


_READERS = {
    "texte": _text,
    "capitale": _capital,
    "sans_article": _without_article,
    "nombre": _number,
    "echelle": _scaled,
    "pourcentage": _percent,
    "montant": _amount,
    "rang": _rank,
    "annee": _year,
    "date": _date,
    "quand": _when,
    "periode": _span,
    "liste": _list,
    "calcule": _computed,
}
