"""Validated fiche -> document tree: which sections, in which order, in which words.

Every content decision lives here, once: section titles, generated sentences, how a
number or a date is worded, French typography. The writers only lay the tree out.
A structured fact is stated once: when the desk officer's prose refers to it
("{relations_diplomatiques.quand}"), the prose states it and no fact line repeats it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import economy as economy_section
from . import french, references
from .french import Units, typography
from .model import (
    Agreement,
    Alliance,
    Ambassador,
    Community,
    ConsularPost,
    Fiche,
    FreeBody,
    Institute,
    School,
    Visit,
)
from .tree import (
    Block,
    BulletList,
    Document,
    Fact,
    Facts,
    Meta,
    Paragraph,
    Run,
    Section,
    Table,
)

TITLES = {
    "relations_politiques": "Relations politiques",
    "presence_francaise": "Présence française",
    "visites": "Visites",
    "ambassadeurs": "Ambassadeurs",
    "relations_economiques": "Relations économiques",
    "cooperation": "Coopération culturelle, scientifique et technique",
    "autres_cooperations": "Autres types de coopérations",
    "informations_complementaires": "Informations complémentaires",
}


@dataclass(frozen=True)
class Wording:
    """Wording settings a template may change: amount units, default author."""

    units: Units = field(default_factory=Units)
    default_author: str = "Ministère de l'Europe et des affaires étrangères"
    toc_title: str = "Sommaire"


class _Context:
    """What section builders share: the fiche, its names, the wording settings."""

    def __init__(self, fiche: Fiche, wording: Wording):
        self.fiche = fiche
        self.wording = wording
        self.names = references.Names(fiche, wording.units)

    def prose(self, text: str | None, path: tuple) -> tuple[list[Block], set[str]]:
        """Paragraphs of a desk officer's text, references resolved, and names used."""
        if not text:
            return [], set()
        resolved, used = references.resolve(text, self.names.for_path(path))
        return [Paragraph((Run(p),)) for p in paragraphs(resolved)], used


def compose(fiche: Fiche, wording: Wording | None = None) -> Document:
    """Build the document tree of a validated fiche."""
    wording = wording or Wording()
    ctx = _Context(fiche, wording)
    builders: dict[str, Callable[[_Context], list[Block | Section]]] = {
        "relations_politiques": _political,
        "presence_francaise": _presence,
        "visites": _visits,
        "ambassadeurs": _ambassadors,
        "relations_economiques": lambda c: economy_section.blocks(
            c.fiche, c.wording.units, c.prose, c.names.for_path(("relations_economiques",))
        ),
        "cooperation": _cooperation,
        "autres_cooperations": lambda c: _free_body(c, c.fiche.other, ("autres_cooperations",)),
    }
    sections: list[Section] = []
    for key, build in builders.items():
        children = build(ctx)
        if children:
            sections.append(Section(key, TITLES[key], 1, tuple(children)))
    sections = _place_extra_sections(ctx, sections)
    if fiche.links:
        items = tuple((Run(typography(link.title), href=link.url),) for link in fiche.links)
        sections.append(
            Section(
                "informations_complementaires",
                TITLES["informations_complementaires"],
                1,
                (BulletList(items),),
            )
        )
    return Document(_meta(fiche, wording), tuple(sections))


def _meta(fiche: Fiche, wording: Wording) -> Meta:
    doc, country = fiche.document, fiche.country
    updated = doc.updated
    return Meta(
        title=typography(f"{country.name} — {doc.title}"),
        country=typography(country.name),
        kind=typography(doc.title),
        date=updated.first_day,
        timestamp=document_timestamp(updated.first_day),
        date_label=typography(f"Mise à jour : {updated.text()}"),
        short_title=typography(f"{country.name} — {doc.title}"),
        author=typography(doc.author or doc.service or wording.default_author),
        subject=typography(f"{doc.title} entre la France et {country.the_form}"),
        keywords=tuple(typography(k) for k in dict.fromkeys([country.name, *doc.keywords])),
        service=typography(doc.service) if doc.service else None,
        toc_title=wording.toc_title,
    )


def document_timestamp(date: dt.date) -> dt.datetime:
    """When the files say they were made: the update date (midnight UTC), or
    SOURCE_DATE_EPOCH when set (the reproducible-builds convention). Never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.combine(date, dt.time(0, 0), dt.UTC)


def _place_extra_sections(ctx: _Context, sections: list[Section]) -> list[Section]:
    """Insert the fiche's extra sections after the section they name (default: last)."""
    result = list(sections)
    for index, extra in enumerate(ctx.fiche.extra):
        children = _free_body(ctx, extra, ("sections_supplementaires", index))
        section = Section(extra.key, typography(extra.title), 1, tuple(children))
        keys = [s.key for s in result]
        position = keys.index(extra.after) + 1 if extra.after in keys else len(result)
        result.insert(position, section)
    return result


# --- helpers ----------------------------------------------------------------------------------

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t\n]+")  # not str.split(): it would eat no-break spaces


