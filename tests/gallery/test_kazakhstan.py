"""Every fact of the published France–Kazakhstan page is in both documents.

The facts are written from ../shared/seed/relations-bilaterales-kazakhstan.txt in
French typography (« », ’, "8e", "2 000", "Md EUR"); the seed's typos are corrected
("la président", "aprenant", "Etat"). Facts that sit in table cells are checked
word by word in the PDF, whose text extractor interleaves the lines of wrapped cells.
"""

import pytest

from conftest import docx_text, normalize, pdf_text, words_in

SEED_FACTS = [
    # Relations politiques
    "relations diplomatiques le 25 janvier 1992",
    "accords fondateurs de la relation bilatérale ont été signés lors de la visite du "
    "président Mitterrand en septembre 1993",
    "dynamisées en juin 2008 par la signature d’un traité de partenariat stratégique, "
    "entré en vigueur en 2010",
    "dialogue politique, favorisé par un nombre élevé de visites bilatérales, est constant",
    "convenu en 2021 d’établir des consultations annuelles entre les ministères des "
    "affaires étrangères",
    # Présence française
    "Communauté française au Kazakhstan : 289 résidents (2019)",
    "Consulat général : Almaty",
    # Visites
    "Depuis 2009, six visites présidentielles bilatérales ont eu lieu (quatre à Paris, "
    "deux à Nour-Soultan), ainsi que de nombreux contacts ministériels et parlementaires",
    # Ambassadeurs
    "Ambassadeur de France au Kazakhstan : Didier Canesse",
    "Ambassadeur du Kazakhstan en France : Jean Galiev",
    # Relations économiques
    "déficit commercial structurel vis-à-vis du Kazakhstan, notamment du fait du poids des "
    "hydrocarbures dans nos échanges",
    "Ce déficit s’est réduit en 2020 à −983 M EUR (contre −2,74 Md EUR en 2019)",
    "principalement liée à la baisse des prix du pétrole causée par la pandémie",
    "importations en provenance du Kazakhstan ont baissé (1,58 Md EUR soit −50,2 %)",
    "baisse de nos achats de pétrole brut (−51,3 %), qui composent 91,9 % de nos importations",
    "exportations françaises vers le Kazakhstan ont connu une hausse de 40,1 % en 2020 (594 M EUR)",
    "exportations des aéronefs et engins spatiaux (+187 % à 194 M EUR)",
    "Elle ressort à 2,2 % en 2020 contre 1,8 % en 2019",
    "relativement stable depuis quelques années",
    "La France est le 8e fournisseur du Kazakhstan et son 3e fournisseur européen "
    "(derrière l’Allemagne et l’Italie)",
    "hydrocarbures, construction, uranium, aéronautique, ferroviaire et agroalimentaire",
    # Coopération culturelle, scientifique et technique
    # Only what the data holds: the Alliances are not said to be the whole network.
    "Le réseau des Alliances françaises au Kazakhstan compte quatre établissements, qui "
    "accueillent un total de 2 000 étudiants",
    "Almaty : créée en 2004, 950 étudiants (2019)",
    "Nour-Soultan : créée en 2005, 612 étudiants",
    "Chymkent : nouveau pôle labellisé par la Fondation des Alliances françaises",
    "Karaganda : nouveau pôle labellisé par la Fondation des Alliances françaises",
    # The page's introduction, given by the data (« introduction »), not one of ours.
    "structurée autour de deux instituts franco-kazakhstanais de formation et de recherche",
    "Institut Sorbonne-Kazakhstan (ISK)",
    # The page's sentences ("inauguré par les présidents …", "créé en 2010 par …"), not
    # form lines: the founders of the Centre are not its partners.
    "Inauguré le 6 décembre 2014 par les présidents François Hollande et Noursoultan Nazarbaïev",
    "Partenaires : université de Poitiers, université de Lorraine, INALCO",
    "formation en économie, droit et relations internationales",
    "deux doubles diplômes et deux diplômes universitaires",
    "Au sein de l’Université pédagogique Abaï, l’ISK accueille 864 étudiants en 2020-2021, "
    "co-encadrés par une vingtaine d’enseignants français",
    "Centre géo-énergies",
    "Créé en 2010 par l’université de Lorraine et l’université nationale Al-Farabi",
    "un des principaux établissements du Kazakhstan (24 000 étudiants)",
    "a déjà formé près d’une centaine de diplômés en master « Énergies » et permis la "
    "délivrance d’une dizaine de thèses de doctorat",
    "En 2020-2021, il compte une quarantaine d’étudiants, répartis dans les quatre doubles "
    "diplômes de master proposés par les universités de Lorraine et de Reims "
    "Champagne-Ardenne",
    "Programmes de bourses cofinancés : Abaï-Verne, Make Our Planet Great Again, Aralia "
    "(Fondation de France), Pont des Arts (Association internationale de développement des "
    "Arts)",
    "Un programme de bourses pour médecins et chercheurs sera mis en place en 2021 et 2022 "
    "dans le cadre de la coopération en santé",
    # Autres types de coopérations
    "En 2020, le programme de coopération « revitalisation de la langue française en Asie "
    "centrale » a été mis en place",
    "destiné à la formation continue des enseignants de français, et vise à faire face à la "
    "diminution constatée du nombre d’élèves apprenant le français dans le système scolaire "
    "kazakhstanais",
    "premières Olympiades régionales du français en Asie centrale (1 500 participants, en "
    "avril 2021)",
    "Un programme régional de coopération en matière de santé va être mis en place en 2021-2022",
    # Mise à jour
    "Mise à jour : 5 mai 2021",
]

