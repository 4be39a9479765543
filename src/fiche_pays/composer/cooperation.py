"""Cooperation: Alliances françaises, joint institutes, French schools, scholarships.

An institute's dates are a sentence, as pages write them: "Inauguré le 6 décembre 2014
par les présidents …", "Créé en 2010 par l'université de Lorraine et …" (its founders,
never "Partenaires")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import french
from ..model.blocks import AlliancesBlock, InstitutesBlock, ScholarshipsBlock, SchoolsBlock
from ..model.cooperation import Alliance, Institute, School
from ..model.country import Country
from ..model.types import DataPath
from ..tree import Block, Fact, Paragraph
from . import persons, places
from .nodes import facts_block, joined, paragraph, sourced_fact
from .provenance import Piece, at, computed, typeset
from .records import record_blocks
from .references import Worded, cited, enumerate_phrases, not_stated

if TYPE_CHECKING:
    from .context import Context


def alliances(ctx: Context, block: AlliancesBlock, path: DataPath, used: set[str]) -> list[Block]:
    """ "Le réseau des Alliances françaises au Kazakhstan compte quatre établissements,
    qui accueillent un total de 2 000 étudiants.", then one line per Alliance. Only what
    the block holds: never "notre réseau culturel est constitué de…", which would say
    the Alliances are the whole network."""
    network, country = block.network, ctx.fiche.country
    if not network.items:
        return []
    path = (*path, "alliances_francaises")
    count = len(network.items)
    noun = "établissement" if count == 1 else "établissements"
    how_many = computed(
        "le nombre d'Alliances françaises est celui de la liste : ajoutez ou retirez une "
        "Alliance dans « alliances_francaises »"
    )
    sentence: list[Piece] = [
        (f"Le réseau des Alliances françaises {country.in_form} compte ", None),
        ("un" if count == 1 else french.count(count), how_many),
        (f" {noun}", None),
    ]
    if network.total_students is not None:
        verb = "accueille" if count == 1 else "accueillent un total de"
        sentence += [
            (f", qui {verb} ", None),
            (french.number(network.total_students), at((*path, "total_etudiants"), "nombre")),
            (" étudiants", None),
        ]
    return [
        paragraph([*sentence, (".", None)]),
        *facts_block(
            [
                sourced_fact(
                    [(a.city, at((*path, "liste", i, "ville")))],
                    _alliance_value(a, (*path, "liste", i)),
                )
                for i, a in enumerate(network.items)
            ]
        ),
    ]


def _alliance_value(alliance: Alliance, path: DataPath) -> list[Piece]:
    parts: list[list[Piece]] = []
    if alliance.founded:
        parts.append(
            [("créée en ", None), (str(alliance.founded), at((*path, "creation"), "annee"))]
        )
    if alliance.students is not None:
        students: list[Piece] = [
            (french.number(alliance.students), at((*path, "etudiants"), "nombre")),
            (" étudiants", None),
        ]
        if alliance.students_year:
            year = at((*path, "annee_etudiants"), "annee")
            students += [(" (", None), (str(alliance.students_year), year), (")", None)]
        parts.append(students)
    if alliance.note:
        parts.append([(alliance.note, at((*path, "remarque")))])
    return joined(parts, ", ") or [("—", None)]


def school_names(school: School, path: DataPath, country: Country) -> Worded:
    """{nom}, {ville}, {ville.au}, {eleves} ("650 élèves"), {eleves.nombre},
    {annee_eleves}."""
    names = Worded()
    names.add("nom", school.name, at((*path, "nom")))
    if school.city:
        names.add("ville", school.city, at((*path, "ville")))
        names.add("ville.au", places.at(school.city, country), places.source((*path, "ville")))
    if school.pupils is not None:
        pupils = french.number(school.pupils)
        names.add("eleves", f"{pupils} élèves", at((*path, "eleves"), "nombre"))
        names.add("eleves.nombre", pupils, at((*path, "eleves"), "nombre"))
    if school.pupils_year:
        names.add("annee_eleves", school.pupils_year, at((*path, "annee_eleves")))
    return names


def _school_line(school: School, path: DataPath) -> Fact:
    label: list[Piece] = [(french.capitalize(school.name), at((*path, "nom"), "capitale"))]
    if school.city:
        label += [(" (", None), (school.city, at((*path, "ville"))), (")", None)]
    if school.pupils is None:
        return sourced_fact(label, [("—", None)])
    value: list[Piece] = [
        (french.number(school.pupils), at((*path, "eleves"), "nombre")),
        (" élèves", None),
    ]
    if school.pupils_year:
        value += [(" (", None), (school.pupils_year, at((*path, "annee_eleves"))), (")", None)]
    return sourced_fact(label, value)


def schools(ctx: Context, block: SchoolsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """ "Lycée français (Port-Vila) : 650 élèves (2023)", or the page's sentence."""
    return record_blocks(ctx, path, "etablissements_scolaires", block.schools, used, _school_line)


