"""Line breaking of a one-fragment paragraph: ReportLab's own algorithm, made cheaper.

Nine paragraphs out of ten of a fiche (table cells, body text, items) are one piece of
text in one font. ReportLab's ``Paragraph.breakLines`` breaks them with a general loop
that measures every word through three calls (``pdfmetrics.stringWidth`` -> ``getFont``
-> the font, about a microsecond each), splits the text with a regular expression, takes
each word with ``list.pop(0)`` and looks every style setting up again for each paragraph:
a sixth of the PDF time. :func:`break_lines` runs the very same steps, in the same order
and with the same arithmetic, but with each word's width looked up in a table (per font
and size, filled with the font's own measure), on a stack of words, and hands every
hyphenation and long-word split to ReportLab's own functions: the lines, their widths to
the last bit, and so the drawing and the PDF's bytes are those of ReportLab.

It relies on ReportLab internals (ReportLab 4.2 to 5.x): the one-fragment branch of
``Paragraph.breakLines`` and the module functions ``_hyphenateWord``, ``_splitWord``,
``split`` and ``strip`` of ``reportlab.platypus.paragraph``. ``tests/writers/
test_pdf_lines.py`` compares the result with ReportLab's on many texts, widths and
styles, and fails if ReportLab changes its behaviour. Anything the fast path does not
cover (several fragments, soft hyphens, bullets, bidirectional or shaped text, a paragraph
already split into words) returns None: ReportLab breaks it.
"""

from __future__ import annotations

from reportlab.lib.abag import ABag
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.platypus import paragraph as rl
from reportlab.platypus.paragraph import Paragraph
from reportlab.platypus.paraparser import ParaFrag

from . import breaking
from .fragments import clone

_SHY = "\xad"  # a soft hyphen: ReportLab's own handling (_SHYStr)
_WIDTHS_MAX = 10_000  # words remembered per font and size: memory stays bounded


class _Measure:
    """Word widths in one font at one size, as ``pdfmetrics.stringWidth`` gives them (the
    font's own measure), remembered: the same words come back in every table."""

    def __init__(self, font_name: str, font: object, size: float, encoding: str):
        self.measure = font.stringWidth
        self.size, self.encoding = size, encoding
        self.widths: dict[str, float] = {}
        self.ascent_descent = getAscentDescent(font_name, size)

    def width(self, word: str) -> float:
        width = self.widths.get(word)
        if width is None:
            if len(self.widths) >= _WIDTHS_MAX:
                self.widths.clear()
            width = self.widths[word] = self.measure(word, self.size, self.encoding)
        return width


_measures: dict[tuple[object, float, str], _Measure] = {}


def _measure(font_name: str, size: float, encoding: str) -> _Measure:
    font = getFont(font_name)
    key = (font, size, encoding)  # the font object itself: a name registered again is new
    measure = _measures.get(key)
    if measure is None:
        if len(_measures) >= 32:
            _measures.clear()
        measure = _measures[key] = _Measure(font_name, font, size, encoding)
    return measure


