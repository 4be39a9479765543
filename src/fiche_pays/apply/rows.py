"""Table rows and list items a reviewer added or deleted.

A new row is read as an edited copy of the row next to it: each cell by the sources of
the cell above it, re-aimed at a new item at the end of the same list (a new visit, a
new line of a table typed by hand). Fields a row implies without showing them (the
direction of a visit, given by its table) are taken from the neighbour when the model
requires them. A row deleted whole removes its item; a bullet of a list typed by hand
likewise.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from ..tree import DataPath
from . import forms
from .diffing import share, splice
from .findings import Finding, Proposal, clean_line, place, revisions_in, unique
from .modelkeys import keys_at, model_at
from .reading import Stretch
from .record import Node
from .yamledit import value_at

if TYPE_CHECKING:
    from .reverse import Reverse


def _fields(nodes: list[Node]) -> list[DataPath]:
    return [path for n in nodes for p in n.pieces if p.source for path in p.source.fields]


def _item_prefix(paths: list[DataPath]) -> DataPath | None:
    """The list item all ``paths`` are inside: ("visites", "liste", 3)."""
    if not paths:
        return None
    prefix = paths[0]
    for path in paths[1:]:
        length = 0
        while length < min(len(prefix), len(path)) and prefix[length] == path[length]:
            length += 1
        prefix = prefix[:length]
    while prefix and not isinstance(prefix[-1], int):
        prefix = prefix[:-1]
    return prefix or None


def _row_nodes(reverse: Reverse, like: Node) -> list[Node]:
    return sorted(
        (
            n
            for n in reverse.record.nodes.values()
            if n.kind == "cellule"
            and (n.section, n.table, n.row) == (like.section, like.table, like.row)
        ),
        key=lambda n: n.number,
    )


def removed(
    reverse: Reverse, gone: list[tuple[Node, Stretch | None]]
) -> list[tuple[Node, Stretch | None]]:
    """Proposals removing the items of rows (and bullets) deleted whole; the deleted
    paragraphs left over are returned."""
    rows: dict[tuple, list[tuple[Node, Stretch | None]]] = defaultdict(list)
    rest = []
    for node, stretch in gone:
        if node.kind == "cellule":
            rows[(node.section, node.table, node.row)].append((node, stretch))
        elif node.kind == "puce" and len(node.pieces) == 1 and _is_item(node):
            _remove(reverse, [node], [stretch])
        else:
            rest.append((node, stretch))
    for cells in rows.values():
        nodes = [node for node, _ in cells]
        prefix = _item_prefix(_fields(nodes))
        if len(nodes) != len(_row_nodes(reverse, nodes[0])) or prefix is None:
            rest += cells
            continue
        _remove(reverse, nodes, [stretch for _, stretch in cells], prefix)
    return rest


def _is_item(node: Node) -> bool:
    source = node.pieces[0].source
    return bool(source and len(source.fields) == 1 and isinstance(source.fields[0][-1], int))


def _remove(
    reverse: Reverse,
    nodes: list[Node],
    stretches: list[Stretch | None],
    prefix: DataPath | None = None,
) -> None:
    prefix = prefix or nodes[0].pieces[0].source.fields[0]
    shown = _fields(nodes)
    unchanged = all(
        value_at(reverse.data, path) == reverse.record.values.get(path) for path in shown
    )
    now = value_at(reverse.data, prefix)
    # the file's item if what the document showed of it is still so; else a conflict
    old = (
        now
        if unchanged
        else {".".join(map(str, p[len(prefix) :])): reverse.record.values.get(p) for p in shown}
    )
    revisions = [r for s in stretches if s for r in revisions_in(s.spans, 0, len(s.text) + 1)]
    text = " | ".join(n.text for n in nodes)
    reverse.proposals.append(
        Proposal(
            prefix,
            old,
            None,
            place(nodes[0]),
            revisions=unique(revisions),
            note=f"ligne supprimée : {text}",
            kind="suppression",
            at=nodes[0].number,
        )
    )


def added(reverse: Reverse, loose: list[Stretch]) -> list[Stretch]:
    """Proposals adding the items of rows typed into tables; the loose paragraphs that
    are not such rows are returned."""
    rows: dict[tuple, list[Stretch]] = defaultdict(list)
    rest = []
    for stretch in loose:
        paragraph = stretch.paragraphs[0]
        if paragraph.table is not None and paragraph.part.endswith("document.xml"):
            rows[(paragraph.part, *paragraph.table[:2])].append(stretch)
        elif not _add_bullet(reverse, stretch):
            rest.append(stretch)
    for cells in rows.values():
        if not any(c.text.strip() for c in cells):
            continue
        if not _add_row(reverse, cells):
            rest += cells
    return rest


def _add_bullet(reverse: Reverse, stretch: Stretch) -> bool:
    """A bullet typed after a bullet of a list typed by hand: a new item of that list."""
    node = reverse.record.nodes.get(stretch.before) if stretch.before else None
    if node is None or node.kind != "puce" or len(node.pieces) != 1 or not _is_item(node):
        return False
    shown = reverse.reading.stretches.get(node.number)
    style = shown.paragraphs[-1].style if shown and shown.paragraphs else None
    if not stretch.text.strip() or stretch.paragraphs[0].style != style:
        return False
    path = node.pieces[0].source.fields[0]
    items = value_at(reverse.data, path[:-1])
    if not isinstance(items, list):
        return False
    target = (*path[:-1], reverse.next_index(path[:-1], len(items)))
    reverse.proposals.append(
        Proposal(
            target,
            None,
            clean_line(stretch.text).strip(),
            place(node),
            revisions=unique(revisions_in(stretch.spans, 0, len(stretch.text) + 1)),
            note="élément de liste ajouté",
            kind="ajout",
            at=node.number,
        )
    )
    return True


def _neighbour(reverse: Reverse, cells: list[Stretch]) -> list[Node]:
    for number in (cells[0].before, cells[-1].after):
        node = reverse.record.nodes.get(number) if number else None
        if node is not None and node.kind == "cellule":
            return _row_nodes(reverse, node)
    return []


def _add_row(reverse: Reverse, cells: list[Stretch]) -> bool:
    template = _neighbour(reverse, cells)
    prefix = _item_prefix(_fields(template))
    if len(template) != len(cells) or prefix is None:
        return False
    items = value_at(reverse.data, prefix[:-1])
    if not isinstance(items, list):
        return False
    target = (*prefix[:-1], reverse.next_index(prefix[:-1], len(items)))
    where = place(template[0]).rsplit(", ligne", 1)[0] + ", ligne ajoutée"
    values: dict[DataPath, Any] = {}
    for node, cell in zip(template, cells, strict=True):
        for piece, new in zip(node.pieces, share(node.pieces, cell.text), strict=True):
            source = piece.source
            if source is None or not source.fields:
                if source is not None and new.strip() and new != piece.text:  # a computed cell
                    reverse.findings.append(
                        Finding(
                            "refus",
                            source.note or "valeur calculée",
                            where,
                            old=piece.text,
                            new=new,
                        )
                    )
                continue
            if any(path[: len(prefix)] != prefix for path in source.fields):
                return False
            old = [reverse.record.values.get(path) for path in source.fields]
            if new == piece.text:
                read = old
            else:
                try:
                    if source.form in ("texte", "capitale") and isinstance(old[0], str):
                        read = [splice(old[0], piece.text, new, clean_line).strip() or None]
                    else:
                        read = forms.read(new, source, old)
                except forms.Unreadable as error:
                    reverse.findings.append(
                        Finding(
                            "illisible",
                            f"{error} ; ligne non reprise",
                            where,
                            old=piece.text,
                            new=new,
                        )
                    )
                    return True
            for path, value in zip(source.fields, read, strict=True):
                values[path[len(prefix) :]] = value
    item = _item(reverse, prefix, values)
    revisions = [r for c in cells for r in revisions_in(c.spans, 0, len(c.text) + 1)]
    reverse.proposals.append(
        Proposal(
            target,
            None,
            item,
            where,
            revisions=unique(revisions),
            note="ligne ajoutée : " + " | ".join(c.text for c in cells),
            kind="ajout",
            at=template[-1].number,
        )
    )
    return True


def _item(reverse: Reverse, prefix: DataPath, values: dict[DataPath, Any]) -> Any:
    """The new item: the shown values, plus what the model requires and the row only
    implies, taken from the neighbour."""
    if all(len(k) == 1 and isinstance(k[0], int) for k in values):  # a row of plain cells
        return [values[(i,)] or "" for i in range(len(values))]
    neighbour = value_at(reverse.data, prefix)
    model = model_at(reverse.root, prefix)
    item: dict[str, Any] = {}
    for key in keys_at(reverse.root, prefix):
        shown = {k: v for k, v in values.items() if k[0] == key and v is not None}
        if shown:
            item[key] = shown.get((key,)) if (key,) in shown else _nested(shown, 1)
        elif model is not None and isinstance(neighbour, dict) and key in neighbour:
            field = next((f for n, f in model.model_fields.items() if (f.alias or n) == key), None)
            if field is not None and field.is_required() and not any(k[0] == key for k in values):
                item[key] = neighbour[key]
    return item


def _nested(values: dict[DataPath, Any], depth: int) -> dict[str, Any]:
    """Values shown under a field of fields ("visiteurs": its "nom", its "fonction") as
    the mapping the data file holds."""
    mapping: dict[str, Any] = {}
    for path, value in values.items():
        node = mapping
        for part in path[depth:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return mapping
