"""The Kazakhstan document tree, as a text dump, equals the reviewed golden file.

Regenerate with ``pytest --update-golden`` and review the diff by eye.
"""

from fiche_pays.dump import dump

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "kazakhstan.tree.txt"


def test_kazakhstan_tree_matches_golden(document, request):
    text = dump(document)
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
