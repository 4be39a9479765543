"""The France–Tadjikistan fiche (data/tadjikistan.yaml): every sentence and fact of the latest
published relations page is in both documents, and its tree equals the reviewed golden."""

from gallery_pages import (  # noqa: F401 - the shared tests, collected in this module
    pytest_generate_tests,
    test_page_facts_from_fields,
    test_page_sentence_in_both_documents,
    test_tree_matches_golden,
    texts,
)

COUNTRY = "tadjikistan"
# The page's dated facts, amounts and counts that the data file holds in fields (issue 9:
# a fact is a field; its sentence may stay the page's).
FIELDS = (
    "en mars 1992",
    "en octobre 2001",
    "en décembre 2002",
    "en 2016",
    "en septembre 2013",
    "8 décembre 2001",
    "octobre 2014",
    "en novembre 2023",
    "en 2021",
)
