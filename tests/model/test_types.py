"""What validates, builds: every bound is in the model, with its French message; a value
at the bound renders in both formats, the value beyond it is refused at its field."""

import datetime as dt
import io
import re

import pytest

from fiche_pays import compose, render
from fiche_pays.loader.load import load_source
from fiche_pays.model.types import MAX_NUMBER, MIN_NUMBER
from fiche_pays.theme.load import load_theme

from conftest import DATA, KAZAKHSTAN

RELATIONS = KAZAKHSTAN.read_text(encoding="utf-8")
PRESENTATION = (DATA / "kazakhstan.presentation.yaml").read_text(encoding="utf-8")


def _edited(tmp_path, text, edits, name="fiche.yaml", today=None):
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_source(path, today)


def _builds(loaded) -> None:
    assert loaded.ok, [str(p) for p in loaded.problems]
    theme = load_theme()
    document = compose(loaded.fiche, theme.wording())
    for fmt in ("pdf", "docx"):
        stream = io.BytesIO()
        render(document, fmt, stream, theme)
        assert len(stream.getvalue()) > 1000


def _refused(loaded, field: str, *words: str) -> None:
    errors = [p for p in loaded.problems if p.severity == "error"]
    assert [p.field for p in errors] == [field], [str(p) for p in errors]
    assert all(word in errors[0].message for word in words), errors[0].message
    assert errors[0].line is not None


# Amounts: the largest and the smallest a fiche may hold both build.
AT_THE_BOUNDS = {
    "montants maximaux": [
        ("exportations: 594", f"exportations: {MAX_NUMBER}"),
        ("importations: 1577", f"importations: {MAX_NUMBER}"),
        ("valeurs: {2019: 2975, 2020: 1449}", f"valeurs: {{2019: 2975, 2020: {MAX_NUMBER}}}"),
    ],
    "montants minimaux": [  # growths of +5,94e10 %, shares of tiny totals
        ("exportations: 424", f"exportations: {MIN_NUMBER}"),
        ("valeurs: {2019: 67.6, 2020: 194}", f"valeurs: {{2019: {MIN_NUMBER}, 2020: 194}}"),
    ],
    "effectif maximal": [("nombre: 289", f"nombre: {MAX_NUMBER}")],
    "dernière date": [("mise_a_jour: 2021-05-05", "mise_a_jour: 2107-12-31")],
    "nom de 100 caractères": [("nom: Kazakhstan", "nom: " + "Kazakhstan" * 10)],
    "nom aux lettres décomposables": [("nom: Kazakhstan", "nom: " + "ǅ" * 50)],
}


@pytest.mark.parametrize("edits", AT_THE_BOUNDS.values(), ids=AT_THE_BOUNDS.keys())
def test_a_value_at_a_bound_builds(tmp_path, edits):
    # On the last day a DOCX can hold, that day is not in the future.
    _builds(_edited(tmp_path, RELATIONS, edits, today=dt.date(2107, 12, 31)))


BEYOND = {
    "1e28": (
        [("exportations: 594", "exportations: 1e28")],
        "relations_economiques[3].echanges[2].exportations",
        ["trop grand", "millions"],
    ),
    "1e30 au solde": (
        [("importations: 1577", "importations: 1577\n        solde: -1e30")],
        "relations_economiques[3].echanges[2].solde",
        ["trop grand"],
    ),
    "1e-320": (
        [("exportations: 424", "exportations: 1e-320")],
        "relations_economiques[3].echanges[1].exportations",
        ["trop petit", "écrivez 0"],
    ),
    "effectif 1e16": (
        [("nombre: 289", "nombre: 10000000000000000")],
        "presence_francaise[1].communaute.nombre",
        ["trop grand"],
    ),
    # The fuzz finding (Babel's decimal.InvalidOperation at composition): a count is an
    # Approx, read by its own parser, which the Record-wide number check does not see.
    "effectif 1e29 en chiffres": (
        [("nombre: 289", "nombre: " + "1" + "0" * 29)],
        "presence_francaise[1].communaute.nombre",
        ["trop grand", "au plus 1\u202f000\u202f000"],
    ),
    "effectif « environ » 1e29": (
        [("nombre: 289", 'nombre: "environ 100' + " 000" * 9 + '"')],
        "presence_francaise[1].communaute.nombre",
        ["trop grand"],
    ),
    "2108": (
        [("mise_a_jour: 2021-05-05", "mise_a_jour: 2108-01-01")],
        "document.mise_a_jour",
        ["trop lointaine", "31 décembre 2107"],
    ),
    "2201 pour 2021": (
        [("mise_a_jour: 2021-05-05", "mise_a_jour: 2201-05-05")],
        "document.mise_a_jour",
        ["faute de frappe"],
    ),
    "nom de 10 000 caractères": (
        [("nom: Kazakhstan", "nom: " + "K" * 10_000)],
        "pays.nom",
        ["nom trop long (10\u202f000 caractères)", "100 au plus"],
    ),
    "nom qui s'allonge en nom de fichier": (
        [("nom: Kazakhstan", "nom: " + "℡" * 40)],  # "TEL" each, once decomposed
        "pays.nom",
        ["nom trop long"],
    ),
}


