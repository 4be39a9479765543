"""WordprocessingML details python-docx does not cover: schema order of properties,
fields (TOC, PAGE, NUMPAGES), paragraph spacing and frames, emptied header parts."""

from __future__ import annotations

from functools import lru_cache

from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import _Footer, _Header
from docx.shared import Emu
from docx.text.paragraph import Paragraph

# WordprocessingML requires these children in this order; Word rejects a file whose
# properties are out of order ("unreadable content"), so added elements are placed.
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
SETTINGS_ORDER = [
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
]


# CT_TblPr, in schema order.
TBLPR_ORDER = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
]


def french_settings(settings: BaseOxmlElement) -> None:
    """Document settings every DOCX gets: automatic hyphenation (Word and LibreOffice
    hyphenate by the French rules of the text's language, fr-FR; styles that must not be
    hyphenated say so), and a zoom with its percentage, which ISO/IEC 29500 requires
    (python-docx's default template has ``<w:zoom w:val="bestFit"/>`` alone)."""
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")
    hyphenation = OxmlElement("w:autoHyphenation")
    hyphenation.set(qn("w:val"), "true")
    set_property(settings, hyphenation, SETTINGS_ORDER)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def set_property(parent: BaseOxmlElement, element: BaseOxmlElement, order: list[str]) -> None:
    """Put ``element`` in ``parent`` at its schema position, replacing one of its kind."""
    name = _local(element.tag)
    for child in list(parent):
        if _local(child.tag) == name:
            parent.remove(child)
    successors = set(order[order.index(name) + 1 :])
    for child in parent:
        if _local(child.tag) in successors:
            child.addprevious(element)
            return
    parent.append(element)


def field_char(paragraph: Paragraph, kind: str) -> None:
    """A complex field's begin, separate or end mark."""
    run = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)


def instruction(paragraph: Paragraph, text: str) -> None:
    """A complex field's instruction ("TOC \\o …")."""
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = text
    run._r.append(instr)


def simple_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A simple field (PAGE, NUMPAGES) showing ``shown`` until Word updates it."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# --- elements made directly --------------------------------------------------------------
# python-docx's OxmlElement() parses its "w:r" argument on every call, and its generated
# add_r()/add_t() look for the schema position of each child; a fiche adds tens of
# thousands of runs. These make the same elements, with the same namespace declaration.

_W_NSMAP = {"w": nsmap["w"]}
_P, _R, _T, _RPR, _RSTYLE = (qn(t) for t in ("w:p", "w:r", "w:t", "w:rPr", "w:rStyle"))
_VAL, _SPACE = qn("w:val"), qn("xml:space")


_PROTOTYPES: dict[str, BaseOxmlElement] = {}  # one empty element per tag, never modified


def w_element(clark_tag: str) -> BaseOxmlElement:
    """A new element of the ``w`` namespace, given its Clark name (``qn("w:r")``)."""
    # Copying an empty element is three times faster than lxml's makeelement() with a
    # namespace map, and gives the same element (class, namespace declaration).
    prototype = _PROTOTYPES.get(clark_tag)
    if prototype is None:
        prototype = _PROTOTYPES[clark_tag] = oxml_parser.makeelement(clark_tag, nsmap=_W_NSMAP)
    return prototype.__copy__()


def new_paragraph() -> BaseOxmlElement:
    """An empty ``w:p``."""
    return w_element(_P)


def text_run(text: str, style_id: str | None = None) -> BaseOxmlElement:
    """``<w:r>[<w:rPr><w:rStyle/></w:rPr>]<w:t>text</w:t></w:r>``, as python-docx's
    add_r(), add_t() and style setter make it (the text without tab or line break)."""
    if style_id:
        run = w_element(_R)
        properties = w_element(_RPR)
        style = w_element(_RSTYLE)
        style.set(_VAL, style_id)
        properties.append(style)
        run.append(properties)
        element = w_element(_T)
        run.append(element)
    else:  # most runs: one copy of <w:r><w:t/></w:r>
        run = _plain_run().__copy__()
        element = run[0]
    element.text = text
    if len(text.strip()) < len(text):
        element.set(_SPACE, "preserve")
    return run


@lru_cache(maxsize=1)
def _plain_run() -> BaseOxmlElement:
    """``<w:r><w:t/></w:r>``, made as :func:`text_run` makes a run (never modified)."""
    run = w_element(_R)
    run.append(w_element(_T))
    return run


def spacing(paragraph: Paragraph, before: float | None = None, after: float | None = None) -> None:
    """Spacing before or after a paragraph, in points, over its style's."""
    spacing = OxmlElement("w:spacing")
    for name, points in (("w:before", before), ("w:after", after)):
        if points is not None:
            spacing.set(qn(name), str(round(points * 20)))  # in twentieths of a point
    set_property(paragraph._p.get_or_add_pPr(), spacing, PPR_ORDER)


def frame_right(paragraph: Paragraph, width: int) -> None:
    """Float the paragraph in a frame at the right margin, level with the next text."""
    frame = OxmlElement("w:framePr")
    for name, value in (
        ("w:w", str(round(Emu(width).twips))),
        ("w:hSpace", "142"),
        ("w:wrap", "around"),
        ("w:vAnchor", "text"),
        ("w:hAnchor", "margin"),
        ("w:xAlign", "right"),
        ("w:y", "1"),
    ):
        frame.set(qn(name), value)
    set_property(paragraph._p.get_or_add_pPr(), frame, PPR_ORDER)


def clear_part(part: _Header | _Footer) -> _Header | _Footer:
    """Empty a header or footer, keeping its part."""
    part.is_linked_to_previous = False
    element = part._element
    for child in list(element):
        element.remove(child)
    return part
