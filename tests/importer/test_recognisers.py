"""The recognisers, one by one, on real lines of the published pages (../shared/pages/)."""

from __future__ import annotations

import pytest

from fiche_pays.importer.citations import agreements, diplomatic_relations, trade
from fiche_pays.importer.dates import find_dates, update_date
from fiche_pays.importer.numbers import amount, count
from fiche_pays.importer.persons import person
from fiche_pays.importer.presence import ambassador, community, community_sentence, post
from fiche_pays.importer.visits import visit_item, visit_list_in_prose, visit_sentence

COUNTRIES = ("Arménie", "Bénin", "Laos", "Mongolie", "Vanuatu")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Mise à jour : 02.06.14", "2014-06-02"),  # armenie_relations_intro_2014
        ("Mise à jour : 05.05.21", "2021-05-05"),
        ("Mise à jour : 5 mai 2021", "2021-05-05"),
        ("Updated: 8 June 2017", "2017-06-08"),  # tonga_relations_en_2017
        ("Updated: 19 December 2017", "2017-12-19"),
        ("Mise à jour : bientôt", None),
        ("Consulat : Erevan", None),
    ],
)
def test_update_date(line, date):
    assert update_date(line) == date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("9-11 novembre 2022 : déplacement", "2022-11-09", "2022-11-11"),
        ("s’est rendu à Cotonou du 14 au 16 février 2018.", "2018-02-14", "2018-02-16"),
        ("a été reçu au Bénin les 15 et 16 décembre 2019", "2019-12-15", "2019-12-16"),
        ("visite officielle en France (18-19 novembre 2015)", "2015-11-18", "2015-11-19"),
        ("en visite officielle en France du 29 au 31 janvier 2020", "2020-01-29", "2020-01-31"),
        ("Juillet 2025 : Visite du Premier ministre", "2025-07", None),
        ("Fête nationale : 1er août 2020", "2020-08-01", None),
        ("une délégation … s’est rendue aux Tonga en 2011.", "2011", None),
    ],
)
def test_dates(text, start, end):
    found = find_dates(text)
    assert (found[0].start, found[0].end) == (start, end)


def test_counts_are_not_years():
    assert find_dates("Communauté française inscrite au registre au Laos : 2040 personnes") == []


def test_numbers():
    assert count("environ 30 000") == ("environ", 30000)
    assert count("près de 900") == ("près de", 900)
    assert amount("4,9 M EUR") == (4.9, "M", "EUR")
    assert amount("80.500 €") == (80500.0, None, "EUR")  # tonga_relations
    assert amount("€15.2 million", "en") == (15.2, "M", "EUR")
    assert amount("9,4 Mds $") == (9.4, "Md", "USD")


def test_posts_and_site():
    site = post("Site internet de l’ambassade : https://am.ambafrance.org/")
    assert site.record == {"type": "ambassade", "site": "https://am.ambafrance.org/"}
    assert site.generated == "Site internet de l'ambassade : https://am.ambafrance.org/"
    assert post("Consulat : Erevan").record == {"type": "consulat", "ville": "Erevan"}
    institute = post("Institut français : Cotonou et Parakou (https://if-benin.com)")
    assert institute.record == {
        "type": "institut français",
        "site": "https://if-benin.com",
        "villes": ["Cotonou", "Parakou"],
    }
    section = post("Section consulaire de l’Ambassade de France : Oulan-Bator")
    assert section.record["type"] == "section consulaire"
    assert section.generated == "Section consulaire : Oulan-Bator"  # the fiche's own label
    assert post("Les visites ministérielles sont également régulières : les secrétaires") is None


