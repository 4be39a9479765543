"""Page-content operators written by shorter paths than ReportLab's generic ones, with the
same bytes: a fiche shows some 600 text runs and saves the graphics state some 900 times,
and ReportLab's general code (any font kind, any colour kind, shaping) costs a tenth of
the PDF's time there.

ReportLab internals used (pinned by the ``reportlab<6`` bound, guarded by
``tests/writers/test_pdf_pdfops.py``, which compares every path with ReportLab's own):
``TTFont.splitString``, ``getSubsetInternalName`` and ``TTFont.state[doc].assignments``
(a character's code in a document's subsets never changes once given),
``PDFTextObject._formatText``'s output for a TrueType font,
``Canvas.STATE_ATTRIBUTES``/``push_state_stack``, ``Canvas.transform``, what
``setFillAlpha`` does (``ensureMinPdfVersion('transparency')``, ``_ExtGState.set``
writing nothing for the value in force).
"""

from __future__ import annotations

from codecs import charmap_encode
from operator import itemgetter

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as canvas_module
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject


class SubsetCodes:
    """One TrueType font's character codes in one document, as ``TTFont.splitString``
    assigns them: the subset of a character and its byte there.

    ``splitString`` walks the text in Python, one character at a time; a character's
    code, once given, stays (the subsets only grow), so a text whose characters all have
    one in subset 0 (a fiche's text rarely needs a second subset of 256 codes) is
    encoded by one ``codecs.charmap_encode``. A text with a new character goes through
    ``splitString``, which gives the codes (in the same order as without this).
    """

    __slots__ = ("codes", "doc", "font", "names")

    def __init__(self, font: TTFont, doc: object):
        self.font = font
        self.doc = doc
        self.codes: dict[int, int] = {}  # code point -> its byte in subset 0
        self.names: dict[int, str] = {}  # subset -> its font resource name ("/F1+0")

    def split(self, text: str) -> list[tuple[int, bytes]]:
        """``font.splitString(text, doc)``: (subset, bytes) runs."""
        try:  # one C loop; fails on a character without a code yet, or beyond subset 0
            return [(0, charmap_encode(text, "strict", self.codes)[0])] if text else []
        except UnicodeEncodeError:
            pass
        runs = self.font.splitString(text, self.doc)
        self._learn(text)
        return runs

    def name(self, subset: int) -> str:
        """``font.getSubsetInternalName(subset, doc)``: it names the font in the document
        the first time (a side effect kept), the same name every time after."""
        name = self.names.get(subset)
        if name is None:
            name = self.names[subset] = self.font.getSubsetInternalName(subset, self.doc)
        return name

    def _learn(self, text: str) -> None:
        # After splitString every character of the text is assigned, or has no glyph
        # (code 0, never assigned later); U+00A0 is written as the space.
        assignments = self.font.state[self.doc].assignments
        for char in set(text):
            code = assignments.get(32 if char == "\xa0" else ord(char), 0)
            if code < 256:  # subset 0: the others go through splitString every time
                self.codes[ord(char)] = code


_RG: dict[tuple[float, float, float], str] = {}  # the few colours of a theme: bounded


def _rg(red: float, green: float, blue: float) -> str:
    key = (red, green, blue)
    code = _RG.get(key)
    if code is None:
        if len(_RG) > 256:  # a theme has a handful; never let it grow without bound
            _RG.clear()
        code = _RG[key] = f"{fp_str(key)} rg"
    return code


class _FastFill:
    """``setFillColor`` of a canvas or a text object (ReportLab's ``_PDFColorSetter``)
    for a plain RGB colour, the only kind a theme has; any other goes to ReportLab."""

    def setFillColor(self, aColor: object, alpha: float | None = None) -> None:
        if type(aColor) is not Color or self._enforceColorSpace or alpha is not None:
            super().setFillColor(aColor, alpha)
            return
        self._fillColorObj = aColor
        self._code.append(_rg(aColor.red, aColor.green, aColor.blue))
        alpha = getattr(aColor, "alpha", None)
        if alpha is not None and not _same_fill_alpha(self, alpha):
            self.setFillAlpha(alpha)