def break_lines(para: Paragraph, widths: list[float]) -> ABag | None:
    """What ``Paragraph.breakLines(widths)`` returns for ``para`` (and the attributes it
    sets), or None when ``para`` is not a one-fragment paragraph of plain text."""
    style = para.style
    frags = para.frags
    if (
        len(frags) != 1
        or style.wordWrap
        or style.shaping
        or style.endDots
        or para.bulletText
        or type(widths) is not list
    ):
        return None
    f = frags[0]
    # A ParaFrag with text (a paragraph split already holds words), no image or background.
    if not isinstance(f, ParaFrag) or "text" not in f.__dict__:
        return None
    if hasattr(f, "cbDefn") or hasattr(f, "backColor"):
        return None
    hyphenator = getattr(style, "hyphenationLang", "")
    if isinstance(hyphenator, str):
        if hyphenator.strip():
            return None  # a language name: ReportLab loads its dictionary
        hyphenator = None
    elif not callable(hyphenator):
        return None  # ReportLab reports the error
    text = rl.strip(f.text)
    if _SHY in text:
        return None

    # The attributes ReportLab's breakLines sets.
    para._width_max = 0
    para.height = 0
    para._splitLongWordCount = para._hyphenations = 0
    fontName, fontSize = f.fontName, f.fontSize
    encoding = para.encoding
    measures = _measure(fontName, fontSize, encoding)
    ascent, descent = measures.ascent_descent
    if not text:
        return clone(f, kind=0, lines=[], ascent=ascent, descent=descent, fontSize=fontSize)

    width_of = measures.width
    uriWasteReduce = style.uriWasteReduce
    embeddedHyphenation = style.embeddedHyphenation
    hyphenation2 = embeddedHyphenation > 1
    splitLongWords = style.splitLongWords
    attemptHyphenation = hyphenator or uriWasteReduce or embeddedHyphenation
    hymwl = (
        getattr(style, "hyphenationMinWordLength", rl.hyphenationMinWordLength)
        if attemptHyphenation
        else 0
    )
    hyOk = not getattr(f, "nobr", False)
    hyphenate_with = hyphenator if hyOk else None
    uri_waste = uriWasteReduce if hyOk else False
    embedded = embeddedHyphenation and hyOk
    SplitWord, SplitWordH = rl._SplitWord, rl._SplitWordH

    maxWidths = widths
    maxlineno = len(maxWidths) - 1
    lineno = 0
    maxWidth = maxWidths[0]
    width_max = 0
    lines: list[tuple[float, list[str]]] = []
    # The words still to place, the next one last: ReportLab's words[0] is words[-1]
    # here, its pop(0) a pop() and its insertions at the front extensions at the end.
    if rl.split is breaking.split and breaking.single_spaced(text):
        words = text.split(" ")  # what breaking.split makes of it (no empty word: stripped)
    else:
        words = rl.split(text)
    words.reverse()
    pop = words.pop
    spaceWidth = width_of(" ")
    dSpaceShrink = style.spaceShrinkage * spaceWidth
    cLine: list[str] = []
    currentWidth = -spaceWidth  # ReportLab's "hack to get around extra space for word 1"
    forcedSplit = 0
    while words:
        word = pop()
        if type(word) is str:
            wordWidth = width_of(word)
        else:  # a piece of a word ReportLab split: measured as ReportLab does
            if not word and isinstance(word, SplitWord):
                forcedSplit = 1
            wordWidth = measures.measure(word, fontSize, encoding)
        newWidth = currentWidth + spaceWidth + wordWidth
        limWidth = maxWidth + dSpaceShrink * len(cLine)
        if newWidth > limWidth and not (isinstance(word, SplitWordH) or forcedSplit):
            if attemptHyphenation:
                hsw = rl._hyphenateWord(
                    hyphenate_with,
                    fontName,
                    fontSize,
                    word,
                    wordWidth,
                    newWidth,
                    limWidth,
                    uri_waste,
                    embedded,
                    hymwl,
                )
                if hsw:
                    words.extend(reversed(hsw))
                    para._hyphenations += 1
                    forcedSplit = 1
                    continue
                elif hyphenation2 and len(cLine):
                    hsw = rl._hyphenateWord(
                        hyphenate_with,
                        fontName,
                        fontSize,
                        word,
                        wordWidth,
                        wordWidth,
                        maxWidth,
                        uri_waste,
                        embedded,
                        hymwl,
                    )
                    if hsw:
                        words.append(word)
                        forcedSplit = 1
                        word = None
                        newWidth = currentWidth
            if splitLongWords and not (isinstance(word, SplitWord) or forcedSplit):
                nmw = min(lineno, maxlineno)
                if wordWidth > max(maxWidths[nmw : nmw + 1]):
                    parts = rl._splitWord(
                        word,
                        currentWidth + spaceWidth,
                        maxWidths,
                        lineno,
                        fontName,
                        fontSize,
                        encoding,
                    )
                    words.extend(reversed(parts))
                    para._splitLongWordCount += 1
                    forcedSplit = 1
                    continue
        if newWidth <= limWidth or not len(cLine) or forcedSplit:
            if word:
                cLine.append(word)
            if forcedSplit:
                forcedSplit = 0
                if newWidth > width_max:
                    width_max = newWidth
                lines.append((maxWidth - newWidth, cLine))
                cLine = []
                currentWidth = -spaceWidth
                lineno += 1
                maxWidth = maxWidths[min(maxlineno, lineno)]
            else:
                currentWidth = newWidth
        else:
            if currentWidth > width_max:
                width_max = currentWidth
            lines.append((maxWidth - currentWidth, cLine))
            cLine = [word]
            currentWidth = wordWidth
            lineno += 1
            maxWidth = maxWidths[min(maxlineno, lineno)]
    if cLine != []:
        if currentWidth > width_max:
            width_max = currentWidth
        lines.append((maxWidth - currentWidth, cLine))
    para._width_max = width_max
    return clone(f, kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=fontSize)


_space_widths: dict[tuple[str, float], float] = {}


def _space_width(font_name: str, size: float) -> float:
    """``stringWidth(" ", font_name, size)``, remembered (a handful of fonts and sizes)."""
    key = (font_name, size)
    width = _space_widths.get(key)
    if width is None:
        if len(_space_widths) >= 256:
            _space_widths.clear()
        width = _space_widths[key] = stringWidth(" ", font_name, size)
    return width


