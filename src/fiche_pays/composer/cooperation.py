"""Coopération culturelle, scientifique et technique: Alliances, schools, institutes,
scholarships."""

from __future__ import annotations

from .. import french
from ..french import typography
from ..model.cooperation import Alliance, Institute, School
from ..tree import Block, Fact, Facts, Paragraph, Run
from . import references
from .context import Context, fact, facts_block, plural


def cooperation(ctx: Context) -> list[Block]:
    cooperation, country = ctx.fiche.cooperation, ctx.fiche.country
    if cooperation is None:
        return []
    blocks: list[Block] = ctx.prose(cooperation.text, ("cooperation",))[0]
    network = cooperation.alliances
    if network and network.items:
        count = len(network.items)
        noun = "Alliance française" if count == 1 else "Alliances françaises"
        sentence = f"Notre réseau culturel {country.in_form} est constitué de " + (
            f"{french.count(count)} {noun}"
        )
        if network.total_students is not None:
            verb = "accueille" if count == 1 else "accueillent"
            sentence += f" qui {verb} un total de {french.number(network.total_students)} étudiants"
        blocks.append(Paragraph((Run(typography(sentence + ".")),)))
        blocks += facts_block([fact(a.city, _alliance_value(a)) for a in network.items])
    if network:
        blocks += ctx.prose(network.text, ("cooperation", "alliances_francaises"))[0]
    if cooperation.schools:
        blocks += facts_block(
            [
                fact(s.name + (f" ({s.city})" if s.city else ""), _school_value(s))
                for s in cooperation.schools
            ]
        )
    if cooperation.institutes:
        count = len(cooperation.institutes)
        adjective = plural(country.adjective) if count > 1 else country.adjective
        noun = "instituts" if count > 1 else "institut"
        blocks.append(
            Paragraph(
                (
                    Run(
                        typography(
                            "La coopération scientifique et technique est structurée autour "
                            f"{'de ' + french.count(count) if count > 1 else 'd’un'} {noun} "
                            f"franco-{adjective} de formation et de recherche :"
                        )
                    ),
                )
            )
        )
        for index, institute in enumerate(cooperation.institutes):
            blocks += _institute(ctx, institute, ("cooperation", "instituts", index))
    scholarships = cooperation.scholarships
    if scholarships:
        if scholarships.programmes:
            names = [
                p.name + (f" ({p.partner})" if p.partner else "") for p in scholarships.programmes
            ]
            blocks.append(Facts((fact("Programmes de bourses cofinancés", ", ".join(names)),)))
        blocks += ctx.prose(scholarships.text, ("cooperation", "bourses"))[0]
    return blocks


def _alliance_value(alliance: Alliance) -> str:
    parts = []
    if alliance.founded:
        parts.append(f"créée en {alliance.founded}")
    if alliance.students is not None:
        students = f"{french.number(alliance.students)} étudiants"
        if alliance.students_year:
            students += f" ({alliance.students_year})"
        parts.append(students)
    if alliance.note:
        parts.append(alliance.note)
    return ", ".join(parts) or "—"


def _school_value(school: School) -> str:
    if school.pupils is None:
        return "—"
    year = f" ({school.pupils_year})" if school.pupils_year else ""
    return f"{french.number(school.pupils)} élèves{year}"


def _institute(ctx: Context, institute: Institute, path: tuple) -> list[Block]:
    title = institute.name + (f" ({institute.acronym})" if institute.acronym else "")
    text, used = ctx.prose(institute.text, path)
    candidates: list[tuple[str, Fact]] = []
    if institute.date:
        value = institute.date.text()
        if institute.event_details:
            value += f", {institute.event_details}"
        candidates.append(("date", fact(french.capitalize(institute.event), value)))
    if institute.partners:
        candidates.append(("partenaires", fact("Partenaires", ", ".join(institute.partners))))
    if institute.students is not None:
        year = f" ({institute.students_year})" if institute.students_year else ""
        candidates.append(
            ("etudiants", fact("Étudiants", f"{french.number(institute.students)}{year}"))
        )
    return [
        Paragraph((Run(typography(title), bold=True),)),
        *facts_block(references.not_stated(candidates, used)),
        *text,
    ]
