"""The two fiches of one country agree on who it is.

``data/benin.yaml`` and ``data/benin.presentation.yaml`` each carry their own ``pays:``
block, so that each file validates and builds alone. When both exist, their ``nom`` and
``code`` must be the same: the four documents then share one name ("benin.pdf",
"benin-presentation.pdf") and one country. The other file is only read, never judged:
its own mistakes are its own load's to report.
"""

from __future__ import annotations

from typing import Any

from ..kinds import siblings
from ..problems import Problem
from . import yamlsource
from .files import FileProblem, read_text
from .positions import SourceMap

_KEYS = ("nom", "code")


def check_sibling(name: str, data: dict[str, Any], source: SourceMap) -> list[Problem]:
    """Errors where this file's ``pays.nom`` or ``pays.code`` differs from the other
    kind's file of the same country, if that file exists and can be read."""
    mine = data.get("pays")
    if not isinstance(mine, dict):
        return []
    for other in siblings(name):
        if not other.is_file():
            continue
        try:
            theirs, _ = yamlsource.parse(read_text(other))
        except (FileProblem, yamlsource.YamlProblem, OSError):
            return []
        country = theirs.get("pays") if isinstance(theirs, dict) else None
        if not isinstance(country, dict):
            return []
        problems = []
        for key in _KEYS:
            ours, their = mine.get(key), country.get(key)
            if ours is not None and their is not None and str(ours) != str(their):
                line, column = source.locate(("pays", key)) or (None, None)
                problems.append(
                    Problem(
                        name,
                        f"pays.{key} « {ours} » ici, mais « {their} » dans {other} : les deux "
                        "fiches d'un pays (relations et présentation) portent le même nom et le "
                        "même code ; corrigez l'une des deux",
                        line,
                        column,
                        f"pays.{key}",
                    )
                )
        return problems
    return []
