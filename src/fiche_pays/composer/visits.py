"""Visits and meetings: the page's sentence, a generated line, or tables by direction.

A line puts the place right after the noun, so that it never lands after a long list of
persons: "Juillet 2023 : visite au Vanuatu du président de la République Emmanuel
MACRON, de la ministre … et de la secrétaire d'État …".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import french, grammar
from ..model.blocks import VisitsBlock
from ..model.country import Country
from ..model.persons import Party, agreement_of_all
from ..model.types import DataPath
from ..model.visits import Visit
from ..tree import Block, Run, Runs, Source, Table, plain
from . import dates, persons, places
from .nodes import plural
from .provenance import Piece, at, computed, typeset
from .records import record_blocks
from .references import Worded, enumerate_phrases

if TYPE_CHECKING:
    from .context import Context

_PEOPLE = (
    ("visiteurs", "visitors"),
    ("accompagnateurs", "companions"),
    ("recu_par", "hosts"),
    ("avec", "counterparts"),
    ("invite_par", "inviters"),
)


def visit_names(visit: Visit, path: DataPath, country: Country) -> Worded:
    """The names a visit's own sentence may cite: {date}, {quand}, {nature},
    {visiteurs}, {avec.2}, {lieu.au}, {occasion}, {objet}…"""
    names = Worded()
    names.add("date", dates.text(visit.dates, visit.end), _when(visit, path, "date"))
    names.add("quand", dates.when(visit.dates, visit.end), _when(visit, path, "quand"))
    names.add("nature", _kind(visit), _kind_source(visit, path))
    for key, attribute in _PEOPLE:
        parties = getattr(visit, attribute)
        if parties:
            names.update(persons.names(key, parties, (*path, key)))
    if visit.place:
        names.add("lieu", visit.place, at((*path, "lieu")))
        names.add("lieu.au", places.at(visit.place, country), places.source((*path, "lieu")))
    if visit.occasion:
        names.add("occasion", visit.occasion, at((*path, "occasion")))
    if visit.purpose:
        names.add("objet", visit.purpose, at((*path, "objet")))
    return names


def _when(visit: Visit, path: DataPath, form: str) -> Source:
    return dates.source(path, visit.dates, visit.end, form)


def _kind(visit: Visit) -> str:
    kind = visit.kind or "visite"
    return grammar.pluralize_head(kind) if len(visit.dates) > 1 else kind


def _kind_source(visit: Visit, path: DataPath) -> Source:
    if visit.kind and len(visit.dates) == 1:
        return at((*path, "nature"))
    return computed(
        "« visite » par défaut, au pluriel pour plusieurs dates : modifiez « nature »",
        (*path, "nature"),
    )


def _is_meeting(visit: Visit) -> bool:
    return (visit.kind or "").lower().startswith(("entretien", "rencontre"))


def _people(parties: list[Party], path: DataPath, preposition: str | None = None) -> Piece:
    text = enumerate_phrases([persons.phrase(p) for p in parties], preposition)
    return text, persons.sources(parties, path)


def visit_line(visit: Visit, path: DataPath, country: Country) -> list[Piece]:
    """ "3 octobre 2023 : visite en Arménie de la ministre de l'Europe et des Affaires
    étrangères"; "Juillet 2021 : entretien à Tokyo du président de la République avec le
    Premier ministre mongol L. OYUN-ERDENE, en marge des Jeux olympiques de Tokyo"."""
    pieces: list[Piece] = [
        (french.capitalize(dates.text(visit.dates, visit.end)), _when(visit, path, "date")),
        (" : ", None),
        (_kind(visit), _kind_source(visit, path)),
    ]
    if visit.place:
        pieces += [(" ", None), (places.at(visit.place, country), places.source((*path, "lieu")))]
    # Each part: its pieces, and whether it ends with an apposition that a following part
    # not starting with a comma must close ("…, M. Sevele, avec …").
    parts: list[tuple[list[Piece], bool]] = [
        (
            [(" ", None), _people(visit.visitors, (*path, "visiteurs"), "de")],
            _apposition(visit.visitors),
        )
    ]
    parts += _details(visit, path, companions=True)
    for index, (part, apposition) in enumerate(parts):
        pieces += part
        following = parts[index + 1][0][0][0] if index + 1 < len(parts) else None
        if apposition and following is not None and following.startswith(" avec"):
            pieces.append((",", None))
    return pieces


def _details(visit: Visit, path: DataPath, companions: bool) -> list[tuple[list[Piece], bool]]:
    """What a visit says beyond who went where and when, each part led by its comma:
    companions, hosts, inviters, counterparts, occasion, purpose. A line and a table
    state the same parts, so that no field is ever dropped by the table form."""
    agreement = agreement_of_all(visit.visitors).ending()
    meeting = _is_meeting(visit)
    parts: list[tuple[list[Piece], bool]] = []
    for attribute, key, lead in (
        ("companions", "accompagnateurs", f", accompagné{agreement} "),
        ("hosts", "recu_par", f", reçu{agreement} par "),
        ("inviters", "invite_par", ", à l'invitation "),
    ):
        parties = getattr(visit, attribute)
        if parties and (companions or key != "accompagnateurs"):
            preposition = None if key == "recu_par" else "de"
            person = _people(parties, (*path, key), preposition)
            parts.append(([(lead.rstrip(" ") + " ", None), person], _apposition(parties)))
    if visit.counterparts:
        lead = " avec " if meeting else ", entretiens avec "
        person = _people(visit.counterparts, (*path, "avec"))
        parts.append(([(lead, None), person], _apposition(visit.counterparts)))
    if visit.occasion:
        lead = ", en marge " if meeting else ", à l'occasion "
        occasion = (
            french.of(visit.occasion),
            computed("modifiez « occasion »", (*path, "occasion")),
        )
        parts.append(([(lead, None), occasion], False))
    if visit.purpose:
        parts.append(([(" (", None), (visit.purpose, at((*path, "objet"))), (")", None)], False))
    return parts


