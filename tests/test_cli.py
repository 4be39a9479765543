"""The command line: build, validate, schema, usage errors."""

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap

import pytest

from fiche_pays.cli import main

from conftest import DATA, KAZAKHSTAN, ROOT, docx_text, pdf_text

MINIMAL = """\
pays:
  nom: Kazakhstan
  code: KZ
  au: au Kazakhstan
  du: du Kazakhstan
  le: le Kazakhstan
  adjectif: kazakhstanais
document:
  mise_a_jour: 2021-05-05
"""


def _write(tmp_path, text, name="fiche.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_both_documents_carry_the_country_and_update(built):
    for text in (pdf_text(built["pdf"]), docx_text(built["docx"])):
        assert "Kazakhstan" in text
    assert "Mise à jour : 5 mai 2021" in pdf_text(built["pdf"])
    assert "Mise à jour : 5 mai 2021" in docx_text(built["docx"])


def test_every_error_of_every_file_is_reported_at_once(tmp_path, capsys):
    first = _write(
        tmp_path,
        MINIMAL.replace("code: KZ", "code: kz").replace("2021-05-05", "2021-02-31"),
        "a.yaml",
    )
    second = _write(tmp_path, MINIMAL + "visites: [1]\n", "b.yaml")
    assert main(["validate", str(first), str(second)]) == 1
    err = capsys.readouterr().err
    assert f"{first}:3:" in err and "pays.code" in err
    assert f"{first}:9:" in err and "le 31 février 2021 n'existe pas" in err
    assert f"{second}:10:" in err and "visites" in err
    assert "Traceback" not in err


def test_validate_succeeds_on_the_bundled_data(capsys):
    assert main(["validate", str(KAZAKHSTAN)]) == 0
    assert "1 valide, 0 invalide (0 erreur)" in capsys.readouterr().out


def test_github_error_format(tmp_path, capsys):
    path = _write(tmp_path, MINIMAL.replace("code: KZ", "code: 12"))
    assert main(["validate", "--error-format", "github", str(path)]) == 1
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"::error file={path},line=3,col=")
    assert "title=pays.code" in line


