"""The "Relations bilatérales" fiche: which sections, in which order, under which titles.

Every content decision lives in :mod:`fiche_pays.composer`, once: section titles,
generated sentences, how a number or a date is worded, French typography. The writers
only lay the tree out. A structured fact is stated once: when the desk officer's prose
refers to it ("{relations_diplomatiques.quand}"), the prose states it and no fact line
repeats it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..french import typography
from ..model.relations import Fiche
from ..theme.style import Wording
from ..tree import Block, BulletList, Document, Run, Section, plain
from .ambassadors import ambassadors
from .context import Context
from .cooperation import cooperation
from .economy import economy
from .free import free_body
from .meta import meta
from .political import political
from .presence import presence
from .provenance import at, typeset
from .visits import visits

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


Builder = Callable[[Context], list[Block | Section]]

# The standard sections in reading order, each with the function that builds it.
BUILDERS: dict[str, Builder] = {
    "relations_politiques": political,
    "presence_francaise": presence,
    "visites": visits,
    "ambassadeurs": ambassadors,
    "relations_economiques": economy,
    "cooperation": cooperation,
    "autres_cooperations": lambda c: free_body(c, c.fiche.other, ("autres_cooperations",)),
}


def compose_relations(fiche: Fiche, wording: Wording | None = None) -> Document:
    """Build the document tree of a validated "Relations bilatérales" fiche."""
    wording = wording or Wording()
    ctx = Context(fiche, wording)
    sections: list[Section] = []
    for key, build in BUILDERS.items():
        children = build(ctx)
        if children:
            sections.append(Section(key, TITLES[key], 1, tuple(children)))
    sections = _place_extra_sections(ctx, sections)
    if fiche.links:
        items = tuple(
            (
                Run(
                    typography(link.title),
                    href=link.url,
                    source=at(("informations_complementaires", index, "titre")),
                ),
            )
            for index, link in enumerate(fiche.links)
        )
        sections.append(
            Section(
                "informations_complementaires",
                TITLES["informations_complementaires"],
                1,
                (BulletList(items),),
            )
        )
    return Document(meta(fiche, wording), tuple(sections))


def _place_extra_sections(ctx: Context, sections: list[Section]) -> list[Section]:
    """Insert the fiche's extra sections after the section they name (default: last)."""
    result = list(sections)
    for index, extra in enumerate(ctx.fiche.extra):
        path = ("sections_supplementaires", index)
        children = free_body(ctx, extra, path)
        title = typeset([(extra.title, at((*path, "titre")))])
        section = Section(extra.key, plain(title), 1, tuple(children), title_runs=title)
        keys = [s.key for s in result]
        position = keys.index(extra.after) + 1 if extra.after in keys else len(result)
        result.insert(position, section)
    return result
