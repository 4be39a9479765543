"""Calendar months: the age of a fiche's update."""

import datetime as dt
import subprocess
import sys

from fiche_pays.months import add_months, is_stale, months_between


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
