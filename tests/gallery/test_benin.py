"""The France–Bénin fiche (data/benin.yaml): every sentence and fact of the latest
published relations page is in both documents, and its tree equals the reviewed golden."""

import pytest

from gallery_pages import build_texts, check_fields, check_golden, check_unit, page_units

COUNTRY = "benin"
UNITS = page_units(COUNTRY)
# The page's dated facts, amounts and counts that the data file holds in fields (issue 9:
# a fact is a field; its sentence may stay the page's).
FIELDS = (
    "Le 17 septembre 2018",
    "5e session du Dialogue politique au titre de l'article 8 de l'Accord de Cotonou entre "
    "l'UE et le Bénin",
    "372 M EUR",
    "le 6 mars 2018",
)


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    return build_texts(COUNTRY, tmp_path_factory.mktemp(COUNTRY))


@pytest.mark.parametrize("unit", UNITS, ids=[f"{i + 1:02d}" for i in range(len(UNITS))])
def test_page_sentence_in_both_documents(unit, texts):
    check_unit(unit, texts)


def test_tree_matches_golden(request):
    check_golden(COUNTRY, request.config.getoption("--update-golden"))


def test_the_pages_sum_is_caught_when_its_parts_are_said_to_make_the_amount(tmp_path):
    """The page states 184 + 80 + 80 + 18 M EUR as 372 M EUR. The data file keeps the
    page's figures and says the breakdown is partial; typed as complete, the same
    figures are an error that gives both values."""
    from fiche_pays.loader.load import load_source

    from conftest import DATA

    text = (DATA / "benin.yaml").read_text(encoding="utf-8")
    assert text.count("ventilation: partielle\n") == 1
    path = tmp_path / "benin.yaml"
    path.write_text(text.replace("ventilation: partielle\n", "ventilation: complète\n"), "utf-8")
    (problem,) = [p for p in load_source(path).problems if p.severity == "error"]
    assert problem.field == "relations_politiques[2].aides[1].montant"
    assert problem.message.replace("\u00a0", " ") == (
        "Union européenne, 11e FED : la somme des parts fait 362 M EUR, le montant indiqué "
        "est 372 M EUR ; corrigez l'un ou l'autre, ou écrivez « ventilation: partielle » si "
        "les parts n'épuisent pas le total"
    )


def test_page_facts_from_fields():
    check_fields(COUNTRY, FIELDS)
