"""Every error of a file at once: a structural error never hides a reference error or a
failed check elsewhere in the file; and no hint suggests the opposite of what was typed."""

import tempfile
import textwrap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
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


# --- every error at its own line, whatever fails before it -----------------------------------

# One block per entry: its lines (under « relations_politiques: ») and whether it is valid.
_INVALID_BLOCKS = [
    ["  - relations_diplomatiques: septembre 1960"],  # a refused value
    ["  - textes: Un texte."],  # a block of unknown kind
    ["  - evenements:", "      - date: hier", "        quoi: une visite"],  # a refused record
    ["  - texte: Un texte.", "    liste: [a, b]"],  # two kinds in one block
]


def _valid_block(i):
    return ["  - evenements:", f"      - date: 201{i % 10}-01", f"        quoi: fait {i}"]


def _text_block(i, reference):
    return [f"  - texte: Phrase {i} avec {{{reference}}}."]


@settings(max_examples=40, deadline=None)
@given(
    st.integers(3, 7).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.integers(0, n - 2),
            st.integers(0, len(_INVALID_BLOCKS) - 1),
        ).flatmap(lambda t: st.tuples(st.just(t), st.integers(t[1] + 1, t[0] - 1)))
    )
)
def test_an_error_after_an_invalid_block_keeps_its_own_line_and_element(case):
    (n, k, kind), j = case
    lines = [*HEAD.splitlines(), "relations_politiques:"]
    starts = {}
    for i in range(n):
        starts[i] = len(lines) + 1
        if i == k:
            lines += _INVALID_BLOCKS[kind]
        elif i == j:
            lines += _text_block(i, "pays.la")
        else:
            lines += _text_block(i, "pays.le") if i % 2 else _valid_block(i)
    problems = _located("\n".join(lines) + "\n")
    reference = [p for p in problems if "{pays.la} inconnue" in p.message]
    assert [(p.line, p.field) for p in reference] == [
        (starts[j], f"relations_politiques[{j + 1}].texte")
    ]
    invalid = [p for p in problems if p is not reference[0]]
    assert invalid and all(p.field.startswith(f"relations_politiques[{k + 1}]") for p in invalid)
    assert all(starts[k] <= p.line < starts[k + 1] for p in invalid)


@settings(max_examples=25, deadline=None)
@given(
    st.integers(3, 6)
    .flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n - 2)))
    .flatmap(lambda t: st.tuples(st.just(t), st.integers(t[1] + 1, t[0] - 1)))
)
def test_an_error_after_an_invalid_visit_keeps_its_own_line_and_element(case):
    (n, k), j = case
    lines = [*HEAD.splitlines(), "visites:", "  - visites:"]
    starts = {}
    for i in range(n):
        starts[i] = len(lines) + 1
        date = "10 juillet 2015" if i == k else f"2015-0{i + 1}-10"
        text = "{lieu.aux}" if i == j else "{lieu.au}"
        lines += [
            f"      - date: {date}",
            "        sens: vers_la_france",
            f"        visiteurs: {{nom: Visiteur {i}}}",
            "        lieu: Paris",
            f'        texte: "{{quand}}, {{visiteurs}} s\'est rendu {text}."',
        ]
    problems = _located("\n".join(lines) + "\n")
    assert [(p.line, p.field) for p in problems] == [
        (starts[k], f"visites[1].visites[{k + 1}].date"),
        (starts[j] + 4, f"visites[1].visites[{j + 1}].texte"),
    ]
    assert "{lieu.aux} inconnue" in problems[1].message


def _located(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fiche.yaml"
        path.write_text(text, encoding="utf-8")
        loaded = load_source(path)
    assert not loaded.ok
    return [p for p in loaded.problems if p.severity == "error"]
