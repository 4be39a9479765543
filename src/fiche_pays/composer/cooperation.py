"""Coopération culturelle, scientifique et technique: Alliances, schools, institutes,
scholarships."""

from __future__ import annotations

from .. import french
from ..model.cooperation import Alliance, Institute, School
from ..tree import Block, DataPath, Fact, Facts, Paragraph
from . import references
from .context import Context, facts_block, plural, sourced_fact
from .provenance import Piece, at, computed, typeset

_BASE: DataPath = ("cooperation",)


def cooperation(ctx: Context) -> list[Block]:
    cooperation, country = ctx.fiche.cooperation, ctx.fiche.country
    if cooperation is None:
        return []
    blocks: list[Block] = ctx.prose(cooperation.text, ("cooperation",))[0]
    network = cooperation.alliances
    if network and network.items:
        path = (*_BASE, "alliances_francaises")
        count = len(network.items)
        noun = "Alliance française" if count == 1 else "Alliances françaises"
        how_many = computed(
            "le nombre d'Alliances françaises est celui de la liste : ajoutez ou retirez une "
            "Alliance dans « alliances_francaises »"
        )
        sentence: list[Piece] = [
            (f"Notre réseau culturel {country.in_form} est constitué de ", None),
            (french.count(count), how_many),
            (f" {noun}", None),
        ]
        if network.total_students is not None:
            verb = "accueille" if count == 1 else "accueillent"
            sentence += [
                (f" qui {verb} un total de ", None),
                (french.number(network.total_students), at((*path, "total_etudiants"), "nombre")),
                (" étudiants", None),
            ]
        blocks.append(Paragraph(typeset([*sentence, (".", None)])))
        blocks += facts_block(
            [
                sourced_fact(
                    [(a.city, at((*path, "liste", i, "ville")))],
                    _alliance_value(a, (*path, "liste", i)),
                )
                for i, a in enumerate(network.items)
            ]
        )
    if network:
        blocks += ctx.prose(network.text, ("cooperation", "alliances_francaises"))[0]
    if cooperation.schools:
        blocks += facts_block(
            [
                sourced_fact(
                    _school_label(s, (*_BASE, "etablissements_scolaires", i)),
                    _school_value(s, (*_BASE, "etablissements_scolaires", i)),
                )
                for i, s in enumerate(cooperation.schools)
            ]
        )
    if cooperation.institutes:
        count = len(cooperation.institutes)
        adjective = plural(country.adjective) if count > 1 else country.adjective
        noun = "instituts" if count > 1 else "institut"
        how_many = computed(
            "le nombre d'instituts est celui de la liste : ajoutez ou retirez un institut "
            "dans « instituts »"
        )
        blocks.append(
            Paragraph(
                typeset(
                    [
                        ("La coopération scientifique et technique est structurée autour ", None),
                        *(
                            [("de ", None), (french.count(count), how_many)]
                            if count > 1
                            else [("d’un", None)]
                        ),
                        (f" {noun} franco-{adjective} de formation et de recherche :", None),
                    ]
                )
            )
        )
        for index, institute in enumerate(cooperation.institutes):
            blocks += _institute(ctx, institute, ("cooperation", "instituts", index))
    scholarships = cooperation.scholarships
    if scholarships:
        if scholarships.programmes:
            path = (*_BASE, "bourses", "programmes")
            names: list[Piece] = []
            for i, p in enumerate(scholarships.programmes):
                names += [(", ", None)] * (i > 0) + [(p.name, at((*path, i, "nom")))]
                if p.partner:
                    names += [(" (", None), (p.partner, at((*path, i, "partenaire"))), (")", None)]
            blocks.append(Facts((sourced_fact("Programmes de bourses cofinancés", names),)))
        blocks += ctx.prose(scholarships.text, ("cooperation", "bourses"))[0]
    return blocks


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
    value: list[Piece] = []
    for index, part in enumerate(parts):
        value += [(", ", None)] * (index > 0) + part
    return value or [("—", None)]


def _school_label(school: School, path: DataPath) -> list[Piece]:
    label: list[Piece] = [(school.name, at((*path, "nom")))]
    if school.city:
        label += [(" (", None), (school.city, at((*path, "ville"))), (")", None)]
    return label


def _school_value(school: School, path: DataPath) -> list[Piece]:
    if school.pupils is None:
        return [("—", None)]
    value: list[Piece] = [
        (french.number(school.pupils), at((*path, "eleves"), "nombre")),
        (" élèves", None),
    ]
    if school.pupils_year:
        value += [(" (", None), (school.pupils_year, at((*path, "annee_eleves"))), (")", None)]
    return value


def _institute(ctx: Context, institute: Institute, path: DataPath) -> list[Block]:
    title: list[Piece] = [(institute.name, at((*path, "nom")))]
    if institute.acronym:
        title += [(" (", None), (institute.acronym, at((*path, "sigle"))), (")", None)]
    text, used = ctx.prose(institute.text, path)
    candidates: list[tuple[str, Fact]] = []
    if institute.date:
        value: list[Piece] = [(institute.date.text(), at((*path, "date"), "date"))]
        if institute.event_details:
            value += [(", ", None), (institute.event_details, at((*path, "precisions")))]
        candidates.append(("date", sourced_fact(french.capitalize(institute.event), value)))
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
        *facts_block(references.not_stated(candidates, used)),
        *text,
    ]
