"""What ``apply`` finds in a reviewed document: proposed changes of the data, and what
cannot be taken (with the reason), in the document's places and the data's paths."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..tree import DataPath
from .diffing import Change
from .reading import Comment, Revision, Span
from .record import Node


@dataclass
class Proposal:
    """A change to one field: its value when the document was built, the new one."""

    path: DataPath
    old: Any
    new: Any
    place: str
    texts: list[Change] = field(default_factory=list)  # what changed in the words
    revisions: list[Revision] = field(default_factory=list)
    note: str | None = None  # how it came about ("paragraphe ajouté…")
    form: str = "texte"  # how the value was worded: the report quotes words or values
    kind: str = "valeur"  # "valeur", "ajout" (a list item added), "suppression" (removed)
    at: int = 0  # the first node it shows in: the report follows the document


@dataclass
class Finding:
    """Something the reviewer did that is not written into the data, and why; or a
    comment to pass on."""

    kind: str  # "refus", "illisible", "libellé", "ajout", "suppression", "suivi", "commentaire"
    message: str
    place: str
    paths: list[DataPath] = field(default_factory=list)
    old: str | None = None
    new: str | None = None
    revisions: list[Revision] = field(default_factory=list)
    comment: Comment | None = None


def place(node: Node) -> str:
    """Where a node stands, in words: "section « Visites », tableau « … », ligne 2…"."""
    parts = []
    if node.section_title:
        parts.append(f"section « {node.section_title} »")
    elif node.kind.startswith(("en-tête", "pied", "titre du document")):
        parts.append(node.kind)
    if node.table:
        parts.append(f"tableau « {node.table} »")
    if node.row:
        parts.append(f"ligne {node.row}")
    if node.column and node.kind == "cellule":
        parts.append(f"colonne « {node.column} »")
    return ", ".join(parts) or "document"


def revisions_in(edit_spans: list[Span], start: int, end: int) -> list[Revision]:
    found: list[Revision] = []
    for span in edit_spans:
        inside = (
            (span.start < end and span.end > start) if span.taken else start <= span.start <= end
        )
        if inside and span.revision not in found:
            found.append(span.revision)
    return found


def unique(revisions: list[Revision]) -> list[Revision]:
    return list(dict.fromkeys(revisions))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def short(text: str, width: int = 40) -> str:
    text = squeeze(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def clean_line(text: str) -> str:
    """What a reviewer typed, for a one-line field."""
    return plain(text.replace("\n", " "))


def clean_prose(text: str) -> str:
    """What a reviewer typed, for a desk officer's text: braces doubled (they would
    start a reference), a paragraph break as a blank line."""
    return plain(text).replace("{", "{{").replace("}", "}}").replace("\n", "\n\n")


def plain(text: str) -> str:
    """No-break spaces and curly apostrophes that French typography puts back itself,
    made plain in the data file."""
    simpler = re.sub(r"[\u00a0\u202f]", " ", text)
    simpler = re.sub(r"(?<=\w)\u2019(?=\w)", "'", simpler)
    return simpler
