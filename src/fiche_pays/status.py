"""`fiche-pays status`: how old each fiche is and whether its documents are current.

Light on purpose: it reads the manifest and hashes files, and parses only the data
files that changed since the last build; it never imports the PDF or DOCX libraries.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from . import manifest as mf
from .build import FORMATS, discover, inputs_hash, template_hash, up_to_date
from .loader.load import load_source
from .theme.load import load_theme

DEFAULT_STALE_MONTHS = 12


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months later (the month's last day if it has fewer)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from ``earlier`` to ``later``."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if add_months(earlier, months) > later else 0)


def is_stale(updated: dt.date, today: dt.date, months: int = DEFAULT_STALE_MONTHS) -> bool:
    """True when the fiche was last updated more than ``months`` months ago."""
    return today > add_months(updated, months)


@dataclass
class Row:
    """One fiche in the status table."""

    file: str
    country: str | None
    slug: str | None
    updated: str | None
    age_months: int | None
    stale: bool | None
    valid: bool
    outputs: str  # "à jour", "à reconstruire", "absents", "invalide"


def collect(
    paths: list[str],
    out_dir: Path,
    template: str,
    today: dt.date,
    stale_months: int = DEFAULT_STALE_MONTHS,
    formats: tuple[str, ...] = FORMATS,
) -> list[Row]:
    """The status of every fiche."""
    manifest = mf.Manifest.read(out_dir)
    look = template_hash(load_theme(template))
    rows = []
    for path in discover(paths):
        entry = manifest.entries.get(path)
        try:
            data_hash = mf.file_hash(Path(path))
        except OSError:
            data_hash = None
        if entry is not None and entry.data_hash == data_hash:
            country, slug, updated, valid = entry.country, entry.slug, entry.updated, True
        else:
            loaded = load_source(path)
            valid = loaded.ok
            fiche = loaded.fiche if valid else None
            country = fiche.country.name if fiche else None
            slug = fiche.slug if fiche else None
            updated = fiche.document.updated.first_day.isoformat() if fiche else None
        current = data_hash is not None and up_to_date(
            entry, inputs_hash(data_hash, look), formats, out_dir
        )
        if not valid:
            outputs = "invalide"
        elif current:
            outputs = "à jour"
        elif slug and all((out_dir / f"{slug}.{f}").exists() for f in formats):
            outputs = "à reconstruire"
        else:
            outputs = "absents"
        day = dt.date.fromisoformat(updated) if updated else None
        rows.append(
            Row(
                path,
                country,
                slug,
                updated,
                months_between(day, today) if day else None,
                is_stale(day, today, stale_months) if day else None,
                valid,
                outputs,
            )
        )
    return rows


def as_json(rows: list[Row]) -> str:
    """The status as JSON, for scripts."""
    return json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2)


def as_table(rows: list[Row]) -> str:
    """The status as an aligned text table."""
    header = ("Fichier", "Pays", "Mise à jour", "Âge (mois)", "Périmée", "Documents")
    lines = [header] + [
        (
            r.file,
            r.country or "—",
            r.updated or "—",
            "—" if r.age_months is None else str(r.age_months),
            "—" if r.stale is None else ("oui" if r.stale else "non"),
            r.outputs,
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines
    )
