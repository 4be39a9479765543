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
from ...theme.style import Wording
from ...tree import Block, BulletList, Fact, Run
from ..context import Context as BaseContext
from ..context import fact
from .names import PresentationNames
from .wording import dated_label, earlier, share_list, value, with_details


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
        text: str | None = None,
        details: list[str] | None = None,
    ) -> Fact:
        """ "Label (2017) : value (details ; source : X)", earlier values among the
        details; ``text`` defaults to the figure's own wording."""
        details = list(details or [])
        if isinstance(figure, Figure):
            text = value(figure, self.units) if text is None else text
            details += [figure.note] if figure.note else []
            details += earlier(figure, self.units)
        return fact(dated_label(label, figure), with_details(text or "", details, figure.source))

    def list_line(self, label: str, shares: ShareList | None) -> list[Fact]:
        """ "Label (2016) : a (15 %), b (13 %) (source : OMC)", or nothing."""
        if shares is None:
            return []
        text = share_list(shares, self.units)
        if shares.source:
            text += f" (source : {shares.source})"
        return [fact(dated_label(label, shares), text)]


def links(items: list[PageLink]) -> list[Block]:
    """A bulleted list of links, each shown by its title or else its address."""
    if not items:
        return []
    return [BulletList(tuple((Run(typography(x.title or x.url), href=x.url),) for x in items))]
