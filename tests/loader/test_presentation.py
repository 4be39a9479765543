"""Loading a presentation file: the kind comes from the name, and its mistakes are located
and worded against the presentation format (did-you-mean from its own keys)."""

import textwrap

from fiche_pays.loader.load import load_source
from fiche_pays.model.presentation import Presentation

HEAD = """\
pays:
  nom: Kazakhstan
  code: KZ
  au: au Kazakhstan
  du: du Kazakhstan
  le: le Kazakhstan
  adjectif: kazakhstanais
document:
  mise_a_jour: 2022-09-17
"""


def _write(tmp_path, body, name="kazakhstan.presentation.yaml"):
    path = tmp_path / name
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return path


def test_the_name_chooses_the_format(tmp_path):
    body = "donnees_generales:\n  regime: Présidentiel\n"
    assert isinstance(load_source(_write(tmp_path, body)).fiche, Presentation)
    (problem,) = load_source(_write(tmp_path, body, "kazakhstan.yaml")).problems
    assert problem.message.startswith("champ inconnu « donnees_generales »")


def test_a_misspelt_key_gets_a_suggestion_from_the_presentation_format(tmp_path):
    body = """\
    donnees_demographiques:
      populaton: {valeur: 18917200, date: 2021}
    """
    (problem,) = load_source(_write(tmp_path, body)).problems
    assert (problem.line, problem.field) == (11, "donnees_demographiques.populaton")
    assert problem.message == "champ inconnu « populaton » ; vouliez-vous dire « population » ?"


def test_a_contradiction_is_located_on_its_value(tmp_path):
    # The published Kazakhstan page: « Densité : 6 habitants / km² » (it is 6,9).
    body = """\
    donnees_geographiques:
      superficie: {valeur: 2724900}
    donnees_demographiques:
      population: {valeur: 18917200, date: 2021}
      densite:
        valeur: 6
    """
    (problem,) = load_source(_write(tmp_path, body)).problems
    assert (problem.line, problem.field) == (15, "donnees_demographiques.densite.valeur")
    assert "densité indiquée : 6 hab./km², mais population / superficie" in problem.message


def test_an_unknown_reference_in_prose_is_located_in_the_text(tmp_path):
    body = """\
    elements_d_actualite:
      politique_interieure:
        texte: |
          Le pays est dirigé par
          {chef_de_etat}.
    """
    (problem,) = load_source(_write(tmp_path, body)).problems
    assert problem.line == 14
    assert problem.message == (
        "référence {chef_de_etat} inconnue : cette donnée n'existe pas dans la fiche"
    )


def test_figures_are_located_on_their_date(tmp_path):
    body = """\
    donnees_economiques:
      chomage:
        valeur: 13
        date: 2010
      inflation: {valeur: 2}
    """
    figures = load_source(_write(tmp_path, body)).figures()
    assert [(f.field, f.date, f.line) for f in figures] == [
        ("donnees_economiques.chomage", "2010", 13),
        ("donnees_economiques.inflation", None, 14),
    ]
