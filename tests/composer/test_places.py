"""A place takes its preposition: à Cotonou, au Bénin, en France, aux Fidji, au Caire."""

import pytest

from fiche_pays.composer import places
from fiche_pays.model.country import Country

BENIN = Country.model_validate(
    {"nom": "Bénin", "code": "BJ", "au": "au Bénin", "du": "du Bénin", "le": "le Bénin",
     "adjectif": "béninois"}
)  # fmt: skip


@pytest.mark.parametrize(
    ("place", "worded"),
    [
        ("Cotonou", "à Cotonou"),
        ("Bénin", "au Bénin"),
        ("France", "en France"),
        ("Japon", "au Japon"),
        ("Fidji", "aux Fidji"),
        ("Le Caire", "au Caire"),
        ("au Palais de l'Élysée", "au Palais de l'Élysée"),
    ],
)
def test_places_take_their_preposition(place, worded):
    assert places.at(place, BENIN) == worded
