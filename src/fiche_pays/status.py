"""`fiche-pays status`: how old each fiche is and whether its documents are current.

Light on purpose: it reads the manifest and hashes files, and parses only the data
files that changed since the last build; it never imports the PDF or DOCX libraries.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from . import claims
from . import manifest as mf
from .build import FORMATS, inputs_hash, template_hash, up_to_date
from .epoch import fingerprint
from .figure_dates import DEFAULT_MAX_AGE_YEARS, FigureDate, stale, undated
from .kinds import PRESENTATION, kind_of
from .loader.load import future_update, load_source
from .months import DEFAULT_STALE_MONTHS, is_stale, months_between
from .problems import Problem
from .theme.load import load_theme

# The state of a fiche's documents: machine value (JSON) -> words (table).
STATES = {
    "a_jour": "à jour",
    "a_reconstruire": "à reconstruire",
    "absents": "absents",
    "invalide": "invalide",
}


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
    state: str  # a key of STATES
    documents: list[str]  # the documents' paths (existing or to be built)
    kind: str = "relations"  # or "presentation" (see kinds.py)
    # A presentation's figures too old for its update date, and those without a date
    # (None when the file is invalid; empty for a relations fiche).
    stale_figures: list[dict[str, str | int]] | None = None
    undated_figures: list[str] | None = None


def collect(
    paths: list[str],
    out_dir: Path,
    template: str,
    today: dt.date,
    stale_months: int = DEFAULT_STALE_MONTHS,
    formats: tuple[str, ...] = FORMATS,
    stale_figures_years: int = DEFAULT_MAX_AGE_YEARS,
) -> tuple[list[Row], list[Problem]]:
    """The status of every fiche, and warnings (an unreadable manifest)."""
    manifest = mf.Manifest.read(out_dir)
    problems = []
    if manifest.problem:
        problem = Problem(str(out_dir / mf.MANIFEST_NAME), manifest.problem, severity="warning")
        problems.append(problem)
    look = template_hash(load_theme(template))
    epoch = fingerprint()
    rows = []
    for path in paths:
        entry = manifest.entries.get(mf.data_key(path, out_dir))
        try:
            data_hash = mf.file_hash(Path(path))
        except OSError:
            data_hash = None
        figures: list[FigureDate] = []
        if entry is not None and entry.data_hash == data_hash:
            country, slug, updated, valid = entry.country, entry.slug, entry.updated, True
            figures = entry.figures
        else:
            loaded = load_source(path, today)
            valid = loaded.ok
            fiche = loaded.fiche if valid else None
            country = fiche.country.name if fiche else None
            slug = fiche.slug if fiche else None
            updated = fiche.document.updated.first_day.isoformat() if fiche else None
            figures = loaded.figures() if fiche else []
        current = data_hash is not None and up_to_date(
            entry, inputs_hash(data_hash, look, epoch), formats, out_dir
        )
        if not valid:
            state = "invalide"
        elif current:
            state = "a_jour"
        elif slug and all((out_dir / f"{slug}.{f}").exists() for f in formats):
            state = "a_reconstruire"
        else:
            state = "absents"
        day = dt.date.fromisoformat(updated) if updated else None
        if day is not None and day > today:
            # A date typed wrong, or a wrong clock: never a negative age.
            problems.append(Problem(path, future_update(day, today), field="document.mise_a_jour"))
            valid, state = False, "invalide"
        rows.append(
            Row(
                path,
                country,
                slug,
                updated,
                months_between(day, today) if day and valid else None,
                is_stale(day, today, stale_months) if day and valid else None,
                valid,
                state,
                [str(out_dir / f"{slug}.{f}") for f in formats] if slug else [],
                kind_of(path),
                _stale_figures(figures, updated, stale_figures_years) if updated else None,
                undated(figures) if updated else None,
            )
        )
    # A file whose documents build would refuse (another file has its name): an error.
    claimants = [(r.file, r.slug, (None, None, None)) for r in rows if r.valid and r.slug]
    refused = claims.refusals(claimants, out_dir)
    for problem in refused:
        for row in rows:
            if row.file == problem.file:
                row.valid, row.state = False, "invalide"
    return rows, problems + refused


def _stale_figures(figures: list[FigureDate], updated: str, limit: int) -> list[dict]:
    return [
        {"champ": f.field, "date": f.date, "age_ans": f.age_years}
        for f in stale(figures, updated, limit)
    ]


# JSON keys, in French like the data format's, for scripts (documented in the README).
_JSON_KEYS = {
    "file": "fichier",
    "country": "pays",
    "slug": "nom",
    "updated": "mise_a_jour",
    "age_months": "age_mois",
    "stale": "perimee",
    "valid": "valide",
    "state": "etat",
    "documents": "documents",
    "kind": "type",
    "stale_figures": "chiffres_perimes",
    "undated_figures": "chiffres_non_dates",
}
_KIND_WORDS = {"relations": "Relations", PRESENTATION: "Présentation"}


def as_json(rows: list[Row]) -> str:
    """The status as JSON, for scripts: French keys, machine values (see STATES)."""
    return json.dumps(
        [{_JSON_KEYS[k]: v for k, v in asdict(r).items()} for r in rows],
        ensure_ascii=False,
        indent=2,
    )


def as_table(rows: list[Row]) -> str:
    """The status as an aligned text table."""
    header = (
        "Fichier",
        "Type",
        "Pays",
        "Mise à jour",
        "Âge (mois)",
        "Périmée",
        "Chiffres périmés",
        "Documents",
    )
    lines = [header] + [
        (
            r.file,
            _KIND_WORDS[r.kind],
            r.country or "—",
            r.updated or "—",
            "—" if r.age_months is None else str(r.age_months),
            "—" if r.stale is None else ("oui" if r.stale else "non"),
            "—" if r.kind != PRESENTATION or r.stale_figures is None else str(len(r.stale_figures)),
            STATES[r.state],
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines
    )
