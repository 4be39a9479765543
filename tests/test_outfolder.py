"""Two builds into one output folder: both succeed, neither removes the other's work,
and the manifest ends up describing what is on disk."""

import subprocess
import sys
import threading
import time

import pytest

from fiche_pays.build import build
from fiche_pays.outfolder import TEMP_PREFIX, OutputFolder

import realbuilds

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes and locks")


@pytest.mark.slow
def test_two_builds_of_everything_at_once_both_succeed(tmp_path):
    count = 6
    realbuilds.project(tmp_path, count, light=True)
    references, hashes = realbuilds.reference(tmp_path, count)
    for _ in range(3):  # a race shows within a few rounds (9 of 10 before the fix)
        runs = [realbuilds.start(tmp_path, "--force", "-j", "1") for _ in range(2)]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
            assert "Traceback" not in err
        audit = realbuilds.Audit()
        realbuilds.audit_folder(tmp_path / "output", references, hashes, audit)
        assert not any(audit.counts().values()), audit
        assert len(realbuilds.documents(tmp_path / "output")) == 2 * count


@pytest.mark.slow
def test_two_builds_of_disjoint_halves_keep_both_halves(tmp_path):
    count = 8
    realbuilds.project(tmp_path, count, light=True)
    references, hashes = realbuilds.reference(tmp_path, count)
    files = [f"data/p{i:03d}.yaml" for i in range(count)]
    for round_ in range(2):  # a half was lost every time before the fix
        out = f"output{round_}"
        halves = [files[: count // 2], files[count // 2 :]]
        runs = [realbuilds.start(tmp_path, *half, "--out", out, "-j", "1") for half in halves]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
        audit = realbuilds.Audit()
        realbuilds.audit_folder(tmp_path / out, references, hashes, audit)
        assert not any(audit.counts().values()), audit
        assert len(realbuilds.documents(tmp_path / out)) == 2 * count  # no half lost
        check = subprocess.run(
            [sys.executable, "-m", "fiche_pays", "build", "--out", out],
            cwd=tmp_path,
            env=realbuilds.environment(),
            capture_output=True,
            text=True,
        )
        assert f"0 construite(s), {count} inchangée(s)" in check.stdout


def test_a_live_build_keeps_its_temporary_folder_an_abandoned_one_is_removed(tmp_path):
    data = realbuilds.project(tmp_path, 1) / "data" / "p000.yaml"
    out = tmp_path / "output"
    live = OutputFolder(out)
    live_temp = live.open()  # another build, still running, holds its folder
    (live_temp / "en-cours.pdf").write_bytes(b"%PDF-")
    abandoned = out / f"{TEMP_PREFIX}abandonne"  # left by a build killed long ago
    abandoned.mkdir()
    (abandoned / "x.pdf").write_bytes(b"%PDF-")
    assert build([str(data)], out, jobs=1).ok
    assert (live_temp / "en-cours.pdf").exists()
    assert not abandoned.exists()
    live.close()
    assert not live_temp.exists()


def test_a_build_waits_for_the_folder_and_says_so(tmp_path):
    data = realbuilds.project(tmp_path, 1) / "data" / "p000.yaml"
    out = tmp_path / "output"
    out.mkdir()
    holder = OutputFolder(out)
    notices: list[str] = []
    released = threading.Event()

    def hold() -> None:
        with holder.locked():
            time.sleep(1.5)
        released.set()

    thread = threading.Thread(target=hold)
    thread.start()
    time.sleep(0.1)
    report = build([str(data)], out, jobs=1, notify=notices.append)
    thread.join()
    assert report.ok and released.is_set()
    assert len(notices) == 1
    assert notices[0].startswith(f"en attente : une autre construction écrit dans {out} (PID ")
