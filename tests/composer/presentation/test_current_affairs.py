"""Éléments d'actualité: level-2 sections in the pages' order, prose citing the data,
the country's own sections, links."""

from fiche_pays import compose, tree

from conftest import load_presentation, presentation, tree_lines


def test_prose_cites_the_data():
    laos = compose(load_presentation("laos"))
    text = " ".join(line for texts in tree_lines(laos).values() for line in texts)
    assert "réélu Thongloun SISOULITH Secrétaire général" in text
    assert "{" not in text and laos.sections


def test_sections_in_order_with_the_countrys_own_last():
    current = {
        "autres": [{"cle": "securite", "titre": "Situation sécuritaire", "texte": "Calme."}],
        "situation_economique": {"texte": "Croissance."},
        "politique_interieure": {
            "texte": "Élections.",
            "liens": [{"url": "https://example.org/a"}],
        },
    }
    document = compose(presentation(elements_d_actualite=current))
    (section,) = document.sections
    assert (section.key, section.title, section.level) == (
        "elements_d_actualite",
        "Éléments d’actualité",
        1,
    )
    assert [(s.key, s.title, s.level) for s in section.children] == [
        ("politique_interieure", "Politique intérieure", 2),
        ("situation_economique", "Situation économique", 2),
        ("securite", "Situation sécuritaire", 2),
    ]
    first = section.children[0]
    assert isinstance(first.children[1], tree.BulletList)
    assert first.children[1].items[0][0].href == "https://example.org/a"