def _same_fill_alpha(owner: object, alpha: object) -> bool:
    """True if ``owner.setFillAlpha(alpha)`` would change nothing: the document already
    allows transparency and ``alpha`` is the fill opacity in force (ReportLab then writes
    nothing). A plain colour has alpha 1, and a fiche sets some 500 colours."""
    canv = owner._canvas if isinstance(owner, PDFTextObject) else owner
    state = canv._extgstate
    return (
        type(alpha) in (int, float)
        and alpha == state._d.get("ca", state.defaults["ca"])
        and canv._doc._pdfVersion >= pdfdoc.PDF_SUPPORT_VERSION["transparency"]
    )


class FastTextObject(_FastFill, PDFTextObject):
    """A text object whose TrueType text runs and plain RGB fill colours are written
    without ReportLab's general dispatch; anything else goes to ReportLab."""

    def _formatText(self, text: str) -> str:
        canv = self._canvas
        codes = canv._subset_codes.get(self._fontname)
        if codes is None or type(text) is not str:  # a ShapedStr is a str subclass
            font = pdfmetrics.getFont(self._fontname)
            if type(text) is not str or not font._dynamicFont:
                return super()._formatText(text)
            codes = canv.subset_codes(font)
        escape = canv._escape
        out = []
        for subset, chunk in codes.split(text):
            if subset != self._curSubset:
                size, leading = fp_str(self._fontsize), fp_str(self._leading)
                out.append(f"{codes.name(subset)} {size} Tf {leading} TL")
                self._curSubset = subset
            out.append(f"({escape(chunk)}) Tj")
        return " ".join(out)


_STATE = itemgetter(*Canvas.STATE_ATTRIBUTES)


class FastStateCanvas(_FastFill, Canvas):
    """A canvas that saves its graphics state (``q``) as one C-level tuple, sets plain
    RGB fill colours and translations directly, and keeps each TrueType font's codes for
    :class:`FastTextObject`."""

    def __init__(self, *args: object, **kw: object):
        super().__init__(*args, **kw)
        self._subset_codes: dict[str, SubsetCodes] = {}

    def subset_codes(self, font: TTFont) -> SubsetCodes:
        """The codes of ``font`` in this canvas's document."""
        codes = self._subset_codes.get(font.fontName)
        if codes is None:
            codes = self._subset_codes[font.fontName] = SubsetCodes(font, self._doc)
        return codes

    def translate(self, dx: float, dy: float) -> None:
        # ReportLab's transform(1, 0, 0, 1, dx, dy), its arithmetic written out (the same
        # floats); a translation after another "cm" is merged by ReportLab's code.
        code = self._code
        if not canvas_module.ENABLE_TRACKING or (code and code[-1][-3:] == " cm"):
            super().translate(dx, dy)
            return
        a0, b0, c0, d0, e0, f0 = self._currentMatrix
        self._currentMatrix = (
            a0 * 1 + c0 * 0,
            b0 * 1 + d0 * 0,
            a0 * 0 + c0 * 1,
            b0 * 0 + d0 * 1,
            a0 * dx + c0 * dy + e0,
            b0 * dx + d0 * dy + f0,
        )
        code.append(f"1 0 0 1 {fp_str(dx, dy)} cm")

    # The saved state is a tuple (ReportLab keeps a dict; only these two methods read it).
    def push_state_stack(self) -> None:
        self.state_stack.append(_STATE(self.__dict__))
        self._extgstate = self._extgstate.pushCopy()

    def pop_state_stack(self) -> None:
        state = zip(self.STATE_ATTRIBUTES, self.state_stack.pop(), strict=True)
        self.__dict__.update(state)