def test_schema_is_json_with_french_keys(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"pays", "document", "relations_economiques", "visites"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--format", "odt"])
    assert exit_info.value.code == 2
    assert "erreur d'utilisation" in capsys.readouterr().err


def test_schema_of_each_kind(capsys):
    assert main(["schema", "--type", "presentation"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"pays", "document", "donnees_demographiques", "elements_d_actualite"} <= set(
        schema["properties"]
    )
    assert "visites" not in schema["properties"]
    assert schema["title"] == "Fiche pays « Présentation du pays » (fiche-pays)"
    assert main(["schema", "--type", "relations"]) == 0
    assert "visites" in json.loads(capsys.readouterr().out)["properties"]


def test_validate_warns_of_stale_figures_with_a_settable_limit(capsys):
    tonga = str(DATA / "tonga.presentation.yaml")  # unemployment of 2010, updated in 2017
    assert main(["validate", tonga]) == 0
    captured = capsys.readouterr()
    assert "1 valide, 0 invalide (0 erreur)" in captured.out
    (warning,) = [line for line in captured.err.splitlines() if "avertissement" in line]
    assert warning.startswith(f"{tonga}:")
    assert warning.endswith(
        "avertissement [donnees_economiques.chomage.date] : chiffre de 2010, antérieur de 7 ans "
        "à la mise à jour de la fiche (1er juillet 2017) : à actualiser (limite : 3 ans)"
    )
    assert main(["validate", tonga, "--stale-figures-years", "8"]) == 0
    assert "avertissement" not in capsys.readouterr().err


def test_the_bundled_kazakhstan_pair_gives_four_documents(tmp_path, capsys, monkeypatch):
    (tmp_path / "data").mkdir()
    for name in ("kazakhstan.yaml", "kazakhstan.presentation.yaml"):
        shutil.copy(DATA / name, tmp_path / "data" / name)
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    out = captured.out
    assert "2 fiche(s) : 2 construite(s)" in out
    # Age warnings: in full for the fiches built…
    assert (
        "data/kazakhstan.yaml: avertissement : fiche mise à jour le 5 mai 2021, il y a plus "
        "de 12 mois" in captured.err
    )
    assert "inchangée" not in captured.err
    # …once, as a count, when nothing is rebuilt.
    assert main(["build", "--jobs", "1"]) == 0
    again = capsys.readouterr()
    assert "2 fiche(s) : 0 construite(s), 2 inchangée(s)" in again.out
    assert "fiche mise à jour le" not in again.err
    assert again.err.splitlines() == [
        "2 fiches inchangées ont plus de 12 mois : fiche-pays status pour le détail"
    ]
    assert sorted(p.name for p in (tmp_path / "output").iterdir() if p.name[0] != ".") == [
        "kazakhstan-presentation.docx",
        "kazakhstan-presentation.pdf",
        "kazakhstan.docx",
        "kazakhstan.pdf",
    ]
    text = pdf_text(tmp_path / "output" / "kazakhstan-presentation.pdf")
    assert "Présentation du pays" in text and "Mise à jour : 17 septembre 2022" in text


# --- the command line in French ---------------------------------------------------------

ENGLISH = re.compile(
    r"\b(usage|positional|arguments?:|optional|show|help message|exit|invalid|choose|"
    r"required|unrecognized|expected|error|the following|default)\b",
    re.IGNORECASE,
)
OPTION = re.compile(r"--[a-z-]+")  # option names are not prose: --error-format


def _commands() -> list[str]:
    import argparse

    from fiche_pays.arguments import in_french, parser

    with in_french():
        top = parser()
    (action,) = [a for a in top._actions if isinstance(a, argparse._SubParsersAction)]
    return list(action.choices)


COMMANDS = _commands()  # every command, those added later included


def _run_process(*args, cwd=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "fiche_pays", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["", *COMMANDS])
def test_every_help_is_french_and_every_option_explained(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("utilisation : fiche-pays")
    assert not ENGLISH.search(OPTION.sub("", text)), ENGLISH.search(OPTION.sub("", text))
    assert "afficher cette aide et quitter" in text
    # Every option and argument has its line of help.
    lines = text.split("\n\n", 2)[-1].splitlines()
    for index, line in enumerate(lines):
        entry = line.strip()
        if line.startswith("  ") and entry.startswith("-") and "  " not in entry:
            following = lines[index + 1] if index + 1 < len(lines) else ""
            assert following.startswith(" " * 10), f"sans aide : {entry}"


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["", *COMMANDS])
def test_every_help_reads_well_in_80_columns(command, capsys, monkeypatch):
    """No line over 80 columns; no line starts with a colon, semicolon, question mark or
    closing guillemet, or ends with an opening one; "(défaut : all)" is never cut; an
    exit code stays with its meaning."""
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    text = capsys.readouterr().out
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    for line in lines:
        entry = line.strip()
        assert not re.match(r"[:;?!»]", entry), line
        assert not re.search(r"(«|défaut\s*:?|\b\d)$", entry), line
    defaults = re.findall(r"défaut(.)?:(.)", text)
    assert defaults or "défaut" not in text
    assert all(before == after == "\u00a0" for before, after in defaults), defaults


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["biuld"], "commande « biuld » inconnue ; vouliez-vous dire « build » ?"),
        (["statut"], "commande « statut » inconnue ; vouliez-vous dire « status » ?"),
        (
            ["build", "--formt", "pdf"],
            "option inconnue : --formt ; vouliez-vous dire « --format » ?",
        ),
        (["build", "--format", "pdff"], "valeur « pdff » inconnue ; vouliez-vous dire « pdf » ?"),
        (["build", "-j", "0"], "argument --jobs/-j : doit être au moins 1 : 0"),
        (["status", "--today", "2020-13-01"], "date impossible : il n'y a pas de mois 13"),
        (
            ["new", "Royaume-Uni", "--date", "2026-02-30"],
            "date impossible : le 30 février 2026 n'existe pas (février 2026 a 28 jours)",
        ),
        (["status", "--today", "2020-1-1"], "date AAAA-MM-JJ attendue : 2020-1-1"),
        (["validate", "--error-format"], "argument --error-format : une valeur est attendue"),
        (["reference-docx"], "il manque : MODÈLE"),
        (["schema", "en-trop"], "argument en trop : en-trop"),
    ],
)
def test_usage_errors_are_french_with_a_suggestion_and_exit_2(args, expected, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert expected in err and "erreur d'utilisation" in err
    assert err.startswith("utilisation : fiche-pays")
    assert not ENGLISH.search(OPTION.sub("", err)), err


def test_no_command_shows_the_help_and_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
    assert "COMMANDE" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["build", "validate", "status"])