@pytest.mark.parametrize(("edits", "field", "words"), BEYOND.values(), ids=BEYOND.keys())
def test_a_value_beyond_a_bound_is_refused_at_its_field(tmp_path, edits, field, words):
    _refused(_edited(tmp_path, RELATIONS, edits), field, *words)


def test_presentation_figures_are_bounded_too(tmp_path):
    loaded = _edited(
        tmp_path,
        PRESENTATION,
        [("superficie: {valeur: 2724900}", "superficie: {valeur: 1e28}")],
        "kazakhstan.presentation.yaml",
    )
    errors = [p for p in loaded.problems if p.severity == "error"]
    assert errors and all("trop grand" in p.message for p in errors), [str(p) for p in errors]


BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]


@pytest.mark.parametrize("char", BIDI, ids=[f"U+{ord(c):04X}" for c in BIDI])
@pytest.mark.parametrize(
    ("old", "field"),
    [
        ("nom: Kazakhstan", "pays.nom"),
        ("titre: Relations bilatérales", "document.titre"),
        ("url: https://kz.ambafrance.org/", "informations_complementaires[2].url"),
    ],
)
def test_bidi_controls_are_refused_like_other_control_characters(tmp_path, char, old, field):
    key, value = old.split(": ", 1)
    edit = f"{key}: {value[:4]}{char}{value[4:]}"
    text = (
        RELATIONS if old in RELATIONS else RELATIONS.replace("document:\n", f"document:\n  {old}\n")
    )
    loaded = _edited(tmp_path, text, [(old, edit)])
    _refused(loaded, field, f"caractère de contrôle invisible U+{ord(char):04X}", "position 5")


def test_a_url_with_a_space_says_so(tmp_path):
    loaded = _edited(
        tmp_path, RELATIONS, [("url: https://kz.ambafrance.org/", "url: https://a.b/ c")]
    )
    errors = [p for p in loaded.problems if p.severity == "error"]
    assert len(errors) == 1
    assert "elle contient une espace (position 13)" in errors[0].message
    assert "commencer par https://" not in errors[0].message


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (
            "kz.ambafrance.org",
            "adresse « kz.ambafrance.org » invalide : elle doit commencer par https:// (ou "
            "http://) ; écrivez https://kz.ambafrance.org",
        ),
        ("ftp://kz.ambafrance.org", "elle doit commencer par https:// (ou http://)"),
        ("http://", "un nom de site doit suivre https:// (ou http://)"),
    ],
)
def test_a_url_message_says_what_is_accepted(tmp_path, url, words):
    loaded = _edited(tmp_path, RELATIONS, [("url: https://kz.ambafrance.org/", f"url: {url}")])
    (error,) = [p for p in loaded.problems if p.severity == "error"]
    assert words in error.message
    http = _edited(tmp_path, RELATIONS, [("url: https://", "url: http://")])
    assert http.ok  # http:// is accepted, as the message says


def test_numbers_in_messages_are_written_in_french(tmp_path):
    loaded = _edited(tmp_path, RELATIONS, [("exportations: 424", "exportations: 0.0000001")])
    (error,) = [p for p in loaded.problems if p.severity == "error"]
    assert error.message.startswith("nombre 0,0000001 trop petit")
    loaded = _edited(tmp_path, RELATIONS, [("exportations: 594", "exportations: 1e28")])
    (error,) = [p for p in loaded.problems if p.severity == "error"]
    assert error.message.startswith("nombre 1 × 10²⁸ trop grand")
    assert not re.search(r"\de[-+]?\d", error.message)
