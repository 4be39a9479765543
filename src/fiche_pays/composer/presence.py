"""Présence française: community, embassy, consular posts, the country's community in France."""

from __future__ import annotations

from .. import french
from ..model.presence import Community, ConsularPost
from ..tree import Block, DataPath, Fact
from .context import Context, facts_block, sourced_fact
from .provenance import Piece, at


def community_value(community: Community, path: DataPath = ()) -> list[Piece]:
    """ "289 résidents (2019)", "environ 2 000 inscrits (au 31 décembre 2020), dont …",
    as pieces worded from the fields under ``path``."""
    if community.count is None:
        return []
    value: list[Piece] = []
    if community.approximation:
        value += [(community.approximation, at((*path, "approximation"))), (" ", None)]
    value += [
        (french.number(community.count), at((*path, "nombre"), "nombre")),
        (" ", None),
        (community.unit, at((*path, "unite"))),
    ]
    if community.as_of:
        date = community.as_of
        value += [
            (" (au " if date.day else " (", None),
            (date.text(), at((*path, "date"), "date")),
            (")", None),
        ]
    if community.binationals is not None:
        value += [
            (", dont ", None),
            (french.number(community.binationals), at((*path, "binationaux"), "nombre")),
            (" binationaux", None),
        ]
    if community.unregistered is not None:
        value += [
            (" ; Français non inscrits estimés à ", None),
            (french.number(community.unregistered), at((*path, "non_inscrits"), "nombre")),
        ]
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


def post_facts(posts: list[ConsularPost], path: DataPath) -> list[Fact]:
    """One line per kind of consular post ("Consulats généraux : Almaty et Astana"), the
    posts being the list at ``path``."""
    by_kind: dict[str, list[list[Piece]]] = {}
    for index, post in enumerate(posts):
        city = (post.city, at((*path, index, "ville"))) if post.city else None
        where: list[Piece] = [city] if city else []
        if post.covered_from:
            covered = (post.covered_from, at((*path, index, "depuis")))
            where = (
                [*where, (" (depuis ", None), covered, (")", None)]
                if where
                else [(f"{_COVERED[post.kind]} depuis ", None), covered]
            )
        by_kind.setdefault(post.kind, []).append(where)
    return [
        sourced_fact(
            french.capitalize(kind if len(places) == 1 else _POST_PLURALS[kind]),
            _joined(places),
        )
        for kind, places in by_kind.items()
    ]


def _joined(items: list[list[Piece]]) -> list[Piece]:
    """Pieces of items joined French-style: "a, b et c"."""
    result: list[Piece] = []
    for index, item in enumerate(items):
        if index:
            result.append((" et " if index == len(items) - 1 else ", ", None))
        result += item
    return result


def presence(ctx: Context) -> list[Block]:
    presence, country = ctx.fiche.presence, ctx.fiche.country
    if presence is None:
        return []
    base = ("presence_francaise",)
    rows: list[Fact] = []
    after: list[Block] = []
    if presence.community:
        if presence.community.count is not None:
            rows.append(
                sourced_fact(
                    f"Communauté française {country.in_form}",
                    community_value(presence.community, (*base, "communaute")),
                )
            )
        after += ctx.prose(presence.community.text, ("presence_francaise", "communaute"))[0]
    if presence.embassy:
        embassy = presence.embassy
        where: list[Piece] = []
        if embassy.city:
            where.append((embassy.city, at((*base, "ambassade", "ville"))))
        if embassy.resident_in:
            where.append(
                (", ", None) if where else ("non résidente, ambassadeur en résidence ", None)
            )
            where.append((embassy.resident_in, at((*base, "ambassade", "residence"))))
        rows.append(sourced_fact("Ambassade", where or [("—", None)]))
    rows += post_facts(presence.posts, (*base, "postes"))
    if presence.community_in_france and presence.community_in_france.count is not None:
        adjective = country.adjective_feminine
        label = (
            f"Communauté {adjective} en France"
            if adjective
            else f"Ressortissants {country.of_form} en France"
        )
        rows.append(
            sourced_fact(
                label,
                community_value(presence.community_in_france, (*base, "communaute_en_france")),
            )
        )
    if presence.community_in_france:
        after += ctx.prose(
            presence.community_in_france.text, ("presence_francaise", "communaute_en_france")
        )[0]
    after += ctx.prose(presence.text, ("presence_francaise",))[0]
    return [*facts_block(rows), *after]
