"""The pipeline run backwards: from what the reviewer left in the DOCX to proposed
changes of the data, field by field.

Each paragraph of the document is compared with what was written there (the record),
the changed stretches are placed among its pieces (:mod:`.diffing`), and each piece is
read back by its source: a literal stretch of a desk officer's text goes back into that
text (its ``{références}`` kept), a value worded from a field is read with the rules it
was worded by (:mod:`.forms`), a computed value or the fiche's own wording is refused
with the reason. Paragraphs typed outside any field go into the free text of the section
they stand in, where it has one. Nothing typed is dropped without a finding.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..tree import DataPath
from . import forms, rows, sections
from .diffing import Change, changes, share, splice
from .findings import (
    Finding,
    Proposal,
    clean_line,
    clean_prose,
    place,
    revisions_in,
    short,
    squeeze,
    unique,
)
from .modelkeys import text_path
from .reading import Reading, Revision, Stretch
from .record import Node, Piece, Record


@dataclass
class _Edit:
    """A piece whose text the reviewer changed."""

    node: Node
    index: int
    piece: Piece
    new: str
    start: int  # the piece's stretch in the node's new text
    end: int
    stretch: Stretch


class Reverse:
    """Proposals and findings for one reviewed document."""

    def __init__(self, record: Record, reading: Reading, root: Any, data: Any):
        self.record = record
        self.reading = reading
        self.root = root  # the fiche's model class
        self.data = data  # the data file as it is now
        self.proposals: list[Proposal] = []
        self.findings: list[Finding] = []
        self._prose: dict[DataPath, list[tuple[int, int, str]]] = defaultdict(list)
        self._prose_texts: dict[DataPath, list[Change]] = defaultdict(list)
        self._prose_revisions: dict[DataPath, list[Revision]] = defaultdict(list)
        self._prose_notes: dict[DataPath, list[str]] = defaultdict(list)
        self._pending: dict[DataPath, int] = {}

    def next_index(self, items: DataPath, length: int) -> int:
        """The index of a new item at the end of the list at ``items`` (``length`` long
        now), counting the items already proposed there."""
        self._pending[items] = self._pending.get(items, length - 1) + 1
        return self._pending[items]

    # --- the walk ----------------------------------------------------------------------

    def run(self) -> None:
        """Compare every node, then read the edits back, field by field."""
        values: dict[tuple, list[_Edit]] = defaultdict(list)
        gone: list[tuple[Node, Stretch | None]] = []
        stretches = dict(self.reading.stretches)
        self._retyped(stretches)
        for number in sorted(self.record.nodes):
            node = self.record.nodes[number]
            stretch = stretches.get(number)
            if stretch is None or (not stretch.text.strip() and node.text.strip()):
                gone.append((node, stretch))
                continue
            if stretch.text == node.text:
                continue
            for edit in self._edits(node, stretch):
                source = edit.piece.source
                if source is None:
                    self._wording(edit)
                elif source.form == "calcule":
                    self._computed(edit)
                elif source.form == "prose":
                    self._literal(edit)
                elif source.prose is not None and not edit.new.strip():
                    self._reference_removed(edit)
                else:
                    values[(source.fields, source.form, source.params)].append(edit)
        for edits in values.values():
            self._values(edits)
        for node, stretch in rows.removed(self, gone):
            self._gone(node, stretch)
        for loose in rows.added(self, sections.added(self, self.reading.loose)):
            self._loose(loose)
        self._prose_proposals()
        self._comments()

    def _retyped(self, stretches: dict[int, Stretch]) -> None:
        """A paragraph or cell retyped whole loses its bookmark with its text: a loose
        paragraph standing exactly where the only missing node was is that node."""
        numbers = sorted(self.record.nodes)
        for loose in list(self.reading.loose):
            if loose.before is None or loose.after is None or not loose.text.strip():
                continue
            between = [n for n in numbers if loose.before < n < loose.after]
            missing = [n for n in between if n not in stretches]
            if len(between) == 1 and missing:
                stretches[missing[0]] = loose
                self.reading.loose.remove(loose)

    def _edits(self, node: Node, stretch: Stretch) -> list[_Edit]:
        new_texts = share(node.pieces, stretch.text)
        edits, position = [], 0
        for index, (piece, new) in enumerate(zip(node.pieces, new_texts, strict=True)):
            if new != piece.text:
                edits.append(_Edit(node, index, piece, new, position, position + len(new), stretch))
            position += len(new)
        if not node.pieces and stretch.text.strip():  # an empty paragraph typed into
            self.findings.append(
                Finding(
                    "ajout",
                    "texte tapé dans un paragraphe vide, produit par fiche-pays : ajoutez-le "
                    "au fichier de données",
                    place(node),
                    new=stretch.text,
                    revisions=revisions_in(stretch.spans, 0, len(stretch.text)),
                )
            )
        return edits

    # --- what cannot be taken -----------------------------------------------------------

    def _wording(self, edit: _Edit) -> None:
        self.findings.append(
            Finding(
                "libellé",
                "texte produit par fiche-pays (libellé, liaison) : "
                "modifiez les données ou le modèle de document",
                place(edit.node),
                old=edit.piece.text,
                new=edit.new,
                revisions=revisions_in(edit.stretch.spans, edit.start, edit.end),
            )
        )

    def _computed(self, edit: _Edit) -> None:
        source = edit.piece.source
        self.findings.append(
            Finding(
                "refus",
                source.note or "valeur calculée par fiche-pays",
                place(edit.node),
                list(source.fields) or ([source.prose[0]] if source.prose else []),
                edit.piece.text,
                edit.new,
                revisions_in(edit.stretch.spans, edit.start, edit.end),
            )
        )

    def _gone(self, node: Node, stretch: Stretch | None) -> None:
        """A paragraph or cell the reviewer deleted."""
        prose = {p.source.prose[0] for p in node.pieces if p.source and p.source.prose}
        if len(prose) == 1 and node.kind == "paragraphe":
            field_path = prose.pop()
            spots = [p.source.prose for p in node.pieces if p.source and p.source.prose]
            start, end = min(s[1] for s in spots), max(s[2] for s in spots)
            self._prose[field_path].append((start, end, None))
            self._prose_texts[field_path].append(Change(node.text, "", 0, 0))
            if stretch is not None:
                self._prose_revisions[field_path] += revisions_in(
                    stretch.spans, 0, len(stretch.text) + 1
                )
            return
        if not node.text.strip():
            return
        self.findings.append(
            Finding(
                "suppression",
                "paragraphe ou cellule supprimé : supprimez la donnée dans le "
                "fichier si c'est voulu",
                place(node),
                sorted({f for p in node.pieces if p.source for f in p.source.fields}),
                node.text,
                "",
                revisions_in(stretch.spans, 0, 1) if stretch else [],
            )
        )

    # --- prose ------------------------------------------------------------------------

    def _literal(self, edit: _Edit) -> None:
        field_path, start, end = edit.piece.source.prose
        self._prose[field_path].append((start, end, edit.new, edit.piece.text))
        self._prose_texts[field_path] += changes(edit.piece.text, edit.new)
        self._prose_revisions[field_path] += revisions_in(edit.stretch.spans, edit.start, edit.end)

    def _reference_removed(self, edit: _Edit) -> None:
        field_path, start, end = edit.piece.source.prose
        self._prose[field_path].append((start, end, ""))
        self._prose_texts[field_path].append(Change(edit.piece.text, "", 0, 0))
        self._prose_revisions[field_path] += revisions_in(edit.stretch.spans, edit.start, edit.end)

    def _prose_proposals(self) -> None:
        for field_path, replacements in self._prose.items():
            raw = self.record.values.get(field_path)
            if not isinstance(raw, str):
                raw = ""
            model = raw.strip()
            lead = len(raw) - len(raw.lstrip())
            result = model
            for item in sorted(replacements, key=lambda r: (r[0], r[1]), reverse=True):
                start, end, new = item[0], item[1], item[2]
                if new is None:  # a paragraph deleted: with the blank line after (or before)
                    after = re.match(r"\s*\n\s*\n", result[end:])
                    if after:
                        end += after.end()
                    else:
                        before = re.search(r"\n\s*\n\s*$", result[:start])
                        start = before.start() if before else start
                    result = result[:start] + result[end:]
                elif len(item) == 4:  # a literal stretch, changed where the reviewer changed it
                    result = (
                        result[:start]
                        + splice(result[start:end], item[3], new, clean_prose)
                        + result[end:]
                    )
                else:
                    result = result[:start] + new + result[end:]
            new_raw = (raw[:lead] + result + raw[lead + len(model) :]) if result.strip() else None
            if new_raw == raw:
                continue
            self.proposals.append(
                Proposal(
                    field_path,
                    raw or None,
                    new_raw,
                    "texte",
                    self._prose_texts[field_path],
                    unique(self._prose_revisions[field_path]),
                    "; ".join(self._prose_notes[field_path]) or None,
                    form="prose",
                    at=min(
                        (
                            n.number
                            for n in self.record.nodes.values()
                            for piece in n.pieces
                            if piece.source
                            and piece.source.prose
                            and piece.source.prose[0] == field_path
                        ),
                        default=0,
                    ),
                )
            )

    # --- values worded from fields ------------------------------------------------------

    def _values(self, edits: list[_Edit]) -> None:
        source = edits[0].piece.source
        texts = {squeeze(edit.new) for edit in edits}
        revisions = unique(
            [r for e in edits for r in revisions_in(e.stretch.spans, e.start, e.end)]
        )
        where = place(edits[0].node)
        if len(texts) > 1:
            self.findings.append(
                Finding(
                    "refus",
                    "valeur modifiée de plusieurs façons à plusieurs endroits du document : "
                    "gardez une seule version",
                    where,
                    list(source.fields),
                    edits[0].piece.text,
                    " / ".join(sorted(texts)),
                    revisions,
                )
            )
            return
        edit = edits[0]
        old_values = [self.record.values.get(p) for p in source.fields]
        try:
            if source.form in ("texte", "capitale") and isinstance(old_values[0], str):
                new_values = [
                    splice(old_values[0], edit.piece.text, edit.new, clean_line).strip() or None
                ]
            else:
                new_values = forms.read(edit.new, source, old_values)
        except forms.Unreadable as error:
            self.findings.append(
                Finding(
                    "illisible",
                    str(error),
                    where,
                    list(source.fields),
                    edit.piece.text,
                    edit.new,
                    revisions,
                )
            )
            return
        for path, old, new in zip(source.fields, old_values, new_values, strict=True):
            if new != old:
                self.proposals.append(
                    Proposal(
                        path,
                        old,
                        new,
                        where,
                        changes(edit.piece.text, edit.new),
                        revisions,
                        form=source.form,
                        at=edit.node.number,
                    )
                )

    # --- text outside any field ---------------------------------------------------------

    def _loose(self, loose: Stretch) -> None:
        text = loose.text.strip()
        if not text:
            return
        paragraph = loose.paragraphs[0]
        before = self.record.nodes.get(loose.before) if loose.before else None
        after = self.record.nodes.get(loose.after) if loose.after else None
        neighbour = before or after
        where = (
            place(neighbour) + (" (après « " + short(before.text) + " »)" if before else "")
            if neighbour
            else "document"
        )
        revisions = revisions_in(loose.spans, 0, len(loose.text) + 1)
        heading = (paragraph.style or "").lower().startswith(("heading", "titre"))
        if paragraph.table is not None or heading or not paragraph.part.endswith("document.xml"):
            what = (
                "ligne ou cellule de tableau ajoutée"
                if paragraph.table is not None
                else "titre ajouté"
                if heading
                else "texte ajouté en en-tête ou en pied de page"
            )
            self.findings.append(
                Finding(
                    "ajout",
                    f"{what} : ajoutez-le au fichier de données",
                    where,
                    new=text,
                    revisions=revisions,
                )
            )
            return
        target = self._text_for(before, after)
        if target is None:
            self.findings.append(
                Finding(
                    "ajout",
                    "paragraphe ajouté là où la fiche n'a pas de texte libre : "
                    "ajoutez-le au fichier de données",
                    where,
                    new=text,
                    revisions=revisions,
                )
            )
            return
        field_path, position, separator_first = target
        if field_path not in self.record.values:  # a text the document did not show
            self.record.values[field_path] = self._current(field_path)
        if position is None:  # at the end of the section's text (which may be empty)
            raw = self.record.values.get(field_path)
            position = len(raw.strip()) if isinstance(raw, str) else 0
            separator_first = position > 0
        addition = clean_prose(text)
        if position > 0 or not separator_first:
            addition = f"\n\n{addition}" if separator_first else f"{addition}\n\n"
        self._prose[field_path].append((position, position, addition))
        self._prose_texts[field_path].append(Change("", text, 0, 0))
        self._prose_revisions[field_path] += revisions
        self._prose_notes[field_path].append(f"paragraphe ajouté ({where})")

    def _text_for(
        self, before: Node | None, after: Node | None
    ) -> tuple[DataPath, int | None, bool] | None:
        """Where a paragraph typed between ``before`` and ``after`` goes: (text field,
        offset or None for its end, blank line first)."""
        for node, first in ((before, True), (after, False)):
            spots = [
                p.source.prose for p in (node.pieces if node else []) if p.source and p.source.prose
            ]
            if node is not None and node.kind == "paragraphe" and spots:
                field_path = spots[0][0]
                if all(s[0] == field_path for s in spots):
                    if first:
                        return field_path, max(s[2] for s in spots), True
                    return field_path, min(s[1] for s in spots), False
        node = before or after
        if node is None or node.section is None:
            return None
        for other in self.record.nodes.values():  # the section's text, where it shows
            if other.section == node.section:
                for piece in other.pieces:
                    if piece.source and piece.source.prose and piece.source.form == "prose":
                        return piece.source.prose[0], None, True
        path = text_path(self.root, self.data, node.section)
        return (path, None, True) if path else None

    def _current(self, path: DataPath) -> Any:
        from .yamledit import value_at

        return value_at(self.data, path)

    # --- comments and tracked changes left out ----------------------------------------

    def _comments(self) -> None:
        anchored: set[str] = set()
        for number, stretch in self.reading.stretches.items():
            node = self.record.nodes.get(number)
            for name, start, end in stretch.comments:
                comment = self.reading.comments.get(name)
                if comment is None or node is None:
                    continue
                anchored.add(name)
                paths = self._fields_at(node, stretch, start, max(end, start + 1))
                self.findings.append(
                    Finding(
                        "commentaire",
                        comment.text,
                        place(node),
                        paths,
                        old=stretch.text[start:end] or None,
                        comment=comment,
                    )
                )
        for loose in self.reading.loose:
            for name, start, end in loose.comments:
                comment = self.reading.comments.get(name)
                if comment is not None:
                    anchored.add(name)
                    self.findings.append(
                        Finding(
                            "commentaire",
                            comment.text,
                            "texte ajouté",
                            old=loose.text[start:end] or None,
                            comment=comment,
                        )
                    )
        for name, comment in self.reading.comments.items():
            if name not in anchored:
                self.findings.append(
                    Finding("commentaire", comment.text, "document", comment=comment)
                )

    def _fields_at(self, node: Node, stretch: Stretch, start: int, end: int) -> list[DataPath]:
        new_texts = share(node.pieces, stretch.text)
        paths: list[DataPath] = []
        position = 0
        for piece, new in zip(node.pieces, new_texts, strict=True):
            if piece.source and position < end and position + len(new) > start:
                for path in piece.source.fields or (
                    [piece.source.prose[0]] if piece.source.prose else []
                ):
                    if path not in paths:
                        paths.append(path)
            position += len(new)
        return paths
