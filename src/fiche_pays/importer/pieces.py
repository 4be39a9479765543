"""The importer's working form of a fiche: sections made of pieces, each piece one block
of the data file with where it comes from in the page, what was recognised in it and
what a person should check. The YAML writer and the report both read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .recognition import Recognised
from .source import Block


@dataclass
class Piece:
    """One block of a section: ``kind`` is its kind key (texte, liste, faits, postes…).

    ``value`` is the block's value as the data file writes it; ``origin`` the source
    blocks it was made from; ``found`` the facts recognised in it; ``checks`` the
    « à vérifier » notes; ``note`` a plain comment (why a text stayed as it is).
    """

    kind: str
    value: object
    origin: list[Block] = field(default_factory=list)
    found: list[Recognised] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    note: str | None = None
    where: str = ""  # « lignes 12 à 14 » of the page, for the comment above the block
    words: dict[str, str] = field(default_factory=dict)  # citation → the page's words
    options: dict = field(default_factory=dict)  # beside the kind key: presentation: puces

    def as_data(self) -> dict:
        """The block as the data file holds it."""
        return {**self.options, self.kind: self.value}


@dataclass
class Section:
    """A section of the fiche being imported: a standard key, or an extra section."""

    key: str
    title: str | None  # the page's title (extra sections keep it; standard ones their own)
    pieces: list[Piece] = field(default_factory=list)
    extra: bool = False
    line: int | None = None
    page_title: str | None = None  # the page's wording of a standard title, when it differs
    after: str | None = None  # for an extra section: the standard section it follows
    where: str = ""


@dataclass
class Imported:
    """A whole page turned into a fiche: what the YAML writer writes and the report tells."""

    kind: str  # "relations" or "presentation"
    header: list[str]  # comment lines at the top of the file
    top: dict  # pays, document (and for a presentation, its data sections)
    top_checks: dict[str, list[str]]  # « à vérifier » notes on top-level keys
    sections: list[Section] = field(default_factory=list)
    not_placed: list[tuple[str, str]] = field(default_factory=list)  # (where, text)
    consumed: list[tuple[str, str, str]] = field(default_factory=list)  # (where, text, field)
    language: str = "fr"
    tail: dict = field(default_factory=dict)  # informations_complementaires
    page_chars: int = 0  # characters of the page's text (titles and furniture aside)
    unsettled: list = field(default_factory=list)  # errors the importer could not resolve
    # (where, text, why): page lines whose fields the self-check gave back to the words
    restored: list[tuple[str, str, str]] = field(default_factory=list)


def table_value(block: Block) -> dict:
    """A page's table as a `tableau` block (empty cells get a dash)."""
    width = max(len(r) for r in block.rows)
    rows = [[c or "–" for c in (*r, *([""] * (width - len(r))))] for r in block.rows]
    return {"entetes": rows[0], "lignes": rows[1:]}


def merge(section: Section) -> None:
    """Adjacent pieces of one list kind become one block (the page's one list)."""
    merged: list[Piece] = []
    for piece in section.pieces:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and piece.kind == previous.kind
            and piece.kind in ("liste", "faits", "postes", "accords", "visites", "evenements")
            and (
                piece.origin
                and previous.origin
                and piece.origin[0].kind == previous.origin[-1].kind
            )
            and piece.note == previous.note
            and (piece.kind != "visites" or piece.origin[0].kind == "item")
        ):
            previous.value = [*previous.value, *piece.value]  # type: ignore[misc]
            previous.options = {**previous.options, **piece.options}
            previous.origin += piece.origin
            previous.found += piece.found
            previous.checks += piece.checks
            continue
        if previous is not None and piece.kind == "echanges" and previous.kind == "echanges":
            previous.value = [*previous.value, *piece.value]  # type: ignore[misc]
            continue
        merged.append(piece)
    section.pieces = merged
