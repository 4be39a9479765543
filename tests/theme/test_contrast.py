"""Text colours are checked for contrast when a template loads (WCAG 2.1, 1.4.3)."""

import pytest

from fiche_pays.problems import DataError
from fiche_pays.theme.contrast import ratio
from fiche_pays.theme.load import load_theme


def test_contrast_ratio_matches_wcag():
    assert ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1)
    # The palest greys on white that pass, and fail, for body text.
    assert ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert ratio("#777777", "#FFFFFF") < 4.5


@pytest.mark.parametrize("name", ["officiel", "sobre"])
def test_shipped_templates_pass(name):
    load_theme(name)


def _template(tmp_path, body: str):
    (tmp_path / "theme.yaml").write_text(f"name: t\ninherit: officiel\n{body}", encoding="utf-8")
    return str(tmp_path)


def _problems(path) -> list:
    with pytest.raises(DataError) as error:
        load_theme(path)
    return error.value.problems


def test_a_pale_colour_is_named_with_every_style_that_uses_it(tmp_path):
    problems = _problems(_template(tmp_path, 'colors:\n  muted: "#AAAAAA"\n'))
    fields = {p.field for p in problems}
    # Every style set in "muted" is reported at once, each with its size and ratio.
    assert {"styles.note.color", "styles.header.color", "styles.chart.color"} <= fields
    note = next(p for p in problems if p.field == "styles.note.color")
    assert note.file.endswith("theme.yaml")
    assert "#AAAAAA (colors.muted)" in note.message
    assert "« note » (8 pt) sur fond blanc" in note.message
    assert "rapport de 2,32:1" in note.message and "au moins 4,5:1" in note.message


def test_large_text_needs_three_to_one(tmp_path):
    # #8A8A8A on white: 3.45:1, enough for the 26 pt title, not for 10 pt headings.
    load_theme(_template(tmp_path, 'styles:\n  title: {color: "#8A8A8A"}\n'))
    problems = _problems(_template(tmp_path, 'styles:\n  heading3: {color: "#8A8A8A"}\n'))
    assert [p.field for p in problems] == ["styles.heading3.color"]


def test_table_header_text_is_judged_on_its_background(tmp_path):
    problems = _problems(_template(tmp_path, 'colors:\n  table_header_background: "#8C8CFF"\n'))
    assert {p.field for p in problems} == {
        "styles.cell_header.color",
        "styles.cell_header_number.color",
    }
    assert "sur son fond #8C8CFF (colors.table_header_background)" in problems[0].message


def test_links_and_striped_cells(tmp_path):
    problems = _problems(
        _template(tmp_path, 'colors:\n  link: "#9999FF"\n  table_stripe: "#505050"\n')
    )
    fields = [p.field for p in problems]
    assert "colors.link" in fields
    assert "styles.cell.color" in fields
