"""The PDF's paragraph styles are shared by the fiches a worker makes with the same
stylesheet and fonts (styles.style_sheet): what a fiche looks like may not depend on the
fiches made before it."""

from __future__ import annotations

import dataclasses
import io

from fiche_pays import compose, load, render
from fiche_pays.writers.pdf import fonts, styles
from fiche_pays.writers.pdf.styles import style_sheet

from conftest import DATA


def test_one_sheet_per_stylesheet_and_fonts(theme):
    names = fonts.register_theme(theme)
    sheet = style_sheet(theme, names)
    assert style_sheet(theme, dict(names)) is sheet
    assert sheet.styles["body"].fontSize == theme.styles["body"].size
    # Another value of one style: another sheet, with that value.
    bigger = dataclasses.replace(theme.styles["body"], size=theme.styles["body"].size + 1)
    other = dataclasses.replace(theme, styles={**theme.styles, "body": bigger})
    resized = style_sheet(other, names)
    assert resized is not sheet
    assert resized.styles["body"].fontSize == bigger.size
    # Other fonts: another sheet.
    swapped = {**names, "bold": names["regular"]}
    assert style_sheet(theme, swapped) is not sheet
    assert style_sheet(theme, swapped).styles["heading1"].fontName == names["regular"]


def test_sheets_kept_are_bounded(theme):
    names = fonts.register_theme(theme)
    body = theme.styles["body"]
    for size in range(20):
        varied = dataclasses.replace(body, size=body.size + size / 10)
        style_sheet(dataclasses.replace(theme, styles={**theme.styles, "body": varied}), names)
    assert len(styles._SHEETS) <= styles._SHEETS_KEPT


def test_derived_styles_made_once(theme):
    sheet = style_sheet(theme, fonts.register_theme(theme))
    base = sheet.styles["body"]
    first = sheet.derived(base, ":first", spaceAfter=0)
    assert sheet.derived(base, ":first", spaceAfter=0) is first
    assert first.name == "body:first" and first.parent is base
    assert first.spaceAfter == 0 and first.spaceBefore == base.spaceBefore
    assert sheet.derived(sheet.styles["toc1"], "-text", leftIndent=0).leftIndent == 0


def _pdf(document, theme) -> bytes:
    out = io.BytesIO()
    render(document, "pdf", out, theme)
    return out.getvalue()


def test_a_fiche_prints_the_same_after_others(theme, document):
    """The shared styles and fragment templates carry nothing from one fiche to the next:
    the Kazakhstan PDF made with fresh styles equals the one made after other fiches."""
    styles._SHEETS.clear()
    fresh = _pdf(document, theme)
    for name in ("laos", "mongolie.presentation"):
        _pdf(compose(load(DATA / f"{name}.yaml"), theme.wording()), theme)
    assert _pdf(document, theme) == fresh
