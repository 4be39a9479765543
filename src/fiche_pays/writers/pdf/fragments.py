"""Paragraph fragments made directly for plain text, without ReportLab's markup parser.

A ReportLab paragraph is given markup; its parser (an HTMLParser) turns it into
fragments, pieces of text with their font, size and colour. A fiche's table cells,
thousands of them, hold plain text: escaping each one only for the parser to read it
back cost up to a tenth of the PDF time. For a text with nothing to escape, the fragment
is what the parser makes of it: a copy of the style's fragment (parsed once per style)
holding the text, cleaned of line breaks and repeated spaces as the parser's cleaner
does. Anything else (formatting, links, an ``&``) still goes through the parser.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from . import breaking


def clean(text: str) -> str:
    """``cleanBlockQuotedText(text)``, ReportLab's cleaning of a paragraph's text: its lines
    stripped of spaces and joined, its spaces between words made single. Most texts are
    already clean (the composer's): they are returned as they are without splitting them
    into words and joining them again (a tenth of the time of making a table's cells).
    The shortcut holds with the word splitter of :mod:`.breaking` installed, which only
    breaks at breaking spaces."""
    if breaking.installed() and text == rl_paragraph.strip(text) and breaking.single_spaced(text):
        return text
    return rl_paragraph.cleanBlockQuotedText(text)


def clone(frag: ParaFrag, **attributes: object) -> ParaFrag:
    """``frag.clone(**attributes)``: same class, same attributes in the same order, without
    passing each of them as a keyword argument (twice as fast)."""
    new = ParaFrag.__new__(type(frag))
    new.__dict__ = {**frag.__dict__, **attributes}
    return new


class Fragments:
    """Fragments of plain texts, by style (one parse per style)."""

    def __init__(self) -> None:
        self._templates: dict[tuple[int, str], tuple[ParagraphStyle, object]] = {}

    def plain(self, text: str, style: ParagraphStyle) -> list[ParaFrag] | None:
        """The fragments the parser would make of ``text`` in ``style``: none for a blank
        text (an empty table cell); None when the text needs the parser (markup
        characters)."""
        if "&" in text or "<" in text or ">" in text:
            return None
        cleaned = clean(text)
        if not cleaned:
            return []  # what the parser makes of an empty text
        # The parser's link and underline lists are its own, never shared between paragraphs.
        frags = [clone(self._template(style), text=cleaned, link=[], us_lines=[])]
        rl_paragraph.textTransformFrags(frags, style)
        return frags

    def labelled(self, label: str, rest: str, style: ParagraphStyle) -> list[ParaFrag] | None:
        """The fragments the parser makes of ``<b>label</b>rest`` (a fact: its label in
        bold, then the separator and its value), both plain texts; None when either needs
        the parser (markup characters) or the cleaned text does not make two fragments."""
        if any(c in label or c in rest for c in "&<>"):
            return None
        cleaned = clean(f"<b>{label}</b>{rest}")
        if not cleaned.startswith("<b>") or cleaned.count("</b>") != 1:
            return None
        head, tail = cleaned[3:].split("</b>")
        if not head or not tail:
            return None
        bold, after = self._template(style, "<b>x</b>y", 2)
        # The parser's two fragments share its link and underline lists.
        link, us_lines = [], []
        frags = [
            clone(bold, text=head, link=link, us_lines=us_lines),
            clone(after, text=tail, link=link, us_lines=us_lines),
        ]
        rl_paragraph.textTransformFrags(frags, style)
        return frags

    def _template(self, style: ParagraphStyle, markup: str = "x", count: int = 1) -> list:
        """The parser's fragments of ``markup`` in ``style`` (parsed once per style)."""
        entry = self._templates.get((id(style), markup))
        if entry is None or entry[0] is not style:
            parser = ParaParser()
            parser.caseSensitive = 1  # as Paragraph sets it
            _, frags, _ = parser.parse(markup, style)
            if not frags or len(frags) != count:
                raise ValueError(f"style {style.name} : fragment de paragraphe inattendu")
            entry = self._templates[(id(style), markup)] = (style, frags if count > 1 else frags[0])
        return entry[1]
