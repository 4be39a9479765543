"""Economic figures as data: derived once, checked, and shown as prose, table and chart."""

import re
import zipfile

import pytest

from fiche_pays import compose, render, tree
from fiche_pays.composer.names import FicheNames
from fiche_pays.dump import dump
from fiche_pays.loader.load import load_source
from fiche_pays.tree import Facts

from conftest import KAZAKHSTAN, docx_text, normalize, pdf_text

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def names(fiche):
    return FicheNames(fiche).for_path(("relations_economiques",))


def test_derived_values_agree_with_the_published_page(fiche, names):
    economy = fiche.economy
    assert economy.by_year[2020].balance == -983
    assert economy.by_year[2019].balance == -2742
    assert names["solde"] == f"\u2212983{NBSP}M{NBSP}EUR"
    assert names["solde.precedent"] == f"\u22122,74{NBSP}Md{NBSP}EUR"
    assert names["exportations.evolution"] == f"+40,1{NBSP}%"
    assert names["importations.evolution"] == f"\u221250,2{NBSP}%"
    assert names["importations"] == f"1,58{NBSP}Md{NBSP}EUR"
    assert names["produits.petrole.part"] == f"91,9{NBSP}%"
    assert names["produits.petrole.evolution"] == f"\u221251,3{NBSP}%"
    assert names["produits.aeronefs.evolution"] == f"+187{NBSP}%"
    assert names["rang_fournisseur"] == "8e"
    assert names["part_de_marche.precedent"] == f"1,8{NBSP}%"


def _variant(tmp_path, old, new, name="variante.yaml"):
    text = KAZAKHSTAN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path, fragment):
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if fragment in line)


def test_a_stated_balance_that_contradicts_the_derived_one_is_an_error(tmp_path):
    path = _variant(
        tmp_path,
        "        importations: 1577\n",
        "        importations: 1577\n        solde: -900\n",
    )
    (problem,) = load_source(path).problems
    assert problem.field == "relations_economiques[3].echanges[2].solde"
    assert problem.line == _line_of(path, "solde: -900")
    assert f"\u2212900{NBSP}M{NBSP}EUR" in problem.message
    assert f"\u2212983{NBSP}M{NBSP}EUR" in problem.message


def test_a_stated_balance_within_rounding_is_accepted(tmp_path):
    path = _variant(
        tmp_path,
        "        importations: 1577\n",
        "        importations: 1577\n        solde: -983\n",
    )
    assert load_source(path).problems == []


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        (
            "valeurs: {2019: 2975, 2020: 1449}",
            "valeurs: {2019: 2975, 2020: 1600}",
            "relations_economiques[4].produits[1].valeurs.2020",
            "dépasse le total",
        ),
        (
            "part_de_marche: 2.2",
            "part_de_marche: 102.2",
            "relations_economiques[3].echanges[2].part_de_marche",
            "ne peut pas dépasser 100",
        ),
        (
            "rang_fournisseur: 8",
            "rang_fournisseur: 0",
            "relations_economiques[3].echanges[2].rang_fournisseur",
            "au moins 1",
        ),
        (
            "total_etudiants: 2000",
            "total_etudiants: 1000",
            "cooperation[1].alliances_francaises.total_etudiants",
            "inférieur à la somme",
        ),
    ],
)
def test_consistency_errors(tmp_path, old, new, field, words):
    path = _variant(tmp_path, old, new)
    (problem,) = load_source(path).problems
    assert problem.field == field
    assert words in problem.message
    assert problem.line == _line_of(path, new)


def test_a_year_after_the_update_is_an_error(tmp_path):
    path = _variant(tmp_path, "      - annee: 2020", "      - annee: 2022")
    problems = load_source(path).problems
    year = [p for p in problems if p.field == "relations_economiques[3].echanges[2].annee"]
    assert len(year) == 1 and "postérieure à la mise à jour" in year[0].message
    assert year[0].line == _line_of(path, "annee: 2022")


def test_a_reference_to_missing_data_is_an_error_on_its_line(tmp_path):
    path = _variant(
        tmp_path, "Ce déficit s'est réduit en {annee} à", "Ce déficit s'est réduit en {anne} à"
    )
    (problem,) = load_source(path).problems
    assert problem.field == "relations_economiques[1].texte"
    assert problem.line == _line_of(path, "{anne}")
    assert "{anne} inconnue" in problem.message and "{annee}" in problem.message


@pytest.mark.parametrize(
    "reference",
    ["{solde.__class__}", "{__import__('os')}", "{exportations.real}", "{ {solde} }", "{solde"],
)
def test_the_reference_language_is_sandboxed(tmp_path, reference):
    path = _variant(tmp_path, "Ce déficit s'est réduit", f"Ce {reference} déficit s'est réduit")
    problems = load_source(path).problems
    assert problems and all(p.field == "relations_economiques[1].texte" for p in problems)


