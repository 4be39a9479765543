"""Which figures of a presentation fiche can age: every dated figure and list of figures
but areas, which do not age. Earlier values (``precedents``) are old on purpose and are
not figures of their own.

The rule (a figure more than N years older than the update is stale) and its setting
live in :mod:`fiche_pays.figure_dates`, which the build, the manifest and ``status``
share without loading the model.
"""

from __future__ import annotations

from ..partialdate import PartialDate
from .checks import DataPath
from .figures import Area, Dated
from .presentation import Presentation
from .presentation_checks import walk


def dated_figures(fiche: Presentation) -> list[tuple[DataPath, PartialDate | None]]:
    """Every figure that can age, with its date (None if undated), in the format's order."""
    return [
        (path, model.date)
        for path, model in walk(fiche)
        if isinstance(model, Dated) and not isinstance(model, Area)
    ]
