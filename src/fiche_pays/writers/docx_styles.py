"""Word style names the DOCX writer uses, and the builder of a template's reference.docx.

The writer names styles only; their look lives in ``templates/<name>/reference.docx``,
which a user restyles in Word. ``build_reference`` makes a fresh, slim reference file
from a theme (only the styles used, no latent styles, no thumbnail): smaller outputs,
and faster to open and save than python-docx's default template.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, Mm, Pt, RGBColor
from docx.styles.style import BaseStyle, ParagraphStyle

from ..theme.load import Theme

# Built-in Word styles (their names are translated by Word's interface).
NORMAL = "Normal"
TITLE = "Title"
SUBTITLE = "Subtitle"
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
LIST_BULLET = "List Bullet"
CAPTION = "Caption"
TOC_HEADING = "TOC Heading"
TOC_LEVELS = ("toc 1", "toc 2")
HEADER = "Header"
FOOTER = "Footer"
HYPERLINK = "Hyperlink"
# The fiche's own styles, named in French as they appear in Word's style gallery.
FACT = "Fait"
FACT_LABEL = "Fait - libellé"
SOURCE = "Source"
CELL = "Tableau - texte"
CELL_NUMBER = "Tableau - nombre"
CELL_HEADER = "Tableau - en-tête"
CELL_HEADER_NUMBER = "Tableau - en-tête nombre"
TABLE = "Tableau fiche"
IDENTITY = "Bloc-marque"
MOTTO = "Devise"
SERVICE = "Service émetteur"
UPDATE = "Mise à jour"
MARKING = "Mention de diffusion"
FIGURE = "Graphique"
MARKING_RUN = "Mention de diffusion (caractères)"

PARAGRAPH_STYLES = (
    NORMAL,
    TITLE,
    SUBTITLE,
    *HEADINGS,
    LIST_BULLET,
    CAPTION,
    TOC_HEADING,
    *TOC_LEVELS,
    HEADER,
    FOOTER,
    FACT,
    SOURCE,
    CELL,
    CELL_NUMBER,
    CELL_HEADER,
    CELL_HEADER_NUMBER,
    IDENTITY,
    MOTTO,
    SERVICE,
    UPDATE,
    MARKING,
    FIGURE,
)
CHARACTER_STYLES = (HYPERLINK, FACT_LABEL, MARKING_RUN)
TABLE_STYLES = (TABLE,)
ALL_STYLES = PARAGRAPH_STYLES + CHARACTER_STYLES + TABLE_STYLES


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


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#"))


def _paragraph_style(
    document: DocxDocument, name: str, base: str | None = NORMAL
) -> ParagraphStyle:
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.quick_style = True
    if base and name != base:
        style.base_style = styles[base]
    return style


def _font(
    style: BaseStyle,
    theme: Theme,
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = False,
    color: str | None = None,
) -> None:
    font = style.font
    font.name = theme.data.fonts.word_family or theme.data.fonts.family
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), font.name)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if color:
        font.color.rgb = _rgb(color)


def _spacing(
    style: ParagraphStyle,
    before: float = 0,
    after: float = 0,
    line: float | None = None,
    keep_with_next: bool | None = None,
) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line:
        # A multiple of single spacing, not an exact height: exact line heights clip
        # inline charts and tall glyphs. Word's single line is about 1.15 em.
        size = style.font.size.pt if style.font.size else 10
        fmt.line_spacing = round(line / (size * 1.15), 2)
    if keep_with_next is not None:
        fmt.keep_with_next = keep_with_next


def _right_tab(style: ParagraphStyle, position: Length) -> None:
    tabs = style.paragraph_format.tab_stops
    tabs.clear_all()
    tabs.add_tab_stop(position, WD_TAB_ALIGNMENT.RIGHT)


def build_reference(theme: Theme) -> bytes:
    """A slim reference .docx holding exactly the styles the writer uses."""
    d = theme.data
    s, c = d.sizes, d.colors
    document = docx.Document()
    section = document.sections[0]
    width_mm, height_mm = (210, 297) if d.page.size == "A4" else (215.9, 279.4)
    section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
    section.left_margin, section.right_margin = Mm(d.page.margin_left), Mm(d.page.margin_right)
    section.top_margin, section.bottom_margin = Mm(d.page.margin_top), Mm(d.page.margin_bottom)
    section.header_distance = section.footer_distance = Mm(8)
    # Header and footer parts made here once: python-docx would otherwise build four of
    # them from its package files for every document written.
    section.different_first_page_header_footer = True
    for part in (
        section.header,
        section.footer,
        section.first_page_header,
        section.first_page_footer,
    ):
        part.is_linked_to_previous = False
    text_width = Mm(width_mm - d.page.margin_left - d.page.margin_right)

    normal = document.styles[NORMAL]
    _font(normal, theme, s.body, color=c.text)
    _spacing(normal, 0, s.body * 0.6, s.leading)
    _set_language(document)

    def para(
        name: str,
        base: str = NORMAL,
        size: float | None = None,
        bold: bool | None = None,
        italic: bool | None = False,
        color: str | None = None,
        before: float = 0,
        after: float = 0,
        line: float | None = None,
        keep: bool | None = None,
    ) -> ParagraphStyle:
        style = _paragraph_style(document, name, base)
        _font(style, theme, size, bold, italic, color)
        _spacing(style, before, after, line, keep)
        return style

    para(TITLE, size=s.title, bold=True, color=c.primary, after=2, line=s.title * 1.15)
    para(SUBTITLE, size=s.subtitle, color=c.text, after=10, line=s.subtitle * 1.3)
    for name in (TITLE, SUBTITLE):
        _plain(document.styles[name])
    _bottom_rule(document.styles[SUBTITLE], c.primary)
    para(
        HEADINGS[0],
        size=s.heading1,
        bold=True,
        color=c.primary,
        before=s.heading1 * 1.1,
        after=s.body * 0.7,
        keep=True,
    )
    para(
        HEADINGS[1],
        size=s.heading2,
        bold=True,
        color=c.primary,
        before=s.heading2 * 0.8,
        after=s.body * 0.4,
        keep=True,
    )
    para(
        HEADINGS[2],
        size=s.body,
        bold=True,
        color=c.text,
        before=s.body * 0.6,
        after=s.body * 0.3,
        keep=True,
    )
    for level, name in enumerate(HEADINGS, start=0):
        document.styles[name].element.get_or_add_pPr()
        _outline_level(document.styles[name], level)
    para(LIST_BULLET, after=s.body * 0.3)
    para(CAPTION, size=s.body * 0.95, bold=True, color=c.primary, before=4, after=4, keep=True)
    para(TOC_HEADING, base=NORMAL, size=s.body * 1.1, bold=True, color=c.primary, before=4, after=4)
    for level, name in enumerate(TOC_LEVELS):
        style = para(name, after=1)
        style.paragraph_format.left_indent = Pt(14 * level)
        style.paragraph_format.tab_stops.add_tab_stop(
            text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
    for name in (HEADER, FOOTER):
        style = para(name, size=s.small, color=c.muted)
        _right_tab(style, text_width)
    para(FACT, after=s.body * 0.3).paragraph_format.first_line_indent = Pt(-12)
    document.styles[FACT].paragraph_format.left_indent = Pt(12)
    para(SOURCE, size=s.small, color=c.muted, before=2, after=s.body, line=s.small * 1.3)
    cell_size = s.body * 0.9
    para(CELL, size=cell_size, line=cell_size * 1.25)
    para(CELL_NUMBER, base=CELL).paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    para(CELL_HEADER, base=CELL, bold=True, color=c.table_header_text)
    para(CELL_HEADER_NUMBER, base=CELL_HEADER).paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    para(IDENTITY, size=9, bold=True, color=c.text, line=10.5)
    para(MOTTO, size=7, italic=True, color=c.text, line=8.5, before=4)
    for name in (IDENTITY, MOTTO):  # no spacing between lines of the same block
        set_property(
            document.styles[name].element.get_or_add_pPr(),
            parse_xml(f"<w:contextualSpacing {nsdecls('w')}/>"),
            PPR_ORDER,
        )
    for name, bold, color in (
        (SERVICE, False, c.text),
        (UPDATE, True, c.text),
        (MARKING, True, c.accent),
    ):
        style = para(name, size=s.small + 0.5, bold=bold, color=color, after=2)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    figure = para(FIGURE, after=2, keep=True)
    figure.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    figure.paragraph_format.line_spacing = 1.0

    _character_style(document, HYPERLINK, c.link, underline=True)
    _character_style(document, FACT_LABEL, None, bold=True)
    _character_style(document, MARKING_RUN, c.accent, bold=True)
    _table_style(document, theme)
    _prune_styles(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _slim_package(buffer.getvalue())


def _plain(style: BaseStyle) -> None:
    """Drop the default template's borders, letter spacing and theme colours."""
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern"):
        for element in rpr.findall(qn(tag)):
            rpr.remove(element)