def institute_names(institute: Institute, path: DataPath) -> Worded:
    """{nom}, {sigle}, {creation}, {creation.quand}, {inauguration}…, {par},
    {fondateurs}, {partenaires}, {etudiants}, {etudiants.nombre}, {annee_etudiants}."""
    names = Worded()
    names.add("nom", institute.name, at((*path, "nom")))
    if institute.acronym:
        names.add("sigle", institute.acronym, at((*path, "sigle")))
    for key, date, _ in institute.events():
        names.add(key, date.text(), at((*path, key), "date"))
        names.add(f"{key}.quand", date.when(), at((*path, key), "quand"))
    if institute.by:
        who = tuple(persons.phrase(p) for p in institute.by)
        names.add("par", who, persons.sources(list(institute.by), (*path, "par")))
    for key, items in (("fondateurs", institute.founders), ("partenaires", institute.partners)):
        if items:
            names.add(key, tuple(items), at((*path, key), "liste"))
    if institute.students is not None:
        number = french.number(institute.students)
        names.add("etudiants", f"{number} étudiants", at((*path, "etudiants"), "nombre"))
        names.add("etudiants.nombre", number, at((*path, "etudiants"), "nombre"))
    if institute.students_year:
        names.add("annee_etudiants", institute.students_year, at((*path, "annee_etudiants")))
    return names


def institute_sentence(institute: Institute, path: DataPath) -> list[Piece]:
    """ "Inauguré le 6 décembre 2014 par les présidents …." ; "Créé en 2010 par A et B.";
    the participles agree with the name ("Créée" for an université)."""
    ending = institute.agreement.ending()
    parts: list[list[Piece]] = []
    for key, date, participle in institute.events():
        part: list[Piece] = [
            (f"{participle}{ending} ", None),
            (date.when(), at((*path, key), "quand")),
        ]
        if key == "creation" and institute.founders:
            who = enumerate_phrases(institute.founders)
            part += [(" par ", None), (who, at((*path, "fondateurs"), "liste"))]
        elif key != "creation" and institute.by:
            who = enumerate_phrases([persons.phrase(p) for p in institute.by])
            part += [(" par ", None), (who, persons.sources(list(institute.by), (*path, "par")))]
        parts.append(part)
    if not parts:
        return []
    pieces = joined(parts, ", ")
    pieces[0] = (french.capitalize(pieces[0][0]), pieces[0][1])
    return [*pieces, (".", None)]


def institutes(ctx: Context, block: InstitutesBlock, path: DataPath, used: set[str]) -> list[Block]:
    """The author's introduction if any (never one of ours: what the institutes are is a
    fact), then each institute: its name in bold, its dates in a sentence, its partners
    and students unless its text says them, its text."""
    blocks: list[Block] = []
    if block.introduction:
        blocks.append(paragraph([(block.introduction, at((*path, "introduction")))]))
    for index, institute in enumerate(block.institutes):
        blocks += _institute(ctx, institute, (*path, "instituts", index))
    return blocks


def _institute(ctx: Context, institute: Institute, path: DataPath) -> list[Block]:
    title: list[Piece] = [(institute.name, at((*path, "nom")))]
    if institute.acronym:
        title += [(" (", None), (institute.acronym, at((*path, "sigle"))), (")", None)]
    text, used = ctx.prose(institute.text, path)
    sentence = institute_sentence(institute, path)
    if any(
        cited(key, used) for key in ("creation", "inauguration", "ouverture", "par", "fondateurs")
    ):
        sentence = []  # the institute's text states its dates
    candidates: list[tuple[str, Fact]] = []
    if institute.partners:
        partners = [(", ".join(institute.partners), at((*path, "partenaires"), "liste", ","))]
        candidates.append(("partenaires", sourced_fact("Partenaires", partners)))
    if institute.students is not None:
        students: list[Piece] = [
            (french.number(institute.students), at((*path, "etudiants"), "nombre"))
        ]
        if institute.students_year:
            year = at((*path, "annee_etudiants"))
            students += [(" (", None), (institute.students_year, year), (")", None)]
        candidates.append(("etudiants", sourced_fact("Étudiants", students)))
    return [
        Paragraph(typeset(title, bold=True)),
        *([paragraph(sentence)] if sentence else []),
        *facts_block(not_stated(candidates, used)),
        *text,
    ]


def scholarships(
    ctx: Context, block: ScholarshipsBlock, path: DataPath, used: set[str]
) -> list[Block]:
    """ "Programmes de bourses : Abaï-Verne, …" (the label is the block's « libelle »:
    « cofinancés » only where the data says so)."""
    where = (*path, "bourses")
    names: list[Piece] = []
    for i, p in enumerate(block.programmes):
        names += [(", ", None)] * (i > 0) + [(p.name, at((*where, i, "nom")))]
        if p.partner:
            names += [(" (", None), (p.partner, at((*where, i, "partenaire"))), (")", None)]
    label: list[Piece] = [(block.label, at((*path, "libelle")))]
    return facts_block([sourced_fact(label, names)])
