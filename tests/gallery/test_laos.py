"""The France–Laos fiche (data/laos.yaml): every sentence and fact of the latest
published relations page is in both documents, and its tree equals the reviewed golden."""

from gallery_pages import (  # noqa: F401 - the shared tests, collected in this module
    pytest_generate_tests,
    test_page_facts_from_fields,
    test_page_sentence_in_both_documents,
    test_tree_matches_golden,
    texts,
)

COUNTRY = "laos"
# The page's dated facts, amounts and counts that the data file holds in fields (issue 9:
# a fact is a field; its sentence may stay the page's).
FIELDS = (
    "2023",
    "22 octobre 1953",
    "2 040",
    "en novembre 2018",
    "En décembre 2019",
    "premier",
    "septième",
)
