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
from ..tree import Block, Fact
from . import places
from .nodes import joined, paragraph, sourced_fact
from .provenance import Piece, at, computed
from .records import record_blocks
from .references import Worded

if TYPE_CHECKING:
    from .context import Context


def _count(value: object, path: DataPath) -> Piece:
    """An approximate count as typed ("environ 30 000"), from its field."""
    return value.text(), at(path, "nombre")  # type: ignore[attr-defined]


def community_value(community: Community, path: DataPath = ()) -> list[Piece]:
    """ "616 personnes inscrites au registre (mai 2023)", "environ 30 000, dont 16 000
    inscrits au registre", "3 900 inscrits au registre ; non-inscrits estimés à 1 100",
    as pieces worded from the fields under ``path``."""
    value: list[Piece] = [_count(community.count, (*path, "nombre"))]
    if community.unit:
        value += [(" ", None), (community.unit, at((*path, "unite")))]
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
            _count(community.binationals, (*path, "binationaux")),
            (" binationaux", None),
        ]
    if community.registered is not None:
        value += [
            (", dont ", None),
            _count(community.registered, (*path, "inscrits")),
            (" inscrits au registre", None),
        ]
    if community.unregistered is not None:
        value += [
            (" ; non-inscrits estimés à ", None),
            _count(community.unregistered, (*path, "non_inscrits")),
        ]
    return value


def community_names(community: Community, path: DataPath) -> Worded:
    """{nombre}, {unite}, {date}, {binationaux}, {inscrits}, {non_inscrits}, {valeur}."""
    names = Worded()
    names.add("nombre", community.count.text(), at((*path, "nombre"), "nombre"))
    value = "".join(text for text, _ in community_value(community, path))
    names.add("valeur", value, computed("la ligne de la communauté : modifiez ses champs", path))
    if community.unit:
        names.add("unite", community.unit, at((*path, "unite")))
    if community.as_of:
        names.add("date", community.as_of.text(), at((*path, "date"), "date"))
        names.add("date.quand", community.as_of.when(), at((*path, "date"), "quand"))
    for key, count in (
        ("binationaux", community.binationals),
        ("inscrits", community.registered),
        ("non_inscrits", community.unregistered),
    ):
        if count is not None:
            names.add(key, count.text(), at((*path, key), "nombre"))
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
    base = (*path, block.KIND)
    values = [
        community_value(c, (*base, i) if len(block.communities) > 1 else base)
        for i, c in enumerate(block.communities)
        if not c.text
    ]
    line = sourced_fact(label, joined(values, ", ")) if values else None
    done: list[bool] = []

    def produce(community: Community, record_path: DataPath) -> Fact | None:
        if done:
            return None
        done.append(True)
        return line

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


def post_names(post: Post, path: DataPath, country: Country) -> Worded:
    """{type}, {ville}, {ville.au}, {villes}, {pays}, {site}."""
    names = Worded()
    names.add("type", post.kind, at((*path, "type")))
    if post.city:
        names.add("ville", post.city, at((*path, "ville")))
        names.add("ville.au", places.at(post.city, country), places.source((*path, "ville")))
    if post.cities:
        names.add("villes", french.join(post.cities), at((*path, "villes"), "liste"))
    if post.located_in:
        names.add("pays", post.located_in, at((*path, "pays")))
    if post.website:
        names.add("site", post.website, at((*path, "site")))
    return names


def _covering(post: Post, path: DataPath, country: Country) -> list[Piece]:
    """ "L'ambassade de France à Manille (Philippines) est compétente pour les Palaos."."""
    feminine = post.kind in _FEMININE_POSTS
    if post.kind == "section consulaire":
        subject = "La section consulaire de l'ambassade de France à "
    else:
        article = "L'" if post.kind[0] in "aeiou" else ("La " if feminine else "Le ")
        subject = f"{article}{post.kind} de France à "
    adjective = "compétente" if feminine else "compétent"
    return [
        (subject, None),
        (post.city or "", at((*path, "ville"))),
        (" (", None),
        (post.located_in or "", at((*path, "pays"))),
        (f") est {adjective} pour {country.the_form}.", None),
    ]


def _places(post: Post, path: DataPath) -> list[Piece]:
    if post.city:
        return [(post.city, at((*path, "ville")))]
    return joined([[(c, at((*path, "villes", i)))] for i, c in enumerate(post.cities)])


def _where(post: Post, path: DataPath) -> list[Piece]:
    where = _places(post, path)
    if post.website:
        site = (post.website, at((*path, "site")))
        where = [*where, (" (", None), site, (")", None)] if where else [site]
    return where


def post_facts(posts: list[Post], path: DataPath, in_france: str | None = None) -> list[Fact]:
    """One line per kind of post ("Consulats généraux : Almaty et Astana"), the posts
    being the list at ``path``; ``in_france`` ("du Bénin") for the country's posts in
    France ("Consulat du Bénin en France : Lyon")."""
    by_kind: dict[str, list[list[Piece]]] = {}
    for index, post in enumerate(posts):
        by_kind.setdefault(post.kind, []).append(_where(post, (*path, index)))
    facts = []
    for kind, places_ in by_kind.items():
        label = kind if len(places_) == 1 else _POST_PLURALS[kind]
        if in_france:
            label += f" {in_france} en France"
        facts.append(sourced_fact(french.capitalize(label), joined(places_)))
    return facts


def posts(
    ctx: Context, block: PostsBlock | PostsInFranceBlock, path: DataPath, used: set[str]
) -> list[Block]:
    """France's posts for the country, or the country's posts in France."""
    country = ctx.fiche.country
    in_france = country.of_bare_form if block.KIND == "postes_en_france" else None
    # Posts of one kind share one line, where the first of them stands.
    grouped: dict[str, list[int]] = {}
    for index, post in enumerate(block.posts):
        if not post.text and not post.located_in and post.kind != "ambassade":
            grouped.setdefault(post.kind, []).append(index)
    base = (*path, block.KIND)

    def produce(post: Post, record_path: DataPath) -> list[Block | Fact] | Fact | None:
        index = record_path[-1]
        if post.located_in and not in_france:
            nodes: list[Block | Fact] = [paragraph(_covering(post, record_path, country))]
            if post.website:
                site = [(post.website, at((*record_path, "site")))]
                nodes.append(sourced_fact("Site internet de l'ambassade", site))
            return nodes
        if post.kind == "ambassade":
            rows: list[Block | Fact] = []
            of = f"{in_france} en France" if in_france else "de France"
            if post.places:
                rows.append(sourced_fact(f"Ambassade {of}", _places(post, record_path)))
            if post.website:
                label = "Site internet de l'ambassade" + (f" {of}" if in_france else "")
                rows.append(sourced_fact(label, [(post.website, at((*record_path, "site")))]))
            return rows
        group = grouped.get(post.kind, [])
        if not group or group[0] != index:
            return None
        members = [block.posts[i] for i in group]
        label = post.kind if len(members) == 1 else _POST_PLURALS[post.kind]
        if in_france:
            label += f" {in_france} en France"
        places_ = [_where(block.posts[i], (*base, i)) for i in group]
        return sourced_fact(french.capitalize(label), joined(places_))

    return record_blocks(ctx, path, block.KIND, block.posts, used, produce)
