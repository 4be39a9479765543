"""Institutes as the fiche prints them, read back into `instituts` records: a line in
bold (« Institut Sorbonne-Kazakhstan (ISK) »), a sentence of its dates (« Inauguré le
6 décembre 2014 par les présidents … », « Créé en 2010 par l'université de Lorraine et
… »), its partners (« Partenaires : … ») and its text, after the sentence that
introduces them. Taken only when the fiche, composing the records, prints the same.
"""

from __future__ import annotations

import re

from .dates import find_dates
from .persons import person
from .pieces import Piece, Section
from .recognition import Recognised
from .sentences import comparable
from .wording import printed

_EVENT = re.compile(
    r"^(?P<verb>(?:Créé|Inauguré|Ouvert)e?s?) (?P<when>.+?)(?: par (?P<by>.+?))?\.$"
)
_FIELDS = {"cré": "creation", "ina": "inauguration", "ouv": "ouverture"}


def _listed(text: str) -> list[str]:
    return [p.strip() for p in re.split(r",\s*|\s+et\s+", text) if p.strip()]


def _institute(pieces: list[Piece]) -> dict | None:
    """A record from a title piece, a dates piece and what follows."""
    title, event, *rest = pieces
    match = _EVENT.match(str(event.value))
    if match is None:
        return None
    dates = find_dates(match.group("when"))
    if len(dates) != 1 or dates[0].end:
        return None
    name = str(title.value)
    acronym = re.match(r"^(?P<name>.+?) \((?P<acronym>[^()]+)\)$", name)
    record: dict = {"nom": acronym.group("name") if acronym else name}
    if acronym:
        record["sigle"] = acronym.group("acronym")
    field = _FIELDS[match.group("verb")[:3].casefold()]
    start = dates[0].start
    record[field] = int(start) if start.isdigit() else start
    by = match.group("by")
    if by and field == "creation":
        record["fondateurs"] = _listed(by)
    elif by and re.match(r"^(les|des|plusieurs|deux|trois) ", by):
        record["par"] = {"groupe": by}
    elif by:
        who = person(by)
        if who is None:
            return None
        record["par"] = who
    texts = []
    for piece in rest:
        if piece.kind == "faits":
            row = piece.value[0]  # type: ignore[index]
            if row["libelle"] != "Partenaires":
                return None
            record["partenaires"] = _listed(row["valeur"])
        else:
            texts.append(str(piece.value))
    if texts:
        record["texte"] = "\n\n".join(texts)
    return record


def _is_title(piece: Piece) -> bool:
    return piece.kind == "texte" and bool(piece.origin) and piece.origin[0].bold


def read_institutes(section: Section, country: dict) -> None:
    """Replace the institutes of a section by one `instituts` block when the fiche prints
    them the same."""
    pieces = section.pieces
    start = next(
        (
            i
            for i in range(len(pieces) - 1)
            if _is_title(pieces[i])
            and pieces[i + 1].kind == "texte"
            and _EVENT.match(str(pieces[i + 1].value))
        ),
        None,
    )
    if start is None:
        return
    groups: list[list[Piece]] = []
    end = start
    while end + 1 < len(pieces) and _is_title(pieces[end]):
        group = [pieces[end], pieces[end + 1]]
        end += 2
        if end < len(pieces) and pieces[end].kind == "faits" and len(pieces[end].value) == 1:  # type: ignore[arg-type]
            group.append(pieces[end])
            end += 1
        while (
            end < len(pieces)
            and pieces[end].kind == "texte"
            and not _is_title(pieces[end])
            and not pieces[end].words
        ):
            group.append(pieces[end])
            end += 1
        groups.append(group)
    records = [_institute(g) for g in groups]
    if not records or any(r is None for r in records):
        return
    absorbed = [p for g in groups for p in g]
    # A one-line paragraph ending in « : » just before the institutes introduces them: it
    # becomes the block's « introduction », printed as written (the fiche has none of its own).
    options: dict[str, str] = {}
    before = pieces[start - 1] if start > 0 else None
    if (
        before is not None
        and before.kind == "texte"
        and len(before.origin) == 1
        and str(before.value).rstrip().endswith(":")
    ):
        options["introduction"] = str(before.value).strip()
        start -= 1
        absorbed.insert(0, before)
    lines = printed(country, "instituts", records, options)
    if not lines:
        return
    page = [b.text for p in absorbed for b in p.origin]
    if comparable(" ¶ ".join(lines)) != comparable(" ¶ ".join(page)):
        return
    found = [Recognised("instituts", r, f"institut : {r['nom']}") for r in records]  # type: ignore[index]
    found[0].generated = " ¶ ".join(lines)
    block = Piece("instituts", records, [b for p in absorbed for b in p.origin], found)
    block.options = options
    block.where = absorbed[0].where
    section.pieces[start:end] = [block]
