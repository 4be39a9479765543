"""The France–Arménie fiche (data/armenie.yaml): every sentence and fact of the latest
published relations page is in both documents, and its tree equals the reviewed golden."""

import pytest

from gallery_pages import build_texts, check_fields, check_golden, check_unit, page_units

COUNTRY = "armenie"
UNITS = page_units(COUNTRY)
# The page's dated facts, amounts and counts that the data file holds in fields (issue 9:
# a fact is a field; its sentence may stay the page's).
FIELDS = (
    "en 2001",
    "616",
    "14 000",
    "500 000",
    "26 septembre 2022",
)


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    return build_texts(COUNTRY, tmp_path_factory.mktemp(COUNTRY))


@pytest.mark.parametrize("unit", UNITS, ids=[f"{i + 1:02d}" for i in range(len(UNITS))])
def test_page_sentence_in_both_documents(unit, texts):
    check_unit(unit, texts)


def test_tree_matches_golden(request):
    check_golden(COUNTRY, request.config.getoption("--update-golden"))


def test_page_facts_from_fields():
    check_fields(COUNTRY, FIELDS)
