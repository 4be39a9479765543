"""Presentation files written before their leaders became the persons of every fiche
keep working: the same document, and a warning per key saying exactly what to write."""

import re
from pathlib import Path

import pytest

from fiche_pays import compose
from fiche_pays.dump import dump
from fiche_pays.loader.load import load_source

DATA = Path(__file__).resolve().parents[2] / "data"


def _old_form(name: str, tmp_path: Path, *replacements: tuple[str, str]) -> tuple:
    """The gallery file and the same file written the old way."""
    new = DATA / f"{name}.presentation.yaml"
    text = new.read_text(encoding="utf-8")
    for pattern, replacement in replacements:
        text, count = re.subn(pattern, replacement, text)
        assert count, pattern
    old = tmp_path / f"{name}.presentation.yaml"
    old.write_text(text, encoding="utf-8")
    return load_source(old), load_source(new)


def _warnings(loaded) -> dict[str, tuple[int, str]]:
    return {
        p.field: (p.line, p.message)
        for p in loaded.problems
        if p.severity == "warning" and "chiffre de" not in p.message
    }


def test_a_sovereigns_civility_becomes_civility_and_function(tmp_path):
    new_form = r"civilite: S\.M\..*\n    fonction: le Roi\n"
    old, new = _old_form("tonga", tmp_path, (new_form, "civilite: S.M. le Roi\n"))
    assert old.ok and dump(compose(old.fiche)) == dump(compose(new.fiche))
    line, message = _warnings(old)["donnees_generales.chef_de_l_etat.civilite"]
    assert message == (
        "« civilite: S.M. le Roi » s'écrit désormais en deux champs : « civilite: S.M. » et "
        "« fonction: le Roi » (la ligne reste « S.M. le Roi Tupou VI »)"
    )
    assert old.source.locate(("donnees_generales", "chef_de_l_etat", "civilite"))[0] == line


def test_a_title_typed_as_civility_becomes_the_function(tmp_path):
    old, new = _old_form(
        "mongolie", tmp_path, (r"fonction: le Président .*\n", "civilite: Président\n")
    )
    assert old.ok and dump(compose(old.fiche)) == dump(compose(new.fiche))
    assert _warnings(old)["donnees_generales.chef_de_l_etat.civilite"][1] == (
        "« Président » n'est pas une civilité (M., Mme, Dr, Pr, S.M., S.A., S.A.R.) mais une "
        "fonction : écrivez « fonction: le Président » à la place de « civilite: Président » "
        "(la ligne l'imprime sans article : « Président Khaltmaa BATTULGA »)"
    )


def test_ministers_functions_get_their_determiner(tmp_path):
    old, new = _old_form("benin", tmp_path, (r"fonction: le ", "fonction: "))
    assert old.ok and dump(compose(old.fiche)) == dump(compose(new.fiche))
    warnings = _warnings(old)
    assert warnings["gouvernement.membres[2].fonction"][1] == (
        "la fonction s'écrit désormais avec son article (la liste l'imprime sans) : écrivez "
        "« fonction: le Garde des sceaux, Ministre de la Justice et de la Législation »"
    )
    assert len(warnings) == 4


@pytest.mark.parametrize(
    ("civility", "fields", "feminine"),
    [("Dre", {"civilite": "Dr", "genre": "féminin"}, True), ("Mme", {"civilite": "Mme"}, True)],
)
def test_feminine_titles_of_old_files(tmp_path, civility, fields, feminine):
    old, _ = _old_form("kazakhstan", tmp_path, (r"civilite: M\. ", f"civilite: {civility} "))
    head = old.fiche.general.head_of_state
    assert head.civility == fields["civilite"] and head.feminine is feminine
    assert "Kassym-Jomart Tokaïev (née le 17" in dump(compose(old.fiche))


def test_an_unknown_abbreviation_is_left_to_validation(tmp_path):
    old, _ = _old_form("kazakhstan", tmp_path, (r"civilite: M\. ", "civilite: Mgr. "))
    errors = [p for p in old.problems if p.severity == "error"]
    assert [p.field for p in errors] == ["donnees_generales.chef_de_l_etat.civilite"]
    assert "S.A.R." in errors[0].message
