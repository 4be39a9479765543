"""A section a reviewer added: a new heading and the paragraphs typed under it become a
section of the fiche's own (``sections_supplementaires``), placed after the section it
follows, where the fiche kind has such sections."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from ..tree import DataPath
from .findings import Finding, Proposal, clean_line, clean_prose, revisions_in, unique
from .modelkeys import keys_at
from .reading import Stretch
from .yamledit import value_at

if TYPE_CHECKING:
    from .reverse import Reverse

EXTRA = "sections_supplementaires"


def is_heading(stretch: Stretch) -> bool:
    """A paragraph in a Word heading style ("Heading 1", LibreOffice's "Titre 1")."""
    style = (stretch.paragraphs[0].style or "").lower()
    return style.startswith(("heading", "titre")) and not style.startswith("title")


def added(reverse: Reverse, loose: list[Stretch]) -> list[Stretch]:
    """Proposals for new sections; the loose paragraphs that are not part of one are
    returned."""
    rest: list[Stretch] = []
    groups: list[tuple[Stretch, list[Stretch]]] = []
    for stretch in loose:
        paragraph = stretch.paragraphs[0]
        in_body = paragraph.table is None and paragraph.part.endswith("document.xml")
        if in_body and is_heading(stretch) and stretch.text.strip():
            groups.append((stretch, []))
        elif in_body and groups and stretch.before == groups[-1][0].before:
            groups[-1][1].append(stretch)  # typed under the new heading
        else:
            rest.append(stretch)
    for heading, paragraphs in groups:
        _section(reverse, heading, [p for p in paragraphs if p.text.strip()])
    return rest


def _section(reverse: Reverse, heading: Stretch, paragraphs: list[Stretch]) -> None:
    title = clean_line(heading.text).strip()
    before = reverse.record.nodes.get(heading.before) if heading.before else None
    where = (
        f"section « {before.section_title} », après « {before.text[:40]} »"
        if before
        else "document"
    )
    revisions = unique(
        [r for s in (heading, *paragraphs) for r in revisions_in(s.spans, 0, len(s.text) + 1)]
    )
    if EXTRA not in keys_at(reverse.root, ()):
        reverse.findings.append(
            Finding(
                "ajout",
                "titre ajouté : ce type de fiche n'a pas de sections libres ; "
                "ajoutez-le au fichier de données",
                where,
                new=title,
                revisions=revisions,
            )
        )
        for paragraph in paragraphs:
            reverse.findings.append(
                Finding(
                    "ajout",
                    f"paragraphe ajouté sous le titre « {title} » : ajoutez-le au "
                    "fichier de données",
                    where,
                    new=paragraph.text.strip(),
                )
            )
        return
    extras = value_at(reverse.data, (EXTRA,))
    extras = extras if isinstance(extras, list) else []
    taken = {e.get("cle") for e in extras if isinstance(e, dict)} | set(keys_at(reverse.root, ()))
    taken |= {p.new.get("cle") for p in reverse.proposals if isinstance(p.new, dict)}
    item: dict[str, Any] = {"cle": _key(title, taken), "titre": title}
    if before is not None and before.section:
        item["apres"] = before.section
    if paragraphs:
        item["texte"] = "\n\n".join(clean_prose(p.text.strip()) for p in paragraphs) + "\n"
    path: DataPath = (EXTRA, reverse.next_index((EXTRA,), len(extras)))
    reverse.proposals.append(
        Proposal(
            path if extras else (EXTRA,),
            None,
            item if extras else [item],
            where,
            revisions=revisions,
            note="section ajoutée",
            kind="ajout",
            at=heading.before or 0,
        )
    )


def _key(title: str, taken: set[Any]) -> str:
    """A section key from its title: "Coopération de défense" -> "cooperation_de_defense"."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    key = re.sub(r"[^a-z0-9]+", "_", ascii_title.lower()).strip("_")[:34].rstrip("_")
    if not key or not key[0].isalpha():
        key = f"section_{key}".rstrip("_")
    candidate, number = key, 2
    while candidate in taken:
        candidate, number = f"{key}_{number}", number + 1
    return candidate
