"""The builder of a template's reference.docx, from the template's stylesheet.

The DOCX writer names styles only; their look lives in ``templates/<name>/reference.docx``,
which a user restyles in Word. ``build_reference`` makes a fresh, slim reference file
from the same stylesheet the PDF writer reads (only the styles used, no latent styles,
no thumbnail): smaller outputs, and faster to open and save than python-docx's default.
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
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle, ParagraphStyle

from ...theme.style import Style, Theme
from .names import (
    ALL_STYLES,
    FACT_LABEL,
    FOOTER,
    FROM_STYLESHEET,
    HEADER,
    HEADINGS,
    HYPERLINK,
    IDENTITY,
    LIST_BULLET,
    MARKING_RUN,
    MOTTO,
    NORMAL,
    SUBTITLE,
    TABLE,
    TITLE,
    TOC_LEVELS,
)
from .ooxml import PPR_ORDER, RPR_ORDER, french_settings, set_property
from .package import write_zip

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#"))


def _word_style(document: DocxDocument, name: str) -> ParagraphStyle:
    styles = document.styles
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.quick_style = True
        return style


def _apply(style: ParagraphStyle, look: Style, theme: Theme) -> None:
    """Give a Word paragraph style every value of a stylesheet style."""
    font = style.font
    font.name = theme.word_family
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), font.name)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)
    font.size = Pt(look.size)
    font.bold = look.bold
    font.italic = look.italic
    font.all_caps = look.caps or None
    font.color.rgb = _rgb(look.color)
    fmt = style.paragraph_format
    fmt.space_before = Pt(look.space_before)
    fmt.space_after = Pt(look.space_after)
    # A multiple of single spacing, not an exact height: exact line heights clip inline
    # charts and tall glyphs. Word's single line is about 1.15 em.
    fmt.line_spacing = round(look.leading / (look.size * 1.15), 2)
    fmt.left_indent = Pt(look.indent) if look.indent else None
    fmt.first_line_indent = Pt(look.first_line_indent) if look.first_line_indent else None
    fmt.alignment = _ALIGN[look.align]
    fmt.keep_with_next = look.keep_with_next or None


def build_reference(theme: Theme) -> bytes:
    """A slim reference .docx holding exactly the styles the writer uses."""
    page, c = theme.page, theme.colors
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(page.width), Mm(page.height)
    section.left_margin, section.right_margin = Mm(page.margin_left), Mm(page.margin_right)
    section.top_margin, section.bottom_margin = Mm(page.margin_top), Mm(page.margin_bottom)
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
    text_width = Mm(page.width - page.margin_left - page.margin_right)
    _set_language(document)

    for name, word_name in FROM_STYLESHEET.items():
        look = theme.styles[name]
        style = _word_style(document, word_name)
        if word_name != NORMAL:
            style.base_style = document.styles[FROM_STYLESHEET.get(look.base or "body", NORMAL)]
        _apply(style, look, theme)
        _hyphenation(style, look.hyphenate)
    french_settings(document.settings.element)
    for name in (TITLE, SUBTITLE):
        _plain(document.styles[name])
    # The title's rule, with its accent, is drawn by the writer under the subtitle.
    for level, name in enumerate(HEADINGS):
        _outline_level(document.styles[name], level)
    for name in TOC_LEVELS:
        document.styles[name].paragraph_format.tab_stops.add_tab_stop(
            text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
    for name in (HEADER, FOOTER):
        tabs = document.styles[name].paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    # The PDF's thin rules under the running header and over the footer.
    _rule(document.styles[HEADER], "bottom", c.rule)
    _rule(document.styles[FOOTER], "top", c.rule)
    for name in (IDENTITY, MOTTO):  # no spacing between lines of the same block
        set_property(
            document.styles[name].element.get_or_add_pPr(),
            parse_xml(f"<w:contextualSpacing {nsdecls('w')}/>"),
            PPR_ORDER,
        )
    _bullet_indents(document, theme.styles["bullet"])
    marking = theme.styles["header_marking"]
    _character_style(document, HYPERLINK, c.link, underline=True)
    _character_style(document, FACT_LABEL, None, bold=True)
    _character_style(document, MARKING_RUN, marking.color, bold=marking.bold, caps=marking.caps)
    _table_style(document, theme)
    _prune_styles(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _slim_package(buffer.getvalue())


def _rule(style: BaseStyle, side: str, color: str) -> None:
    """A thin rule (0.5 pt) on one side of a paragraph style, 4 pt from its text."""
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:{side} w:val="single" w:sz="4" w:space="4" '
        f'w:color="{color.lstrip("#").upper()}"/></w:pBdr>'
    )
    set_property(style.element.get_or_add_pPr(), border, PPR_ORDER)


def _bullet_indents(document: DocxDocument, look: Style) -> None:
    """The bullet where the PDF draws it (``bullet_indent``), the text at ``indent``: a
    hanging indent on the list style and on its numbering level, whose own indent
    (Word's default, the bullet at the margin) would otherwise prevail; the items spaced
    as in the PDF."""
    left = round(look.indent * 20)  # twentieths of a point
    hanging = round((look.indent - look.bullet_indent) * 20)
    style = document.styles[LIST_BULLET]
    style.paragraph_format.first_line_indent = Pt(-(look.indent - look.bullet_indent))
    # Items spaced as the stylesheet says, as in the PDF (Word's default drops the space
    # between paragraphs of the same style).
    for element in style.element.pPr.findall(qn("w:contextualSpacing")):
        style.element.pPr.remove(element)
    num_id = style.element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(num_id)
    abstract = num.abstractNumId.val
    for element in numbering.iterchildren(qn("w:abstractNum")):
        if element.get(qn("w:abstractNumId")) == str(abstract):
            level = element.find(f"{qn('w:lvl')}[@{qn('w:ilvl')}='0']")
            indent = level.find(f"{qn('w:pPr')}/{qn('w:ind')}")
            indent.set(qn("w:left"), str(left))
            indent.set(qn("w:hanging"), str(hanging))
            for tab in level.iterfind(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}"):
                tab.set(qn("w:pos"), str(left))


def _hyphenation(style: BaseStyle, hyphenate: bool) -> None:
    """Automatic hyphenation is on for the document; a style the stylesheet does not
    hyphenate (running text, ragged right) suppresses it, as the PDF does."""
    value = "0" if hyphenate else "1"
    element = parse_xml(f'<w:suppressAutoHyphens {nsdecls("w")} w:val="{value}"/>')
    set_property(style.element.get_or_add_pPr(), element, PPR_ORDER)


def _plain(style: BaseStyle) -> None:
    """Drop the default template's borders, letter spacing and theme colours."""
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern"):
        for element in rpr.findall(qn(tag)):
            rpr.remove(element)


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
    caps: bool = False,
) -> None:
    try:
        style = document.styles[name]
    except KeyError:
        style = document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.font.bold = bold or None
    style.font.underline = underline or None
    style.font.all_caps = caps or None
    if color:
        style.font.color.rgb = _rgb(color)


