"""Which country a page is about: the ministry's names and the other names in use."""

import pytest

from fiche_pays.importer.country import find_country


@pytest.mark.parametrize(
    ("url", "titles", "name", "where"),
    [
        (
            "https://www.diplomatie.gouv.fr/fr/dossiers-pays/republique-tcheque/",
            [],
            "République tchèque",
            "en République tchèque",
        ),
        (None, ["Présentation de la Palestine"], "Palestine", "en Palestine"),
        (None, ["La France et le Vatican"], "Vatican", "au Vatican"),
        (None, ["Présentation du Saint-Siège"], "Saint-Siège", "auprès du Saint-Siège"),
    ],
)
def test_a_page_names_its_country_as_the_ministry_does(url, titles, name, where):
    country = find_country(url, titles, "")
    assert country is not None
    assert (country.fields["nom"], country.fields["au"]) == (name, where)
    assert all(country.fields.values())  # no empty adjective for the Saint-Siège
