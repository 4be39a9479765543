"""The build benchmark runs end to end on a few fiches and ends with its JSON line.

Only the shape and sanity of the figures are checked, never their speed: timings on a
shared CI machine are not something a test should assert.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KEYS = {
    "fiches",
    "full_s",
    "floor_s",
    "overhead_ratio",
    "cpu_ratio",
    "nochange_s",
    "nochange_cli_s",
    "one_changed_s",
    "peak_rss_mb",
}


@pytest.mark.slow
def test_benchmark_prints_its_figures_as_the_last_line():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_build.py"), "--fiches", "4"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    last = done.stdout.rstrip("\n").splitlines()[-1]
    figures = json.loads(last)
    assert set(figures) == KEYS
    assert figures["fiches"] == 4
    for key in KEYS - {"fiches"}:
        assert isinstance(figures[key], int | float) and figures[key] > 0, key
    assert abs(figures["overhead_ratio"] - figures["full_s"] / figures["floor_s"]) < 0.01
    # The table comes first, so a reader sees it; the JSON line is for machines.
    assert "overhead ratio" in done.stdout
    # The reader is told what the floor does and does not do.
    assert "floor includes:" in done.stdout and "floor leaves out:" in done.stdout
    # Both sides from bytecode: the floor's libraries were compiled by pip, ours by the
    # benchmark (an editable install has none where PYTHONDONTWRITEBYTECODE is set).
    import importlib.util

    import fiche_pays

    modules = list(Path(fiche_pays.__file__).parent.rglob("*.py"))
    assert modules and all(
        Path(importlib.util.cache_from_source(str(m))).exists() for m in modules
    )


def test_the_synthetic_fiches_are_valid(tmp_path):
    # A check added to the model may refuse generated data: the benchmark then stops
    # ("benchmark invalide") — 32 of 200 fiches were once refused (an ambassador's
    # arrival after the update). 60 fiches draw every random branch often enough.
    import fiche_pays

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import synthetic
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    for path in synthetic.generate(tmp_path, 60, 20240501):
        fiche_pays.load(path)  # raises DataError with every problem of the file
