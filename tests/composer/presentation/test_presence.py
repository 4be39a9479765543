"""Présence française in a presentation: the embassy's website as a link, posts and
community worded as in relations fiches."""

from fiche_pays import compose

from conftest import presentation, section_lines


def test_embassy_website_posts_and_community():
    presence = {
        "ambassade": {"ville": "Suva", "site": "https://fj.ambafrance.org/"},
        "postes": [{"type": "consul honoraire", "ville": "Nuku’Alofa"}],
        "communaute": {"nombre": 40, "unite": "inscrits", "date": 2016},
        "texte": "Une communauté stable.",
    }
    assert section_lines("presence_francaise", presence_francaise=presence) == [
        "Site internet de l’ambassade de France à Suva : https://fj.ambafrance.org/",
        "Consul honoraire : Nuku’Alofa",
        "Communauté française au Kazakhstan : 40 inscrits (2016)",
        "Une communauté stable.",
    ]
    document = compose(presentation(presence_francaise=presence))
    (facts, _) = document.sections[0].children
    assert facts.rows[0].value[0].href == "https://fj.ambafrance.org/"