def _bottom_rule(style: BaseStyle, color: str) -> None:
    """A thin rule under the paragraph, as under the PDF's title block."""
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="6" '
        f'w:color="{color.lstrip("#")}"/></w:pBdr>'
    )
    set_property(style.element.get_or_add_pPr(), border, PPR_ORDER)


def _outline_level(style: BaseStyle, level: int) -> None:
    level_element = parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{level}"/>')
    set_property(style.element.get_or_add_pPr(), level_element, PPR_ORDER)


def _set_language(document: DocxDocument) -> None:
    """French for spelling, hyphenation and typography in Word."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = parse_xml(
        f'<w:lang {nsdecls("w")} w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA"/>'
    )
    set_property(rpr, language, RPR_ORDER)


def _character_style(
    document: DocxDocument,
    name: str,
    color: str | None,
    bold: bool = False,
    underline: bool = False,
) -> None:
    try:
        style = document.styles[name]
    except KeyError:
        style = document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.font.bold = bold or None
    style.font.underline = underline or None
    if color:
        style.font.color.rgb = _rgb(color)


def _table_style(document: DocxDocument, theme: Theme) -> None:
    c = theme.data.colors
    rule, head, stripe = (
        x.lstrip("#") for x in (c.rule, c.table_header_background, c.table_stripe)
    )
    primary = c.primary.lstrip("#")
    xml = f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="Tableaufiche">
  <w:name w:val="{TABLE}"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:tblPr>
    <w:tblBorders>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
      <w:bottom w:w="68" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="{c.table_header_text.lstrip("#")}"/></w:rPr>
    <w:tblPr/>
    <w:tcPr>
      <w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="{primary}"/>
      </w:tcBorders>
      <w:shd w:val="clear" w:color="auto" w:fill="{head}"/>
    </w:tcPr>
  </w:tblStylePr>
  <w:tblStylePr w:type="band2Horz">
    <w:tblPr/>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{stripe}"/></w:tcPr>
  </w:tblStylePr>
</w:style>"""
    document.styles.element.append(parse_xml(xml))


