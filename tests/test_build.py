"""Many fiches: reproducible, incremental, atomic and isolated builds; status."""

import importlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from fiche_pays import manifest
from fiche_pays.build import build
from fiche_pays.cli import main

from conftest import KAZAKHSTAN, ROOT, docx_text

TEXT = KAZAKHSTAN.read_text(encoding="utf-8")


def make_fiche(folder, name, code):
    """A copy of the Kazakhstan fiche under another country's name."""
    path = folder / f"{name.lower()}.yaml"
    path.write_text(
        TEXT.replace("nom: Kazakhstan", f"nom: {name}", 1).replace("code: KZ", f"code: {code}", 1),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def three(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    return [
        str(make_fiche(data, n, c))
        for n, c in (("Kazakhstan", "KZ"), ("Ouzbekistan", "UZ"), ("Kirghizistan", "KG"))
    ]


def _bytes(folder):
    return {
        p.name: p.read_bytes() for p in sorted(folder.glob("*.pdf")) + sorted(folder.glob("*.docx"))
    }


def test_rebuilds_are_byte_identical_even_a_day_later(tmp_path, three, monkeypatch):
    first = build(three, tmp_path / "a", jobs=2)
    assert first.ok and len(first.written) == 6
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 86_400 * 3)
    second = build(three, tmp_path / "b", jobs=1)
    assert second.ok
    assert _bytes(tmp_path / "a") == _bytes(tmp_path / "b")


def test_source_date_epoch_redates_both_formats(tmp_path, three, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build(three[:1], tmp_path, jobs=1).ok
    from pypdf import PdfReader

    assert PdfReader(tmp_path / "kazakhstan.pdf").metadata["/CreationDate"].startswith("D:20231114")
    import docx

    created = docx.Document(str(tmp_path / "kazakhstan.docx")).core_properties.created
    assert created.date().isoformat() == "2023-11-14"


def test_nothing_changed_means_nothing_rebuilt(tmp_path, three):
    assert len(build(three, tmp_path, jobs=2).built) == 3
    again = build(three, tmp_path, jobs=2)
    assert again.built == [] and sorted(again.skipped) == sorted(three)
    assert again.written == []
    forced = build(three, tmp_path, jobs=2, force=True)
    assert len(forced.built) == 3


def test_a_changed_data_file_is_rebuilt_alone(tmp_path, three):
    build(three, tmp_path, jobs=2)
    path = three[1]
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("# une note\n")
    report = build(three, tmp_path, jobs=2)
    assert report.built == [path] and len(report.skipped) == 2


def test_a_changed_template_rebuilds_everything(tmp_path, three):
    template = tmp_path / "modele"
    shutil.copytree(ROOT / "templates" / "officiel", template)
    build(three, tmp_path / "out", template=str(template), jobs=2)
    theme_file = template / "theme.yaml"
    theme_file.write_text(
        theme_file.read_text(encoding="utf-8").replace("#000091", "#000092", 1), encoding="utf-8"
    )
    report = build(three, tmp_path / "out", template=str(template), jobs=2)
    assert sorted(report.built) == sorted(three)


def test_a_new_program_version_rebuilds_everything(tmp_path, three, monkeypatch):
    build(three, tmp_path, jobs=2)
    monkeypatch.setattr(manifest, "_program", "another version")
    assert sorted(build(three, tmp_path, jobs=2).built) == sorted(three)


def test_a_deleted_document_is_rebuilt(tmp_path, three):
    build(three, tmp_path, jobs=2)
    (tmp_path / "ouzbekistan.docx").unlink()
    assert build(three, tmp_path, jobs=2).built == [three[1]]


def test_a_failing_writer_leaves_the_previous_documents_intact(tmp_path, three, monkeypatch):
    build(three, tmp_path, jobs=1)
    before = _bytes(tmp_path)
    render_package = importlib.import_module("fiche_pays.writers")
    real_render = render_package.render

    def failing(document, fmt, target, theme=None):
        if fmt == "docx":
            raise OSError(28, "No space left on device")
        return real_render(document, fmt, target, theme)

    monkeypatch.setattr(render_package, "render", failing)
    report = build(three, tmp_path, jobs=1, force=True)
    assert not report.ok and sorted(report.failed) == sorted(three)
    assert _bytes(tmp_path) == before  # not even the PDF, made before the failure
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".fiche-pays-tmp")]
    assert all("disque plein" in p.message for p in report.problems)  # in French


def test_one_bad_fiche_does_not_stop_the_others(tmp_path, three, capsys):
    bad = tmp_path / "data" / "casse.yaml"
    bad.write_text("pays: [\n", encoding="utf-8")
    code = main(["build", *three, str(bad), "--out", str(tmp_path / "out"), "--jobs", "2"])
    assert code == 1
    captured = capsys.readouterr()
    assert f"{bad}:" in captured.err
    assert "3 construite(s), 0 inchangée(s), 1 en échec" in captured.out
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 3


