"""Calendar months: the age of a fiche's update."""

import datetime as dt
import shutil
import subprocess
import sys

from fiche_pays.cli import main
from fiche_pays.months import add_months, is_stale, months_between

from conftest import ROOT


def test_a_month_later_is_the_same_day_or_the_months_last():
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2023, 1, 31), 1) == dt.date(2023, 2, 28)
    assert add_months(dt.date(2023, 11, 15), 14) == dt.date(2025, 1, 15)


def test_whole_months_between_two_days():
    assert months_between(dt.date(2024, 1, 31), dt.date(2024, 2, 29)) == 1
    assert months_between(dt.date(2024, 1, 31), dt.date(2024, 2, 28)) == 0
    assert months_between(dt.date(2021, 5, 5), dt.date(2026, 5, 4)) == 59


def test_stale_after_the_given_months():
    assert not is_stale(dt.date(2025, 11, 26), dt.date(2026, 11, 26))
    assert is_stale(dt.date(2025, 11, 26), dt.date(2026, 11, 27))
    assert is_stale(dt.date(2026, 1, 1), dt.date(2026, 3, 2), months=2)


def test_the_build_command_warns_of_old_fiches_without_loading_the_model():
    # a build with nothing to rebuild must stay light (see benchmarks/bench_build.py)
    code = (
        "import sys, fiche_pays.cli, fiche_pays.months, fiche_pays.build; "
        "print(sorted(m for m in sys.modules if m.startswith(('fiche_pays.model', "
        "'fiche_pays.composer', 'fiche_pays.loader.load', 'reportlab', 'docx'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_a_build_with_nothing_to_do_stays_light(tmp_path):
    # The second build rebuilds nothing: it must not pay for pydantic, Babel, the writers,
    # the tree or the process pool (the no-change target of benchmarks/bench_build.py).
    # A presentation fiche: its figure dates are checked from the manifest.
    for name in ("kazakhstan.yaml", "kazakhstan.presentation.yaml"):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    out = tmp_path / "out"
    files = [str(tmp_path / "kazakhstan.yaml"), str(tmp_path / "kazakhstan.presentation.yaml")]
    assert main(["build", "--out", str(out), *files]) == 0
    code = (
        "import sys\n"
        "from fiche_pays.cli import main\n"
        f"assert main(['build', '--out', {str(out)!r}, *{files!r}]) == 0\n"
        "heavy = ('pydantic', 'pydantic_core', 'babel', 'yaml', 'reportlab', 'docx', 'lxml',\n"
        "         'concurrent.futures', 'fiche_pays.tree', 'fiche_pays.theme.style',\n"
        "         'fiche_pays.loader', 'fiche_pays.model', 'fiche_pays.composer')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "2 inchangée(s)" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout
