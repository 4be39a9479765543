"""What the presentation's part builders share: the fiche, the wording settings, the
names its prose may cite, and the helpers that turn worded figures into lines.

A fact line reads "Label (année) : valeur (détails ; source : X)": the date after the
label, then the details and the source in one pair of parentheses. The source alone is
"(FMI)"; after other details it is labelled "source : FMI", so that it never reads as
an item's.
"""

from __future__ import annotations

from ...french import typography
from ...model.figures import Dated, Figure, ShareList
from ...model.presentation import PageLink, Presentation
from ...model.types import DataPath
from ...theme.style import Wording
from ...tree import Block, BulletList, Fact, Run
from ..context import Context as BaseContext
from ..context import sourced_fact
from ..provenance import Piece, at
from . import sourcing
from .names import PresentationNames


class Context(BaseContext):
    """The fiche, the template's wording settings and the names prose may cite; its
    ``prose`` is the relations fiche's (each run with its source), over these names."""

    def __init__(self, fiche: Presentation, wording: Wording):
        # Not BaseContext.__init__: its names are those of a relations fiche.
        self.fiche = fiche
        self.wording = wording
        self.units = wording.units
        self.names = PresentationNames(fiche, wording.units)

    def texts(self, text: str | None, path: tuple) -> list[Block]:
        """The paragraphs of the text at ``path`` + "texte", references resolved."""
        return self.prose(text, path)[0]

    def figure_line(
        self,
        label: str,
        figure: Dated,
        path: DataPath,
        value: list[Piece] | None = None,
        details: list[list[Piece]] | None = None,
    ) -> Fact:
        """ "Label (2017) : value (details ; source : X)", earlier values among the
        details; ``value`` defaults to the figure's own wording. Every piece knows its
        field under ``path``."""
        details = list(details or [])
        if isinstance(figure, Figure):
            value = sourcing.value(figure, path, self.units) if value is None else value
            details += sourcing.note(figure, path) + sourcing.earlier(figure, path, self.units)
        line = sourcing.with_details(value or [], details, figure.source, path)
        return sourced_fact(sourcing.label(label, figure, path), line)

    def list_line(self, label: str, shares: ShareList | None, path: DataPath) -> list[Fact]:
        """ "Label (2016) : a (15 %), b (13 %) (source : OMC)", or nothing."""
        if shares is None:
            return []
        line = sourcing.share_list(shares, path, self.units)
        if shares.source:
            line += [(" (source : ", None), (shares.source, at((*path, "source"))), (")", None)]
        return [sourced_fact(sourcing.label(label, shares, path), line)]


def links(items: list[PageLink], path: DataPath) -> list[Block]:
    """A bulleted list of links, each shown by its title or else its address (the field
    it reads back into)."""
    if not items:
        return []
    return [
        BulletList(
            tuple(
                (Run(typography(x.title or x.url), href=x.url, source=at((*path, i, _shown(x)))),)
                for i, x in enumerate(items)
            )
        )
    ]


def _shown(link: PageLink) -> str:
    return "titre" if link.title else "url"