# The dated visits of the page, in the visits tables: (date, who, function, place).
SEED_VISITS = [
    ("4 et 5 décembre 2014", "François Hollande", "président de la République", "Nour-Soultan"),
    (
        "Du 4 au 6 novembre 2015",
        "Noursoultan Nazarbaïev",
        "président de la République du Kazakhstan",
        "Paris",
    ),
    (
        "29 mars 2017",
        "Kaïrat Abdrakhmanov",
        "ministre des affaires étrangères",
        "Participation au 25e anniversaire des relations diplomatiques entre la France et "
        "l’Asie centrale",
    ),
    (
        "6 et 7 septembre 2017",
        "Jean-Baptiste Lemoyne",
        "secrétaire d’État aux affaires étrangères",
        "Visite du site de l’exposition « Astana 2017 »",
    ),
    ("31 juillet 2019", "Bruno Le Maire", "ministre de l’Économie et des Finances", "Kazakhstan"),
    ("4 décembre 2019", "Moukhtar Tleouberdi", "ministre des affaires étrangères", "France"),
]


@pytest.fixture(scope="module")
def texts(built):
    return {"PDF": pdf_text(built["pdf"]), "DOCX": docx_text(built["docx"])}


@pytest.mark.parametrize("fact", SEED_FACTS)
def test_seed_fact_in_both_documents(fact, texts):
    for name, text in texts.items():
        assert normalize(fact) in text, f"{name} lacks: {fact}"


@pytest.mark.parametrize("visit", SEED_VISITS, ids=lambda v: v[1])
def test_seed_visit_in_both_documents(visit, texts):
    for name, text in texts.items():
        for part in visit:
            assert words_in(text, part), f"{name} lacks {part!r} of visit {visit[1]}"


# The page's dated facts, counts and amounts that the data file holds in fields (issue 9:
# a fact is a field; its sentence may stay the page's).
FIELDS = (
    "le 25 janvier 1992",
    "en juin 2008",
    "289",
    "864 étudiants",
    "premières Olympiades régionales du français en Asie centrale",
    "en avril 2021",
)


def test_page_facts_from_fields():
    from gallery_pages import check_fields

    check_fields("kazakhstan", FIELDS)