def test_doubled_braces_are_literal(tmp_path, theme):
    path = _variant(tmp_path, "Ce déficit s'est réduit", "Ce {{déficit}} s'est réduit")
    loaded = load_source(path)
    assert loaded.ok
    text = dump(compose(loaded.fiche))
    assert "Ce {déficit} s’est réduit" in text


def test_pdf_chart_is_vector(built):
    from pypdf import PdfReader

    reader = PdfReader(built["pdf"])
    for page in reader.pages:
        for ref in page["/Resources"].get("/XObject", {}).values():
            assert ref.get_object().get("/Subtype") != "/Image"
    assert "Exportations françaises" in pdf_text(built["pdf"])  # the legend, as text


def _chart_xml(path):
    archive = zipfile.ZipFile(path)
    (name,) = [n for n in archive.namelist() if n.startswith("word/charts/chart")]
    return archive, archive.read(name).decode("utf-8")


def test_docx_chart_is_native_with_alt_text_data_and_colours(built, document, theme):
    archive, chart = _chart_xml(built["docx"])
    body = archive.read("word/document.xml").decode("utf-8")
    alt = re.search(r'<wp:docPr [^>]*descr="([^"]+)"', body).group(1)
    assert "exportations" in alt and "2020" in alt
    # The chart's cached values are the table's exact numbers.
    for value in ("424.0", "594.0", "3166.0", "1577.0", "-2742.0", "-983.0"):
        assert f"<c:v>{value}</c:v>" in chart
    for colour in theme.colors.chart:
        assert colour.lstrip("#") in chart
    assert any(n.startswith("word/embeddings/") and n.endswith(".xlsx") for n in archive.namelist())


def test_changing_one_export_figure_changes_everything_that_depends_on_it(tmp_path, theme):
    path = _variant(tmp_path, "exportations: 594", "exportations: 694")
    loaded = load_source(path)
    assert loaded.ok, loaded.problems
    document = compose(loaded.fiche, theme.wording())
    paths = {fmt: tmp_path / f"out.{fmt}" for fmt in ("pdf", "docx")}
    for fmt, out in paths.items():
        render(document, fmt, out, theme)
    expected = [
        "Ce déficit s’est réduit en 2020 à −883 M EUR",  # balance 694 - 1 577
        "une hausse de 63,7 % en 2020 (694 M EUR)",  # 694 / 424
        "2020 694 +63,7 % 1 577 −50,2 % −883 2,2 %",  # the table row, in DOCX reading order
    ]
    pdf, docx = pdf_text(paths["pdf"]), docx_text(paths["docx"])
    for text in expected[:2]:
        assert normalize(text) in pdf and normalize(text) in docx
    assert normalize(expected[2]) in docx
    assert "694" in pdf and "+63,7 %" in pdf and "−883" in pdf
    _, chart = _chart_xml(paths["docx"])
    assert "<c:v>694.0</c:v>" in chart and "<c:v>-883.0</c:v>" in chart


def test_figures_the_prose_does_not_state_become_fact_lines(tmp_path):
    text = KAZAKHSTAN.read_text(encoding="utf-8")
    start = text.index("  - texte: |\n      La France présente")
    path = tmp_path / "sans_texte.yaml"
    path.write_text(text[:start] + text[text.index("  - secteurs:") :], encoding="utf-8")
    loaded = load_source(path)
    assert loaded.ok, loaded.problems
    facts = [b for b in compose(loaded.fiche).sections[4].children if isinstance(b, Facts)]
    lines = [
        f"{row.label} : {tree.plain(row.value)}".replace(NBSP, " ").replace("\u202f", " ")
        for block in facts
        for row in block.rows
    ]
    assert lines[1:5] == [
        "Exportations françaises (2020) : 594 M EUR (+40,1 %)",
        "Importations françaises (2020) : 1,58 Md EUR (−50,2 %)",
        "Solde commercial (2020) : −983 M EUR (contre −2,74 Md EUR en 2019)",
        "Part de marché de la France (2020) : 2,2 % (contre 1,8 % en 2019)",
    ]
    assert "Rang parmi les fournisseurs européens (2020) : 3e" in lines
    # Products the prose no longer cites are not lost: a line each, after the chart.
    assert lines[-2:] == [
        "Importations françaises de pétrole brut (2020) : 1,45 Md EUR (−51,3 %)",
        "Exportations françaises d’aéronefs et engins spatiaux (2020) : 194 M EUR (+187 %)",
    ]
