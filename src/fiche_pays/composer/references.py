"""Prose that refers to data: "{solde}" in a desk officer's text becomes "-983 M EUR".

The template language is deliberately tiny and sandboxed: a reference is a dotted name
looked up in a flat table of already-worded values. There are no expressions, no
attribute access and no code: a name is either in the table or an error.

This module knows no fiche kind: each kind builds its own table of names
(:class:`Worded`, each value with its source) and calls :func:`problems` (validation),
:func:`resolve` or :func:`resolve_pieces` (composition). What it adds to plain
substitution is the French grammar at the boundary of a citation, so that a value worded
once reads right wherever it is cited:

* a value after "de" or "à" contracts with its article: "de {x}" with x = "le président"
  gives "du président", "à {x}" with x = "les Tonga" gives "aux Tonga", "de {x}" with
  x = "une délégation" gives "d'une délégation";
* a value that is a list (a tuple of phrases) is joined "a, b et c", and a preceding "de"
  or "à" is repeated before each: "du président …, de la ministre … et de la secrétaire …";
* a value that starts a sentence gets its capital: "{recu_par} a reçu" gives "Le
  président de la République a reçu".
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from .. import french
from ..tree import DataPath, ProseSpot, Source
from .provenance import Piece, computed

T = TypeVar("T")

Value = str | tuple[str, ...]
"""A worded value: a phrase, or several to enumerate ("a, b et c")."""

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")
_NAME = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")
# "de " or "à " ending the text before a citation (a whole word).
_PREPOSITION = re.compile(r"(?:(?<=[\s(«\u00a0'’])|^)(de|De|à|À)[ \u00a0]$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class ReferenceProblem:
    """A bad reference in a text, at a character offset."""

    offset: int
    message: str
    name: str | None = None  # the name cited, when it is one


class Worded:
    """Worded values by reference name, each with the source of its text."""

    def __init__(self) -> None:
        self.values: dict[str, Value] = {}
        self.sources: dict[str, Source] = {}

    def add(self, name: str, text: Value, source: Source) -> None:
        """Record ``{name}`` as ``text``, worded from ``source``."""
        self.values[name] = text
        self.sources[name] = source

    def update(self, other: Worded, prefix: str | None = None) -> None:
        """Take ``other``'s names, under ``prefix.`` when given."""
        lead = f"{prefix}." if prefix else ""
        self.values.update({lead + k: v for k, v in other.values.items()})
        self.sources.update({lead + k: v for k, v in other.sources.items()})


def enumerate_phrases(items: Sequence[str], preposition: str | None = None) -> str:
    """ "a, b et c"; with "de" or "à", the preposition before each, contracted."""
    if preposition is None:
        return french.join(list(items))
    word = preposition.lower()
    worded = [french.of(i) if word == "de" else french.to(i) for i in items]
    if preposition[0].isupper():
        worded[0] = french.capitalize(worded[0])
    return french.join(worded)


def word_value(value: Value, preposition: str | None = None) -> str:
    """A value as it reads after ``preposition`` ("de", "à" or None)."""
    items = (value,) if isinstance(value, str) else value
    return enumerate_phrases(items, preposition)


def cite(before: str, value: Value, reach: int | None = None) -> tuple[int, str]:
    """A value as it reads after ``before``: how many characters of ``before`` it takes
    over (a "de " it contracts with, within the last ``reach`` characters) and its text
    (capitalised at a sentence start)."""
    match = _PREPOSITION.search(before)
    if match and reach is not None and len(match.group(0)) > reach:
        match = None
    worded = word_value(value)
    taken = 0
    if match:
        contracted = word_value(value, match.group(1))
        # The preposition is taken over only where the value changes it ("du", "d'",
        # "de … et de …"): elsewhere the text keeps its own words.
        if contracted != f"{match.group(1)} {worded}":
            taken, worded = len(match.group(0)), contracted
    rest = before[: len(before) - taken].rstrip()
    if not rest or rest.endswith((".", "!", "?", "…")):
        worded = french.capitalize(worded)
    return taken, worded


