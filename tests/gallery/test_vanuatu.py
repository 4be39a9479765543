"""The France–Vanuatu fiche (data/vanuatu.yaml): every sentence and fact of the latest
published relations page is in both documents, and its tree equals the reviewed golden."""

from gallery_pages import (  # noqa: F401 - the shared tests, collected in this module
    pytest_generate_tests,
    test_page_facts_from_fields,
    test_page_sentence_in_both_documents,
    test_tree_matches_golden,
    texts,
)

COUNTRY = "vanuatu"
# The page's dated facts, amounts and counts that the data file holds in fields (issue 9:
# a fact is a field; its sentence may stay the page's).
FIELDS = (
    "1980",
    "en juillet 2023",
    "ouverture d'une antenne locale de l'Agence française de développement (AFD)",
    "en 2024",
    "mars et octobre 2023",
    "décembre 2024",
    "650 élèves",
)
