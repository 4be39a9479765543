"""Ctrl-C, SIGTERM and a killed build, with real processes: the workers stop with the
build, finished documents are kept, no partial file, a French message, exit 130/143."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fiche_pays import interrupts

import realbuilds

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


COUNT = 40  # enough for a build to last a few seconds on two cores


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
def test_workers_die_with_a_killed_build_and_the_next_build_cleans_up(tmp_path):
    realbuilds.project(tmp_path, COUNT)
    out = tmp_path / "output"
    process = realbuilds.start(tmp_path, "-j", "2")
    realbuilds.wait_for_commit(out, process)
    workers = realbuilds.children(process.pid)
    process.kill()  # SIGKILL: nothing can be handled, the kernel stops the workers
    process.communicate(timeout=30)
    time.sleep(0.3)
    assert workers and not [pid for pid in workers if realbuilds.alive(pid)]
    again = realbuilds.start(tmp_path, "-j", "2")
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert not list(out.glob(".fiche-pays-tmp-*")) and not list(out.glob("*.tmp"))


@pytest.mark.slow
def test_ctrl_c_while_starting_shows_no_traceback(tmp_path):
    realbuilds.project(tmp_path, 2)
    command = [str(Path(sys.executable).parent / "fiche-pays"), "build", "--force"]
    if not Path(command[0]).exists():
        pytest.skip("the fiche-pays command is not installed")
    for delay in (0.05, 0.1, 0.15, 0.25, 0.4):
        process = subprocess.Popen(
            command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
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
        with pytest.raises(interrupts.Interrupted) as stop:
            with interrupts.deferred():
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(0.05)  # the handler runs here, and must not raise yet
                steps.append("fini")
        assert steps == ["fini"]
        assert stop.value.exit_code == 143 and stop.value.cause == "SIGTERM"
    finally:
        restore()
