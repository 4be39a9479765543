"""Drawings of the DOCX beside its text: the title rule as an image, and the marking of a
drawing as decorative for assistive technology."""

from __future__ import annotations

import io
from functools import lru_cache

from docx.oxml import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm

_DECORATIVE = "http://schemas.microsoft.com/office/drawing/2017/decorative"


@lru_cache(maxsize=8)  # one rule per theme: its optimised PNG is costly to encode
def rule_png(width: int, color: str, accent: str) -> bytes:
    """The title rule as a PNG of ``width`` EMU at 600 dpi: a 0.75 pt line in ``color``,
    its first 18 mm 2 pt thick in ``accent``, both centred on one axis (as in the PDF).
    Same inputs, same bytes."""
    from PIL import Image, ImageDraw

    dots = 600 / 914400  # dots per EMU
    points = 600 / 72  # dots per point
    pixels_wide = round(width * dots)
    height = round(2.5 * points)
    image = Image.new("RGBA", (pixels_wide, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    middle = height / 2
    thin, thick = 0.75 * points / 2, 2 * points / 2
    draw.rectangle((0, round(middle - thin), pixels_wide, round(middle + thin) - 1), fill=color)
    accent_wide = min(round(Mm(18) * dots), pixels_wide // 3)
    draw.rectangle((0, round(middle - thick), accent_wide, round(middle + thick) - 1), fill=accent)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def decorative(doc_pr: BaseOxmlElement, name: str) -> None:
    """Mark a drawing as decorative (Word's "Marquer comme décoratif"): screen readers
    skip it, accessibility checkers ask no description."""
    doc_pr.set("name", name)
    doc_pr.set("descr", "")
    ext_list = parse_xml(
        f'<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f'<a:ext uri="{{C183D7F6-B498-43B3-948B-1728B52AA6E4}}">'
        f'<adec:decorative xmlns:adec="{_DECORATIVE}" val="1"/></a:ext></a:extLst>'
    )
    doc_pr.append(ext_list)