def _table_details(visit: Visit, path: DataPath) -> list[Piece]:
    """The « Objet » cell of a visit in a table: its nature when typed, then the parts a
    line would state (hosts, counterparts, occasion…) and its purpose, without parentheses:
    « Entretien avec le Premier ministre mongol …, en marge des Jeux olympiques de Tokyo »."""
    pieces: list[Piece] = []
    if visit.kind:
        pieces.append((_kind(visit), _kind_source(visit, path)))
    for part, _ in _details(visit, path, companions=False):
        lead = part[0][0]
        if lead == " (":  # the purpose: after a comma, or alone
            part = [(", ", None), part[1]] if pieces else [part[1]]
        elif not pieces:
            part = [(lead.lstrip(", ").lstrip(), None), *part[1:]]
        pieces += part
    return pieces


def _apposition(parties: list[Party]) -> bool:
    return persons.has_apposition(parties[-1])


def visits(ctx: Context, block: VisitsBlock, path: DataPath, used: set[str]) -> list[Block]:
    """A block of visits: sentences and lines in order, or tables by direction."""
    country = ctx.fiche.country
    if block.presentation in ("liste", "puces"):
        return record_blocks(
            ctx,
            path,
            "visites",
            block.visits,
            used,
            lambda v, p: visit_line(v, p, country),
            bullets=block.presentation == "puces",
        )
    out: list[Block] = []
    run: list[tuple[int, Visit]] = []
    for index, visit in enumerate(block.visits):
        if ctx.silenced((*path, "visites", index), used):
            continue
        if visit.text:
            out += tables(run, (*path, "visites"), country)
            run = []
            out += ctx.prose(visit.text, (*path, "visites", index))[0]
        else:
            run.append((index, visit))
    return out + tables(run, (*path, "visites"), country)


def tables(items: list[tuple[int, Visit]], base: DataPath, country: Country) -> list[Block]:
    """One table per direction of travel, sorted by date: Date, Personnalité, Lieu, Objet;
    every cell starts with a capital."""
    adjective = country.adjective_feminine
    groups = {
        "vers_le_pays": (f"Visites françaises {country.in_form}", country.name),
        "vers_la_france": (
            (
                f"Visites {plural(adjective)} en France"
                if adjective
                else f"Visites en France de personnalités {country.of_form}"
            ),
            "France",
        ),
        "pays_tiers": ("Rencontres dans des pays tiers", ""),
    }
    blocks: list[Block] = []
    for direction, (caption, default_place) in groups.items():
        chosen = sorted(
            ((i, v) for i, v in items if v.direction == direction),
            key=lambda item: item[1].first_day,
        )
        if not chosen:
            continue
        with_purpose = any(_table_details(v, (*base, i)) for i, v in chosen)
        header = ("Date", "Personnalité", "Lieu", *(("Objet",) if with_purpose else ()))
        cells: list[tuple[Runs, ...]] = [tuple((Run(h),) for h in header)]
        for index, visit in chosen:
            path = (*base, index)
            who: list[Piece] = []
            for number, party in enumerate(visit.visitors):
                where = (
                    (*path, "visiteurs", number)
                    if len(visit.visitors) > 1
                    else (*path, "visiteurs")
                )
                who += [("\u00a0; ", None)] * (number > 0)
                who += persons.name_first_pieces(party, where)
            if visit.companions:
                agreement = agreement_of_all(visit.visitors).ending()
                who += [(f", accompagné{agreement} ", None)]
                who.append(_people(visit.companions, (*path, "accompagnateurs"), "de"))
            row = [
                _cell(dates.text(visit.dates, visit.end), _when(visit, path, "date")),
                _capitalized(who),
                _cell(visit.place or default_place, at((*path, "lieu"))),
            ]
            if with_purpose:
                details = _table_details(visit, path)
                row.append(_capitalized(details) if details else _cell("", at((*path, "objet"))))
            cells.append(tuple(row))
        widths = (0.22, 0.38, 0.15, 0.25) if with_purpose else (0.25, 0.5, 0.25)
        blocks.append(
            Table(
                header,
                tuple(tuple(plain(cell) for cell in row) for row in cells[1:]),
                caption=plain(typeset([(caption, None)])),
                widths=widths,
                cell_runs=tuple(cells),
            )
        )
    return blocks


def _capitalized(pieces: list[Piece]) -> Runs:
    """A cell starting with a capital; a field printed with it reads back as typed."""
    if pieces:
        (text, source), capital = pieces[0], french.capitalize(pieces[0][0])
        if capital != text and source is not None and source.form == "texte":
            source = Source(source.fields, "capitale", source.params, source.note)
        pieces = [(capital, source), *pieces[1:]]
    return typeset(pieces)


def _cell(text: str, source: Source) -> Runs:
    """A cell worded from one field, with a capital; an empty one keeps its source, so
    that what a reviewer types into it goes to that field."""
    return typeset([(french.capitalize(text), source)]) or (Run("", source=source),)
