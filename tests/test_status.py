"""`status` for both kinds: the Type column, and a presentation's stale and undated
figures, from the manifest when nothing changed, with the limit given."""

import json
import shutil

import pytest

from fiche_pays import manifest as mf
from fiche_pays.cli import main

from conftest import DATA


@pytest.fixture
def pair(tmp_path):
    names = ("kazakhstan.yaml", "tonga.presentation.yaml")
    for name in names:
        shutil.copy(DATA / name, tmp_path / name)
    return [str(tmp_path / name) for name in names]


def _status(capsys, files, out, *options):
    assert main(["status", *files, "--out", str(out), "--today", "2021-06-01", *options]) == 0
    return capsys.readouterr().out


def test_json_lists_stale_and_undated_figures_per_fiche(pair, tmp_path, capsys):
    rows = json.loads(_status(capsys, pair, tmp_path / "out", "--format", "json"))
    relations, tonga = rows
    assert (relations["type"], relations["chiffres_perimes"]) == ("relations", [])
    assert tonga["type"] == "presentation"
    assert tonga["nom"] == "tonga-presentation"
    assert tonga["chiffres_perimes"] == [
        {"champ": "donnees_economiques.chomage", "date": "2010", "age_ans": 7}
    ]
    assert tonga["chiffres_non_dates"] == [
        "donnees_geographiques.capitale.population",
        "donnees_geographiques.monnaie.taux_de_change",
        "donnees_demographiques.alphabetisation",
        "donnees_demographiques.religions",
    ]
    assert tonga["documents"][0].endswith("tonga-presentation.pdf")


def test_table_has_the_kind_and_the_count_of_stale_figures(pair, tmp_path, capsys):
    table = _status(capsys, pair, tmp_path / "out").splitlines()
    assert table[0].split()[:3] == ["Fichier", "Type", "Pays"]
    assert "Chiffres périmés" in table[0]
    relations, tonga = table[1].split(), table[2].split()
    assert relations[1] == "Relations" and "—" in relations
    assert tonga[1:3] == ["Présentation", "Tonga"] and tonga[-2] == "1"


def test_after_a_build_the_figures_come_from_the_manifest(pair, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    assert main(["build", *pair, "--out", str(out), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "[donnees_economiques.chomage.date] : chiffre de 2010" in err
    entries = mf.Manifest.read(out).entries
    (tonga,) = [e for e in entries.values() if e.slug == "tonga-presentation"]
    assert ["donnees_economiques.chomage", "2010"] in [f.as_list()[:2] for f in tonga.figures]
    # Nothing changed: no YAML is read, yet the figures are there, with any limit.
    import fiche_pays.status as status

    monkeypatch.setattr(status, "load_source", lambda path: pytest.fail(f"read {path}"))
    rows = json.loads(_status(capsys, pair, out, "--format", "json", "--stale-figures-years", "1"))
    assert [f["champ"] for f in rows[1]["chiffres_perimes"]] == [
        "donnees_demographiques.esperance_de_vie",
        "donnees_demographiques.idh",
        "donnees_economiques.pib_par_habitant",
        "donnees_economiques.croissance",
        "donnees_economiques.chomage",
        "donnees_economiques.inflation",
        "donnees_economiques.principaux_clients",
        "donnees_economiques.principaux_fournisseurs",
    ]
    # A build with nothing to do still says there are stale figures, once, not per field
    # (they were listed when the fiche was built; validate and status list them).
    assert main(["build", *pair, "--out", str(out), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert "0 construite(s), 2 inchangée(s)" in captured.out
    assert "chiffre de 2010" not in captured.err
    assert (
        "1 fiche inchangée a des chiffres anciens : fiche-pays validate pour le détail"
        in captured.err.splitlines()
    )


def test_an_update_after_today_is_an_error_never_a_negative_age(pair, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", pair[0], "--out", str(out)]) == 0
    capsys.readouterr()
    # Read from the manifest (built) or from the file (never built): same answer.
    args = ["status", *pair, "--out", str(out), "--today", "2010-01-01", "--format", "json"]
    assert main(args) == 0
    captured = capsys.readouterr()
    rows = json.loads(captured.out)
    assert [(r["etat"], r["age_mois"], r["perimee"]) for r in rows] == [
        ("invalide", None, None)
    ] * 2
    assert (
        f"{pair[0]}: erreur [document.mise_a_jour] : date de mise à jour dans le futur "
        "(5 mai 2021, nous sommes le 1er janvier 2010)"
    ) in captured.err
    table_args = ["status", *pair, "--out", str(out), "--today", "2010-01-01"]
    assert main(table_args) == 0
    assert "-" not in "".join(line.split()[4] for line in capsys.readouterr().out.splitlines()[1:])
