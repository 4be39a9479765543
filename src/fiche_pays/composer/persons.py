"""Persons and groups, worded as pages word them.

Function first, as sentences and lines say it: "la ministre des Sports Laura Flessel",
"le ministre des Affaires étrangères laotien, M. Saleumxay Kommasith". A comma comes
before the name only when a civilité is printed or the function itself holds a comma, so
that a long function is never read into the name. Name first, as table cells say it:
"Mme Yamina Benguigui, ministre déléguée chargée de la Francophonie".
"""

from __future__ import annotations

from .. import grammar
from ..model.persons import HONORIFICS, Party, Person
from ..model.types import DataPath
from ..tree import Source
from .provenance import at, computed
from .references import Value, Worded


def full_name(person: Person) -> str:
    """ "M. Sevele", "Jean-Michel Abimbola" (empty without a name)."""
    if person.name is None:
        return ""
    return f"{person.civility} {person.name}" if person.civility else person.name


def _person_phrase(person: Person) -> str:
    name = full_name(person)
    if person.function is None:
        return name
    if not name:
        return person.function
    if person.civility in HONORIFICS:  # protocol order: « S.M. le Roi Tupou VI »
        return f"{person.civility} {person.function} {person.name}"
    comma = bool(person.civility) or "," in person.function
    return f"{person.function}{', ' if comma else ' '}{name}"


def phrase(party: Party) -> str:
    """Function first: "le président de la République Emmanuel MACRON", "une délégation
    arménienne, conduite par le MAE Ararat Mirzoïan"."""
    if party.group is None:
        return _person_phrase(party)
    if party.leader is None:
        return party.group
    led = "conduit" + party.agreement.ending()
    return f"{party.group}, {led} par {_person_phrase(party.leader)}"


def has_apposition(party: Party) -> bool:
    """True when the phrase ends with an apposition a continuing line must close with a
    comma ("…, M. Sevele, entretiens avec …")."""
    if party.group is not None:
        return party.leader is not None
    printed_civility = party.civility and party.civility not in HONORIFICS
    return bool(party.function and party.name and (printed_civility or "," in party.function))


def name_only(party: Party) -> str:
    """The name ("M. Sevele"), else the function or the group."""
    if party.group is not None:
        return party.group
    return full_name(party) or party.function or ""


def function_only(party: Party) -> str:
    """The function with its determiner ("le Premier ministre tongien"), else the name."""
    if party.group is not None:
        return party.group
    return party.function or full_name(party)


def name_first(party: Party) -> str:
    """Name first, the function without its determiner: "Mme Yamina Benguigui, ministre
    déléguée chargée de la Francophonie"; "Premier ministre arménien" without a name."""
    if party.group is not None:
        group = grammar.without_determiner(party.group)
        if party.leader is None:
            return group
        led = "conduit" + party.agreement.ending()
        return f"{group}, {led} par {_person_phrase(party.leader)}"
    name = full_name(party)
    function = grammar.without_determiner(party.function) if party.function else ""
    if name and function:
        return f"{name}, {function}"
    return name or function


def _value(items: list[str]) -> Value:
    return items[0] if len(items) == 1 else tuple(items)


def source(party: Party, path: DataPath) -> Source:
    """Where a person's phrase comes from: the name alone is the field as typed; a
    phrase made of several fields says which to edit."""
    if party.group is None and party.function is None and party.civility is None:
        return at((*path, "nom"))
    if party.group is not None and party.leader is None:
        return at((*path, "groupe"))
    fields = [(*path, key) for key in ("civilite", "fonction", "nom", "groupe")]
    return computed(
        "phrase faite de la civilité, de la fonction et du nom (ou du groupe et de son "
        "chef) : modifiez-les dans la fiche",
        *fields,
    )


def sources(parties: list[Party], path: DataPath) -> Source:
    """The source of a field of one or several persons."""
    if len(parties) == 1:
        return source(parties[0], path)
    return computed("liste de personnes : modifiez chacune dans la fiche", path)


def names(prefix: str, parties: list[Party], path: DataPath) -> Worded:
    """The names a text may cite for a field of persons at ``path``: {visiteurs},
    {visiteurs.nom}, {visiteurs.fonction}, {visiteurs.nom_et_fonction}, and {avec.2} for
    the second."""
    result = Worded()
    for suffix, word in (
        ("", phrase),
        (".nom", name_only),
        (".fonction", function_only),
        (".nom_et_fonction", name_first),
    ):
        result.add(prefix + suffix, _value([word(p) for p in parties]), sources(parties, path))
    if len(parties) > 1:
        for number, party in enumerate(parties, start=1):
            where = (*path, number - 1)
            for suffix, word in (
                ("", phrase),
                (".nom", name_only),
                (".fonction", function_only),
                (".nom_et_fonction", name_first),
            ):
                result.add(f"{prefix}.{number}{suffix}", word(party), source(party, where))
    return result


def name_first_pieces(party: Party, path: DataPath) -> list[tuple[str, Source | None]]:
    """:func:`name_first` as pieces: the name as typed, the function without its
    determiner (read back with it: form "sans_article")."""
    if party.group is not None:
        return [(name_first(party), source(party, path))]
    pieces: list[tuple[str, Source | None]] = []
    if party.civility and party.name:
        pieces += [(party.civility, at((*path, "civilite"))), (" ", None)]
    if party.name:
        pieces.append((party.name, at((*path, "nom"))))
    if party.function:
        function = grammar.without_determiner(party.function)
        shown = at((*path, "fonction"), "sans_article")
        pieces += [(", ", None)] * bool(party.name) + [(function, shown)]
    return pieces
