"""Text colours are checked for contrast when a template loads (WCAG 2.1, 1.4.3)."""

from pathlib import Path

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


TEMPLATES = sorted(Path(__file__).parents[2].glob("templates/*/theme.yaml"))


def test_the_shipped_templates_are_found():
    assert {path.parent.name for path in TEMPLATES} >= {"officiel", "sobre"}


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: path.parent.name)
def test_every_text_colour_of_every_template_contrasts_with_its_background(path):
    """Each template as shipped, every colour judged where the documents set it: every
    style on the white page, body cells on the striped rows too, header cells on their
    band, links at body size; 4.5:1, or 3:1 for large text (18 pt, 14 pt bold). The chart's
    series, graphical objects, 3:1 on white."""
    theme = load_theme(str(path.parent))  # the loader refuses a pale colour: this is the proof
    colors = theme.colors
    judged = []
    for name, style in theme.styles.items():
        large = style.size >= 18 or (style.bold and style.size >= 14)
        if name.startswith("cell_header"):
            grounds = [colors.table_header_background]
        elif name.startswith("cell"):
            grounds = ["#FFFFFF", colors.table_stripe]
        else:
            grounds = ["#FFFFFF"]
        judged += [(name, style.color, ground, 3 if large else 4.5) for ground in grounds]
    judged.append(("link", colors.link, "#FFFFFF", 4.5))
    judged += [(f"chart[{i}]", c, "#FFFFFF", 3) for i, c in enumerate(colors.chart)]
    too_pale = [
        (name, color, ground, round(ratio(color, ground), 2))
        for name, color, ground, needed in judged
        if ratio(color, ground) < needed
    ]
    assert too_pale == []
    assert len(judged) > len(theme.styles)  # every style, and more


def test_a_pale_chart_colour_is_refused(tmp_path):
    pale = 'colors:\n  chart: ["#000091", "#84A98C", "#3A3A3A"]\n'
    problems = _problems(_template(tmp_path, pale))
    assert [p.field for p in problems] == ["colors.chart[1]"]
    assert "#84A98C des séries du graphique" in problems[0].message
    assert "2,61:1" in problems[0].message and "1.4.11" in problems[0].message


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
