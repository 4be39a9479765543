"""Cooperation: Alliances françaises, joint institutes, French schools, scholarships.

An institute's dates are a sentence, as pages write them: "Inauguré le 6 décembre 2014
par les présidents …", "Créé en 2010 par l'université de Lorraine et …" (its founders,
never "Partenaires")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import french
from ..french import typography
from ..model.blocks import AlliancesBlock, InstitutesBlock, ScholarshipsBlock, SchoolsBlock
from ..model.cooperation import Alliance, Institute, School
from ..model.country import Country
from ..model.types import DataPath
from ..tree import Block, Fact, Paragraph, Run
from . import places
from .nodes import fact, facts_block, paragraph, plural
from .persons import phrase
from .records import record_blocks
from .references import Value, cited, enumerate_phrases, not_stated

if TYPE_CHECKING:
    from .context import Context


def alliances(ctx: Context, block: AlliancesBlock, path: DataPath, used: set[str]) -> list[Block]:
    """ "Notre réseau culturel au Kazakhstan est constitué de quatre Alliances
    françaises…", then one line per Alliance."""
    network, country = block.network, ctx.fiche.country
    if not network.items:
        return []
    count = len(network.items)
    noun = "Alliance française" if count == 1 else "Alliances françaises"
    sentence = f"Notre réseau culturel {country.in_form} est constitué de " + (
        f"{french.count(count)} {noun}"
    )
    if network.total_students is not None:
        verb = "accueille" if count == 1 else "accueillent"
        sentence += f" qui {verb} un total de {french.number(network.total_students)} étudiants"
    return [
        paragraph(sentence + "."),
        *facts_block([fact(a.city, _alliance_value(a)) for a in network.items]),
    ]


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


def school_names(school: School, country: Country) -> dict[str, Value]:
    """{nom}, {ville}, {ville.au}, {eleves} ("650 élèves"), {eleves.nombre},
    {annee_eleves}."""
    names: dict[str, Value] = {"nom": school.name}
    if school.city:
        names["ville"] = school.city
        names["ville.au"] = places.at(school.city, country)
    if school.pupils is not None:
        names["eleves"] = f"{french.number(school.pupils)} élèves"
        names["eleves.nombre"] = french.number(school.pupils)
    if school.pupils_year:
        names["annee_eleves"] = school.pupils_year
    return names


def _school_line(school: School) -> Fact:
    label = french.capitalize(school.name) + (f" ({school.city})" if school.city else "")
    if school.pupils is None:
        return fact(label, "—")
    year = f" ({school.pupils_year})" if school.pupils_year else ""
    return fact(label, f"{french.number(school.pupils)} élèves{year}")


def schools(ctx: Context, block: SchoolsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """ "Lycée français (Port-Vila) : 650 élèves (2023)", or the page's sentence."""
    return record_blocks(ctx, path, "etablissements_scolaires", block.schools, used, _school_line)


def institute_names(institute: Institute) -> dict[str, Value]:
    """{nom}, {sigle}, {creation}, {creation.quand}, {inauguration}…, {par},
    {fondateurs}, {etudiants}, {etudiants.nombre}, {annee_etudiants}."""
    names: dict[str, Value] = {"nom": institute.name}
    if institute.acronym:
        names["sigle"] = institute.acronym
    for key, date, _ in institute.events():
        names[key] = date.text()
        names[f"{key}.quand"] = date.when()
    if institute.by:
        names["par"] = tuple(phrase(p) for p in institute.by)
    if institute.founders:
        names["fondateurs"] = tuple(institute.founders)
    if institute.partners:
        names["partenaires"] = tuple(institute.partners)
    if institute.students is not None:
        names["etudiants"] = f"{french.number(institute.students)} étudiants"
        names["etudiants.nombre"] = french.number(institute.students)
    if institute.students_year:
        names["annee_etudiants"] = institute.students_year
    return names


def institute_sentence(institute: Institute) -> str | None:
    """ "Inauguré le 6 décembre 2014 par les présidents …." ; "Créé en 2010 par A et B.";
    the participles agree with the name ("Créée" for an université)."""
    ending = institute.agreement.ending()
    parts = []
    for key, date, participle in institute.events():
        worded = f"{participle}{ending} {date.when()}"
        if key == "creation" and institute.founders:
            worded += " par " + enumerate_phrases(institute.founders)
        elif key != "creation" and institute.by:
            worded += " par " + enumerate_phrases([phrase(p) for p in institute.by])
        parts.append(worded)
    return french.capitalize(", ".join(parts)) + "." if parts else None


def institutes(ctx: Context, block: InstitutesBlock, path: DataPath, used: set[str]) -> list[Block]:
    """An introduction, then each institute: its name in bold, its dates in a sentence,
    its partners and students unless its text says them, its text."""
    country = ctx.fiche.country
    count = len(block.institutes)
    adjective = plural(country.adjective) if count > 1 else country.adjective
    noun = "instituts" if count > 1 else "institut"
    blocks: list[Block] = [
        paragraph(
            "La coopération scientifique et technique est structurée autour "
            f"{'de ' + french.count(count) if count > 1 else 'd’un'} {noun} "
            f"franco-{adjective} de formation et de recherche :"
        )
    ]
    for index, institute in enumerate(block.institutes):
        blocks += _institute(ctx, institute, (*path, "instituts", index))
    return blocks


def _institute(ctx: Context, institute: Institute, path: DataPath) -> list[Block]:
    title = institute.name + (f" ({institute.acronym})" if institute.acronym else "")
    text, used = ctx.prose(institute.text, (*path, "texte"))
    sentence = institute_sentence(institute)
    if any(
        cited(key, used) for key in ("creation", "inauguration", "ouverture", "par", "fondateurs")
    ):
        sentence = None  # the institute's text states its dates
    candidates: list[tuple[str, Fact]] = []
    if institute.partners:
        candidates.append(("partenaires", fact("Partenaires", ", ".join(institute.partners))))
    if institute.students is not None:
        year = f" ({institute.students_year})" if institute.students_year else ""
        candidates.append(
            ("etudiants", fact("Étudiants", f"{french.number(institute.students)}{year}"))
        )
    return [
        Paragraph((Run(typography(title), bold=True),)),
        *([paragraph(sentence)] if sentence else []),
        *facts_block(not_stated(candidates, used)),
        *text,
    ]


def scholarships(
    ctx: Context, block: ScholarshipsBlock, path: DataPath, used: set[str]
) -> list[Block]:
    """ "Programmes de bourses cofinancés : Abaï-Verne, …"."""
    names = [p.name + (f" ({p.partner})" if p.partner else "") for p in block.programmes]
    return facts_block([fact("Programmes de bourses cofinancés", ", ".join(names))])
