"""The stress script (tools/stress_build.py) runs end to end and finds nothing wrong:
concurrent builds into one folder, some interrupted at random moments."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_stress_script_reports_nothing_lost():
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "stress_build.py"),
            *("--fiches", "3", "--builds", "3", "--concurrency", "2"),
            *("--interruptions", "2", "--jobs", "2", "--seed", "3"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert done.returncode == 0, done.stdout + done.stderr
    assert figures["interrupted"] >= 1  # planned 2; a build may end before its moment
    for kind in (
        "documents_lost",
        "partial_files",
        "orphan_processes",
        "manifest_mismatches",
        "wrong_exits",
    ):
        assert figures[kind] == 0, done.stdout
