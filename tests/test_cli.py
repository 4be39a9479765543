"""The command line: build, validate, schema, usage errors."""

import json
import textwrap

import pytest

from fiche_pays.cli import main

from conftest import KAZAKHSTAN, docx_text, pdf_text

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
