"""Every error of a file at once: structural errors must not hide the others.

When Pydantic refuses some values, the rest of the file is still worth checking: the
cross-field checks (totals, dates, keys) and the references of the texts. This module
removes what Pydantic refused (a field, else the record or block that holds it) from a
copy of the data, until the rest validates, and says which names of the texts may now be
missing because of a removal: those are not reported (the removed value's own error is).

A removed list item shifts the items after it: every list of the copy remembers the
original index of each item it keeps, so that a finding on what is left is located at
its own line and element in the file (:meth:`Pruned.original`), not at its neighbour's.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from ..model.blocks import KINDS, kind_of
from ..model.types import DataPath

_PLACEHOLDERS = {
    # A country whose every form exists, so that {pays.…} references still check.
    "pays": {
        "nom": "Pays",
        "code": "ZZ",
        "au": "au Pays",
        "du": "du Pays",
        "de": "du Pays",
        "le": "le Pays",
        "adjectif": "x",
        "adjectif_feminin": "x",
    },
    # Far in the future, so that no date is said to follow the update.
    "document": {"mise_a_jour": "2200-12-31"},
}
# First components of the names the trade series defines in its section.
ECONOMY_ROOTS = {
    "annee",
    "annee_precedente",
    "devise",
    "source",
    "exportations",
    "importations",
    "solde",
    "echanges",
    "stock_investissements",
    "part_de_marche",
    "entreprises_francaises",
    "emplois",
    "rang_fournisseur",
    "rang_fournisseur_europeen",
    "rang_investisseur",
    "rang_investisseur_europeen",
    "produits",
}


@dataclass
class Pruned:
    """What is left of a file once its refused values are removed, and what that hides."""

    model: Any | None = None
    hidden_prefixes: set[str] = field(default_factory=set)  # names not to report
    hidden_texts: set[DataPath] = field(default_factory=set)  # texts not to check
    economy_hidden: bool = False
    data: Any = None  # the pruned copy the model was made of
    # id of a list of the copy -> the original index of each item it kept
    origins: dict[int, list[int]] = field(default_factory=dict)

    def original(self, path: DataPath) -> DataPath:
        """A path of the pruned copy as the same value's path in the file's data."""
        out: list[str | int] = []
        node = self.data
        for part in path:
            if isinstance(node, list) and isinstance(part, int):
                kept = self.origins.get(id(node))
                out.append(kept[part] if kept is not None and 0 <= part < len(kept) else part)
            else:
                out.append(part)
            node = _walk(node, (part,))
        return tuple(out)

    def hides(self, text_path: DataPath, name: str) -> bool:
        """True when a reference problem may come from a removal (``text_path`` in the
        file's data, as :meth:`original` gives it)."""
        if any(text_path[: len(p)] == p for p in self.hidden_texts):
            return True
        root = name.split(".", 1)[0]
        if self.economy_hidden and root in ECONOMY_ROOTS:
            return True
        return any(name == p or name.startswith(p + ".") for p in self.hidden_prefixes)


def clean_loc(loc: tuple, data: Any, blocks: bool = True) -> DataPath:
    """A Pydantic location as a path of the data: without the tag Pydantic adds after a
    block's index (the block's kind), nor the index it adds where one value stands for a
    list of one. ``blocks``: the data holds sections of blocks (a relations fiche)."""
    out: list[str | int] = []
    node = data
    tagged = False
    for part in loc:
        if part == "[key]":
            continue
        if (
            not tagged
            and _is_block(tuple(out))
            and isinstance(node, dict)
            and part == kind_of(node)
        ):
            tagged = True  # the tag; the kind key itself, if the error is inside, follows
            continue
        if isinstance(part, int) and not isinstance(node, list):
            continue
        out.append(part)
        tagged = False
        node = _walk(node, (part,))
    return tuple(out)


def _is_block(path: tuple) -> bool:
    if len(path) == 2 and isinstance(path[1], int):
        return path[0] not in ("pays", "document", "informations_complementaires")
    return (
        len(path) == 4
        and path[0] == "sections_supplementaires"
        and path[2] == "contenu"
        and isinstance(path[3], int)
    )


def target(error: dict, loc: DataPath) -> DataPath:
    """What to remove for an error at ``loc``: the refused value, or for a missing field
    the object that lacks it."""
    return loc[:-1] if error["type"] == "missing" else loc


def prune(
    root: type[BaseModel], data: dict, locs: list[DataPath], blocks: bool = True, rounds: int = 8
) -> Pruned:
    """Remove the values at ``locs`` (cleaned locations) until ``root`` validates; return
    the model of the rest (None if nothing usable is left)."""
    data = copy.deepcopy(data)
    pruned = Pruned(data=data)
    for _ in range(rounds):
        for loc in locs:
            _remove(data, loc, pruned, blocks)
        _sweep(data, pruned.origins)
        try:
            pruned.model = root.model_validate(data)
            return pruned
        except ValidationError as error:
            locs = [target(e, clean_loc(e["loc"], data, blocks)) for e in error.errors()]
    return pruned


def _remove(data: dict, loc: DataPath, pruned: Pruned, blocks: bool) -> None:
    if not loc:
        return
    if len(loc) == 1 and loc[0] in _PLACEHOLDERS:
        data[loc[0]] = dict(_PLACEHOLDERS[loc[0]])
        return
    if loc[0] in _PLACEHOLDERS and len(loc) >= 2:
        parent = _walk(data, loc[:-1])
        if isinstance(parent, dict) and loc[-1] in parent:
            del parent[loc[-1]]
        return
    if blocks:
        _note(data, loc, pruned)  # before the removal: the path still leads to the value
    parent = _walk(data, loc[:-1])
    key = loc[-1]
    if isinstance(parent, dict) and key in parent:
        del parent[key]
    elif isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
        parent[key] = _GONE


_GONE = object()  # a removed list item, swept after a round (indices stay valid meanwhile)


def _sweep(node: Any, origins: dict[int, list[int]]) -> None:
    """Drop the removed items, each list keeping the original index of what is left
    (the lists are those of the copy, alive as long as ``origins`` is used)."""
    if isinstance(node, dict):
        for value in node.values():
            _sweep(value, origins)
    elif isinstance(node, list):
        if any(item is _GONE for item in node):
            indices = origins.get(id(node), list(range(len(node))))
            kept = zip(indices, node, strict=True)
            origins[id(node)] = [i for i, item in kept if item is not _GONE]
            node[:] = [item for item in node if item is not _GONE]
        for item in node:
            _sweep(item, origins)


def _walk(data: Any, path: DataPath) -> Any:
    node = data
    for part in path:
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


def _note(data: dict, loc: DataPath, pruned: Pruned) -> None:
    """Remember which names a removal may hide: the removed block's or record's, and the
    texts of a record that lost a field."""
    block_depth = 4 if loc[0] == "sections_supplementaires" else 2
    if len(loc) < block_depth:
        pruned.hidden_texts.add(pruned.original(loc))
        return
    block = _walk(data, loc[:block_depth])
    if not isinstance(block, dict):
        return
    kind = next((k for k in block if k in KINDS), None)
    if kind is None:
        return
    if kind in ("echanges", "produits"):
        pruned.economy_hidden = True
    records = block.get(kind)
    record_depth = block_depth + 2
    if len(loc) >= record_depth and isinstance(loc[record_depth - 1], int):
        chosen = [_walk(data, loc[:record_depth])]
        pruned.hidden_texts.add(pruned.original(loc[:record_depth]))
    else:
        chosen = records if isinstance(records, list) else [records]
    if KINDS[kind].SINGLETON:
        pruned.hidden_prefixes.add(kind)  # {communaute.nombre}, {relations_diplomatiques}
    for record in chosen:
        if isinstance(record, dict) and isinstance(record.get("cle"), str):
            pruned.hidden_prefixes.add(f"{kind}.{record['cle']}")
