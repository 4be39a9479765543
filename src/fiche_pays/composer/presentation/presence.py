"""Présence française, as the presentation pages give it: the embassy's website, the
consular posts and the community (worded as in relations fiches), a text."""

from __future__ import annotations

from ...french import typography
from ...tree import Block, Fact, Run
from ..context import fact, facts_block, sourced_fact
from ..presence import community_value, post_facts
from .context import Context


def presence(ctx: Context) -> list[Block]:
    """The lines of "Présence française", then its texts."""
    fiche = ctx.fiche
    presence = fiche.presence
    if presence is None:
        return []
    rows: list[Fact] = []
    embassy = presence.embassy
    if embassy and embassy.website:
        where = f" à {embassy.city}" if embassy.city else ""
        label = typography(f"Site internet de l'ambassade de France{where}")
        rows.append(Fact(label, (Run(embassy.website, href=embassy.website),)))
    elif embassy and embassy.city:
        rows.append(fact("Ambassade de France", embassy.city))
    rows += post_facts(presence.posts, ("presence_francaise", "postes"))
    if presence.community and presence.community.count is not None:
        label = f"Communauté française {fiche.country.in_form}"
        value = community_value(presence.community, ("presence_francaise", "communaute"))
        rows.append(sourced_fact(label, value))
    base = ("presence_francaise",)
    community = ctx.texts(
        presence.community.text if presence.community else None, (*base, "communaute")
    )
    return [*facts_block(rows), *community, *ctx.texts(presence.text, base)]