def paragraphs(text: str) -> list[str]:
    """Split prose on blank lines; single line breaks inside a paragraph are spaces."""
    return [typography(_SPACES.sub(" ", p).strip()) for p in _BLANK_LINE.split(text) if p.strip()]


def fact(label: str, value: str) -> Fact:
    """A "Label : value" line from plain strings, with French typography."""
    return Fact(typography(label), (Run(typography(value)),))


def _facts_block(rows: list[Fact]) -> list[Block]:
    return [Facts(tuple(rows))] if rows else []


def _plural(adjective: str) -> str:
    return adjective if adjective.endswith(("s", "x")) else adjective + "s"


def _elide(preposition: str, name: str) -> str:
    """ "de" + "Almaty" -> "d'Almaty"."""
    if preposition == "de" and name[:1].lower() in "aeiouyâàéèêîôûh":
        return f"d'{name}"
    return f"{preposition} {name}"


# --- sections -------------------------------------------------------------------------------


def _political(ctx: _Context) -> list[Block]:
    political = ctx.fiche.political
    if political is None:
        return []
    text, used = ctx.prose(political.text, ("relations_politiques",))
    candidates: list[tuple[str, Fact]] = []
    if political.diplomatic_relations:
        candidates.append(
            (
                "relations_diplomatiques",
                fact(
                    "Relations diplomatiques", f"établies {political.diplomatic_relations.when()}"
                ),
            )
        )
    for agreement in political.agreements:
        name = f"accords.{agreement.key}" if agreement.key else f"#{id(agreement)}"
        candidates.append(
            (name, fact(french.capitalize(agreement.title), _agreement_value(agreement)))
        )
    return [*_facts_block(references.not_stated(candidates, used)), *text]


def _agreement_value(agreement: Agreement) -> str:
    parts = []
    if agreement.signed:
        parts.append(f"signature {agreement.signed.when()}")
    if agreement.place:
        parts.append(agreement.place)
    if agreement.in_force:
        parts.append(f"entrée en vigueur {agreement.in_force.when()}")
    value = ", ".join(parts) or "date non renseignée"
    return f"{value} ({agreement.occasion})" if agreement.occasion else value


def community_value(community: Community) -> str:
    """ "289 résidents (2019)", "environ 2 000 inscrits (au 31 décembre 2020), dont …"."""
    if community.count is None:
        return ""
    value = f"{french.number(community.count)} {community.unit}"
    if community.approximation:
        value = f"{community.approximation} {value}"
    if community.as_of:
        date = community.as_of
        value += f" (au {date.text()})" if date.day else f" ({date.text()})"
    if community.binationals is not None:
        value += f", dont {french.number(community.binationals)} binationaux"
    if community.unregistered is not None:
        value += f" ; Français non inscrits estimés à {french.number(community.unregistered)}"
    return value


_POST_PLURALS = {
    "consulat général": "consulats généraux",
    "consulat": "consulats",
    "section consulaire": "sections consulaires",
    "agence consulaire": "agences consulaires",
    "consul honoraire": "consuls honoraires",
    "poste de présence diplomatique": "postes de présence diplomatique",
}


# "Section consulaire : couverte depuis …": the participle agrees with the post.
_COVERED = {
    kind: "couverte" if kind in ("section consulaire", "agence consulaire") else "couvert"
    for kind in _POST_PLURALS
}


def _posts(posts: list[ConsularPost]) -> list[Fact]:
    by_kind: dict[str, list[str]] = {}
    for post in posts:
        where = post.city or ""
        if post.covered_from:
            where = (
                f"{where} (depuis {post.covered_from})".strip()
                if where
                else f"{_COVERED[post.kind]} depuis {post.covered_from}"
            )
        by_kind.setdefault(post.kind, []).append(where)
    return [
        fact(
            french.capitalize(kind if len(places) == 1 else _POST_PLURALS[kind]),
            french.join(places),
        )
        for kind, places in by_kind.items()
    ]


def _presence(ctx: _Context) -> list[Block]:
    presence, country = ctx.fiche.presence, ctx.fiche.country
    if presence is None:
        return []
    rows: list[Fact] = []
    after: list[Block] = []
    if presence.community:
        if presence.community.count is not None:
            rows.append(
                fact(f"Communauté française {country.in_form}", community_value(presence.community))
            )
        after += ctx.prose(presence.community.text, ("presence_francaise", "communaute"))[0]
    if presence.embassy:
        embassy = presence.embassy
        where = embassy.city or ""
        if embassy.resident_in:
            where = (f"{where}, " if where else "non résidente, ambassadeur en résidence ") + (
                embassy.resident_in
            )
        rows.append(fact("Ambassade", where or "—"))
    rows += _posts(presence.posts)
    if presence.community_in_france and presence.community_in_france.count is not None:
        adjective = country.adjective_feminine
        label = (
            f"Communauté {adjective} en France"
            if adjective
            else f"Ressortissants {country.of_form} en France"
        )
        rows.append(fact(label, community_value(presence.community_in_france)))
    if presence.community_in_france:
        after += ctx.prose(
            presence.community_in_france.text, ("presence_francaise", "communaute_en_france")
        )[0]
    after += ctx.prose(presence.text, ("presence_francaise",))[0]
    return [*_facts_block(rows), *after]