@pytest.mark.parametrize(
    ("line", "kind", "record"),
    [
        (
            "Communauté française : 616 personnes inscrites au registre (mai 2023)",
            "communaute",
            {"nombre": 616, "unite": "personnes inscrites au registre", "date": "2023-05"},
        ),
        (
            "Communauté arménienne en France : 14 000 ressortissants arméniens, 500 000 Français "
            "d’origine arménienne",
            "communaute_en_france",
            [
                {"nombre": 14000, "unite": "ressortissants arméniens"},
                {"nombre": 500000, "unite": "Français d’origine arménienne"},
            ],
        ),
        (
            "Communauté française : 3 900 enregistrés. Le nombre des non-inscrits est estimé à "
            "1 100.",
            "communaute",
            {"nombre": 3900, "unite": "inscrits au registre", "non_inscrits": 1100},
        ),
        (
            "Communauté béninoise en France : environ 30 000 dont 16 000 enregistrés.",
            "communaute_en_france",
            {"nombre": "environ 30000", "inscrits": 16000},
        ),
        (
            "Communauté française inscrite au registre au Laos : 2040 personnes (septembre 2023)",
            "communaute",
            {"nombre": 2040, "unite": "personnes inscrites au registre", "date": "2023-09"},
        ),
        (
            "Importante communauté française : environ 2000 ressortissants, dont près de 900 "
            "binationaux.",
            "communaute",
            {"nombre": "environ 2000", "unite": "ressortissants", "binationaux": "près de 900"},
        ),
    ],
)
def test_community_lines(line, kind, record):
    found = community(line)
    assert (found.kind, found.record) == (kind, record)


def test_community_sentences():
    mongolie = community_sentence(
        "Au 31 décembre 2020, 81 Français sont inscrits sur les registres consulaires en Mongolie."
    )
    assert mongolie.record == {
        "nombre": 81,
        "unite": "Français inscrits sur les registres consulaires",
        "date": "2020-12-31",
    }
    vanuatu = community_sentence(
        "La communauté française du Vanuatu compte environ 2150 ressortissants, dont près de "
        "900 binationaux."
    )
    assert vanuatu.record["nombre"] == "environ 2150"
    assert vanuatu.record["binationaux"] == "près de 900"


def test_ambassadors():
    found = ambassador(
        "Ambassadrice de France au Laos : Mme Claudine Ledoux (depuis septembre 2020)"
    )
    assert found.kind == "ambassadeur_de_france"
    assert found.record == {"civilite": "Mme", "nom": "Claudine Ledoux", "depuis": "2020-09"}
    foreign = ambassador("Ambassadeur du Laos en France : M. Bounkeut Sangsomsak")
    assert foreign.kind == "ambassadeur_en_france"


@pytest.mark.parametrize(
    ("text", "record"),
    [
        (
            "le secrétaire d’État Jean-Baptiste Lemoyne",
            {"fonction": "le secrétaire d’État", "nom": "Jean-Baptiste Lemoyne"},
        ),
        ("du Premier Ministre arménien", {"fonction": "le Premier Ministre arménien"}),
        (
            "de la Ministre de l’Europe et des Affaires étrangères",
            {"fonction": "la Ministre de l’Europe et des Affaires étrangères"},
        ),
        ("M. Phankham VIPHAVANH", {"civilite": "M.", "nom": "Phankham VIPHAVANH"}),
        (
            "Mme Yamina Benguigui, ministre déléguée chargée de la Francophonie",
            {
                "civilite": "Mme",
                "nom": "Yamina Benguigui",
                "fonction": "la ministre déléguée chargée de la Francophonie",
            },
        ),
        (
            "d’une délégation arménienne conduite par le MAE Ararat Mirzoïan",
            {
                "groupe": "une délégation arménienne",
                "chef": {"fonction": "le MAE", "nom": "Ararat Mirzoïan"},
            },
        ),
        ("le président de la République", {"fonction": "le président de la République"}),
    ],
)
def test_persons(text, record):
    assert person(text) == record


