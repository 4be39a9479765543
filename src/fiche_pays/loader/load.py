"""Data file -> validated fiche: a :class:`~fiche_pays.model.relations.Fiche`
("Relations bilatérales") or a :class:`~fiche_pays.model.presentation.Presentation`
("Présentation du pays"), chosen by the file's name (see :mod:`fiche_pays.kinds`).

The only module that reads data files. Every problem, from a wrong encoding to an
inconsistent trade balance, becomes a :class:`~fiche_pays.problems.Problem` naming the
file, the line and the field in the file's own keys.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .. import claims, figure_dates, french
from ..composer.names import check_texts
from ..composer.presentation.names import check_texts as check_presentation_texts
from ..figure_dates import FigureDate
from ..kinds import PRESENTATION, kind_of
from ..model import checks, presentation_checks
from ..model.freshness import dated_figures
from ..model.presentation import Presentation
from ..model.relations import Fiche
from ..partialdate import PartialDate
from ..problems import DataError, Problem
from . import legacy, legacy_presentation, yamlsource
from .files import FileProblem, decode, read_bytes
from .messages import close_key, describe_error
from .positions import SourceMap
from .recheck import clean_loc, prune, target
from .siblings import check_sibling

AnyFiche = Fiche | Presentation
ROOTS: dict[str, type[BaseModel]] = {"relations": Fiche, PRESENTATION: Presentation}


def load(path: str | os.PathLike[str]) -> AnyFiche:
    """Load and validate one data file; raise :class:`DataError` with every problem."""
    loaded = load_source(path)
    if not loaded.ok:
        raise DataError([p for p in loaded.problems if p.severity == "error"])
    return loaded.fiche


def load_all(
    paths: Iterable[str | os.PathLike[str]],
    stale_figures_years: int | None = None,
    out: str | os.PathLike[str] | None = None,
) -> tuple[dict[Path, AnyFiche], list[Problem]]:
    """Load many files; return the valid fiches by path and the problems of all files.

    With ``stale_figures_years``, a presentation's figures older than that before its
    update date are warnings too (see :mod:`fiche_pays.figure_dates`). With ``out``, the
    output folder, the files ``build`` would refuse there (a document name another data
    file owns: :mod:`fiche_pays.claims`) are errors too."""
    fiches: dict[Path, AnyFiche] = {}
    problems: list[Problem] = []
    claimants: list[claims.Claimant] = []
    for path in paths:
        loaded = load_source(path)
        problems.extend(loaded.problems)
        if loaded.ok:
            fiches[Path(path)] = loaded.fiche
            if loaded.source is not None:
                line, column = _position(loaded.source, ("pays", "nom"))
                claimants.append((loaded.path, loaded.fiche.slug, (line, column, "pays.nom")))
            if stale_figures_years is not None:
                updated = loaded.fiche.document.updated.first_day.isoformat()
                problems += figure_dates.warnings(
                    loaded.path, loaded.figures(), updated, stale_figures_years
                )
    if out is not None:
        refused = claims.refusals(claimants, out)
        for problem in refused:
            fiches.pop(Path(problem.file), None)
        problems += refused
    return fiches, problems


@dataclass
class Loaded:
    """A data file after loading: the fiche (None if unusable), its problems, its source."""

    path: str
    fiche: AnyFiche | None
    problems: list[Problem]
    data: Any = None
    source: SourceMap | None = None
    digest: str = ""  # SHA-256 of the bytes read: what the documents are made of

    @property
    def ok(self) -> bool:
        """True when the fiche is usable (warnings allowed)."""
        return self.fiche is not None and not any(p.severity == "error" for p in self.problems)

    def figures(self) -> list[FigureDate]:
        """The dates of a presentation's figures, located on their date's line (on the
        figure's when undated); none for a relations fiche."""
        if not isinstance(self.fiche, Presentation) or self.source is None:
            return []
        found = []
        for path, date in dated_figures(self.fiche):
            where = (*path, "date") if date is not None else path
            line, _ = _position(self.source, where)
            text = str(date) if date is not None else None
            found.append(FigureDate(field_path(path, self.data), text, line))
        return sorted(found, key=lambda f: f.line or 0)  # in the file's order


def load_source(path: str | os.PathLike[str], today: dt.date | None = None) -> Loaded:
    """Load one file, keeping its parsed data and source map (for located warnings).

    ``today`` (by default the clock's) is the day after which an update date is refused."""
    name = os.fspath(path)
    digest = ""
    try:
        raw = read_bytes(Path(path))  # read once: a file edited meanwhile is not mixed in
        digest = hashlib.sha256(raw).hexdigest()
        data, source = yamlsource.parse(decode(raw))
    except FileProblem as problem:
        problems = [Problem(name, problem.message, problem.line, problem.column)]
        return Loaded(name, None, problems, digest=digest)
    except yamlsource.YamlProblem as problem:
        problems = [Problem(name, p.message, p.line, p.column, p.field) for p in problem.all()]
        return Loaded(name, None, problems, digest=digest)
    fiche, problems = validate(data, source, name)
    if source.problems:  # a key written twice: an error, beside all the others
        found = [Problem(name, p.message, p.line, p.column, p.field) for p in source.problems]
        problems = sorted([*found, *problems], key=_in_file_order)
        fiche = None
    if not any(p.field == "document.mise_a_jour" for p in problems):  # one error a field
        problems += _future_update(data, source, name, today or dt.date.today())
    if fiche is not None:
        problems += check_sibling(name, data, source)
    return Loaded(name, fiche, problems, data, source, digest)


def future_update(updated: dt.date, today: dt.date) -> str:
    """Why an update date after ``today`` is refused (validate, build and status)."""
    return (
        "date de mise à jour dans le futur ("
        f"{french.day_month_year(updated.day, updated.month, updated.year)}, nous sommes le "
        f"{french.day_month_year(today.day, today.month, today.year)}) : écrivez le jour où la "
        "fiche a été mise à jour"
    )


def _future_update(data: Any, source: SourceMap, name: str, today: dt.date) -> list[Problem]:
    # Read from the data, not the model: reported even when other values are refused.
    document = data.get("document") if isinstance(data, dict) else None
    try:
        updated = PartialDate.parse(document.get("mise_a_jour"))
    except (AttributeError, ValueError):
        return []  # no date, or one the model refuses with its own message
    if updated.first_day <= today:
        return []
    line, column = _position(source, ("document", "mise_a_jour"))
    message = future_update(updated.first_day, today)
    return [Problem(name, message, line, column, "document.mise_a_jour")]


def validate(
    data: Any, source: SourceMap, name: str, kind: str | None = None
) -> tuple[AnyFiche | None, list[Problem]]:
    """Validate parsed data as a fiche of ``kind`` (by default, the one ``name`` says);
    return the fiche (None if invalid) and all its problems: the values the model
    refuses, and, in what is left, the cross-field checks and references (so that a
    structural error never hides another one)."""
    root = ROOTS[kind or kind_of(name)]
    if data is None:
        return None, [Problem(name, "le fichier est vide (ou ne contient que des commentaires)", 1)]
    if not isinstance(data, dict):
        kind = "une liste" if isinstance(data, list) else "une simple valeur"
        return None, [
            Problem(
                name,
                f"le fichier contient {kind} ; une fiche est une suite "
                "de champs « nom : valeur » (pays, document, …)",
                1,
            )
        ]
    blocks = root is Fiche
    # Relations fiches of the old form are converted first (one contained step), and so
    # are the old leaders and ministers of presentation fiches.
    conversion = legacy.convert(data) if blocks else legacy_presentation.convert(data)
    where = _Locator(name, data, source, conversion.paths)
    problems = [where.problem(note.path, note.message, note.severity) for note in conversion.notes]
    try:
        fiche = root.model_validate(conversion.data)
    except ValidationError as error:
        errors = [(e, clean_loc(e["loc"], conversion.data, blocks)) for e in error.errors()]
        errors = _merge_misspelt(errors, root, conversion.data)
        for e, loc in errors:
            problems.append(where.problem(loc, describe_error(e, loc, root, conversion.data)))
        pruned = prune(root, conversion.data, [target(e, loc) for e, loc in errors], blocks)
        if pruned.model is not None:
            for finding in _findings(pruned.model):
                # Located in the file's data: items removed before it shifted its index.
                finding = replace(finding, path=pruned.original(finding.path))
                if finding.subject is not None and pruned.hides(finding.path, finding.subject):
                    continue
                problems.append(where.finding(finding))
        return None, sorted(problems, key=_in_file_order)
    problems += [where.finding(f) for f in _findings(fiche)]
    return fiche, sorted(problems, key=_in_file_order)


def _findings(fiche: AnyFiche) -> list[checks.Finding]:
    if isinstance(fiche, Presentation):
        return [*presentation_checks.check(fiche), *check_presentation_texts(fiche)]
    return [*checks.check(fiche), *check_texts(fiche)]


def _in_file_order(problem: Problem) -> tuple[int, int]:
    return problem.line or 0, problem.column or 0


def _merge_misspelt(
    errors: list[tuple[dict, tuple]], root: type[BaseModel], data: Any
) -> list[tuple[dict, tuple]]:
    """Drop "« visiteurs » manquant" when "visiteur" is there, misspelt: the unknown-key
    message already says "vouliez-vous dire « visiteurs » ?"."""
    suggested = set()
    for error, loc in errors:
        if error["type"] == "extra_forbidden" and loc:
            close = close_key(root, loc, data)
            if close:
                suggested.add((*loc[:-1], close))
    return [
        (e, loc) for e, loc in errors if not (e["type"] == "missing" and tuple(loc) in suggested)
    ]


class _Locator:
    """Problems located in the file: converted paths taken back to the file's own."""

    def __init__(self, name: str, data: Any, source: SourceMap, paths: legacy.PathMap):
        self.name, self.data, self.source, self.paths = name, data, source, paths

    def problem(self, path: tuple, message: str, severity: str = "error") -> Problem:
        old = self.paths.old(tuple(path))
        line, column = _position(self.source, old)
        field = field_path(old, self.data) or None
        return Problem(self.name, message, line, column, field, severity)

    def finding(self, finding: checks.Finding) -> Problem:
        old = _in_data(self.paths.old(finding.path), self.data)
        line, column = _position(self.source, old)
        if finding.offset is not None and line is not None:
            line, column = _line_in_text(self.source, old, self.data, finding.offset, line, column)
        return Problem(
            self.name, finding.message, line, column, field_path(old, self.data), finding.severity
        )


# --- locating problems ---------------------------------------------------------------------


def field_path(loc: tuple, data: Any) -> str:
    """A data path in the file's own terms: "echanges[2].exportations" (1-based lists)."""
    parts: list[str] = []
    node = data
    for part in loc:
        if isinstance(node, list) and isinstance(part, int):
            parts.append(f"[{part + 1}]")
        else:
            parts.append(("." if parts else "") + str(part))
        node = _child(node, part)
    return "".join(parts)


def _in_data(path: tuple, data: Any) -> tuple:
    """``path`` without the index the model adds where the file holds one value for a
    list of one ("date: 2027-07-10" is the list of dates [2027-07-10]): "date", not
    "date.0"."""
    node = data
    for depth, part in enumerate(path):
        if isinstance(part, int) and not isinstance(node, list | dict) and node is not None:
            return tuple(path[:depth])
        node = _child(node, part)
    return tuple(path)


def _child(node: Any, part: Any) -> Any:
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _position(source: SourceMap, path: tuple) -> tuple[int | None, int | None]:
    found = source.locate(tuple(path))
    return found if found else (None, None)


def _line_in_text(
    source: SourceMap, path: tuple, data: Any, offset: int, line: int, column: int | None
) -> tuple[int, int | None]:
    value = data
    for part in path:
        value = _child(value, part)
    value_line, _ = source.values.get(tuple(path), (None, None))
    if not isinstance(value, str) or value_line is None:
        return line, column
    # Block texts ("|") start on the line after their key; plain ones on the same line.
    block = value_line > line or (source.styles.get(tuple(path)) in ("|", ">"))
    start = value_line + (1 if block else 0)
    stripped = len(value) - len(value.lstrip())
    before = value[: offset + stripped]
    return start + before.count("\n"), None