def visit_date(visit: Visit) -> str:
    """ "4 et 5 décembre 2014", "du 4 au 6 novembre 2015", "juillet 2019"."""
    if visit.end is None:
        return visit.date.text()
    return french.date_range(visit.date.first_day, visit.end.first_day)


def _visits(ctx: _Context) -> list[Block]:
    visits, country = ctx.fiche.visits, ctx.fiche.country
    if visits is None:
        return []
    blocks: list[Block] = ctx.prose(visits.text, ("visites",))[0]
    adjective = country.adjective_feminine
    groups = {
        "vers_le_pays": (f"Visites françaises {country.in_form}", country.name),
        "vers_la_france": (
            (
                f"Visites {_plural(adjective)} en France"
                if adjective
                else f"Visites en France de personnalités {country.of_form}"
            ),
            "France",
        ),
        "pays_tiers": ("Rencontres dans des pays tiers", ""),
    }
    for direction, (caption, default_place) in groups.items():
        items = sorted(
            (v for v in visits.items if v.direction == direction), key=lambda v: v.date.first_day
        )
        if not items:
            continue
        with_purpose = any(v.purpose for v in items)
        header = ("Date", "Personnalité", "Lieu", *(("Objet",) if with_purpose else ()))
        rows = []
        for visit in items:
            person = visit.person + (f", {visit.function}" if visit.function else "")
            row = [french.capitalize(visit_date(visit)), person, visit.place or default_place]
            if with_purpose:
                row.append(french.capitalize(visit.purpose or ""))
            rows.append(tuple(typography(cell) for cell in row))
        widths = (0.22, 0.38, 0.15, 0.25) if with_purpose else (0.25, 0.5, 0.25)
        blocks.append(Table(header, tuple(rows), caption=typography(caption), widths=widths))
    return blocks


def _ambassador_value(ambassador: Ambassador) -> str:
    value = ambassador.name
    extra = []
    if ambassador.since:
        extra.append(f"depuis {ambassador.since.text()}")
    if ambassador.resident_in:
        extra.append(f"en résidence {ambassador.resident_in}")
    return f"{value} ({', '.join(extra)})" if extra else value


def _ambassadors(ctx: _Context) -> list[Block]:
    ambassadors, country = ctx.fiche.ambassadors, ctx.fiche.country
    if ambassadors is None:
        return []
    rows = []
    for person, where in (
        (ambassadors.french, f"de France {country.in_form}"),
        (ambassadors.foreign, f"{country.of_form} en France"),
    ):
        if person:
            title = "Ambassadrice" if person.title == "Mme" else "Ambassadeur"
            rows.append(fact(f"{title} {where}", _ambassador_value(person)))
    return _facts_block(rows)


def _cooperation(ctx: _Context) -> list[Block]:
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
        blocks += _facts_block([fact(a.city, _alliance_value(a)) for a in network.items])
    if network:
        blocks += ctx.prose(network.text, ("cooperation", "alliances_francaises"))[0]
    if cooperation.schools:
        blocks += _facts_block(
            [
                fact(s.name + (f" ({s.city})" if s.city else ""), _school_value(s))
                for s in cooperation.schools
            ]
        )
    if cooperation.institutes:
        count = len(cooperation.institutes)
        adjective = _plural(country.adjective) if count > 1 else country.adjective
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


def _institute(ctx: _Context, institute: Institute, path: tuple) -> list[Block]:
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
        *_facts_block(references.not_stated(candidates, used)),
        *text,
    ]


def _free_body(ctx: _Context, body: FreeBody | None, path: tuple) -> list[Block]:
    if body is None:
        return []
    blocks: list[Block] = ctx.prose(body.text, path)[0]
    blocks += _facts_block([fact(f.label, f.value) for f in body.facts])
    if body.items:
        blocks.append(BulletList(tuple((Run(typography(i)),) for i in body.items)))
    if body.table:
        table = body.table
        blocks.append(
            Table(
                tuple(typography(h) for h in table.header),
                tuple(tuple(typography(c) for c in row) for row in table.rows),
                caption=typography(table.caption) if table.caption else None,
                source=typography(f"Source : {table.source}") if table.source else None,
                widths=column_widths(table.header, table.rows),
            )
        )
    return blocks


def column_widths(header: list[str], rows: list[list[str]]) -> tuple[float, ...]:
    """Relative column widths from the text they hold: short dates get narrow columns."""
    widths = []
    for index, title in enumerate(header):
        cells = [row[index] for row in rows] or [""]
        lengths = [len(cell) for cell in cells]
        typical = sum(lengths) / len(lengths) + 0.25 * max(lengths)
        longest_word = max((len(w) for w in title.split()), default=1)
        widths.append(round(min(max(typical, longest_word, 6.0), 50.0), 1))
    return tuple(widths)
