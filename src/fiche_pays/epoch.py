"""``SOURCE_DATE_EPOCH``: the reproducible-builds date that may replace the fiche's date.

Read in one place, checked once, with a French message: a value that is not a whole
number of seconds, or that no document format can hold, stops the build before any work.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from .problems import DataError, Problem

VARIABLE = "SOURCE_DATE_EPOCH"
# A DOCX is a zip file, whose dates end with 2107 (MS-DOS date format).
LAST = int(dt.datetime(2107, 12, 31, 23, 59, 59, tzinfo=dt.UTC).timestamp())
_DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() accepts "²"


def source_date_epoch() -> int | None:
    """The seconds in ``SOURCE_DATE_EPOCH``, None when unset or empty; raise
    :class:`DataError` when it is not a usable date."""
    raw = os.environ.get(VARIABLE, "").strip()
    if not raw:
        return None
    if not _DIGITS.fullmatch(raw):
        problem = (
            f"valeur « {raw[:40]} » invalide : un nombre entier de secondes depuis le "
            "1er janvier 1970 (UTC) est attendu, par exemple 1700000000"
        )
        raise DataError([Problem(VARIABLE, problem)])
    seconds = int(raw)
    if seconds > LAST:
        raise DataError(
            [
                Problem(
                    VARIABLE,
                    f"valeur {raw[:40]} trop grande : au plus {LAST} (31 décembre 2107, "
                    "dernière date qu'un document Word peut porter)",
                )
            ]
        )
    return seconds


def fingerprint() -> str:
    """What the build key takes from ``SOURCE_DATE_EPOCH`` (checked)."""
    seconds = source_date_epoch()
    return "" if seconds is None else f"{VARIABLE}={seconds}"
