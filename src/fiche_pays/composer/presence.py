"""Presence: communities and posts, both ways.

"Communauté française au Bénin : 3 900 inscrits au registre ; non-inscrits estimés à
1 100"; "Institut français : Cotonou et Parakou (https://if-benin.com)"; a post that
covers the country from abroad is a sentence, as pages word it: "L'ambassade de France à
Manille (Philippines) est compétente pour les Palaos."
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import french
from ..model.blocks import CommunityBlock, CommunityInFranceBlock, PostsBlock, PostsInFranceBlock
from ..model.country import Country
from ..model.presence import Community, Post
from ..model.types import DataPath
from ..tree import Block, Fact, Facts
from . import places
from .nodes import fact, paragraph
from .records import record_blocks
from .references import Value

if TYPE_CHECKING:
    from .context import Context


def community_value(community: Community) -> str:
    """ "616 personnes inscrites au registre (mai 2023)", "environ 30 000, dont 16 000
    inscrits au registre", "3 900 inscrits au registre ; non-inscrits estimés à 1 100"."""
    value = community.count.text()
    if community.unit:
        value += f" {community.unit}"
    if community.as_of:
        date = community.as_of
        value += f" (au {date.text()})" if date.day else f" ({date.text()})"
    if community.binationals is not None:
        value += f", dont {community.binationals.text()} binationaux"
    if community.registered is not None:
        value += f", dont {community.registered.text()} inscrits au registre"
    if community.unregistered is not None:
        value += f" ; non-inscrits estimés à {community.unregistered.text()}"
    return value


def community_names(community: Community) -> dict[str, Value]:
    """{nombre}, {unite}, {date}, {binationaux}, {inscrits}, {non_inscrits}, {valeur}."""
    names: dict[str, Value] = {
        "nombre": community.count.text(),
        "valeur": community_value(community),
    }
    if community.unit:
        names["unite"] = community.unit
    if community.as_of:
        names["date"] = community.as_of.text()
        names["date.quand"] = community.as_of.when()
    for key, value in (
        ("binationaux", community.binationals),
        ("inscrits", community.registered),
        ("non_inscrits", community.unregistered),
    ):
        if value is not None:
            names[key] = value.text()
    return names


def communities(
    ctx: Context, block: CommunityBlock | CommunityInFranceBlock, path: DataPath, used: set[str]
) -> list[Block]:
    """One line for the figures without a sentence of their own ("…, …"), sentences for
    the others, in order."""
    if ctx.silenced(path, used):
        return []
    country = ctx.fiche.country
    if block.KIND == "communaute":
        label = f"Communauté française {country.in_form}"
    elif country.adjective_feminine:
        label = f"Communauté {country.adjective_feminine} en France"
    else:
        label = f"Ressortissants {country.of_form} en France"
    plain = [c for c in block.communities if not c.text]
    line = fact(label, ", ".join(community_value(c) for c in plain)) if plain else None
    first = True

    def produce(community: Community) -> Fact | None:
        nonlocal first
        if first:
            first = False
            return line
        return None

    return record_blocks(ctx, path, block.KIND, block.communities, used, produce)


_FEMININE_POSTS = {"ambassade", "section consulaire", "agence consulaire", "antenne diplomatique"}
_POST_PLURALS = {
    "ambassade": "ambassades",
    "consulat général": "consulats généraux",
    "consulat": "consulats",
    "section consulaire": "sections consulaires",
    "agence consulaire": "agences consulaires",
    "consul honoraire": "consuls honoraires",
    "poste de présence diplomatique": "postes de présence diplomatique",
    "antenne diplomatique": "antennes diplomatiques",
    "institut français": "instituts français",
}


def post_names(post: Post, country: Country) -> dict[str, Value]:
    """{type}, {ville}, {ville.au}, {villes}, {pays}, {site}."""
    names: dict[str, Value] = {"type": post.kind}
    if post.places:
        names["ville" if post.city else "villes"] = french.join(post.places)
    if post.city:
        names["ville.au"] = places.at(post.city, country)
    if post.located_in:
        names["pays"] = post.located_in
    if post.website:
        names["site"] = post.website
    return names


def _covering(post: Post, country: Country) -> str:
    """ "L'ambassade de France à Manille (Philippines) est compétente pour les Palaos."."""
    feminine = post.kind in _FEMININE_POSTS
    where = f"à {post.city} ({post.located_in})"
    if post.kind == "section consulaire":
        subject = f"La section consulaire de l'ambassade de France {where}"
    else:
        article = "L'" if post.kind[0] in "aeiou" else ("La " if feminine else "Le ")
        subject = f"{article}{post.kind} de France {where}"
    adjective = "compétente" if feminine else "compétent"
    return f"{subject} est {adjective} pour {country.the_form}."


def _where(post: Post) -> str:
    where = french.join(post.places)
    if post.website:
        where = f"{where} ({post.website})" if where else post.website
    return where


def posts(
    ctx: Context, block: PostsBlock | PostsInFranceBlock, path: DataPath, used: set[str]
) -> list[Block]:
    """France's posts for the country, or the country's posts in France."""
    country = ctx.fiche.country
    in_france = block.KIND == "postes_en_france"
    # Posts of one kind share one line, where the first of them stands.
    by_kind: dict[str, list[Post]] = {}
    for post in block.posts:
        if not post.text and not post.located_in and post.kind != "ambassade":
            by_kind.setdefault(post.kind, []).append(post)

    def produce(post: Post) -> list[Block] | Fact | None:
        if post.located_in and not in_france:
            nodes: list[Block] = [paragraph(_covering(post, country))]
            if post.website:
                nodes.append(Facts((fact("Site internet de l'ambassade", post.website),)))
            return nodes
        if post.kind == "ambassade":
            rows = []
            of = f"{country.of_bare_form} en France" if in_france else "de France"
            if post.places:
                rows.append(fact(f"Ambassade {of}", french.join(post.places)))
            if post.website:
                site = "Site internet de l'ambassade" + (f" {of}" if in_france else "")
                rows.append(fact(site, post.website))
            return rows
        group = by_kind.get(post.kind, [])
        if not group or group[0] is not post:
            return None
        label = post.kind if len(group) == 1 else _POST_PLURALS[post.kind]
        if in_france:
            label += f" {country.of_bare_form} en France"
        return fact(french.capitalize(label), french.join([_where(p) for p in group]))

    return record_blocks(ctx, path, block.KIND, block.posts, used, produce)
