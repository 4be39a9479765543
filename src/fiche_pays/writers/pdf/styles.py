"""The stylesheet's styles as ReportLab paragraph styles."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

import pyphen
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ...theme.style import Style, Theme

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


def shown(text: str, style: Style) -> str:
    """The text as the style shows it (capitals for a ``caps`` style)."""
    return text.upper() if style.caps else text
