"""Files of the old form (sections as mappings of fields) keep working: one conversion
step, one warning per file, an exact message for every key whose meaning changed."""

import textwrap
from pathlib import Path

import pytest

from fiche_pays import compose
from fiche_pays.dump import dump
from fiche_pays.loader.legacy import FORMAT_WARNING
from fiche_pays.loader.load import load_source

from conftest import KAZAKHSTAN

V1 = Path(__file__).resolve().parent.parent / "legacy" / "kazakhstan-v1.yaml"

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
"""


def _load(tmp_path, body):
    path = tmp_path / "ancien.yaml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return load_source(path)


def _messages(loaded, severity="warning"):
    return {p.field: p.message for p in loaded.problems if p.severity == severity}


def test_the_old_kazakhstan_file_gives_the_tree_of_the_new_one():
    old, new = load_source(V1), load_source(KAZAKHSTAN)
    assert old.ok and new.ok
    old_tree, new_tree = dump(compose(old.fiche)), dump(compose(new.fiche))
    # Differences: the old file calls the Centre's founders "partenaires"; only the
    # desk officer can say they are founders (the warning below asks). And the new file
    # says what its institutes and scholarships are (« introduction », « libelle »): the
    # old one does not, and the fiche invents nothing for it.
    introduction = (
        "    Paragraph: La coopération scientifique et technique est structurée autour de "
        "deux instituts franco-kazakhstanais de formation et de recherche\u00a0:\n"
    )
    assert introduction in new_tree
    assert (
        old_tree.replace(
            "    Paragraph: Créé en 2010.\n    Facts\n      - Partenaires : "
            "université de Lorraine, université nationale Al-Farabi\n",
            "    Paragraph: Créé en 2010 par l’université de Lorraine et l’université nationale "
            "Al-Farabi.\n",
        ).replace("Programmes de bourses :", "Programmes de bourses cofinancés :")
        == new_tree.replace(introduction, "")
    )


def test_one_warning_per_file_then_one_per_renamed_key():
    loaded = load_source(V1)
    warnings = [p for p in loaded.problems if p.severity == "warning"]
    assert [p.message for p in warnings].count(FORMAT_WARNING) == 1
    first = warnings[0]
    assert first.message == FORMAT_WARNING and first.line == 23  # relations_politiques:
    messages = _messages(loaded)
    assert messages["visites.liste[1].personnalite"] == (
        "« personnalite » et « fonction » deviennent « visiteurs » : écrivez « visiteurs: "
        "{nom: François Hollande, fonction: le président de la République} » (la fonction "
        "prend son article : le, la, l')"
    )
    assert messages["cooperation.instituts[1].date"] == (
        "« date » et « evenement » n'en font plus qu'un : écrivez « inauguration: 2014-12-06 »"
    )
    assert (
        "« par: {groupe: les présidents François Hollande et Noursoultan Nazarbaïev} »"
        in (messages["cooperation.instituts[1].precisions"])
    )
    assert "« fondateurs »" in messages["cooperation.instituts[2].partenaires"]
    assert (
        "occasion: la visite du président Mitterrand"
        in (messages["relations_politiques.accords[1].occasion"])
    )


def test_renamed_keys_convert_with_their_exact_new_form(tmp_path):
    loaded = _load(
        tmp_path,
        """\
        presence_francaise:
          communaute:
            nombre: 2000
            approximation: environ
            unite: inscrits au registre
          ambassade:
            residence: à Suva (Fidji)
        """,
    )
    assert loaded.ok, loaded.problems
    messages = _messages(loaded)
    assert messages["presence_francaise.communaute.approximation"] == (
        "« approximation » et « nombre » n'en font plus qu'un : écrivez « nombre: environ 2000 »"
    )
    assert "« ville: Suva », « pays: Fidji »" in messages["presence_francaise.ambassade.residence"]
    text = dump(compose(loaded.fiche)).replace("\u00a0", " ").replace("\u202f", " ")
    assert "Communauté française aux Tonga : environ 2 000 inscrits au registre" in text
    assert "L’ambassade de France à Suva (Fidji) est compétente pour les Tonga." in text


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        (
            """\
            presence_francaise:
              postes:
                - type: section consulaire
                  depuis: l'ambassade à Suva
            """,
            "presence_francaise.postes[1].depuis",
            "« ville: Suva », « pays: Fidji »",
        ),
        (
            """\
            presence_francaise:
              ambassade:
                residence: à Londres
            """,
            "presence_francaise.ambassade.residence",
            "« - type: ambassade », « ville: Suva », « pays: Fidji »",
        ),
        (
            """\
            cooperation:
              instituts:
                - nom: Institut franco-tongien
                  date: 2010
                  evenement: signature
            """,
            "cooperation.instituts[1].evenement",
            "« creation: … »",
        ),
    ],
)
def test_what_cannot_be_converted_is_an_error_saying_what_to_write(tmp_path, body, field, words):
    loaded = _load(tmp_path, body)
    assert not loaded.ok
    errors = _messages(loaded, "error")
    assert words in errors[field]


def test_an_error_in_an_old_file_is_located_in_the_old_keys(tmp_path):
    loaded = _load(
        tmp_path,
        """\
        visites:
          liste:
            - date: 2014-12-04
              sens: vers_le_pays
              personnalite: A
            - date: 2015-13-04
              sens: vers_la_france
              personnalite: B
        """,
    )
    (error,) = [p for p in loaded.problems if p.severity == "error"]
    assert error.field == "visites.liste[2].date" and error.line == 16
    assert "il n'y a pas de mois 13" in error.message


def test_old_section_prefixes_in_references_still_resolve(tmp_path):
    loaded = _load(
        tmp_path,
        """\
        relations_politiques:
          relations_diplomatiques: 1971-06
          texte: Relations établies {relations_politiques.relations_diplomatiques.quand}.
        relations_economiques:
          echanges:
            - {annee: 2020, exportations: 10, importations: 4}
          texte: Le solde est de {relations_economiques.solde} en {annee}.
        """,
    )
    assert loaded.ok, loaded.problems
    text = dump(compose(loaded.fiche)).replace("\u00a0", " ")
    assert "Relations établies en juin 1971." in text
    assert "Le solde est de 6 M EUR en 2020." in text
