"""Présence française: community, embassy, consular posts, the country's community in France."""

from __future__ import annotations

from .. import french
from ..model.presence import Community, ConsularPost
from ..tree import Block, Fact
from .context import Context, fact, facts_block


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


def presence(ctx: Context) -> list[Block]:
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
    return [*facts_block(rows), *after]
