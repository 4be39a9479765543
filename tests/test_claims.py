"""One document name, one data file: ``validate`` and ``status`` refuse what ``build``
refuses, by the same rule (claims.py) on the same manifest."""

import json
import shutil

from fiche_pays.cli import main

from conftest import KAZAKHSTAN


def _run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _errors(err):
    return [line for line in err.splitlines() if ": erreur" in line]


def test_validate_refuses_what_build_refuses(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    first, copy = "data/kazakhstan.yaml", "data/kazakhstan-copie.yaml"
    shutil.copy(KAZAKHSTAN, first)
    shutil.copy(KAZAKHSTAN, copy)
    message = "même pays que {} : les deux fiches produiraient kazakhstan.pdf ; gardez un seul "
    # Never built: which file build would keep is not for the user to guess; both refused.
    code, out, err = _run(capsys, "validate")
    assert code == 1
    line = KAZAKHSTAN.read_text("utf-8").splitlines().index("  nom: Kazakhstan") + 1
    assert _errors(err) == [
        f"{copy}:{line}:3: erreur [pays.nom] : {message.format(first)}fichier par pays",
        f"{first}:{line}:3: erreur [pays.nom] : {message.format(copy)}fichier par pays",
    ]
    assert out.strip() == "2 fichiers vérifiés : 0 valide, 2 invalides (2 erreurs)"
    # Built from the first file: the copy alone is refused, by validate as by build.
    shutil.move(copy, tmp_path / "aside.yaml")
    assert _run(capsys, "build", first, "-j", "1")[0] == 0
    shutil.move(tmp_path / "aside.yaml", copy)
    code, out, err = _run(capsys, "validate")
    assert code == 1 and _errors(err) == [
        f"{copy}:{line}:3: erreur [pays.nom] : {message.format(first)}fichier par pays"
    ]
    code, _, build_err = _run(capsys, "build", copy, "-j", "1")
    assert code == 1 and f"{copy}: erreur : {message.format(first)}" in build_err
    assert _run(capsys, "validate", first)[0] == 0
    # status shows the copy as an error, not as « à reconstruire ».
    code, out, err = _run(capsys, "status", "--format", "json")
    assert code == 0
    states = {row["fichier"]: (row["etat"], row["valide"]) for row in json.loads(out)}
    assert states == {first: ("a_jour", True), copy: ("invalide", False)}
    assert _errors(err) == [f"{copy}: erreur : {message.format(first)}fichier par pays"]
    # Once the copy is gone, nothing is refused.
    (tmp_path / copy).unlink()
    assert _run(capsys, "validate")[0] == 0


def test_validate_reads_the_manifest_of_the_output_folder_given(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    first, copy = tmp_path / "a.yaml", tmp_path / "b.yaml"
    shutil.copy(KAZAKHSTAN, first)
    assert _run(capsys, "build", str(first), "--out", "docs", "-j", "1")[0] == 0
    shutil.copy(KAZAKHSTAN, copy)
    assert _run(capsys, "validate", str(copy))[0] == 0  # output/ holds nothing
    code, _, err = _run(capsys, "validate", str(copy), "--out", "docs")
    assert code == 1 and "même pays que a.yaml" in err
