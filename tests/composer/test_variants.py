"""The variants real fiches show are expressible without code changes, and worded right."""

import re
import textwrap

from fiche_pays import compose
from fiche_pays.dump import dump
from fiche_pays.loader.load import load_source

TONGA = """\
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
relations_politiques:
  relations_diplomatiques: 1971-06
  accords:
    - titre: accord de coopération culturelle
      signature: 1995-05-01
      lieu: Nuku'alofa
      entree_en_vigueur: 1996
presence_francaise:
  communaute:
    nombre: 2000
    approximation: environ
    unite: inscrits au registre
    date: 2020-12-31
    binationaux: 900
    non_inscrits: 300
  ambassade:
    residence: à Suva (Fidji)
  postes:
    - type: consul honoraire
      ville: Nuku'alofa
    - type: consul honoraire
      ville: Neiafu
    - type: section consulaire
      depuis: l'ambassade à Suva
  communaute_en_france:
    nombre: 150
    unite: ressortissants
visites:
  liste:
    - date: 2022-11
      sens: pays_tiers
      personnalite: Catherine Colonna
      fonction: ministre de l'Europe et des affaires étrangères
      lieu: Nouméa
      objet: réunion ministérielle du Forum des îles du Pacifique
ambassadeurs:
  de_france:
    nom: Sylvaine Carta-Le Vert
    civilite: Mme
    depuis: 2021-09
    residence: à Suva
sections_supplementaires:
  - cle: defense
    titre: Coopération de défense
    apres: ambassadeurs
    faits:
      - libelle: Forces armées en Nouvelle-Calédonie
        valeur: exercices conjoints annuels
  - cle: accords
    titre: Accords bilatéraux
    tableau:
      entetes: [Date, Accord]
      lignes:
        - ["1995", "Accord de coopération culturelle"]
      source: Base des traités
"""


def _tree(tmp_path):
    path = tmp_path / "tonga.yaml"
    path.write_text(textwrap.dedent(TONGA), encoding="utf-8")
    loaded = load_source(path)
    assert loaded.ok, loaded.problems
    return compose(loaded.fiche)


def test_variants_are_worded_in_french(tmp_path):
    text = dump(_tree(tmp_path)).replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"\^\{(\w+)\}", r"\1", text)  # raised ordinal endings, as plain text
    expected = [
        "Relations diplomatiques : établies en juin 1971",
        "Accord de coopération culturelle : signature le 1er mai 1995, Nuku’alofa, "
        "entrée en vigueur en 1996",
        "Communauté française aux Tonga : environ 2 000 inscrits au registre "
        "(au 31 décembre 2020), dont 900 binationaux ; Français non inscrits estimés à 300",
        "Ambassade : non résidente, ambassadeur en résidence à Suva (Fidji)",
        "Consuls honoraires : Nuku’alofa et Neiafu",
        "Section consulaire : couverte depuis l’ambassade à Suva",
        "Communauté tongienne en France : 150 ressortissants",
        "Rencontres dans des pays tiers",
        "| Novembre 2022 | Catherine Colonna, ministre de l’Europe et des affaires étrangères "
        "| Nouméa | Réunion ministérielle du Forum des îles du Pacifique |",
        "Ambassadrice de France aux Tonga : Sylvaine Carta-Le Vert (depuis septembre 2021, "
        "en résidence à Suva)",
        "Forces armées en Nouvelle-Calédonie : exercices conjoints annuels",
        "source: Source : Base des traités",
    ]
    for line in expected:
        assert line in text, line


def test_extra_sections_are_placed_where_asked(tmp_path):
    keys = [s.key for s in _tree(tmp_path).sections]
    assert keys == [
        "relations_politiques",
        "presence_francaise",
        "visites",
        "ambassadeurs",
        "defense",
        "accords",
    ]
