"""A table's WordprocessingML written in one piece.

python-docx builds a table row by row through per-cell objects: ``row.cells`` works out
every cell's grid span on each call, ``cell.width`` and ``cell.paragraphs`` look their
elements up again; on table-heavy fiches that was a fifth of the DOCX time. Here the
whole table (properties, grid, rows with their properties, cells with their width and
an empty styled paragraph) is one XML string parsed once; the writer then fills each
cell's paragraph. The elements are those python-docx would have made, in its order.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import quoteattr

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement

# python-docx's own table properties (CT_Tbl.new_tbl): automatic width, the usual look.
_LOOK = (
    '<w:tblW w:type="auto" w:w="0"/>'
    '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
    'w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
)


def table_element(
    style_id: str,
    widths: Sequence[int],
    row_styles: Sequence[Sequence[str]],
    caption: str = "",
    description: str = "",
) -> tuple[BaseOxmlElement, list[list[BaseOxmlElement]]]:
    """A ``w:tbl`` in style ``style_id``, columns ``widths`` (twips) wide, one row per
    item of ``row_styles`` (the paragraph style id of each cell; the first row is the
    header, repeated on every page), no row split across pages; and its cells' empty
    paragraphs, by row. ``caption`` and ``description`` are its title and description
    for assistive technology."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    rows = []
    for index, styles in enumerate(row_styles):
        header = "<w:tblHeader/>" if index == 0 else ""
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{w}"/></w:tcPr>'
            f"<w:p><w:pPr><w:pStyle w:val={quoteattr(style)}/></w:pPr></w:p></w:tc>"
            for w, style in zip(widths, styles, strict=True)
        )
        rows.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>{cells}</w:tr>")
    tbl = parse_xml(
        f"<w:tbl {nsdecls('w')}><w:tblPr><w:tblStyle w:val={quoteattr(style_id)}/>{_LOOK}"
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )
    tbl_pr = tbl[0]
    for tag, text in (("w:tblCaption", caption), ("w:tblDescription", description)):
        if text:  # set, not parsed: an attribute keeps its line breaks
            element = OxmlElement(tag)
            element.set(qn("w:val"), text)
            tbl_pr.append(element)
    paragraphs = [[tc[1] for tc in tr[1:]] for tr in tbl[2:]]
    return tbl, paragraphs
