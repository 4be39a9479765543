"""The variants real fiches show are expressible without code changes, and worded right:
each generated line states exactly what its fields mean, and agrees in gender and number."""

import re
import textwrap

import pytest

from fiche_pays import compose
from fiche_pays.dump import dump
from fiche_pays.loader.load import load_source
from fiche_pays.tree import plain

HEAD = """\
pays:
  nom: Tonga
  code: TO
  au: aux Tonga
  du: des Tonga
  le: les Tonga
  adjectif: tongien
  adjectif_feminin: tongienne
document:
  mise_a_jour: 2023-03-01
  service: Direction d'Asie et d'Océanie
"""

TONGA = (
    HEAD
    + """\
relations_politiques:
  - relations_diplomatiques: 1971-06
  - accords:
      - titre: accord de coopération culturelle
        signature: 1995-05-01
        lieu: Nuku'alofa
        entree_en_vigueur: 1996
      - titre: déclaration conjointe sur le climat
        adoption: 2015-11
        occasion: la COP21
      - titre: accords de Saint-Marin
        signature: 2009-09
        lieu: Saint-Marin
      - titre: convention fiscale
        en_negociation: true
  - evenements:
      - date: 1855
        quoi: signature du traité d'amitié
      - date: [2012, 2013, 2014]
        quoi: escales de la frégate Vendémiaire
presence_francaise:
  - communaute:
      nombre: environ 2000
      unite: inscrits au registre
      date: 2020-12-31
      binationaux: 900
      non_inscrits: 300
  - postes:
      - type: ambassade
        ville: Suva
        pays: Fidji
      - type: consul honoraire
        ville: Nuku'alofa
      - type: consul honoraire
        ville: Neiafu
      - type: section consulaire
        ville: Suva
        pays: Fidji
  - communaute_en_france:
      nombre: 150
      unite: ressortissants
  - postes_en_france:
      - type: consulat
        villes: [Lyon, Marseille]
visites:
  - visites:
      - date: 2022-11
        sens: pays_tiers
        nature: entretien
        visiteurs:
          fonction: la ministre de l'Europe et des affaires étrangères
          nom: Catherine Colonna
        avec: {fonction: le Premier ministre tongien}
        lieu: Nouméa
        occasion: la réunion ministérielle du Forum des îles du Pacifique
      - date: 2010-05
        sens: vers_la_france
        nature: séjour privé
        visiteurs: {fonction: le Premier ministre tongien, civilite: M., nom: Sevele}
        lieu: France
        avec:
          - groupe: les sénateurs du groupe d'amitié
          - groupe: le MEDEF international
      - date: 2019-03-04
        fin: 2019-03-06
        sens: vers_le_pays
        nature: visite officielle
        visiteurs:
          groupe: une délégation parlementaire
          chef: {fonction: le sénateur, nom: Jean Dupont}
        accompagnateurs: {civilite: Dr, nom: Marie Curie, genre: féminin}
        recu_par: {fonction: le roi}
        lieu: Tonga
      - date: [2016-04, 2016-07, 2016-12]
        sens: vers_la_france
        visiteurs: {fonction: le roi}
        invite_par: {fonction: le président de la République}
        lieu: France
ambassadeurs:
  - ambassadeur_de_france:
      nom: Sylvaine Carta-Le Vert
      civilite: Mme
      depuis: 2021-09
      residence: à Suva
relations_economiques:
  - produits:
      - cle: squash
        libelle: courges
        flux: importations
      - cle: volaille
        libelle: viande de volaille
        flux: exportations
      - cle: pharma
        libelle: spécialités pharmaceutiques
        flux: exportations
  - aides:
      - bailleur: Fonds Pacifique
        annee: 2017
        parts:
          - {objet: prévention des maladies non transmissibles, montant: 80 500 EUR}
          - {objet: énergies renouvelables, montant: 18000}
      - bailleur: Union européenne
        programme: 11e FED
        periode: 2014-2020
        montant: 372 M EUR
        ventilation: partielle
        parts:
          - {objet: la gouvernance, montant: 184 M EUR}
cooperation:
  - alliances_francaises:
      total_etudiants: 300
      liste:
        - {ville: Nuku'alofa, creation: 1984}
  - instituts:
      - nom: Université franco-tongienne
        creation: 2012
        fondateurs: [l'université de la Nouvelle-Calédonie]
        inauguration: 2013-02-01
        par: {fonction: le Premier ministre tongien}
  - bourses:
      - {nom: Programme Pacifique}
sections_supplementaires:
  - cle: defense
    titre: Coopération de défense
    apres: ambassadeurs
    contenu:
      - faits:
          - libelle: Forces armées en Nouvelle-Calédonie
            valeur: exercices conjoints annuels
  - cle: accords
    titre: Accords bilatéraux
    contenu:
      - tableau:
          entetes: [Date, Accord]
          lignes:
            - ["1995", "accord de coopération culturelle"]
          source: Base des traités
"""
)


