"""The provenance record a DOCX written by fiche-pays carries (see
:mod:`fiche_pays.writers.docx.provenance`), read back."""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ..tree import DataPath
from ..writers.docx.provenance import BOOKMARK_PREFIX, FORMAT, NAMESPACE

IMPORT_HINT = (
    "pour reprendre un document qui n'a pas été produit par fiche-pays, utilisez "
    "« fiche-pays import » (il crée un fichier de données à partir du document)"
)


class NotOurs(Exception):
    """The DOCX was not written by fiche-pays, or lost its provenance: a French message."""


@dataclass(frozen=True)
class SourceInfo:
    """Where a piece of text comes from (see :class:`fiche_pays.tree.Source`)."""

    fields: tuple[DataPath, ...]
    form: str
    params: tuple[Any, ...] = ()
    note: str | None = None
    prose: tuple[DataPath, int, int] | None = None  # (text field, start, end)


@dataclass(frozen=True)
class Piece:
    """A stretch of a paragraph as written: its text and its source (``None``: the
    fiche's own wording)."""

    text: str
    source: SourceInfo | None


@dataclass
class Node:
    """A paragraph or table cell as written, with its place in the document."""

    number: int
    kind: str
    pieces: list[Piece]
    section: str | None = None
    section_title: str | None = None
    table: str | None = None
    row: int | None = None
    column: str | None = None

    @property
    def text(self) -> str:
        """The paragraph's text as written."""
        return "".join(piece.text for piece in self.pieces)


@dataclass
class Record:
    """What the DOCX says about itself: where it came from and what each paragraph held."""

    nodes: dict[int, Node]
    data_file: str | None = None
    data_hash: str | None = None
    kind: str = "relations"
    values: dict[DataPath, Any] = field(default_factory=dict)
    program: str = ""


def _path(raw: list) -> DataPath:
    return tuple(raw)


def read_record(archive: zipfile.ZipFile, name: str) -> Record:
    """The provenance record of an opened DOCX; :class:`NotOurs` when it has none."""
    payload = None
    for member in archive.namelist():
        if not (member.startswith("customXml/") and member.endswith(".xml")):
            continue
        try:
            root = etree.fromstring(archive.read(member))
        except etree.XMLSyntaxError:
            continue
        if root.tag == f"{{{NAMESPACE}}}provenance":
            payload = root.text or ""
            break
    if payload is None:
        raise NotOurs(
            f"{name} : ce document ne vient pas de fiche-pays, ou il a perdu la trace de son "
            f"origine (il a peut-être été enregistré sous un autre format) ; {IMPORT_HINT}"
        )
    try:
        raw = json.loads(payload)
    except json.JSONDecodeError:
        raise NotOurs(
            f"{name} : la trace d'origine laissée par fiche-pays est illisible ; {IMPORT_HINT}"
        ) from None
    if raw.get("format") != FORMAT:
        raise NotOurs(
            f"{name} : document produit par une autre version de fiche-pays "
            f"({raw.get('programme', 'inconnue')}) ; reconstruisez-le avec celle-ci"
        )
    sources = [
        SourceInfo(
            tuple(_path(p) for p in entry.get("champs", [])),
            entry.get("forme", "texte"),
            tuple(entry.get("parametres", [])),
            entry.get("note"),
            (_path(entry["texte"][0]), entry["texte"][1], entry["texte"][2])
            if "texte" in entry
            else None,
        )
        for entry in raw.get("sources", [])
    ]
    nodes = {}
    for entry in raw.get("noeuds", []):
        pieces: list[Piece] = []
        last = object()
        for text, index in entry.get("morceaux", []):
            source = sources[index] if index is not None else None
            if pieces and index is not None and index == last:
                # one value typeset in several runs ("8" and a raised "e"): one piece
                pieces[-1] = Piece(pieces[-1].text + text, source)
            else:
                pieces.append(Piece(text, source))
            last = index
        nodes[entry["n"]] = Node(
            entry["n"],
            entry.get("genre", "paragraphe"),
            pieces,
            entry.get("section"),
            entry.get("titre_section"),
            entry.get("tableau"),
            entry.get("ligne"),
            entry.get("colonne"),
        )
    return Record(
        nodes,
        raw.get("fichier"),
        raw.get("empreinte"),
        raw.get("genre", "relations"),
        {_path(path): value for path, value in raw.get("valeurs", [])},
        raw.get("programme", ""),
    )


def node_number(bookmark: str) -> int | None:
    """The node a bookmark name marks ("_fp12" -> 12), or ``None``."""
    # LibreOffice renames a bookmark it copies (a text box saved twice): "_fp1_Copy_1"
    match = re.fullmatch(rf"{BOOKMARK_PREFIX}(\d+)(?:_Copy_\d+)?", bookmark)
    return int(match.group(1)) if match else None
