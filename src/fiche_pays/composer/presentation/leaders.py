"""Heads of state and government and ministers, as pieces that know their fields.

The persons of every fiche (:mod:`fiche_pays.model.persons`), worded for a fact line:
« M. Kassym-Jomart Tokaïev (né le 17 mai 1953) », « S.M. le Roi Tupou VI », « Président
Khaltmaa BATTULGA (depuis 2017) » (a function begins the line without its determiner), and
name first in the list of ministers: « M. Abdoulaye BIO TCHANE, Ministre d'État chargé du
plan et du développement ». Each piece carries its field, so that ``fiche-pays apply``
writes a name, a civilité, a function or a date edited in Word back into the data file.
"""

from __future__ import annotations

from ... import grammar
from ...model.leaders import Leader, Minister, NamedPerson
from ...model.persons import HONORIFICS
from ...model.types import DataPath
from ...partialdate import PartialDate
from ..provenance import Piece, at


def person(who: NamedPerson, path: DataPath) -> list[Piece]:
    """The person at the start of a line: civilité, function, name."""
    name: list[Piece] = [(who.name, at((*path, "nom")))]
    civility: list[Piece] = []
    if who.civility:
        civility = [(who.civility, at((*path, "civilite"))), (" ", None)]
    if who.function is None:
        return civility + name
    if who.civility in HONORIFICS:  # protocol order: « S.M. le Roi Tupou VI »
        return [*civility, (who.function, at((*path, "fonction"))), (" ", None), *name]
    # A long function is never read into the name: a comma after it when a civilité
    # follows or the function holds one (the rule of every person phrase).
    separator = ", " if who.civility or "," in who.function else " "
    function = grammar.without_determiner(who.function)
    shown = at((*path, "fonction"), "sans_article")
    return [(function, shown), (separator, None), *civility, *name]


def phrase(who: NamedPerson) -> str:
    """The person as a sentence cites it: the function keeps its determiner, « le
    Président Khaltmaa BATTULGA », « M. Kassym-Jomart Tokaïev »."""
    if who.function is None or who.civility in HONORIFICS:
        return text(person(who, ()))
    name = f"{who.civility} {who.name}" if who.civility else who.name
    separator = ", " if who.civility or "," in who.function else " "
    return f"{who.function}{separator}{name}"


def text(pieces: list[Piece]) -> str:
    """The plain text of pieces."""
    return "".join(piece for piece, _ in pieces)


def _agreed(word: str, who: NamedPerson) -> str:
    return word + "e" if who.feminine else word


def _since(date: PartialDate, path: DataPath) -> list[Piece]:
    """ "depuis le 2 avril 2014", "depuis mars 2021", "depuis 2017"."""
    return [("depuis le " if date.day else "depuis ", None), (date.text(), at(path, "date"))]


def _when(word: str, date: PartialDate, path: DataPath) -> list[Piece]:
    """ "élu le 20 mars 2016", "réélue en 2024"."""
    return [(f"{word} ", None), (date.when(), at(path, "quand"))]


def _in_brackets(details: list[list[Piece]]) -> list[Piece]:
    if not details:
        return []
    pieces: list[Piece] = [(" (", None)]
    for index, detail in enumerate(details):
        pieces += [(", ", None)] * bool(index) + detail
    return [*pieces, (")", None)]


def leader(who: Leader, path: DataPath) -> list[Piece]:
    """The value of a leader's line, offices and dates included: « M. Thongloun
    SISOULITH, Président de la République depuis mars 2021, Secrétaire général du Parti
    révolutionnaire populaire lao depuis janvier 2021 (réélu en janvier 2026) »."""
    pieces = person(who, path)
    for index, office in enumerate(who.offices):
        where = (*path, "fonctions", index)
        pieces += [(", ", None), (office.title, at((*where, "titre")))]
        if office.since:
            pieces += [(" ", None), *_since(office.since, (*where, "depuis"))]
        notes = []
        if office.reelected:
            notes.append(_when(_agreed("réélu", who), office.reelected, (*where, "reelu")))
        if office.note:
            notes.append([(office.note, at((*where, "remarque")))])
        pieces += _in_brackets(notes)
    details = []
    for word, date, key in (
        ("né", who.born, "naissance"),
        ("élu", who.elected, "elu"),
        ("réélu", who.reelected, "reelu"),
    ):
        if date:
            details.append(_when(_agreed(word, who), date, (*path, key)))
    if who.since:
        details.append(_since(who.since, (*path, "depuis")))
    if who.note:
        details.append([(who.note, at((*path, "remarque")))])
    return pieces + _in_brackets(details)


def minister(member: Minister, path: DataPath) -> list[Piece]:
    """Name first, the function without its determiner: « M. Abdoulaye BIO TCHANE,
    Ministre d'État chargé du plan et du développement »."""
    pieces: list[Piece] = []
    if member.civility:
        pieces += [(member.civility, at((*path, "civilite"))), (" ", None)]
    function = grammar.without_determiner(member.function)
    return [
        *pieces,
        (member.name, at((*path, "nom"))),
        (", ", None),
        (function, at((*path, "fonction"), "sans_article")),
    ]
