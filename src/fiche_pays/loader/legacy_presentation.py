"""Presentation files written before their leaders became the persons of every fiche.

Leaders and ministers once had their own person fields: a free civilité (« S.M. le
Roi », « Président ») and a minister's function without its determiner. They are now the
persons of every fiche (civilité M., Mme, Dr, Pr or S.M., S.A., S.A.R.; a function with
its determiner). An old file is read after conversion, each converted key with a warning
that says exactly what to write instead; what cannot be converted with certainty is left
for validation to name.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from ..model.types import DataPath
from .legacy import Conversion, Note, PathMap

_CIVILITIES = ("M.", "Mme", "Dr", "Pr", "S.M.", "S.A.", "S.A.R.")
_HONORIFIC = re.compile(r"(S\.M\.|S\.A\.R\.|S\.A\.)\s+(\S.*)")
_FEMININE_TITLES = {"Dre": "Dr", "Pre": "Pr"}
_LEADERS = ("chef_de_l_etat", "chef_du_gouvernement")


def convert(data: Any) -> Conversion:
    """Convert the old-form leaders and ministers of a parsed presentation file."""
    paths = PathMap()
    if not isinstance(data, dict):
        return Conversion(data, paths, [])
    notes: list[Note] = []
    result = copy.deepcopy(data)
    general = result.get("donnees_generales")
    if isinstance(general, dict):
        base = ("donnees_generales",)
        for key in _LEADERS:
            if isinstance(general.get(key), dict):
                _leader(general[key], (*base, key), paths, notes)
        others = general.get("autres_dirigeants")
        for index, other in enumerate(others if isinstance(others, list) else []):
            if isinstance(other, dict):
                _leader(other, (*base, "autres_dirigeants", index), paths, notes)
    government = result.get("gouvernement")
    members = government.get("membres") if isinstance(government, dict) else None
    for index, member in enumerate(members if isinstance(members, list) else []):
        if isinstance(member, dict):
            _minister(member, ("gouvernement", "membres", index), notes)
    if not notes:
        return Conversion(data, PathMap(), [])
    return Conversion(result, paths, notes, True)


def _leader(person: dict, path: DataPath, paths: PathMap, notes: list[Note]) -> None:
    civility = person.get("civilite")
    if not isinstance(civility, str) or civility.strip() in _CIVILITIES:
        return
    civility = civility.strip()
    if civility in _FEMININE_TITLES:
        person["civilite"] = _FEMININE_TITLES[civility]
        person.setdefault("genre", "féminin")
        notes.append(
            Note(
                (*path, "civilite"),
                f"« civilite: {civility} » s'écrit désormais « civilite: "
                f"{_FEMININE_TITLES[civility]} » avec « genre: féminin » (pour l'accord : « née », "
                "« élue »)",
            )
        )
        return
    honorific = _HONORIFIC.fullmatch(civility)
    if honorific and "fonction" not in person:
        title, function = honorific.groups()
        function = _with_determiner(function, person)
        person["civilite"], person["fonction"] = title, function
        paths.move((*path, "fonction"), (*path, "civilite"))
        notes.append(
            Note(
                (*path, "civilite"),
                f"« civilite: {civility} » s'écrit désormais en deux champs : « civilite: "
                f"{title} » et « fonction: {function} » (la ligne reste « {title} {function} "
                f"{person.get('nom', '…')} »)",
            )
        )
        return
    if "." in civility or "fonction" in person or len(civility) < 3:
        return  # an unknown abbreviation: validation names the civilités allowed
    function = _with_determiner(civility, person)
    del person["civilite"]
    person["fonction"] = function
    paths.move((*path, "fonction"), (*path, "civilite"))
    notes.append(
        Note(
            (*path, "civilite"),
            f"« {civility} » n'est pas une civilité (M., Mme, Dr, Pr, S.M., S.A., S.A.R.) mais "
            f"une fonction : écrivez « fonction: {function} » à la place de « civilite: "
            f"{civility} » (la ligne l'imprime sans article : « {civility} "
            f"{person.get('nom', '…')} »)",
        )
    )


def _minister(member: dict, path: DataPath, notes: list[Note]) -> None:
    from .. import grammar

    function = member.get("fonction")
    if not isinstance(function, str) or grammar.determiner(function) is not None:
        return
    member["fonction"] = _with_determiner(function, member)
    notes.append(
        Note(
            (*path, "fonction"),
            "la fonction s'écrit désormais avec son article (la liste l'imprime sans) : "
            f"écrivez « fonction: {member['fonction']} »",
        )
    )


def _with_determiner(function: str, person: dict) -> str:
    from .. import grammar

    feminine = person.get("civilite") == "Mme" or person.get("genre") == "féminin"
    return grammar.with_determiner(function, feminine)
