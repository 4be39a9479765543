"""Reading a reviewer's text back as data: the French rules the fiche is worded with."""

import pytest

from fiche_pays.apply import forms
from fiche_pays.apply.record import SourceInfo


def read(text, form, old=None, params=()):
    source = SourceInfo((("x",),), form, params)
    return forms.read(text, source, [old] * len(source.fields))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("300", 300), ("1 500", 1500), ("1\u202f500", 1500), ("2,5", 2.5), ("−983", -983)],
)
def test_numbers(text, expected):
    assert read(text, "nombre", 289) == [expected]


def test_a_number_that_does_not_read_is_reported_not_guessed():
    with pytest.raises(forms.Unreadable, match="« trois cents » n'est pas un nombre"):
        read("trois cents", "nombre", 289)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 mai 2021", "2021-05-05"),
        ("1er mai 2021", "2021-05-01"),
        ("juin 2008", "2008-06"),
        ("2010", "2010"),
        ("05/05/2021", "2021-05-05"),
        ("2021-05-05", "2021-05-05"),
    ],
)
def test_dates(text, expected):
    assert read(text, "date") == [expected]


def test_impossible_date():
    with pytest.raises(forms.Unreadable, match="n'existe pas"):
        read("31 juin 2021", "date")


def test_dates_with_their_preposition():
    assert read("le 25 janvier 1992", "quand") == ["1992-01-25"]
    assert read("en juin 2008", "quand") == ["2008-06"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 et 5 décembre 2014", ["2014-12-04", "2014-12-05"]),
        ("Du 4 au 6 novembre 2015", ["2015-11-04", "2015-11-06"]),
        ("du 30 novembre au 2 décembre 2015", ["2015-11-30", "2015-12-02"]),
        ("du 30 décembre 2015 au 2 janvier 2016", ["2015-12-30", "2016-01-02"]),
        ("Juillet 2019", ["2019-07", None]),
        ("29 mars 2017", ["2017-03-29", None]),
    ],
)
def test_visit_dates(text, expected):
    source = SourceInfo((("d",), ("f",)), "periode")
    assert forms.read(text, source, [None, None]) == expected


def test_amounts_in_millions():
    assert read("600 M EUR", "montant", 594, ("M", "Md")) == [600]
    assert read("1,2 Md EUR", "montant", 1577, ("M", "Md")) == [1200]
    with pytest.raises(forms.Unreadable, match="n'est pas un montant"):
        read("600 euros", "montant", 594, ("M", "Md"))


def test_percent_rank_year_and_lists():
    assert read("2,4 %", "pourcentage", 2.2) == [2.4]
    assert read("7e", "rang", 8) == [7]
    assert read("1er", "rang", 8) == [1]
    assert read("2021", "annee", 2020) == [2021]
    old = ["hydrocarbures", "construction", "aéronautique"]
    assert read("hydrocarbures, construction, aéronautique et tourisme", "liste", old) == [
        [*old, "tourisme"]
    ]


def test_computed_values_are_refused_with_their_reason():
    source = SourceInfo(
        (), "calcule", (), "le solde est calculé : modifiez exportations ou importations"
    )
    with pytest.raises(forms.Unreadable, match="le solde est calculé"):
        forms.read("-900 M EUR", source, [])


def test_plain_text_undoes_what_typography_redoes():
    assert forms.plain_text("l’Économie  et\u00a0des Finances") == "l'Économie et des Finances"
