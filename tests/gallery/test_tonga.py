"""The France–Tonga fiche (data/tonga.yaml): every sentence and fact of the latest
published relations page is in both documents, and its tree equals the reviewed golden."""

import pytest

from gallery_pages import build_texts, check_golden, check_unit, page_units

COUNTRY = "tonga"
UNITS = page_units(COUNTRY)


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    return build_texts(COUNTRY, tmp_path_factory.mktemp(COUNTRY))


@pytest.mark.parametrize("unit", UNITS, ids=[f"{i + 1:02d}" for i in range(len(UNITS))])
def test_page_sentence_in_both_documents(unit, texts):
    check_unit(unit, texts)


def test_tree_matches_golden(request):
    check_golden(COUNTRY, request.config.getoption("--update-golden"))
