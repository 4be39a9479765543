"""The "Relations bilatérales" fiche: which sections, in which order, under which titles.

Every content decision lives in :mod:`fiche_pays.composer`, once: section titles,
generated sentences, how a number or a date is worded, French typography. The writers
only lay the tree out. A section is the author's ordered list of blocks
(:mod:`.blocks`); an empty section is not shown.
"""

from __future__ import annotations

from ..french import typography
from ..model.relations import Fiche
from ..theme.style import Wording
from ..tree import BulletList, Document, Run, Section, plain
from .blocks import compose_blocks
from .context import Context
from .meta import meta
from .provenance import at, typeset

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


def compose_relations(fiche: Fiche, wording: Wording | None = None) -> Document:
    """Build the document tree of a validated "Relations bilatérales" fiche."""
    wording = wording or Wording()
    ctx = Context(fiche, wording)
    sections: list[Section] = []
    extras: list[tuple[str | None, Section]] = []
    for path, blocks in fiche.sections():
        children = compose_blocks(ctx, path, blocks)
        if path[0] == "sections_supplementaires" and children:
            extra = fiche.extra[path[1]]
            title = typeset([(extra.title, at((*path[:2], "titre")))])
            section = Section(extra.key, plain(title), 1, tuple(children), title_runs=title)
            extras.append((extra.after, section))
        elif children and path[0] != "sections_supplementaires":
            sections.append(Section(path[0], TITLES[path[0]], 1, tuple(children)))
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
    return Document(meta(fiche, wording), tuple(_place(sections, extras)))


def _place(sections: list[Section], extras: list[tuple[str | None, Section]]) -> list[Section]:
    """Insert the fiche's extra sections after the section they name (default: last)."""
    result = list(sections)
    for after, section in extras:
        keys = [s.key for s in result]
        position = keys.index(after) + 1 if after in keys else len(result)
        result.insert(position, section)
    return result