def _load(tmp_path, text):
    path = tmp_path / "tonga.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_source(path)


def _tree(tmp_path):
    loaded = _load(tmp_path, TONGA)
    assert loaded.ok, loaded.problems
    return compose(loaded.fiche)


@pytest.fixture
def text(tmp_path):
    text = dump(_tree(tmp_path)).replace("\u00a0", " ").replace("\u202f", " ")
    # Raised ordinal endings are marked "1^{er}" in the dump; the minus sign is U+2212.
    return re.sub(r"\^\{(\w+)\}", r"\1", text).replace("’", "'").replace("\u2212", "-")


@pytest.mark.parametrize(
    "line",
    [
        "La France et les Tonga ont établi leurs relations diplomatiques en juin 1971.",
        "Accord de coopération culturelle, signé le 1er mai 1995 à Nuku'alofa, "
        "entré en vigueur en 1996",
        # Adopted, not signed; the participle agrees with "déclaration".
        "Déclaration conjointe sur le climat, adoptée en novembre 2015 lors de la COP21",
        # "à Saint-Marin", never ", Saint-Marin"; plural head noun.
        "Accords de Saint-Marin, signés en septembre 2009 à Saint-Marin",
        "Convention fiscale, en négociation",
        "1855 : signature du traité d'amitié",
        "2012, 2013 et 2014 : escales de la frégate Vendémiaire",
        "Communauté française aux Tonga : environ 2 000 inscrits au registre "
        "(au 31 décembre 2020), dont 900 binationaux ; non-inscrits estimés à 300",
        "L'ambassade de France à Suva (Fidji) est compétente pour les Tonga.",
        "Consuls honoraires : Nuku'alofa et Neiafu",
        "La section consulaire de l'ambassade de France à Suva (Fidji) est compétente pour "
        "les Tonga.",
        "Communauté tongienne en France : 150 ressortissants",
        "Consulat des Tonga en France : Lyon et Marseille",
        "Novembre 2022 : entretien à Nouméa de la ministre de l'Europe et des affaires "
        "étrangères Catherine Colonna avec le Premier ministre tongien, en marge de la "
        "réunion ministérielle du Forum des îles du Pacifique",
        "Mai 2010 : séjour privé en France du Premier ministre tongien, M. Sevele, entretiens "
        "avec les sénateurs du groupe d'amitié et le MEDEF international",
        # A group agrees with its determiner; a Dr with her genre.
        "Du 4 au 6 mars 2019 : visite officielle aux Tonga d'une délégation parlementaire, "
        "conduite par le sénateur Jean Dupont, accompagnée de Dr Marie Curie, reçue par le roi",
        "Avril, juillet et décembre 2016 : visites en France du roi, à l'invitation du "
        "président de la République",
        "Ambassadrice de France aux Tonga : Mme Sylvaine Carta-Le Vert (depuis septembre 2021, "
        "en résidence à Suva)",
        # Trade described without figures: not the sectors of French firms.
        "Produits importés par la France : courges",
        "Produits exportés par la France : viande de volaille et spécialités pharmaceutiques",
        "Fonds Pacifique (2017) : 98 500 EUR, réparti entre prévention des maladies non "
        "transmissibles (80 500 EUR) et énergies renouvelables (18 000 EUR)",
        "Union européenne, 11e FED (2014-2020) : 372 M EUR, dont la gouvernance (184 M EUR)",
        # One Alliance: singular, no « un total de ».
        "Le réseau des Alliances françaises aux Tonga compte un établissement, qui "
        "accueille 300 étudiants.",
        # Founders and inaugurators in a sentence; feminine head noun.
        "Créée en 2012 par l'université de la Nouvelle-Calédonie, inaugurée le 1er février "
        "2013 par le Premier ministre tongien.",
        "Forces armées en Nouvelle-Calédonie : exercices conjoints annuels",
        "source: Source : Base des traités",
    ],
)
def test_variants_are_worded_in_french(text, line):
    assert line in text


def test_no_line_invents_a_meaning(text):
    assert "signature en" not in text and "signée en novembre" not in text
    assert "Partenaires" not in text  # founders are not partners
    assert "Principaux secteurs" not in text  # products are not the sectors of French firms
    # Institutes and scholarships: what they are (training, research, co-funded) and that
    # the Alliances are « our » whole cultural network are facts the data does not give.
    for invented in ("formation et de recherche", "structurée autour", "cofinanc", "Notre"):
        assert invented not in text
    assert "Programmes de bourses : Programme Pacifique" in text