def test_status_as_json(tmp_path, three, capsys):
    build(three[:2], tmp_path / "out", jobs=1)
    main(
        [
            "status",
            *three,
            "--out",
            str(tmp_path / "out"),
            "--format",
            "json",
            "--today",
            "2022-05-06",
        ]
    )
    rows = {row["fichier"]: row for row in json.loads(capsys.readouterr().out)}
    first = rows[three[0]]
    assert first == {
        "fichier": three[0],
        "pays": "Kazakhstan",
        "nom": "kazakhstan",
        "mise_a_jour": "2021-05-05",
        "age_mois": 12,
        "perimee": True,
        "valide": True,
        "etat": "a_jour",
        "documents": [str(tmp_path / "out" / f"kazakhstan.{f}") for f in ("pdf", "docx")],
        "type": "relations",
        "chiffres_perimes": [],
        "chiffres_non_dates": [],
    }
    assert rows[three[2]]["etat"] == "absents"
    main(
        [
            "status",
            three[0],
            "--out",
            str(tmp_path / "out"),
            "--format",
            "json",
            "--today",
            "2022-05-05",
            "--stale-months",
            "12",
        ]
    )
    assert json.loads(capsys.readouterr().out)[0]["perimee"] is False


def test_validate_and_status_do_not_import_the_writers():
    import subprocess
    import sys

    code = (
        "import sys; from fiche_pays.cli import main; "
        f"main(['validate', {str(KAZAKHSTAN)!r}]); "
        "main(['status', '--out', 'nulle-part']); "
        "heavy = [m for m in ('reportlab', 'docx') if m in sys.modules]; "
        "print('HEAVY', heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    assert "HEAVY []" in out


def test_the_workflow_parses_and_calls_the_cli():
    workflow = yaml.safe_load(
        (ROOT / ".github" / "workflows" / "fiches.yml").read_text(encoding="utf-8")
    )
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1: on = True
    assert "push" in triggers  # the nightly build is fiches-parts.yml (test_shards.py)
    assert set(triggers["push"]["paths"]) >= {"data/**", "templates/**"}
    steps = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    joined = "\n".join(steps)
    assert "fiche-pays validate --error-format github" in joined
    assert "fiche-pays build" in joined
    assert "fiche-pays status --out output --format json" in joined
    uses = [s.get("uses", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-artifact") for u in uses)


def test_an_edit_during_the_build_is_recorded_as_what_was_rendered(
    tmp_path, three, capsys, monkeypatch
):
    import fiche_pays.loader.load as loader

    path = three[0]
    out = tmp_path / "out"
    assert build([path], out, jobs=1).ok
    original = KAZAKHSTAN.read_text(encoding="utf-8")
    edited = original.replace("Didier Canesse", "Nom Abandonné")
    real_read = loader.read_bytes

    def edited_meanwhile(file):
        # The desk officer saves an edit after the build planned its work, before the
        # worker reads the file; the edit is undone after the build.
        Path(path).write_text(edited, encoding="utf-8")
        return real_read(file)

    Path(path).write_text(original.replace("Didier Canesse", "Autre Nom"), encoding="utf-8")
    monkeypatch.setattr(loader, "read_bytes", edited_meanwhile)
    assert build([path], out, jobs=1).built == [path]
    monkeypatch.setattr(loader, "read_bytes", real_read)
    assert "Nom Abandonné" in docx_text(out / "kazakhstan.docx")
    Path(path).write_text(original.replace("Didier Canesse", "Autre Nom"), encoding="utf-8")
    # What is on disk is the abandoned edit: neither status nor build may call it current.
    main(["status", path, "--out", str(out), "--format", "json"])
    assert json.loads(capsys.readouterr().out)[0]["etat"] == "a_reconstruire"
    assert build([path], out, jobs=1).built == [path]
    assert "Autre Nom" in docx_text(out / "kazakhstan.docx")


def test_a_fiche_is_said_built_only_once_in_place(tmp_path, three, monkeypatch, capsys):
    import errno
    import os

    out = tmp_path / "out"
    real_replace = os.replace

    def full_on_move(source, target, *args, **kwargs):
        if str(target).endswith(".docx"):
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", full_on_move)
    assert main(["build", three[0], "--out", str(out), "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert f"[1/1] {three[0]} : en échec" in err and "construite" not in err
    # There was no previous document: the message does not pretend there was one.
    assert "impossible de mettre kazakhstan.docx en place" in err
    assert "le document précédent est intact" not in err
    monkeypatch.setattr(os, "replace", real_replace)
    assert main(["build", three[0], "--out", str(out), "-j", "1"]) == 0
    assert f"[1/1] {three[0]} : construite" in capsys.readouterr().err


def test_documents_finished_before_a_stop_are_kept(tmp_path, three, monkeypatch):
    from fiche_pays import interrupts, workers

    out = tmp_path / "out"
    real_build_one = workers.build_one
    calls = []

    def stopped_at_the_third(job):
        calls.append(job.path)
        if len(calls) == 3:
            raise interrupts.Interrupted(15)  # SIGTERM while rendering the third fiche
        return real_build_one(job)

    monkeypatch.setattr(workers, "build_one", stopped_at_the_third)
    with pytest.raises(interrupts.Interrupted) as stop:
        build(three, out, jobs=1)
    report = stop.value.report
    assert report.built == three[:2] and report.not_built == three[2:]
    assert stop.value.exit_code == 143
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "kazakhstan.docx",
        "kazakhstan.pdf",
        "ouzbekistan.docx",
        "ouzbekistan.pdf",
    ]
    assert not list(out.glob(".fiche-pays-tmp-*"))
    assert len(manifest.Manifest.read(out).entries) == 2
    monkeypatch.setattr(workers, "build_one", real_build_one)
    again = build(three, out, jobs=1)
    assert again.built == three[2:] and sorted(again.skipped) == sorted(three[:2])


@pytest.mark.slow
def test_a_fiche_that_kills_its_worker_fails_alone(tmp_path, three, monkeypatch):
    import os
    import signal

    from fiche_pays import workers

    real_build_one = workers.build_one
    extra = [str(make_fiche(tmp_path / "data", n, c)) for n, c in (("Tonga", "TO"), ("Laos", "LA"))]

    def out_of_memory(job):
        if job.path == three[1]:  # as the kernel's OOM killer would
            os.kill(os.getpid(), signal.SIGKILL)
        return real_build_one(job)

    monkeypatch.setattr(workers, "build_one", out_of_memory)  # forked workers see it
    report = build([*three, *extra], tmp_path / "out", jobs=2)
    assert report.failed == [three[1]]
    assert sorted(report.built) == sorted([three[0], three[2], *extra])
    (problem,) = report.problems
    assert problem.file == three[1] and "arrêté brutalement" in problem.message


def test_parallel_builds_start_with_the_largest_fiches(tmp_path):
    from fiche_pays.build import _longest_first
    from fiche_pays.workers import Job

    sizes = {"petite": 10, "grande": 3000, "moyenne": 500}
    jobs = []
    for name, size in sizes.items():
        (tmp_path / f"{name}.yaml").write_text("x" * size, encoding="utf-8")
        jobs.append(Job(str(tmp_path / f"{name}.yaml"), name, "", ("pdf",), "", "", "", ""))
    jobs.append(Job(str(tmp_path / "disparue.yaml"), "disparue", "", ("pdf",), "", "", "", ""))
    assert [Path(j.path).stem for j in _longest_first(jobs)] == [
        "grande",
        "moyenne",
        "petite",
        "disparue",
    ]


def _frozen() -> int:
    import gc

    return gc.get_freeze_count()


def test_workers_keep_what_they_inherit_out_of_the_collectors_sight():
    import gc

    from fiche_pays import workers

    before = gc.get_freeze_count()
    pool = workers._pool(1)
    try:
        frozen = pool.submit(_frozen).result(timeout=60)
    finally:
        pool.shutdown()
    assert frozen > 1000  # the modules and objects the worker inherited
    assert gc.get_freeze_count() == before  # the caller's process is left as it was


def test_preload_imports_every_module_a_worker_needs(tmp_path):
    # preload() lists what build_one imports: a module it misses is imported again by
    # every worker (the pipeline's pydantic models cost ~0.5 s of CPU each).
    code = f"""
import sys
from fiche_pays import workers
from fiche_pays.theme.load import load_theme
from fiche_pays.writers import warm
warm(load_theme())
workers.preload()
before = set(sys.modules)
for name in ("kazakhstan.yaml", "kazakhstan.presentation.yaml"):
    job = workers.Job({str(ROOT / "data")!r} + "/" + name, name, {str(tmp_path)!r},
                      ("pdf", "docx"), "officiel", "", "", "")
    assert workers.build_one(job).ok
print(sorted(m for m in set(sys.modules) - before if m.startswith("fiche_pays")))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", done.stdout


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_pipelines_imports_run_with_stops_held_back(tmp_path, monkeypatch, jobs):
    # A stop raised inside a pydantic class's creation comes out as a RuntimeError
    # (« erreur interne »): the imports run in a section not to be cut, alone or not.
    from fiche_pays import build as build_module
    from fiche_pays import interrupts

    held = []

    def preload() -> None:
        held.append(interrupts._depth > 0)

    monkeypatch.setattr(build_module, "preload", preload)
    assert build([str(KAZAKHSTAN)], tmp_path, ("pdf",), jobs=jobs, force=True).ok
    assert held == [True]
