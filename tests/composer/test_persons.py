"""Persons, groups and their heads worded as pages write them."""

import pytest

from fiche_pays.composer import persons
from fiche_pays.model.persons import Party


@pytest.mark.parametrize(
    ("data", "phrase", "name_first"),
    [
        ({"fonction": "la ministre des Sports", "nom": "Laura Flessel"},
         "la ministre des Sports Laura Flessel", "Laura Flessel, ministre des Sports"),
        ({"fonction": "le ministre des Affaires étrangères laotien", "civilite": "M.",
          "nom": "Saleumxay Kommasith"},
         "le ministre des Affaires étrangères laotien, M. Saleumxay Kommasith",
         "M. Saleumxay Kommasith, ministre des Affaires étrangères laotien"),
        ({"fonction": "la secrétaire d'État chargée du Développement, de la Francophonie",
          "nom": "Chrysoula ZACHAROPOULOU"},
         "la secrétaire d'État chargée du Développement, de la Francophonie, Chrysoula "
         "ZACHAROPOULOU",
         "Chrysoula ZACHAROPOULOU, secrétaire d'État chargée du Développement, de la "
         "Francophonie"),
        ({"fonction": "le président mongol"}, "le président mongol", "président mongol"),
        ({"groupe": "une délégation arménienne",
          "chef": {"fonction": "le MAE", "nom": "Ararat Mirzoïan"}},
         "une délégation arménienne, conduite par le MAE Ararat Mirzoïan",
         "délégation arménienne, conduite par le MAE Ararat Mirzoïan"),
        ({"groupe": "les deux capitaines-régents", "chef": {"nom": "X"}},
         "les deux capitaines-régents, conduits par X", "deux capitaines-régents, conduits par X"),
    ],
)  # fmt: skip
def test_persons_read_as_pages_write_them(data, phrase, name_first):
    party = Party.model_validate(data)
    assert persons.phrase(party) == phrase
    assert persons.name_first(party) == name_first