def _table_style(document: DocxDocument, theme: Theme) -> None:
    c, look = theme.colors, theme.table
    rule, head, stripe = (
        x.lstrip("#") for x in (c.rule, c.table_header_background, c.table_stripe)
    )
    primary = c.primary.lstrip("#")
    header_text = theme.styles["cell_header"].color.lstrip("#")

    def twips(points: float) -> int:
        return round(points * 20)

    def eighths(points: float) -> int:  # border widths are in eighths of a point
        return max(2, round(points * 8))

    xml = f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="Tableaufiche">
  <w:name w:val="{TABLE}"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:tblPr>
    <w:tblBorders>
      <w:bottom w:val="single" w:sz="{eighths(look.rule)}" w:space="0" w:color="{rule}"/>
      <w:insideH w:val="single" w:sz="{eighths(look.rule)}" w:space="0" w:color="{rule}"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="{twips(look.padding_top)}" w:type="dxa"/>
      <w:left w:w="{twips(look.padding_left)}" w:type="dxa"/>
      <w:bottom w:w="{twips(look.padding_bottom)}" w:type="dxa"/>
      <w:right w:w="{twips(look.padding_right)}" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="{header_text}"/></w:rPr>
    <w:tblPr/>
    <w:tcPr>
      <w:tcBorders>
        <w:bottom w:val="single" w:sz="{eighths(look.header_rule)}" w:space="0"
          w:color="{primary}"/>
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
    entries = []
    for info in source.infolist():
        name = info.filename
        if name.startswith(_DROPPED):
            continue
        data = source.read(name)
        if name.endswith(".rels") or name == "[Content_Types].xml":
            text = data.decode("utf-8")
            for dropped in _DROPPED:
                stem = dropped.split("/")[-1] or dropped
                text = re.sub(rf"<(Relationship|Override)[^>]*{re.escape(stem)}[^>]*/>", "", text)
            data = text.encode("utf-8")
        entries.append((name, data))
    out = io.BytesIO()
    write_zip(out, entries)
    return out.getvalue()


def write_reference(theme: Theme, path: Path) -> None:
    """Write a fresh reference.docx for a theme (overwrites a customised one)."""
    path.write_bytes(build_reference(theme))