def test_visit_items():
    armenie = visit_item(
        "26 septembre 2022 : visite de travail du Premier Ministre arménien en France", COUNTRIES
    )
    assert armenie.record == {
        "date": "2022-09-26",
        "sens": "vers_la_france",
        "nature": "visite de travail",
        "visiteurs": {"fonction": "le Premier Ministre arménien"},
        "lieu": "France",
    }
    vanuatu = visit_item(
        "Juillet 2023 : visite au Vanuatu du président de la République, Emmanuel MACRON, de la "
        "ministre de l’Europe et des Affaires étrangères, Catherine COLONNA et de la Secrétaire "
        "d’État chargée du Développement, de la Francophonie et des Partenariats "
        "internationaux, Chrysoula ZACHAROPOULOU",
        COUNTRIES,
    )
    assert [v["nom"] for v in vanuatu.record["visiteurs"]] == [
        "Emmanuel MACRON",
        "Catherine COLONNA",
        "Chrysoula ZACHAROPOULOU",
    ]
    assert vanuatu.record["lieu"] == "Vanuatu" and vanuatu.record["sens"] == "vers_le_pays"
    delegation = visit_item(
        "9-11 novembre 2022 : déplacement d’une délégation arménienne conduite par le MAE Ararat "
        "Mirzoïan.",
        COUNTRIES,
    )
    assert delegation.record["fin"] == "2022-11-11"
    assert delegation.checks  # the line does not say where: the direction is to be checked
    assert visit_item("Consulat : Erevan", COUNTRIES) is None


def test_visit_sentences():
    received = visit_sentence(
        "Le président de la République a reçu le président Talon au Palais de l’Élysée le 6 "
        "mars 2018.",
        COUNTRIES,
    )
    assert received.record["visiteurs"] == {"fonction": "le président", "nom": "Talon"}
    assert received.record["recu_par"] == {"fonction": "le président de la République"}
    assert received.record["sens"] == "vers_la_france"
    lemoyne = visit_sentence(
        "Le secrétaire d’État Jean-Baptiste Lemoyne s’est rendu à Cotonou du 14 au 16 "
        "février 2018.",
        COUNTRIES,
    )
    assert lemoyne.record["lieu"] == "Cotonou" and lemoyne.record["fin"] == "2018-02-16"
    assert (
        visit_sentence("Les liens historiques en font des partenaires privilégiés.", COUNTRIES)
        is None
    )


def test_visit_sentences_give_the_kind_counterpart_inviter_and_occasion():
    meeting = visit_sentence(
        "Le président de la République s’est entretenu avec le Premier ministre mongol L. "
        "OYUN-ERDENE en marge des Jeux olympiques de Tokyo en juillet 2021.",
        COUNTRIES,
    ).record
    assert meeting["nature"] == "entretien" and meeting["date"] == "2021-07"
    assert meeting["avec"] == {"fonction": "le Premier ministre mongol", "nom": "L. OYUN-ERDENE"}
    assert meeting["occasion"] == "les Jeux olympiques de Tokyo"
    assert meeting["sens"] == "pays_tiers"
    state = visit_sentence(
        "À l’invitation du président KHURELSUKH, le président de la République a effectué le "
        "21 mai 2023 une visite d’État en Mongolie.",
        ("Mongolie",),
    ).record
    assert state["nature"] == "visite d'État" and state["lieu"] == "Mongolie"
    assert state["invite_par"] == {"fonction": "le président", "nom": "KHURELSUKH"}
    assert state["visiteurs"] == {"fonction": "le président de la République"}


def test_visits_listed_in_prose():
    found = visit_list_in_prose(
        "M. Jean Dupont, ministre de l’Agriculture, (mai 2013) ; Mme Anne Martin, ministre des "
        "Sports (juin 2014)"
    )
    assert [r.record["date"] for _, r in found] == ["2013-05", "2014-06"]
    assert found[1][1].record["visiteurs"]["fonction"] == "la ministre des Sports"


