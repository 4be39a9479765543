"""Prose that refers to data: "{solde}" in a desk officer's text becomes "-983 M EUR".

The template language is deliberately tiny and sandboxed: a reference is a dotted name
looked up in a flat table of already-worded values. There are no expressions, no
attribute access and no code: a name is either in the table or an error.

This module knows no fiche kind: each kind builds its own table of names and calls
:func:`problems` (validation) and :func:`resolve` (composition). What it adds to plain
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
from dataclasses import dataclass
from typing import TypeVar

from .. import french

T = TypeVar("T")

Value = str | tuple[str, ...]
"""A worded value: a phrase, or several to enumerate ("a, b et c")."""
Names = Mapping[str, Value]

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")
_NAME = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")
# "de " or "à " ending the text before a citation (a whole word).
_PREPOSITION = re.compile(r"(?:(?<=[\s(«\u00a0])|^)(de|De|à|À) $")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|\n\s*\n\s*)$")


@dataclass(frozen=True, slots=True)
class ReferenceProblem:
    """A bad reference in a text, at a character offset."""

    offset: int
    message: str
    name: str | None = None  # the name cited, when it is one


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


def not_stated(candidates: Iterable[tuple[str, T]], used: set[str]) -> list[T]:
    """The facts whose reference name the prose did not state already: a fact named
    "solde" is dropped when the prose used {solde} or {solde.precedent}."""
    return [fact for name, fact in candidates if not cited(name, used)]


def cited(name: str, used: set[str]) -> bool:
    """True when ``used`` holds ``name`` or one of its sub-names ("solde.precedent")."""
    return any(u == name or u.startswith(name + ".") for u in used)


def problems(text: str, names: Names) -> list[ReferenceProblem]:
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


def resolve(text: str, names: Names) -> tuple[str, set[str]]:
    """Replace references by their worded values; return the text and the names used.

    Callers validate first with :func:`problems`; an unknown name here is a bug.
    """
    used: set[str] = set()
    out: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        out.append(text[position : match.start()])
        position = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            out.append(token[0])
            continue
        name = (match.group(1) or "").strip()
        used.add(name)
        before = "".join(out)
        preposition = _PREPOSITION.search(before)
        if preposition:
            before = before[: preposition.start()]
            worded = word_value(names[name], preposition.group(1))
        else:
            worded = word_value(names[name])
        if _SENTENCE_START.search(before):
            worded = french.capitalize(worded)
        out = [before, worded]
    out.append(text[position:])
    return "".join(out), used
