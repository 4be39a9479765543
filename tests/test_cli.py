"""The command line: build, validate, schema, usage errors."""

import json
import shutil
import textwrap

import pytest

from fiche_pays.cli import main

from conftest import DATA, KAZAKHSTAN, docx_text, pdf_text

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
    assert "1 valide(s), 0 erreur(s)" in capsys.readouterr().out


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
    assert "1 valide(s), 0 erreur(s)" in captured.out
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
    out = capsys.readouterr().out
    assert "2 fiche(s) : 2 construite(s)" in out
    assert sorted(p.name for p in (tmp_path / "output").iterdir() if p.name[0] != ".") == [
        "kazakhstan-presentation.docx",
        "kazakhstan-presentation.pdf",
        "kazakhstan.docx",
        "kazakhstan.pdf",
    ]
    text = pdf_text(tmp_path / "output" / "kazakhstan-presentation.pdf")
    assert "Présentation du pays" in text and "Mise à jour : 17 septembre 2022" in text
