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
from .references import Names, Value, problems

# Per block kind: the local names of one of its records.
_RECORD_NAMES: dict[str, Callable[[Any, Any, Units], dict[str, Value]]] = {
    "evenements": lambda r, country, units: political.event_names(r),
    "accords": lambda r, country, units: political.agreement_names(r, country),
    "visites": lambda r, country, units: visits.visit_names(r, country),
    "communaute": lambda r, country, units: presence.community_names(r),
    "communaute_en_france": lambda r, country, units: presence.community_names(r),
    "postes": lambda r, country, units: presence.post_names(r, country),
    "postes_en_france": lambda r, country, units: presence.post_names(r, country),
    "aides": lambda r, country, units: aid.aid_names(r, units),
    "instituts": lambda r, country, units: cooperation.institute_names(r),
    "etablissements_scolaires": lambda r, country, units: cooperation.school_names(r, country),
}
# Kinds the fiche holds once: their names are global under the kind itself.
_SINGLE = {"communaute", "communaute_en_france"}


class FicheNames:
    """Every name of a fiche: global ones, those of each record (``scopes``), and which
    global name states each record (``owners``, for "a fact is stated once")."""

    def __init__(self, fiche: Any, units: Units | None = None):
        self.units = units or Units()
        self.global_names: dict[str, Value] = {}
        self.scopes: dict[DataPath, dict[str, Value]] = {}
        self.owners: dict[DataPath, str] = {}
        self._build(fiche)

    def for_path(self, path: DataPath) -> dict[str, Value]:
        """Names visible from a text inside ``path``: its nearest scopes over global ones."""
        names = dict(self.global_names)
        for length in range(1, len(path) + 1):
            names.update(self.scopes.get(path[:length], {}))
        return names

    def _publish(self, prefix: str, names: dict[str, Value]) -> None:
        self.global_names.update({f"{prefix}.{k}": v for k, v in names.items()})

    def _build(self, fiche: Any) -> None:
        c = fiche.country
        country: dict[str, Value] = {
            "nom": c.name,
            "code": c.code,
            "au": c.in_form,
            "du": c.of_form,
            "de": c.of_bare_form,
            "le": c.the_form,
            "adjectif": c.adjective,
        }
        if c.adjective_feminine:
            country["adjectif_feminin"] = c.adjective_feminine
        self._publish("pays", country)
        updated = fiche.document.updated
        self.global_names["document.mise_a_jour"] = updated.text()
        self.global_names["document.mise_a_jour.quand"] = updated.when()
        for path, block in fiche.blocks():
            self._block(fiche, path, block)

    def _block(self, fiche: Any, path: DataPath, block: Block) -> None:
        kind = block.KIND
        if kind == "relations_diplomatiques":
            self.global_names[kind] = block.established.text()
            self.global_names[f"{kind}.quand"] = block.established.when()
            self.owners[path] = kind
        elif kind in ("ambassadeur_de_france", "ambassadeur_en_france"):
            self._publish(kind, ambassadors.ambassador_names(block.ambassador))
            self.owners[path] = kind
        elif kind == "echanges":
            self._economy(fiche, path[:-1])
        elif kind == "produits":
            for index, product in enumerate(block.products):
                self.owners[(*path, kind, index)] = f"produits.{product.key}"
        elif kind in _RECORD_NAMES:
            self._records(fiche, path, block)

    def _records(self, fiche: Any, path: DataPath, block: Block) -> None:
        kind = block.KIND
        records = block.content
        for index, record in enumerate(records):
            local = _RECORD_NAMES[kind](record, fiche.country, self.units)
            record_path = (*path, kind, index)
            self.scopes[record_path] = local
            if kind in _SINGLE:
                prefix = kind if len(records) == 1 else f"{kind}.{index + 1}"
                self._publish(prefix, local)
                self.owners[record_path] = kind
                self.owners[path] = kind
            elif record.key:
                self._publish(f"{kind}.{record.key}", local)
                self.owners[record_path] = f"{kind}.{record.key}"

    def _economy(self, fiche: Any, section: DataPath) -> None:
        names = economy.economy_names(fiche.economy, self.units)
        series = {k: v for k, v in names.items() if not k.startswith("produits.")}
        self.scopes.setdefault(section, {}).update(names)
        self._publish("echanges", series)
        self.global_names.update({k: v for k, v in names.items() if k.startswith("produits.")})


def section_path(path: DataPath) -> DataPath:
    """The section a data path lies in: ("visites",) or ("sections_supplementaires", 0,
    "contenu")."""
    return path[:3] if path and path[0] == "sections_supplementaires" else path[:1]


def check_texts(fiche: Any) -> Iterator[Finding]:
    """Every unknown or malformed reference in the fiche's texts, located in its text."""
    names = FicheNames(fiche)
    for path, text in prose_fields(fiche):
        visible: Names = names.for_path(path[:-1])
        for problem in problems(text, visible):
            yield Finding(path, problem.message, offset=problem.offset, subject=problem.name)


__all__ = ["FicheNames", "TradeBlock", "check_texts", "section_path"]
