"""Leaders: the persons of every fiche; one head of government, labelled office holders,
agreement from the civilité or the function's determiner."""

import pytest
from pydantic import ValidationError

from conftest import presentation, presentation_data
from conftest import validation_messages as messages


def test_head_of_state_and_government_once():
    general = {
        "chef_de_l_etat": {"nom": "Patrice Talon", "chef_du_gouvernement": True},
        "chef_du_gouvernement": {"nom": "Autre Personne"},
    }
    (message,) = messages(presentation_data(donnees_generales=general))
    assert "le chef de l'État est indiqué comme chef du gouvernement" in message


def test_other_leaders_need_a_label():
    general = {"autres_dirigeants": [{"nom": "Noursoultan NAZARBAÏEV"}]}
    with pytest.raises(ValidationError) as caught:
        presentation(donnees_generales=general)
    assert caught.value.errors()[0]["loc"][-1] == "intitule"


@pytest.mark.parametrize(
    ("fields", "feminine"),
    [
        ({"civilite": "Mme"}, True),
        ({"civilite": "M."}, False),
        ({"civilite": "S.M.", "fonction": "la Reine"}, True),
        ({"civilite": "S.M.", "fonction": "le Roi"}, False),
        ({"fonction": "la Présidente"}, True),
        ({}, False),
    ],
)
def test_gender_comes_from_the_civility_or_the_function(fields, feminine):
    fiche = presentation(donnees_generales={"chef_de_l_etat": {"nom": "X", **fields}})
    assert fiche.general.head_of_state.feminine is feminine


def test_civilities_are_those_of_every_fiche():
    leader = {"nom": "X", "civilite": "Président"}
    (message,) = messages(presentation_data(donnees_generales={"chef_de_l_etat": leader}))
    assert "S.A.R." in message and "Mme" in message


def test_a_ministers_function_takes_its_determiner():
    members = [{"civilite": "M.", "nom": "X", "fonction": "Ministre de la Justice"}]
    (message,) = messages(presentation_data(gouvernement={"membres": members}))
    assert "écrivez-le avec son article" in message


def test_gender_can_be_said_when_the_civility_does_not():
    leader = {"nom": "X", "civilite": "Dr", "genre": "féminin"}
    fiche = presentation(donnees_generales={"chef_de_l_etat": leader})
    assert fiche.general.head_of_state.feminine
