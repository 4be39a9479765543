"""The names a "Relations bilatérales" text may cite, worded once.

* In a record's own ``texte``: its fields by short name ({quand}, {visiteurs},
  {lieu.au}, {parts.gouvernance}).
* Anywhere: the country ({pays.le}), the update ({document.mise_a_jour}), records with a
  key by kind ({visites.juillet_2023.quand}, {accords.traite_1953.signature}), the
  fiche's single blocks ({relations_diplomatiques.quand}, {communaute.nombre}), the trade
  figures ({echanges.solde}) and products ({produits.petrole.part}).
* In the section that holds the trade series: its figures by short name ({solde},
  {exportations.evolution}, {rang_fournisseur}).

:func:`check_texts` reports every unknown name, located in its text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..french import Units
from ..model.blocks import Block, TradeBlock
from ..model.checks import Finding, prose_fields
from ..model.types import DataPath
from . import aid, ambassadors, cooperation, economy, political, presence, visits
from .provenance import at
from .references import Value, Worded, problems

# Per block kind: the local names of one of its records (record, its path, country, units).
_RECORD_NAMES: dict[str, Callable[[Any, DataPath, Any, Units], Worded]] = {
    "evenements": lambda r, p, country, units: political.event_names(r, p),
    "accords": lambda r, p, country, units: political.agreement_names(r, p, country),
    "visites": lambda r, p, country, units: visits.visit_names(r, p, country),
    "communaute": lambda r, p, country, units: presence.community_names(r, p),
    "communaute_en_france": lambda r, p, country, units: presence.community_names(r, p),
    "postes": lambda r, p, country, units: presence.post_names(r, p, country),
    "postes_en_france": lambda r, p, country, units: presence.post_names(r, p, country),
    "aides": lambda r, p, country, units: aid.aid_names(r, p, units),
    "instituts": lambda r, p, country, units: cooperation.institute_names(r, p),
    "etablissements_scolaires": lambda r, p, country, units: cooperation.school_names(
        r, p, country
    ),
}
# Kinds the fiche holds once: their names are global under the kind itself.
_SINGLE = {"communaute", "communaute_en_france"}


class FicheNames:
    """Every name of a fiche, each with its source: global ones, those of each record
    (``scopes``), and which global name states each record (``owners``, for "a fact is
    stated once")."""

    def __init__(self, fiche: Any, units: Units | None = None):
        self.units = units or Units()
        self.global_names = Worded()
        self.scopes: dict[DataPath, Worded] = {}
        self.owners: dict[DataPath, str] = {}
        self._build(fiche)

    def for_path(self, path: DataPath) -> dict[str, Value]:
        """Names visible from a text inside ``path``: its nearest scopes over global ones."""
        return self.worded_for_path(path).values

    def worded_for_path(self, path: DataPath) -> Worded:
        """Names and their sources visible from a text inside ``path``."""
        names = Worded()
        names.update(self.global_names)
        for length in range(1, len(path) + 1):
            scope = self.scopes.get(tuple(path[:length]))
            if scope:
                names.update(scope)
        return names

    def _build(self, fiche: Any) -> None:
        c = fiche.country
        country = {
            "nom": (c.name, "nom"),
            "code": (c.code, "code"),
            "au": (c.in_form, "au"),
            "du": (c.of_form, "du"),
            "de": (c.of_bare_form, "de" if c.of_bare else "du"),
            "le": (c.the_form, "le"),
        }
        if c.adjective:
            country["adjectif"] = (c.adjective, "adjectif")
        if c.adjective_feminine:
            country["adjectif_feminin"] = (c.adjective_feminine, "adjectif_feminin")
        for key, (value, field) in country.items():
            self.global_names.add(f"pays.{key}", value, at(("pays", field)))
        updated = fiche.document.updated
        where = ("document", "mise_a_jour")
        self.global_names.add("document.mise_a_jour", updated.text(), at(where, "date"))
        self.global_names.add("document.mise_a_jour.quand", updated.when(), at(where, "quand"))
        for path, block in fiche.blocks():
            self._block(fiche, path, block)

    def _block(self, fiche: Any, path: DataPath, block: Block) -> None:
        kind = block.KIND
        if kind == "relations_diplomatiques":
            where = (*path, kind)
            self.global_names.add(kind, block.established.text(), at(where, "date"))
            self.global_names.add(f"{kind}.quand", block.established.when(), at(where, "quand"))
            self.owners[path] = kind
        elif kind in ("ambassadeur_de_france", "ambassadeur_en_france"):
            names = ambassadors.ambassador_names(block.ambassador, (*path, kind))
            self.global_names.update(names, kind)
            self.owners[path] = kind
        elif kind == "echanges":
            self._economy(fiche, path)
        elif kind == "produits":
            for index, product in enumerate(block.products):
                self.owners[(*path, kind, index)] = f"produits.{product.key}"
        elif kind in _RECORD_NAMES:
            self._records(fiche, path, block)

    def _records(self, fiche: Any, path: DataPath, block: Block) -> None:
        kind = block.KIND
        records = block.content
        for index, record in enumerate(records):
            record_path = (*path, kind, index)
            # One mapping where a list is allowed: its fields sit under the kind itself.
            field_path = (*path, kind) if kind in _SINGLE and len(records) == 1 else record_path
            local = _RECORD_NAMES[kind](record, field_path, fiche.country, self.units)
            self.scopes[record_path] = local
            if kind in _SINGLE:
                prefix = kind if len(records) == 1 else f"{kind}.{index + 1}"
                self.global_names.update(local, prefix)
                self.owners[record_path] = kind
                self.owners[path] = kind
            elif record.key:
                self.global_names.update(local, f"{kind}.{record.key}")
                self.owners[record_path] = f"{kind}.{record.key}"

    def _economy(self, fiche: Any, trade_block: DataPath) -> None:
        products = {
            product.key: (*path, "produits", index)
            for path, block in fiche.blocks()
            if block.KIND == "produits"
            for index, product in enumerate(block.products)
        }
        names = economy.economy_names(
            fiche.economy, self.units, (*trade_block, "echanges"), products
        )
        series, goods = Worded(), Worded()
        for name, value in names.values.items():
            target = goods if name.startswith("produits.") else series
            target.add(name, value, names.sources[name])
        self.scopes.setdefault(trade_block[:-1], Worded()).update(names)
        self.global_names.update(series, "echanges")
        self.global_names.update(goods)


# The names of the fiche last asked for: a fiche's texts are checked when it is loaded,
# then composed, and both need its names (a tenth of loading, as much of composing).
# One fiche held at a time, the very object (not an equal one), with the same units.
_last: tuple[Any, tuple, FicheNames] | None = None


def fiche_names(fiche: Any, units: Units | None = None) -> FicheNames:
    """The names of ``fiche`` worded with ``units``, built once for the fiche being
    loaded then composed. Callers only read them."""
    global _last
    units = units or Units()
    key = (units.million, units.billion, tuple(sorted((units.currency or {}).items())))
    if _last is not None and _last[0] is fiche and _last[1] == key:
        return _last[2]
    names = FicheNames(fiche, units)
    _last = (fiche, key, names)
    return names


def section_path(path: DataPath) -> DataPath:
    """The section a data path lies in: ("visites",) or ("sections_supplementaires", 0,
    "contenu")."""
    return path[:3] if path and path[0] == "sections_supplementaires" else path[:1]


def check_texts(fiche: Any) -> Iterator[Finding]:
    """Every unknown or malformed reference in the fiche's texts, located in its text."""
    names = fiche_names(fiche)
    for path, text in prose_fields(fiche):
        visible = names.for_path(path[:-1])
        for problem in problems(text, visible):
            yield Finding(path, problem.message, offset=problem.offset, subject=problem.name)


__all__ = ["FicheNames", "TradeBlock", "check_texts", "fiche_names", "section_path"]
