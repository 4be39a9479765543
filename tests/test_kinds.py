"""The kind of a fiche comes from its file name; a country's two files are siblings."""

from pathlib import Path

import pytest

from fiche_pays.kinds import country_stem, kind_of, siblings


@pytest.mark.parametrize(
    ("name", "kind", "stem"),
    [
        ("data/benin.yaml", "relations", "benin"),
        ("data/benin.yml", "relations", "benin"),
        ("data/benin.presentation.yaml", "presentation", "benin"),
        ("data/Benin.Presentation.YML", "presentation", "Benin"),
        ("data/presentation.yaml", "relations", "presentation"),
        ("data/saint-marin.presentation.yml", "presentation", "saint-marin"),
    ],
)
def test_kind_and_country_from_the_name(name, kind, stem):
    assert (kind_of(name), country_stem(name)) == (kind, stem)


def test_siblings_are_the_other_kinds_files():
    assert siblings("data/benin.yaml") == [
        Path("data/benin.presentation.yaml"),
        Path("data/benin.presentation.yml"),
    ]
    assert siblings("data/benin.presentation.yaml") == [
        Path("data/benin.yaml"),
        Path("data/benin.yml"),
    ]
