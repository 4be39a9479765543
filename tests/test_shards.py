"""build --shard I/N: disjoint, covering, stable shares; French messages for bad values."""

import re
import shutil

import pytest
import yaml

from fiche_pays.cli import main
from fiche_pays.shards import Shard, parse_shard, select, shard_key, shard_of

from conftest import DATA, ROOT

NAMES = [f"pays-{n}.yaml" for n in range(300)] + [p.name for p in sorted(DATA.glob("*.yaml"))]


def _paths(folder, names=NAMES):
    return [str(folder / name) for name in names]


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7, 16])
def test_the_shares_are_disjoint_and_cover_every_file(tmp_path, count):
    paths = _paths(tmp_path / "data")
    shares = [select(paths, Shard(i, count), tmp_path / "data") for i in range(1, count + 1)]
    seen = [p for share in shares for p in share]
    assert sorted(seen) == sorted(paths)  # every file once: covering and disjoint
    assert len(seen) == len(set(seen))
    if count > 1:  # a hash spreads 314 files over every share, none left empty
        assert min(len(share) for share in shares) > 0.4 * len(paths) / count


def test_adding_a_fiche_moves_no_other(tmp_path):
    folder = tmp_path / "data"
    before = {p: shard_of(p, 5, folder) for p in _paths(folder)}
    # a new file sorted first: sharing by position would move every other one
    after_paths = [str(folder / "aaa-nouveau.yaml"), *before]
    after = {p: shard_of(p, 5, folder) for p in after_paths}
    assert all(after[p] == share for p, share in before.items())
    for i in range(1, 6):
        share = [p for p in select(after_paths, Shard(i, 5), folder) if "nouveau" not in p]
        assert share == select(list(before), Shard(i, 5), folder)


def test_the_share_depends_on_the_path_in_the_data_folder_not_on_the_checkout(tmp_path):
    one, two = tmp_path / "a" / "data", tmp_path / "b" / "clone" / "data"
    for folder in (one, two):
        (folder / "europe").mkdir(parents=True)
    assert shard_key(one / "europe" / "benin.yaml", one) == "europe/benin.yaml"
    assert shard_key(two / "benin.yaml", two) == "benin.yaml"
    for name in NAMES:
        assert shard_of(one / name, 7, one) == shard_of(two / name, 7, two)
    # a file given from elsewhere is shared by its name
    assert shard_key(tmp_path / "ailleurs" / "tonga.yaml", one) == "tonga.yaml"


def test_a_share_is_written_i_slash_n():
    assert parse_shard("2/4") == Shard(2, 4)
    assert parse_shard(" 1 / 1 ") == Shard(1, 1)
    assert str(Shard(3, 8)) == "3/8"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2", "forme I/N"),
        ("a/3", "forme I/N"),
        ("-1/3", "forme I/N"),
        ("1/0", "au moins 1"),
        ("0/3", "entre 1 et 3"),
        ("4/3", "entre 1 et 3"),
        ("1/100000", "au plus 1000 parts"),
    ],
)
def test_bad_shares_are_refused_in_french(text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_shard(text)


def test_the_command_line_refuses_a_bad_share(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["build", "--shard", "5/4"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "argument --shard : « 5/4 » : la part I doit être comprise entre 1 et 4" in err
    assert "Traceback" not in err


def test_the_shards_of_a_build_make_the_whole_build(tmp_path, capsys, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("tonga.yaml", "vanuatu.yaml", "armenie.yaml"):
        shutil.copy(DATA / name, data / name)
    monkeypatch.chdir(tmp_path)
    written: list[str] = []
    for index in (1, 2, 3):
        # without files: data/*.yaml, as in the CI matrix
        assert main(["build", "--shard", f"{index}/3", "--format", "pdf", "--jobs", "1"]) == 0
        captured = capsys.readouterr()
        share = select(sorted(str(p) for p in data.glob("*.yaml")), Shard(index, 3))
        assert f"part {index}/3 : {len(share)} fiche(s) sur 3" in captured.err
        assert f"{len(share)} fiche(s) : {len(share)} construite(s)" in captured.out
        written += re.findall(r"écrit : (\S+)", captured.out)
    assert sorted(written) == sorted(
        f"output/{slug}.pdf" for slug in ("tonga", "vanuatu", "armenie")
    )


def test_the_sharded_workflow_builds_every_share_and_gathers_them():
    workflow = yaml.safe_load(
        (ROOT / ".github" / "workflows" / "fiches-parts.yml").read_text(encoding="utf-8")
    )
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1: on = True
    assert "schedule" in triggers and "parts" in triggers["workflow_dispatch"]["inputs"]
    jobs = workflow["jobs"]
    plan = jobs["plan"]["steps"][0]["run"]
    assert "seq -s, 1" in plan  # the matrix [1, …, N]
    assert jobs["build"]["strategy"]["matrix"]["shard"] == (
        "${{ fromJSON(needs.plan.outputs.shards) }}"
    )
    runs = "\n".join(s.get("run", "") for s in jobs["build"]["steps"])
    assert "fiche-pays build --shard ${{ matrix.shard }}/${{ needs.plan.outputs.count }}" in runs
    uploads = [s for s in jobs["build"]["steps"] if "upload-artifact" in s.get("uses", "")]
    assert uploads[0]["with"]["name"] == "fiches-part-${{ matrix.shard }}"
    gather = jobs["gather"]
    assert set(gather["needs"]) == {"plan", "build"}
    download = next(s for s in gather["steps"] if "download-artifact" in s.get("uses", ""))
    assert download["with"]["pattern"] == "fiches-part-*"
    final = [s for s in gather["steps"] if "upload-artifact" in s.get("uses", "")]
    assert [s["with"]["name"] for s in final] == ["fiches-pays-toutes"]
