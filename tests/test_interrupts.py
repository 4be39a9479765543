"""Ctrl-C, SIGTERM and a killed build, with real processes: the workers stop with the
build, finished documents are kept, no partial file, a French message, exit 130/143."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fiche_pays import interrupts

import realbuilds

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


COUNT = 16  # enough for a build to last a few seconds on two cores


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    """A project of COUNT fiches and its documents built once, as the reference."""
    folder = realbuilds.project(tmp_path_factory.mktemp("projet"), COUNT)
    return folder, *realbuilds.reference(folder, COUNT)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signum", "delay"), [(signal.SIGTERM, 0.0), (signal.SIGINT, 0.4)], ids=["SIGTERM", "SIGINT"]
)
def test_a_stopped_build_keeps_what_it_finished_and_leaves_no_worker(bench, signum, delay):
    folder, references, hashes = bench
    out = folder / f"sortie-{signum}"
    process = realbuilds.start(folder, "--out", out.name, "-j", "2")
    realbuilds.wait_for_commit(out, process)
    time.sleep(delay)  # as soon as a document is in place, or a little later
    workers = realbuilds.children(process.pid)
    assert process.poll() is None and len(workers) == 2
    process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 128 + signum
    cause = "Ctrl-C" if signum == signal.SIGINT else "SIGTERM"
    assert f"fiche-pays : interrompu ({cause}) : " in stderr
    assert "aucun document partiel" in stderr and "Traceback" not in stderr
    time.sleep(0.2)
    assert not [pid for pid in workers if realbuilds.alive(pid)]  # no orphan
    audit = realbuilds.Audit()
    realbuilds.audit_folder(out, references, hashes, audit)
    assert not any(audit.counts().values()), audit
    written = [line for line in stdout.splitlines() if line.startswith("écrit : ")]
    assert written and all((folder / line[8:]).exists() for line in written)
    assert len(written) < 2 * COUNT  # stopped before the end
    # What was committed is not built again.
    again = subprocess.run(
        [sys.executable, "-m", "fiche_pays", "build", "--out", out.name],
        cwd=folder,
        env=realbuilds.environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0
    built = len(written) // 2
    assert f"{COUNT - built} construite(s), {built} inchangée(s)" in again.stdout


@pytest.mark.slow
def test_a_build_killed_half_way_loses_nothing_and_leaves_no_worker(bench, tmp_path):
    folder, references, _ = bench
    out = tmp_path / "sortie"
    shutil.copytree(folder / "ref", out)  # version A of every fiche, built
    for path in (folder / "data").iterdir():  # every fiche changes: B is to be built
        text = path.read_text("utf-8").replace(*realbuilds.stress_build.CHANGE)
        realbuilds.stress_build.write_atomically(path, text)
    try:
        process = realbuilds.start(folder, "--out", str(out), "-j", "2")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # kill it once documents are being made
            if any(
                p.suffix in (".pdf", ".docx")
                for d in out.glob(".fiche-pays-tmp-*")
                for p in d.iterdir()
            ):
                break
            time.sleep(0.005)
        workers = realbuilds.children(process.pid)
        process.kill()  # SIGKILL to the build alone: nothing can be handled
        process.communicate(timeout=30)
        time.sleep(0.3)
        assert workers and not [pid for pid in workers if realbuilds.alive(pid)]
        # Each document is whole: the previous one, or a new one put in place.
        killed = realbuilds.documents(out)
        assert set(killed) == set(references["A"])
        kept = {name for name, content in killed.items() if content == references["A"][name]}
        assert list(out.glob(".fiche-pays-tmp-*"))  # the leftovers are hidden...
        (out / "..fiche-pays-manifest.json.4242.tmp").write_text("{", "utf-8")  # a cut write
        again = realbuilds.start(folder, "--out", str(out), "-j", "2")
        _, err = again.communicate(timeout=120)
        assert again.returncode == 0, err
        assert not list(out.glob(".fiche-pays-tmp-*")) and not list(out.glob("*.tmp"))
        after = realbuilds.documents(out)
        assert all(after[name] != references["A"][name] for name in after)  # all B now
        assert all(after[name] == killed[name] for name in set(killed) - kept)
    finally:
        for path in (folder / "data").iterdir():
            text = path.read_text("utf-8").replace(*reversed(realbuilds.stress_build.CHANGE))
            realbuilds.stress_build.write_atomically(path, text)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_while_starting_shows_no_traceback(tmp_path):
    realbuilds.project(tmp_path, 2)
    command = [str(Path(sys.executable).parent / "fiche-pays"), "build", "--force"]
    if not Path(command[0]).exists():
        pytest.skip("the fiche-pays command is not installed")
    # From its first line of code (the interpreter's own start-up, ~20 ms, is Python's),
    # through the ~0.1 s of imports, to the build.
    for delay in (0.0, 0.01, 0.03, 0.06, 0.1, 0.2, 0.4):
        process = subprocess.Popen(
            command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        deadline = time.monotonic() + 30
        while (
            not realbuilds.stress_build.handles_stops(process.pid) and time.monotonic() < deadline
        ):
            time.sleep(0.001)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        assert "Traceback" not in stderr, (delay, stderr)
        assert process.returncode in (0, 130), (delay, stderr)
        if process.returncode == 130:
            assert "fiche-pays : interrompu" in stderr


def test_a_signal_in_a_section_not_to_be_cut_takes_effect_at_its_end():
    restore = interrupts.install()
    steps = []
    try:
        with pytest.raises(interrupts.Interrupted) as stop, interrupts.deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)  # the handler runs here, and must not raise yet
            steps.append("fini")
        assert steps == ["fini"]
        assert stop.value.exit_code == 143 and stop.value.cause == "SIGTERM"
    finally:
        restore()
