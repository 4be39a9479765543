"""Editing a data file in place: only the value changes, every other byte stays."""

import difflib

import pytest

from fiche_pays.apply import yamledit
from fiche_pays.loader import yamlsource

from conftest import ROOT

# The editor knows no data format: it is tried on a file of the old form, whose deep
# mappings and lists of mappings exercise it well (the block form is tried end to end
# in test_engine).
TEXT = (ROOT / "tests" / "legacy" / "kazakhstan-v1.yaml").read_text(encoding="utf-8")
VISIT_KEYS = ["date", "fin", "sens", "personnalite", "fonction", "lieu", "objet"]


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_a_number_changes_on_its_line_only():
    after = yamledit.set_value(TEXT, ("presence_francaise", "communaute", "nombre"), 300)
    assert changed_lines(TEXT, after) == ["-    nombre: 289", "+    nombre: 300"]


def test_a_block_text_changes_on_the_edited_line_only():
    data, _ = yamlsource.parse(TEXT)
    text = data["relations_politiques"]["texte"].replace("annuelles", "semestrielles")
    after = yamledit.set_value(TEXT, ("relations_politiques", "texte"), text)
    assert changed_lines(TEXT, after) == [
        "-    et il a été convenu en 2021 d'établir des consultations annuelles entre les "
        "ministères",
        "+    et il a été convenu en 2021 d'établir des consultations semestrielles entre les "
        "ministères",
    ]
    # comments of the file are all still there
    assert [x for x in after.splitlines() if x.lstrip().startswith("#")] == [
        x for x in TEXT.splitlines() if x.lstrip().startswith("#")
    ]


def test_a_folded_text_keeps_its_untouched_lines():
    data, _ = yamlsource.parse(TEXT)
    purpose = data["visites"]["liste"][2]["objet"].replace("l'Asie", "les pays d'Asie")
    after = yamledit.set_value(TEXT, ("visites", "liste", 2, "objet"), purpose)
    assert changed_lines(TEXT, after) == [
        "-        l'Asie centrale",
        "+        les pays d'Asie centrale",
    ]


def test_a_missing_key_is_added_in_the_model_order():
    after = yamledit.set_value(TEXT, ("visites", "liste", 4, "lieu"), "Almaty", VISIT_KEYS)
    assert changed_lines(TEXT, after) == ["+      lieu: Almaty"]
    lines = after.splitlines()
    assert (
        lines[lines.index("      lieu: Almaty") - 1]
        == "      fonction: ministre de l'Économie et des Finances"
    )


def test_keys_and_items_are_removed_and_appended_whole():
    after = yamledit.set_value(TEXT, ("visites", "liste", 0, "fin"), None)
    assert changed_lines(TEXT, after) == ["-      fin: 2014-12-05"]
    item = {"date": "2022-05-01", "sens": "vers_le_pays", "personnalite": "X Y"}
    after = yamledit.set_value(TEXT, ("visites", "liste", 6), item)
    assert changed_lines(TEXT, after) == [
        "+    - date: 2022-05-01",
        "+      sens: vers_le_pays",
        "+      personnalite: X Y",
    ]
    after = yamledit.set_value(TEXT, ("relations_economiques", "secteurs", 4), None)
    assert changed_lines(TEXT, after) == ["-    - ferroviaire"]


def test_inline_mappings_and_quoting():
    after = yamledit.set_value(
        TEXT, ("relations_economiques", "produits", 0, "valeurs", 2020), 1500
    )
    assert changed_lines(TEXT, after) == [
        "-      valeurs: {2019: 2975, 2020: 1449}",
        "+      valeurs: {2019: 2975, 2020: 1500}",
    ]
    after = yamledit.set_value(TEXT, ("document", "service"), "Direction : Europe # Asie")
    assert changed_lines(TEXT, after)[-1] == '+  service: "Direction : Europe # Asie"'


def test_a_new_text_is_a_literal_block():
    after = yamledit.set_value(
        TEXT, ("presence_francaise", "texte"), "Un.\n\nDeux.\n", ["communaute", "postes", "texte"]
    )
    assert changed_lines(TEXT, after) == ["+  texte: |", "+    Un.", "+", "+    Deux."]


def test_windows_line_ends_are_kept():
    text = TEXT.replace("\n", "\r\n")
    after = yamledit.set_value(text, ("visites", "liste", 4, "lieu"), "Almaty", VISIT_KEYS)
    assert "      lieu: Almaty\r\n" in after
    assert after.replace("      lieu: Almaty\r\n", "") == text


def test_an_edit_that_would_not_read_back_is_refused():
    with pytest.raises(yamledit.EditError):
        yamledit.set_value("a: [1, 2]\n", ("a", 0), None)


def test_windows_line_ends_in_block_texts():
    text = TEXT.replace("\n", "\r\n")
    data, _ = yamlsource.parse(text)
    prose = data["relations_politiques"]["texte"].replace("annuelles", "semestrielles")
    after = yamledit.set_value(text, ("relations_politiques", "texte"), prose)
    assert after.count("\r\n") == text.count("\r\n") == after.count("\n")
    assert len(changed_lines(text.replace("\r", ""), after.replace("\r", ""))) == 2