def one_line(para: Paragraph, widths: list[float]) -> ABag | None:
    """What ``Paragraph.breakLines(widths)`` returns for a paragraph of several fragments
    (a fact: its label in bold, then its value) that fits on its first line, and the
    attributes it sets; None when it does not fit, or holds anything but text (ReportLab
    breaks it). ReportLab's loop for several fragments measures, for each word, the
    spaces of every word before it on the line (a quadratic count of measures: 170 µs
    for a fact of eight words); here each space width is measured once. Same steps, same
    arithmetic: ReportLab 4.2 to 5.x's breakLines, its branch for several fragments,
    while no line ends (tests/writers/test_pdf_lines.py compares them)."""
    style = para.style
    frags = para.frags
    if (
        len(frags) < 2
        or style.wordWrap
        or style.shaping
        or style.endDots
        or para.bulletText
        or type(widths) is not list
        or getattr(para, "autoLeading", getattr(style, "autoLeading", "")) not in ("", "off")
    ):
        return None
    for f in frags:
        if not isinstance(f, ParaFrag) or "text" not in f.__dict__ or hasattr(f, "cbDefn"):
            return None
    maxWidth = widths[0]
    spaceShrinkage = style.spaceShrinkage
    FK_TEXT, FK_BREAK = rl._FK_TEXT, rl._FK_BREAK
    HSFrag, sameFrag = rl._HSFrag, rl.sameFrag
    # sameFrag compares a clone's attributes but its text (colours by Color.__eq__, 10 µs
    # a call): asked once per pair of fragments the clones come from.
    known: dict[tuple[int, int], bool] = {}

    def _same(source: ParaFrag, frag: ParaFrag) -> bool:
        key = (id(source), id(frag))
        same = known.get(key)
        if same is None:
            same = known[key] = bool(sameFrag(source, frag))
        return same

    ascent_descent = getAscentDescent
    FW: list[object] = []
    words: list[ParaFrag] = []
    n = spaceWidth = currentWidth = 0
    maxSize = maxAscent = minDescent = 0
    g = g_source = None
    for w in rl._getFragWords(frags, maxWidth):
        FW.append(w)
        f = w[-1][0]
        fontName = f.fontName
        fontSize = f.fontSize
        if not words:
            n = spaceWidth = currentWidth = 0
            maxSize = fontSize
            maxAscent, minDescent = ascent_descent(fontName, fontSize)
        wordWidth = w[0]
        f = w[1][0]
        newWidth = currentWidth + spaceWidth + wordWidth if wordWidth > 0 else currentWidth
        if f._fkind == FK_BREAK:
            return None  # a line break: ReportLab's
        limWidth = maxWidth
        if spaceShrinkage:
            spaceShrink = spaceWidth
            for wi in words:
                if wi._fkind == FK_TEXT:
                    ns = wi.text.count(" ")
                    if ns:
                        spaceShrink += ns * _space_width(wi.fontName, wi.fontSize)
            spaceShrink *= spaceShrinkage
            limWidth += spaceShrink
        if newWidth > limWidth:
            return None  # the line ends (or a word is hyphenated): ReportLab's
        nText = w[1][1]
        if nText:
            n += 1
        fontSize = f.fontSize
        ascent, descent = ascent_descent(f.fontName, fontSize)
        maxSize = max(maxSize, fontSize)
        maxAscent = max(maxAscent, ascent)
        minDescent = min(minDescent, descent)
        if not words:
            g, g_source = clone(f), f
            words = [g]
            g.text = nText
        elif not _same(g_source, f):
            if spaceWidth:
                i = len(words) - 1
                while i >= 0:
                    wi = words[i]
                    i -= 1
                    if wi._fkind == FK_TEXT:
                        if not wi.text.endswith(" "):
                            wi.text += " "
                        break
            g, g_source = clone(f), f
            words.append(g)
            g.text = nText
        elif spaceWidth:
            if not g.text.endswith(" "):
                g.text += " " + nText
            else:
                g.text += nText
        else:
            g.text += nText
        spaceWidth = _space_width(fontName, fontSize) if isinstance(w, HSFrag) else 0
        ni = 0
        for i in w[2:]:
            g, g_source = clone(i[0]), i[0]
            g.text = i[1]
            if g.text:
                ni = 1
            words.append(g)
            fontSize = g.fontSize
            ascent, descent = ascent_descent(g.fontName, fontSize)
            maxSize = max(maxSize, fontSize)
            maxAscent = max(maxAscent, ascent)
            minDescent = min(minDescent, descent)
        if not nText and ni:
            n += 1
        currentWidth = newWidth
    # The attributes ReportLab's breakLines sets.
    para.height = 0
    para._splitLongWordCount = para._hyphenations = 0
    para._width_max = 0
    lines = []
    if words:
        if currentWidth > para._width_max:
            para._width_max = currentWidth
        lines.append(
            rl.FragLine(
                extraSpace=(maxWidth - currentWidth),
                wordCount=n,
                lineBreak=False,
                words=words,
                fontSize=maxSize,
                ascent=maxAscent,
                descent=minDescent,
                maxWidth=maxWidth,
                sFW=0,
            )
        )
    para.frags = FW
    return rl.ParaLines(kind=1, lines=lines)
