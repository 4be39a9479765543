"""The stylesheet's styles as ReportLab paragraph styles."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from functools import lru_cache

import pyphen
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ...theme.style import Style, Theme
from .fragments import Fragments

_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "justify": TA_JUSTIFY}

# A raised ordinal ending ("8e"): its size and its rise, as fractions of the text's size
# (ReportLab's own <super> is 80 % raised by half the size, too high for French ordinals).
SUPERSCRIPT_SIZE = 0.68
SUPERSCRIPT_RISE = 0.36


@lru_cache(maxsize=1)
def french_hyphenator() -> Callable[[str], Iterator[tuple[str, str]]]:
    """French hyphenation points (pyphen, with LibreOffice's dictionary): at least two
    letters before the hyphen and three after, as French typography asks. Made once: given
    a language name instead, ReportLab would load it again for every paragraph."""
    return pyphen.Pyphen(lang="fr_FR", left=2, right=3).iterate


def paragraph_style(name: str, style: Style, fonts: dict[str, str]) -> ParagraphStyle:
    """A ReportLab style with the stylesheet's values.

    ``keep_with_next`` is not ReportLab's keepWithNext, which glues a heading to the whole
    next block (a block longer than the page then jumps, leaving a gap): the writer keeps
    such paragraphs with what follows by a conditional page break instead.
    """
    return ParagraphStyle(
        name,
        fontName=fonts[style.face],
        fontSize=style.size,
        leading=style.leading,
        textColor=HexColor(style.color),
        spaceBefore=style.space_before,
        spaceAfter=style.space_after,
        leftIndent=style.indent,
        firstLineIndent=style.first_line_indent,
        bulletIndent=style.bullet_indent,
        bulletFontName=fonts["regular"],
        alignment=_ALIGN[style.align],
        # Words are hyphenated by French rules (a hyphen is drawn) where the style asks
        # for it, and compounds break after their own hyphen; a word that has no such
        # point and is wider than its column is cut only as a last resort.
        hyphenationLang=french_hyphenator() if style.hyphenate else "",
        embeddedHyphenation=1 if style.hyphenate else 0,
        splitLongWords=1,
        uriWasteReduce=0.3,
        allowWidows=0,
        allowOrphans=0,
    )


def paragraph_styles(theme: Theme, fonts: dict[str, str]) -> dict[str, ParagraphStyle]:
    """Every style of the stylesheet, by name."""
    return {name: paragraph_style(name, style, fonts) for name, style in theme.styles.items()}


class StyleSheet:
    """A stylesheet's paragraph styles, the styles derived from them (a long paragraph's
    pieces, a TOC title), and the fragment templates of each (see :mod:`.fragments`).

    Shared by every fiche made with the same stylesheet and fonts (:func:`style_sheet`):
    a fiche's styles are read, never changed, and building them again for each fiche,
    with a parse per style for its fragments, cost about 2 % of the PDF time.
    """

    def __init__(self, styles: dict[str, ParagraphStyle]):
        self.styles = styles
        self.fragments = Fragments()
        self._derived: dict[tuple[str, str], ParagraphStyle] = {}

    def derived(self, base: ParagraphStyle, suffix: str, **values: object) -> ParagraphStyle:
        """``base`` with ``values`` changed, named ``base.name + suffix``; made once per
        (base, suffix): ``suffix`` names ``values`` (always the same for a suffix)."""
        key = (base.name, suffix)
        style = self._derived.get(key)
        if style is None or style.parent is not base:
            style = self._derived[key] = ParagraphStyle(base.name + suffix, parent=base, **values)
        return style

    def piece(self, name: str, first: bool, last: bool) -> ParagraphStyle:
        """The style of a piece of a long paragraph in style ``name`` (see :mod:`.pieces`):
        spaced and indented as one paragraph."""
        base = self.styles[name]
        return self.derived(
            base,
            f":{'first' if first else 'last' if last else 'middle'}",
            spaceBefore=base.spaceBefore if first else 0,
            spaceAfter=base.spaceAfter if last else 0,
            firstLineIndent=base.firstLineIndent if first else 0,
        )


_SHEETS: OrderedDict[tuple[object, ...], StyleSheet] = OrderedDict()
_SHEETS_KEPT = 4  # templates a worker builds with; each sheet holds a few dozen styles


def style_sheet(theme: Theme, fonts: dict[str, str]) -> StyleSheet:
    """The paragraph styles of ``theme`` in ``fonts``, shared between the fiches made with
    the same stylesheet values and the same fonts (the few last ones are kept)."""
    key = (tuple(theme.styles.items()), tuple(fonts.items()))
    sheet = _SHEETS.get(key)
    if sheet is None:
        sheet = _SHEETS[key] = StyleSheet(paragraph_styles(theme, fonts))
        if len(_SHEETS) > _SHEETS_KEPT:
            _SHEETS.popitem(last=False)
    else:
        _SHEETS.move_to_end(key)
    return sheet


def shown(text: str, style: Style) -> str:
    """The text as the style shows it (capitals for a ``caps`` style)."""
    return text.upper() if style.caps else text
