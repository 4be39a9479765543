"""The France–Tonga fiche (data/tonga.yaml): every sentence and fact of the latest
published relations page is in both documents, and its tree equals the reviewed golden."""

from gallery_pages import (  # noqa: F401 - the shared tests, collected in this module
    pytest_generate_tests,
    test_page_facts_from_fields,
    test_page_sentence_in_both_documents,
    test_tree_matches_golden,
    texts,
)

COUNTRY = "tonga"
# The page's dated facts, amounts and counts that the data file holds in fields (issue 9:
# a fact is a field; its sentence may stay the page's).
FIELDS = (
    "en 1855",
    "en mai 2010",
    "en 2011",
    "d'octobre 2009",
    "passage du cyclone IAN",
    "en janvier 2014",
    "80 500 EUR",
)
