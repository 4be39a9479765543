"""The manifest: strict shape, pruning, keys that do not depend on a path's spelling,
temporary files created exclusively."""

import json
import os
import time

import pytest

from fiche_pays import manifest as mf
from fiche_pays.build import build
from fiche_pays.cli import main
from fiche_pays.lookcache import CACHE_NAME
from fiche_pays.problems import DataError

from conftest import KAZAKHSTAN

MANIFEST = mf.MANIFEST_NAME
LOOK_RECORD = CACHE_NAME


@pytest.fixture
def fiche(tmp_path, monkeypatch):
    """A project folder with data/kazakhstan.yaml, as the working folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "kazakhstan.yaml"
    path.write_bytes(KAZAKHSTAN.read_bytes())
    return path


DEEP = "[" * 100_000 + "]" * 100_000
WRONG_SHAPES = {
    "liste": "[1,2,3]",
    "null": "null",
    "entrées en liste": '{"format":1,"version":"0.1.0","entries":[]}',
    "autre format": '{"format":99,"version":"0.1.0","entries":{}}',
    "sans version": '{"format":1,"entries":{}}',
    "entrée incomplète": '{"format":1,"version":"x","entries":{"a":{"slug":"a"}}}',
    "taille négative": '{"format":1,"version":"x","entries":{"a":{"data_hash":"","inputs":"",'
    '"slug":"a","country":"","updated":"","outputs":{"pdf":-1}}}}',
    "profond": DEEP,
    "tronqué": '{"format":1,"version":"0.1.0","entr',
    "binaire": "\x00\xff",
}


@pytest.mark.parametrize("text", WRONG_SHAPES.values(), ids=WRONG_SHAPES.keys())
def test_a_manifest_of_the_wrong_shape_is_ignored_with_a_warning_and_rebuilt(fiche, capsys, text):
    out = fiche.parent.parent / "output"
    out.mkdir()
    (out / MANIFEST).write_text(text, encoding="utf-8", errors="surrogateescape")
    assert main(["status", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "avertissement : manifeste inattendu" in captured.err
    assert json.loads(captured.out)[0]["etat"] == "absents"
    for args in (["build"], ["build", "--force"]):
        (out / MANIFEST).write_text(text, encoding="utf-8", errors="surrogateescape")
        assert main(args) == 0
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err and "erreur interne" not in captured.err
        assert "avertissement : manifeste inattendu" in captured.err
        assert "1 construite(s)" in captured.out
        assert mf.Manifest.read(out).entries  # rewritten, in the right shape
    assert main(["build"]) == 0
    assert "0 construite(s), 1 inchangée(s)" in capsys.readouterr().out


@pytest.mark.slow
def test_entries_whose_documents_are_gone_are_pruned_quickly(fiche, capsys):
    out = fiche.parent.parent / "output"
    assert build([str(fiche)], out, jobs=1).ok
    raw = json.loads((out / MANIFEST).read_text("utf-8"))
    (entry,) = raw["entries"].values()
    stale = json.dumps({**entry, "slug": "ancien{0}", "country": "Ancien"})
    raw["entries"] = "ENTRIES"
    # What years of renamed countries could leave: 100 000 entries of documents gone
    # (300 000 took 12.6 s and 1.1 GB before pruning; about 3 s and 0.45 GB now, once).
    entries = ",".join(
        [
            '"../data/kazakhstan.yaml":' + json.dumps(entry),
            *(f'"../data/ancien{i}.yaml":' + stale.replace("{0}", str(i)) for i in range(100_000)),
        ]
    )
    (out / MANIFEST).write_text(json.dumps(raw).replace('"ENTRIES"', "{" + entries + "}"), "utf-8")
    assert len(mf.Manifest.read(out).entries) == 100_001
    fiche.write_text(fiche.read_text("utf-8") + "# modifié\n", "utf-8")
    start = time.perf_counter()
    report = build([str(fiche)], out, jobs=1)
    seconds = time.perf_counter() - start
    assert report.built == [str(fiche)]
    assert list(mf.Manifest.read(out).entries) == ["../data/kazakhstan.yaml"]
    assert seconds < 15  # then, pruned, the manifest costs nothing:
    start = time.perf_counter()
    assert build([str(fiche)], out, jobs=1).skipped == [str(fiche)]
    assert time.perf_counter() - start < 1


def test_a_deleted_document_is_forgotten_by_the_manifest(fiche):
    out = fiche.parent.parent / "output"
    assert build([str(fiche)], out, jobs=1).ok
    (out / "kazakhstan.docx").unlink()
    manifest = mf.Manifest.read(out)
    assert manifest.prune(out)
    assert set(manifest.entries["../data/kazakhstan.yaml"].outputs) == {"pdf"}
    (out / "kazakhstan.pdf").write_bytes(b"replaced by hand")
    assert manifest.prune(out) and manifest.entries == {}


@pytest.mark.parametrize(
    "spelling", ["./data/kazakhstan.yaml", "data//kazakhstan.yaml", "{root}/data/kazakhstan.yaml"]
)
def test_another_spelling_of_a_path_is_the_same_file(fiche, capsys, spelling):
    root = fiche.parent.parent
    assert main(["build", "data/kazakhstan.yaml"]) == 0
    capsys.readouterr()
    assert main(["build", spelling.format(root=root)]) == 0
    captured = capsys.readouterr()
    assert "même pays" not in captured.err
    assert "0 construite(s), 1 inchangée(s)" in captured.out
    # Given twice in one command, under two spellings: built once.
    assert main(["build", "--force", "data/kazakhstan.yaml", spelling.format(root=root)]) == 0
    assert "1 fiche(s) : 1 construite(s)" in capsys.readouterr().out


def test_keys_do_not_depend_on_the_working_folder(fiche, monkeypatch):
    root = fiche.parent.parent
    assert build(["data/kazakhstan.yaml"], "output", jobs=1).ok
    monkeypatch.chdir(root / "data")
    assert build(["kazakhstan.yaml"], "../output", jobs=1).skipped == ["kazakhstan.yaml"]
    assert list(mf.Manifest.read(root / "output").entries) == ["../data/kazakhstan.yaml"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_planted_link_is_never_followed(fiche, tmp_path):
    out = tmp_path / "output"
    out.mkdir()
    victim = tmp_path / "victime.txt"
    victim.write_text("précieux", "utf-8")
    # Every name a predictable temporary file could take, and the lock file, point at it.
    for pid in range(os.getpid() - 5, os.getpid() + 50):
        os.symlink(victim, out / f".{MANIFEST}.{pid}.tmp")
    os.symlink(victim, out / ".fiche-pays.lock")
    with pytest.raises(DataError) as refused:  # refused rather than taken through a link
        build([str(fiche)], out, jobs=1)
    assert "lien symbolique" in str(refused.value)
    (out / ".fiche-pays.lock").unlink()
    assert build([str(fiche)], out, jobs=1).ok
    assert victim.read_text("utf-8") == "précieux"
    assert mf.Manifest.read(out).entries


def test_a_manifest_path_that_is_a_folder_leaves_no_temporary_file(fiche, capsys):
    out = fiche.parent.parent / "output"
    (out / MANIFEST).mkdir(parents=True)
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert f"({os.path.join('output', MANIFEST)}) : c'est un dossier, pas un fichier" in err
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [
        MANIFEST,
        LOOK_RECORD,  # the template's hash, remembered (lookcache.py)
        ".fiche-pays.lock",
    ]
