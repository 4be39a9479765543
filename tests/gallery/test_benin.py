"""The France–Bénin fiche (data/benin.yaml): every sentence and fact of the latest
published relations page is in both documents, and its tree equals the reviewed golden."""

from gallery_pages import (  # noqa: F401 - the shared tests, collected in this module
    pytest_generate_tests,
    test_page_facts_from_fields,
    test_page_sentence_in_both_documents,
    test_tree_matches_golden,
    texts,
)

COUNTRY = "benin"
# The page's dated facts, amounts and counts that the data file holds in fields (issue 9:
# a fact is a field; its sentence may stay the page's).
FIELDS = (
    "Le 17 septembre 2018",
    "5e session du Dialogue politique au titre de l'article 8 de l'Accord de Cotonou entre "
    "l'UE et le Bénin",
    "372 M EUR",
    "le 6 mars 2018",
)


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
