"""Leaders: one head of government, labelled office holders, agreement from the civilité."""

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
    ("civility", "gender", "feminine"),
    [("Mme", None, True), ("M.", None, False), ("S.M. la Reine", None, True), (None, None, False)],
)
def test_gender_comes_from_the_civility(civility, gender, feminine):
    leader = {"nom": "X", **({"civilite": civility} if civility else {})}
    fiche = presentation(donnees_generales={"chef_de_l_etat": leader})
    assert fiche.general.head_of_state.feminine is feminine


def test_gender_can_be_said_when_the_civility_does_not():
    leader = {"nom": "X", "civilite": "Dr", "genre": "féminin"}
    fiche = presentation(donnees_generales={"chef_de_l_etat": leader})
    assert fiche.general.head_of_state.feminine
