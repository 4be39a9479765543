"""The wording helpers every generated line and citation goes through: dates, persons,
places, contractions at a citation, amounts, ordinals in words."""

from decimal import Decimal

import pytest

from fiche_pays import french, grammar
from fiche_pays.composer import dates, persons, places
from fiche_pays.composer.references import resolve
from fiche_pays.model.country import Country
from fiche_pays.model.persons import Party
from fiche_pays.model.quantities import Approx, Money
from fiche_pays.partialdate import PartialDate

BENIN = Country.model_validate(
    {"nom": "Bénin", "code": "BJ", "au": "au Bénin", "du": "du Bénin", "le": "le Bénin",
     "adjectif": "béninois"}
)  # fmt: skip


def _dates(*values):
    return [PartialDate.parse(v) for v in values]


@pytest.mark.parametrize(
    ("values", "end", "text", "when"),
    [
        (["2018-03-06"], None, "6 mars 2018", "le 6 mars 2018"),
        (["2018-02-14"], "2018-02-16", "du 14 au 16 février 2018", "du 14 au 16 février 2018"),
        (["2019-12-15"], "2019-12-16", "15 et 16 décembre 2019", "les 15 et 16 décembre 2019"),
        (["2018-11"], None, "novembre 2018", "en novembre 2018"),
        (["2014", "2012", "2013"], None, "2012, 2013 et 2014", "en 2012, 2013 et 2014"),
        (["2016-04", "2016-12", "2016-07"], None, "avril, juillet et décembre 2016",
         "en avril, juillet et décembre 2016"),
        (["2016-05-09", "2016-05-01"], None, "1er et 9 mai 2016", "les 1er et 9 mai 2016"),
        # Dates known to different precisions are each worded whole, in order.
        (["2005", "2004-11"], None, "novembre 2004 et 2005", "en novembre 2004 et 2005"),
    ],
)  # fmt: skip
def test_dates_of_a_record(values, end, text, when):
    end = PartialDate.parse(end) if end else None
    assert dates.text(_dates(*values), end) == text
    assert dates.when(_dates(*values), end) == when


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


def test_counts_and_amounts_as_typed():
    assert Approx.parse("environ 30 000").text() == f"environ 30{french.NNBSP}000"
    assert Approx.parse(616).exact and not Approx.parse("près de 900").exact
    money = Money.parse("372 M EUR")
    assert money.units == Decimal(372_000_000)
    assert money.text() == f"372{french.NBSP}M{french.NBSP}EUR"
    assert Money.parse("80 500 EUR").text() == f"80{french.NNBSP}500{french.NBSP}EUR"
    assert Money.parse("1,2 Md USD").agrees(Decimal("1234000000"))
    assert not money.agrees(Decimal(362_000_000))
    with pytest.raises(ValueError, match="illisible"):
        Money.parse("beaucoup")


def test_ordinals_in_words():
    assert [french.ordinal_words(n) for n in (1, 7, 20, 21)] == [
        "premier",
        "septième",
        "vingtième",
        "21e",
    ]
    assert french.ordinal_words(1, feminine=True) == "première"