def test_a_missing_or_empty_data_folder_is_wrong_usage(command, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main([command]) == 2
    assert "pas de dossier data/ dans" in capsys.readouterr().err
    (tmp_path / "data").mkdir()
    assert main([command]) == 2
    assert "aucun fichier de données dans data/" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["build"], ["status"], ["reference-docx"]])
def test_an_unknown_template_is_wrong_usage(command, capsys):
    args = (
        [*command, "--template", "inconu"]
        if command != ["reference-docx"]
        else [
            *command,
            "inconu",
        ]
    )
    assert main([*args, str(KAZAKHSTAN)] if command == ["build"] else args) == 2
    err = capsys.readouterr().err
    assert "erreur d'utilisation" in err and "modèle introuvable" in err and "officiel" in err
    # Named as typed: an option, or the positional argument of reference-docx.
    typed = "modèle « inconu » :" if command == ["reference-docx"] else "--template inconu :"
    assert typed in err and ("--template" in err) == (command != ["reference-docx"])


@pytest.mark.parametrize("value", ["99999999999", "²", "-5", "1e9", "demain"])
def test_a_bad_source_date_epoch_is_wrong_usage(value, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    for command in (["build", "--out", str(tmp_path)], ["status", "--out", str(tmp_path)]):
        assert main([*command, str(KAZAKHSTAN)]) == 2
        err = capsys.readouterr().err
        assert "variable SOURCE_DATE_EPOCH : valeur" in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_source_date_epoch_is_in_the_build_key(tmp_path, monkeypatch, capsys):
    out = str(tmp_path)
    assert main(["build", str(KAZAKHSTAN), "--out", out]) == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert main(["status", str(KAZAKHSTAN), "--out", out, "--format", "json"]) == 0
    assert '"etat": "a_reconstruire"' in capsys.readouterr().out
    assert main(["build", str(KAZAKHSTAN), "--out", out]) == 0
    assert "1 construite(s)" in capsys.readouterr().out
    assert main(["build", str(KAZAKHSTAN), "--out", out]) == 0
    assert "0 construite(s), 1 inchangée(s)" in capsys.readouterr().out
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert main(["build", str(KAZAKHSTAN), "--out", out]) == 0
    assert "1 construite(s)" in capsys.readouterr().out


# --- output streams ---------------------------------------------------------------------


@pytest.mark.slow
def test_a_closed_pipe_is_not_an_error(tmp_path):
    for command in (["schema"], ["--help"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "fiche_pays", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        process.stdout.read(10)  # like `| head -c 10`, then the reader goes away
        process.stdout.close()
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=60) == 0, stderr
        assert stderr == ""


@pytest.mark.slow
def test_a_build_whose_reader_goes_away_still_builds(tmp_path):
    out = tmp_path / "sortie"
    process = subprocess.Popen(
        [sys.executable, "-m", "fiche_pays", "build", str(KAZAKHSTAN), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    process.stdout.close()  # `fiche-pays build 2>&1 | head -0`
    assert process.wait(timeout=120) == 0
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "kazakhstan.docx",
        "kazakhstan.pdf",
    ]


@pytest.mark.slow
def test_an_ascii_output_does_not_fail_the_run(tmp_path):
    result = _run_process(
        "build", str(KAZAKHSTAN), "--out", str(tmp_path), env={"PYTHONIOENCODING": "ascii"}
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "1 fiche(s) : 1 construite(s), 0 inchangee(s), 0 en echec - " in result.stdout
    assert "mise a jour le 5 mai 2021" in result.stderr


def test_status_json_is_for_machines_as_the_readme_says(tmp_path, capsys):
    assert main(["build", str(KAZAKHSTAN), "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["status", str(KAZAKHSTAN), "--out", str(tmp_path), "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for key in row:
        assert f"`{key}`" in readme
    for state in ("a_jour", "a_reconstruire", "absents", "invalide"):
        assert f"`{state}`" in readme
    assert all(re.fullmatch(r"[a-z_]+", key) for key in row)
    assert row["etat"] == "a_jour" and row["perimee"] is True and row["age_mois"] > 12
