"""Autres données (rankings, typed lines) and the composition of the government."""

from conftest import section_lines


def test_rankings_under_other_data():
    # Bénin 2016: « Indice Mo Ibrahim de la gouvernance africaine : 15ème sur 54 (2015) ».
    ranking = {
        "nom": "Indice Mo Ibrahim de la gouvernance africaine",
        "rang": 15,
        "sur": 54,
        "date": 2015,
    }
    found = section_lines("autres_donnees", autres_donnees={"classements": [ranking]})
    assert found == ["Indice Mo Ibrahim de la gouvernance africaine (2015) : 15e sur 54 pays"]


def test_lines_typed_by_hand():
    other = {"faits": [{"libelle": "Notation souveraine", "valeur": "B+ (Fitch, 2020)"}]}
    assert section_lines("autres_donnees", autres_donnees=other) == [
        "Notation souveraine : B+ (Fitch, 2020)"
    ]


def test_government_members_dated_or_not():
    members = [{"civilite": "M.", "nom": "Abdoulaye BIO TCHANE", "fonction": "le Ministre d'État"}]
    assert section_lines("gouvernement", gouvernement={"membres": members}) == [
        "M. Abdoulaye BIO TCHANE, Ministre d’État"
    ]
    dated = section_lines("gouvernement", gouvernement={"membres": members, "date": "2018-03-01"})
    assert dated[0] == "Composition au 1er mars 2018 :"
