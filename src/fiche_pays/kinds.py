"""The two kinds of fiche, told apart by the data file's name.

``data/kazakhstan.yaml`` is the "Relations bilatérales" fiche of a country and
``data/kazakhstan.presentation.yaml`` its "Présentation du pays": the kind is visible in
``ls``, in messages and in editor tabs, and one glob (``data/*.yaml``) finds both. Plain
strings only: the command line and ``status`` ask without loading any model.
"""

from __future__ import annotations

import os
from pathlib import Path

RELATIONS, PRESENTATION = "relations", "presentation"
KINDS = (RELATIONS, PRESENTATION)
LABELS = {RELATIONS: "Relations bilatérales", PRESENTATION: "Présentation du pays"}
_PRESENTATION_ENDINGS = (".presentation.yaml", ".presentation.yml")
_RELATIONS_ENDINGS = (".yaml", ".yml")


def kind_of(path: str | os.PathLike[str]) -> str:
    """ "presentation" for a name ending in .presentation.yaml (or .yml), else "relations"."""
    name = Path(path).name.lower()
    return PRESENTATION if name.endswith(_PRESENTATION_ENDINGS) else RELATIONS


def country_stem(path: str | os.PathLike[str]) -> str:
    """The file name without its kind and extension: "kazakhstan" for both files."""
    name = Path(path).name
    for ending in (*_PRESENTATION_ENDINGS, *_RELATIONS_ENDINGS):
        if name.lower().endswith(ending):
            return name[: -len(ending)]
    return Path(path).stem


def siblings(path: str | os.PathLike[str]) -> list[Path]:
    """The files that would hold the other kind of fiche of the same country."""
    folder, stem = Path(path).parent, country_stem(path)
    endings = _RELATIONS_ENDINGS if kind_of(path) == PRESENTATION else _PRESENTATION_ENDINGS
    return [folder / f"{stem}{ending}" for ending in endings]
