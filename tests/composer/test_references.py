"""Citations in a desk officer's text read right where they stand: contraction,
enumeration, capital at a sentence start."""

import pytest

from fiche_pays.composer.references import resolve


@pytest.mark.parametrize(
    ("text", "names", "resolved"),
    [
        ("À l'invitation de {x}, il vint.", {"x": "le président Talon"},
         "À l'invitation du président Talon, il vint."),
        ("visite de {x}", {"x": "une délégation"}, "visite d’une délégation"),
        ("visite de {x}", {"x": ("le président", "la ministre", "les sénateurs")},
         "visite du président, de la ministre et des sénateurs"),
        ("aide à {x}", {"x": "les Tonga"}, "aide aux Tonga"),
        ("hausse de {x}", {"x": "40,1 %"}, "hausse de 40,1 %"),  # nothing to contract
        ("réunion avec {x}", {"x": "Le Drian"}, "réunion avec Le Drian"),
        ("{x} a reçu. {y} est venu.", {"x": "le président", "y": "son homologue"},
         "Le président a reçu. Son homologue est venu."),
    ],
)  # fmt: skip
def test_citations_read_right_where_they_stand(text, names, resolved):
    assert resolve(text, names)[0] == resolved
