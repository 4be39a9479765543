"""The presentation's parts in the pages' order, its title block and properties."""

import pytest

from fiche_pays import compose, tree
from fiche_pays.dump import dump

from conftest import PRESENTATIONS, ROOT, load_presentation, normalize


def test_sections_follow_the_pages_order():
    keys = [s.key for s in compose(load_presentation("benin")).sections]
    assert keys == [
        "donnees_generales",
        "donnees_geographiques",
        "donnees_demographiques",
        "donnees_economiques",
        "gouvernement",
    ]
    kazakhstan = compose(load_presentation("kazakhstan"))
    assert [s.key for s in tree.iter_sections(kazakhstan.sections)][-2:] == [
        "elements_d_actualite",
        "politique_interieure",
    ]
    assert [s.level for s in tree.iter_sections(kazakhstan.sections)][-2:] == [1, 2]


def test_meta_names_the_kind_and_the_update():
    meta = compose(load_presentation("tonga")).meta
    assert (meta.title, meta.kind, meta.subject) == (
        "Tonga — Présentation du pays",
        "Présentation du pays",
        "Présentation des Tonga",
    )
    assert normalize(meta.date_label) == "Mise à jour : 1er juillet 2017"


# The lines the format note (issue11-format.md) shows, for each gallery country.


def test_every_section_of_the_format_has_its_title_and_place():
    from fiche_pays.composer.presentation import BUILDERS, TITLES
    from fiche_pays.model.presentation import SECTION_KEYS

    assert tuple(TITLES) == tuple(BUILDERS) == SECTION_KEYS


def test_an_empty_fiche_has_no_section():
    from conftest import presentation

    assert compose(presentation()).sections == ()


@pytest.mark.parametrize("name", PRESENTATIONS)
def test_tree_matches_golden(name, request):
    # tests/golden/<pays>-presentation.tree.txt: the whole tree, reviewed by eye; regenerate
    # with ``pytest --update-golden`` and read the diff.
    golden = ROOT / "tests" / "golden" / f"{name}-presentation.tree.txt"
    text = dump(compose(load_presentation(name)))
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