def test_citations():
    relations = diplomatic_relations(
        "La France et le Tadjikistan ont établi leurs relations diplomatiques en mars 1992, au "
        "lendemain de l’indépendance du pays."
    )
    assert relations.recognised.record == {"_": "1992-03"}
    assert "{relations_diplomatiques.quand}, au lendemain" in relations.text
    laos = agreements(
        "L’année 2023 a été marquée par la célébration des 70 ans du traité d’amitié et "
        "d’association franco-laotienne du 22 octobre 1953.",
        set(),
    )
    record = laos[0].recognised.record
    assert record["titre"] == "traité d’amitié et d’association franco-laotienne"
    assert record["signature"] == "1953-10-22"
    assert "{accords." + record["cle"] + ".signature}" in laos[0].text
    armenie = agreements(
        "Un Traité d’entente et de coopération a été signé le 12 mars 1993.", set()
    )
    assert armenie[0].recognised.record["signature"] == "1993-03-12"
    exports = trade(
        "La France a exporté 4,9 M EUR de biens au Vanuatu en 2021 (en baisse par rapport aux "
        "années précédentes)."
    )
    assert exports[0].recognised.record == {"annee": 2021, "exportations": 4.9}
    assert "{exportations.2021}" in exports[0].text


def test_aid_programmes_with_their_parts():
    from fiche_pays.importer.aid import aid, money

    benin = aid(
        "En ce qui concerne l’Union européenne, la programmation du 11e FED (2014-2020) prévoit "
        "une enveloppe de 372 M EUR pour le Bénin dédiée aux secteurs de la gouvernance (184 M "
        "EUR), du développement du secteur agricole (80 M EUR), de l’accès à l’énergie (80 M "
        "EUR) et de l’appui à la société civile (18 M EUR)."
    ).record
    assert (benin["bailleur"], benin["programme"], benin["periode"]) == (
        "Union européenne",
        "11e FED",
        "2014-2020",
    )
    # 184 + 80 + 80 + 18 = 362: the page does not say the parts make the 372.
    assert benin["montant"] == "372 M EUR" and benin["ventilation"] == "partielle"
    assert [(p["objet"], p["montant"]) for p in benin["parts"]] == [
        ("gouvernance", "184 M EUR"),
        ("développement du secteur agricole", "80 M EUR"),
        ("accès à l’énergie", "80 M EUR"),
        ("appui à la société civile", "18 M EUR"),
    ]
    tonga = aid(
        "La coopération est soutenue par le « Fonds Pacifique ». En 2017, ont ainsi été retenus "
        "en faveur du Royaume un projet de prévention des maladies non transmissibles (80.500 €), "
        "d’accroissement des énergies renouvelables (18.000€) et de formation en français langue "
        "étrangère (FLE – 40.000 €)."
    ).record
    assert tonga["annee"] == 2017 and "montant" not in tonga
    assert [p["objet"] for p in tonga["parts"]] == [
        "prévention des maladies non transmissibles",
        "accroissement des énergies renouvelables",
        "formation en français langue étrangère (FLE)",
    ]
    assert [p["montant"] for p in tonga["parts"]] == ["80 500 EUR", "18 000 EUR", "40 000 EUR"]
    assert money("4,9 M €") == "4,9 M EUR"
    assert aid("La France (AFD, Fonds Pacifique) soutient des projets universitaires.") is None


def test_dated_events_in_a_sentence_are_cited():
    from fiche_pays.importer.events import events

    text = (
        "L’antenne diplomatique française au Tadjikistan, ouverte en octobre 2001, est devenue "
        "ambassade de plein exercice. Elle a été transformée en 2016 en poste de présence "
        "diplomatique. De son côté, le Tadjikistan a ouvert une ambassade à Paris en septembre "
        "2013."
    )
    found = events(text, set())
    assert [(c.recognised.record["date"], c.recognised.record["quoi"]) for c in found] == [
        ("2001-10", "ouverture de l'antenne diplomatique française au Tadjikistan"),
        ("2013-09", "ouverture d'une ambassade à Paris"),
    ]
    assert found[-1].text == (
        "L’antenne diplomatique française au Tadjikistan, ouverte "
        "{evenements.ouverture_antenne_2001.quand}, est devenue ambassade de plein exercice. "
        "Elle a été transformée en 2016 en poste de présence diplomatique. De son côté, le "
        "Tadjikistan a ouvert une ambassade à Paris {evenements.ouverture_ambassade_2013.quand}."
    )
    # A bare year is left to the text.
    assert events("Le centre, créé en 2010, forme des ingénieurs.", set()) == []
