"""Every error of a file at once: a structural error never hides a reference error or a
failed check elsewhere in the file; and no hint suggests the opposite of what was typed."""

import textwrap

from pydantic import Field

from fiche_pays.loader.load import load_source
from fiche_pays.loader.messages import close_key, describe_error
from fiche_pays.model.types import Record

HEAD = """\
pays:
  nom: Bénin
  code: BJ
  au: au Bénin
  du: du Bénin
  le: le Bénin
  adjectif: béninois
document:
  mise_a_jour: 2020-02-21
"""


def _problems(tmp_path, body):
    path = tmp_path / "fiche.yaml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    loaded = load_source(path)
    return loaded, {p.field: p for p in loaded.problems}


def test_a_wrong_type_and_an_unknown_reference_are_reported_together(tmp_path):
    loaded, problems = _problems(
        tmp_path,
        """\
        relations_politiques:
          - texte: Les relations avec {pays.le} et {refrence}.
        visites:
          - visites:
              - date: 2018-03-06
                sens: vers_la_france
                visiteurs: {nom: Talon}
              - date: hier
                sens: vers_le_pays
                visiteurs: {nom: Lemoyne}
        """,
    )
    assert not loaded.ok
    assert "illisible" in problems["visites[1].visites[2].date"].message
    reference = problems["relations_politiques[1].texte"]
    assert "{refrence} inconnue" in reference.message and reference.line == 11
    # And the checks of what is left run too: the aid below sums wrong.


def test_a_failed_check_is_reported_beside_a_structural_error(tmp_path):
    _, problems = _problems(
        tmp_path,
        """\
        relations_politiques:
          - aides:
              - bailleur: Union européenne
                montant: 372 M EUR
                parts:
                  - {objet: gouvernance, montant: 184 M EUR}
                  - {objet: énergie, montant: 80 M EUR}
        presence_francaise:
          - communaute:
              nombre: beaucoup
        """,
    )
    assert "illisible" in problems["presence_francaise[1].communaute.nombre"].message
    assert "la somme des parts fait 264 M EUR" in (
        problems["relations_politiques[1].aides[1].montant"].message.replace("\u00a0", " ")
    )


def test_a_reference_to_a_refused_record_is_not_reported_twice(tmp_path):
    _, problems = _problems(
        tmp_path,
        """\
        relations_politiques:
          - texte: La visite {visites.talon.quand}, et {visites.talon.lieu.au}.
        visites:
          - visites:
              - cle: talon
                date: 2018-13-06
                sens: vers_la_france
                visiteurs: {nom: Talon}
                lieu: Paris
        """,
    )
    assert list(problems) == ["visites[1].visites[1].date"]  # its own error, nothing else


def test_a_block_of_unknown_kind_gets_the_nearest_kind(tmp_path):
    _, problems = _problems(
        tmp_path,
        """\
        relations_politiques:
          - textes: Un texte.
          - visites:
              - date: 2018-03-06
                sens: vers_la_france
                visiteurs: {nom: Talon}
            texte: Le texte de la page.
        """,
    )
    kind = problems["relations_politiques[1]"].message
    assert kind.startswith("bloc de type inconnu « textes » ; vouliez-vous dire « texte » ?")
    second = problems["relations_politiques[2].texte"].message
    assert second.startswith("« texte » est un autre bloc")


class _Community(Record):
    count: int = Field(alias="nombre")
    unregistered: int | None = Field(None, alias="non_inscrits")


def test_a_hint_never_suggests_the_opposite_of_what_was_typed():
    assert close_key(_Community, ("inscrits",)) is None
    message = describe_error({"type": "extra_forbidden", "input": 3}, ("inscrits",), _Community)
    assert message == "champ inconnu « inscrits » ; champs possibles ici : nombre, non_inscrits"
    assert close_key(_Community, ("non_inscrit",)) == "non_inscrits"  # a real typo still