def _prune_styles(document: DocxDocument) -> None:
    """Keep only the styles the writer names (and what they are based on)."""
    root = document.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
    name_of = {sid: s.find(qn("w:name")).get(qn("w:val")) for sid, s in by_id.items()}
    # Word stores built-in names in lower case ("heading 1"); python-docx shows "Heading 1".
    wanted = {n.lower() for n in (*ALL_STYLES, "Default Paragraph Font", "Normal Table", "No List")}
    keep = {sid for sid, name in name_of.items() if name.lower() in wanted}
    pending = list(keep)
    while pending:
        style = by_id[pending.pop()]
        for ref in ("w:basedOn", "w:next", "w:link"):
            element = style.find(qn(ref))
            target = element.get(qn("w:val")) if element is not None else None
            if target in by_id and target not in keep and ref != "w:link":
                keep.add(target)
                pending.append(target)
            elif ref == "w:link" and element is not None and target not in keep:
                style.remove(element)
    for sid, style in by_id.items():
        if sid not in keep:
            root.remove(style)
    latent = root.find(qn("w:latentStyles"))
    if latent is not None:
        root.remove(latent)


_DROPPED = (
    "word/stylesWithEffects.xml",
    "docProps/thumbnail.jpeg",
    "customXml/",
    "word/webSettings.xml",
)


def _slim_package(blob: bytes) -> bytes:
    """Remove parts Word does not need (and their references) from a .docx."""
    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name = info.filename
            if name.startswith(_DROPPED):
                continue
            data = source.read(name)
            if name.endswith(".rels") or name == "[Content_Types].xml":
                text = data.decode("utf-8")
                for dropped in _DROPPED:
                    stem = dropped.split("/")[-1] or dropped
                    text = re.sub(
                        rf"<(Relationship|Override)[^>]*{re.escape(stem)}[^>]*/>", "", text
                    )
                data = text.encode("utf-8")
            fixed = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
    return out.getvalue()


def write_reference(theme: Theme, path: Path) -> None:
    """Write a fresh reference.docx for a theme (overwrites a customised one)."""
    path.write_bytes(build_reference(theme))