def test_introductions_and_labels_are_the_authors(tmp_path):
    """The sentence before the institutes and the scholarships label are printed as the
    data gives them (« introduction », « libelle »), and nothing when it gives none."""
    data = TONGA.replace(
        "  - instituts:\n",
        "  - introduction: 'Deux instituts de recherche franco-tongiens :'\n    instituts:\n",
    ).replace("  - bourses:\n", "  - libelle: Programmes de bourses cofinancés\n    bourses:\n")
    loaded = _load(tmp_path, data)
    assert loaded.ok, loaded.problems
    text = dump(compose(loaded.fiche)).replace("\u00a0", " ")
    assert "Paragraph: Deux instituts de recherche franco-tongiens :" in text
    assert "Programmes de bourses cofinancés : Programme Pacifique" in text


def test_every_table_cell_starts_with_a_capital(tmp_path):
    table = TONGA + textwrap.dedent("""\
        autres_cooperations:
          - presentation: tableau
            visites:
              - date: 2017-03-29
                sens: vers_la_france
                visiteurs: {nom: kaïrat abdrakhmanov, fonction: le ministre}
                objet: participation au forum
        """)
    loaded = _load(tmp_path, table)
    assert loaded.ok, loaded.problems
    (section,) = [s for s in compose(loaded.fiche).sections if s.key == "autres_cooperations"]
    (visits,) = section.children
    for row in visits.rows:
        assert all(cell[:1] == cell[:1].upper() for cell in row), row
    assert visits.header == ("Date", "Personnalité", "Lieu", "Objet")


def test_extra_sections_are_placed_where_asked(tmp_path):
    keys = [s.key for s in _tree(tmp_path).sections]
    assert keys == [
        "relations_politiques",
        "presence_francaise",
        "visites",
        "ambassadeurs",
        "defense",
        "relations_economiques",
        "cooperation",
        "accords",
    ]


def test_visits_as_bullets_keep_the_page_line_and_its_fields(tmp_path):
    """`presentation: puces`: each visit is a bullet, its own text word for word when it
    has one, its generated line otherwise (the lists of visits the importer keeps)."""
    bullets = HEAD + textwrap.dedent("""\
        visites:
          - presentation: puces
            visites:
              - date: 2022-07
                sens: vers_la_france
                visiteurs: {fonction: le Premier ministre tongien, nom: M. Sevele}
                texte: "Juillet 2022 : Visite du Premier ministre, M. Sevele, en France."
              - date: 2023-02
                sens: vers_le_pays
                visiteurs: {fonction: le ministre des Armées}
        """)
    loaded = _load(tmp_path, bullets)
    assert loaded.ok, loaded.problems
    (section,) = [s for s in compose(loaded.fiche).sections if s.key == "visites"]
    (listed,) = section.children
    items = [plain(item).replace("\u00a0", " ") for item in listed.items]
    assert items == [
        "Juillet 2022 : Visite du Premier ministre, M. Sevele, en France.",
        "Février 2023 : visite du ministre des Armées",
    ]
    # The same records in the default presentation: the text is a paragraph.
    loaded = _load(tmp_path, bullets.replace("presentation: puces", "presentation: liste"))
    (section,) = [s for s in compose(loaded.fiche).sections if s.key == "visites"]
    assert [type(node).__name__ for node in section.children] == ["Paragraph", "BulletList"]


def test_the_countrys_ambassador_is_named_as_its_embassy(tmp_path):
    """« Ambassadeur d'Arménie en France », as « Ambassade d'Arménie en France » beside it,
    never « de l'Arménie »."""
    armenia = textwrap.dedent("""\
        pays: {nom: Arménie, code: AM, au: en Arménie, du: de l'Arménie, de: d'Arménie,
               le: l'Arménie, adjectif: arménien, adjectif_feminin: arménienne}
        document: {mise_a_jour: 2023-10-03}
        presence_francaise:
          - postes_en_france: [{type: ambassade, ville: Paris}]
        ambassadeurs:
          - ambassadeur_en_france: {civilite: M., nom: Jean Dupont}
        """)
    loaded = _load(tmp_path, armenia)
    assert loaded.ok, loaded.problems
    text = dump(compose(loaded.fiche)).replace("’", "'")
    assert "Ambassade d'Arménie en France" in text
    assert "Ambassadeur d'Arménie en France" in text
    assert "de l'Arménie en France" not in text