def not_stated(candidates: Iterable[tuple[str, T]], used: set[str]) -> list[T]:
    """The facts whose reference name the prose did not state already: a fact named
    "solde" is dropped when the prose used {solde} or {solde.precedent}."""
    return [fact for name, fact in candidates if not cited(name, used)]


def cited(name: str, used: set[str]) -> bool:
    """True when ``used`` holds ``name`` or one of its sub-names ("solde.precedent")."""
    return any(u == name or u.startswith(name + ".") for u in used)


def problems(text: str, names: Mapping[str, Value]) -> list[ReferenceProblem]:
    """Every bad reference of a text, with a suggestion where one is close."""
    found = []
    for match in _TOKEN.finditer(text):
        token, name = match.group(0), match.group(1)
        if token in ("{{", "}}"):
            continue
        if name is None:
            found.append(
                ReferenceProblem(
                    match.start(),
                    f"accolade « {token} » isolée : écrivez « {token * 2} » pour une accolade",
                )
            )
            continue
        name = name.strip()
        if not _NAME.fullmatch(name):
            found.append(
                ReferenceProblem(
                    match.start(),
                    f"référence « {{{name}}} » invalide : un nom de donnée "
                    "s'écrit en minuscules sans accent, avec des points (ex. {solde.precedent})",
                )
            )
        elif name not in names:
            close = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
            hint = f" ; vouliez-vous dire {{{close[0]}}} ?" if close else ""
            found.append(
                ReferenceProblem(
                    match.start(),
                    f"référence {{{name}}} inconnue : cette donnée n'existe pas "
                    f"dans la fiche{hint}",
                    name,
                )
            )
    return found


def resolve(text: str, names: Mapping[str, Value]) -> tuple[str, set[str]]:
    """Replace references by their worded values; return the text and the names used.

    Callers validate first with :func:`problems`; an unknown name here is a bug.
    """
    used: set[str] = set()
    out = ""
    position = 0
    for match in _TOKEN.finditer(text):
        out += text[position : match.start()]
        position = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            out += token[0]
            continue
        name = (match.group(1) or "").strip()
        used.add(name)
        paragraph = _BLANK_LINE.split(out)[-1]
        taken, worded = cite(paragraph, names[name])
        out = out[: len(out) - taken] + worded
    return out + text[position:], used


def resolve_pieces(text: str, names: Worded, field: DataPath) -> tuple[list[list[Piece]], set[str]]:
    """The paragraphs of the text at ``field`` as pieces with their sources, and the
    names used: each literal stretch knows its place in the text, each reference carries
    the source of its value and the place of its ``{name}`` (with the "de " it contracts
    with, when it does).

    Paragraphs are separated by a blank line; callers validate first with
    :func:`problems`.
    """
    used: set[str] = set()
    paragraphs: list[list[Piece]] = []
    field = tuple(field)

    def literal(start: int, end: int) -> Piece:
        spot = ProseSpot(field, start, end)
        return text[start:end], Source((field,), "prose", prose=spot)

    bounds = [0]
    for match in _BLANK_LINE.finditer(text):
        bounds += [match.start(), match.end()]
    bounds.append(len(text))
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        pieces: list[Piece] = []
        position = start
        for match in _TOKEN.finditer(text, start, end):
            if match.start() > position:
                pieces.append(literal(position, match.start()))
            token = match.group(0)
            spot = ProseSpot(field, match.start(), match.end())
            if token in ("{{", "}}"):
                pieces.append((token[0], Source((field,), "prose", prose=spot)))
            else:
                name = (match.group(1) or "").strip()
                used.add(name)
                own = match.start() - position  # the literal just before, in this text
                taken, worded = cite("".join(p for p, _ in pieces), names.values[name], own)
                if taken:  # the "de " the value contracts with leaves the literal before
                    spot = replace(spot, start=spot.start - taken)
                    pieces.pop()
                    if spot.start > position:
                        pieces.append(literal(position, spot.start))
                source = names.sources.get(name) or computed("valeur produite par fiche-pays")
                pieces.append((worded, replace(source, prose=spot)))
            position = match.end()
        if end > position:
            pieces.append(literal(position, end))
        paragraphs.append(pieces)
    return paragraphs, used
