"""A person's function, civility and gender: what the model accepts and how agreement
follows them."""

import pytest

from fiche_pays import grammar
from fiche_pays.model.persons import Party


def test_a_function_needs_its_article():
    with pytest.raises(ValueError, match="écrivez-le avec son article"):
        Party.model_validate({"fonction": "président de la République"})


def test_agreement_follows_civility_article_and_genre():
    assert Party.model_validate({"civilite": "Mme", "nom": "A"}).agreement.ending() == "e"
    assert Party.model_validate({"fonction": "l'ambassadeur"}).agreement.ending() == ""
    dr = Party.model_validate({"civilite": "Dr", "nom": "B", "genre": "féminin"})
    assert dr.agreement.ending() == "e"
    assert grammar.head_agreement("accords fondateurs").ending() == "s"
    assert grammar.head_agreement("déclaration conjointe").ending() == "e"
    assert grammar.head_agreement("mémorandum d'entente") is not None
    assert grammar.head_agreement("pacte") is not None
    assert grammar.head_agreement("zorglub") is None
