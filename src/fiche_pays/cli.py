"""The `fiche-pays` command: progress, messages and exit codes; no content logic.

Exit codes: 0 success, 1 invalid data or failed build, 2 wrong usage (unknown command,
option, template, no data/ folder, bad SOURCE_DATE_EPOCH), 128 + signal when stopped
(130 Ctrl-C, 143 SIGTERM). A user mistake never shows a Python traceback (``--debug``
shows one for a program error); neither does Ctrl-C, a closed pipe or an output that
cannot show accents.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import interrupts
from .arguments import EXIT_USAGE, PROG, parse
from .console import safe_streams
from .problems import DataError, Problem, os_error_text

if TYPE_CHECKING:
    from .build import Report

EXIT_OK, EXIT_FAILED = 0, 1


class UsageError(Exception):
    """Wrong usage found after parsing (unknown template, no data/): exit code 2."""


class Progress:
    """A progress bar on a terminal; one plain line per fiche otherwise (CI logs).

    Called once a fiche's documents are in place (or have failed), never before."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.tty = stream.isatty()

    def __call__(self, item: object, done: int, total: int) -> None:
        from .build import Result

        if self.tty:
            width = 30
            filled = int(width * done / max(total, 1))
            name = item.path if isinstance(item, Result) else str(item)
            self.stream.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
                f"{Path(name).name[:40]:<40}"
            )
            if done == total:
                self.stream.write("\n")
            self.stream.flush()
        elif isinstance(item, Result):
            state = "construite" if item.committed else "en échec"
            self.stream.write(f"[{done}/{total}] {item.path} : {state}\n")
            self.stream.flush()

    def notice(self, message: str) -> None:
        """A line that interrupts the bar (waiting for another build…)."""
        self.stream.write(("\n" if self.tty else "") + f"{PROG} : {message}\n")
        self.stream.flush()


def _print_problems(problems: list[Problem], error_format: str = "text") -> None:
    for problem in problems:
        print(
            problem.github() if error_format == "github" else str(problem),
            file=sys.stdout if error_format == "github" else sys.stderr,
        )


def _data_files(files: list[str]) -> list[str]:
    """The files to work on; without any, wrong usage (no data/ folder, or it is empty)."""
    from .build import discover

    found = discover(files)
    if not found:
        data = Path("data")
        if not data.is_dir():
            raise UsageError(
                f"pas de dossier data/ dans {Path.cwd()} : lancez {PROG} depuis le dossier "
                "qui contient data/, ou donnez les fichiers à traiter"
            )
        raise UsageError("aucun fichier de données dans data/ (data/*.yaml) : donnez des fichiers")
    return found


def _check_template(name: str, option: bool = True) -> None:
    """Wrong usage when the template cannot be found; named as the user typed it
    (``--template NAME``, or NAME alone for a positional argument)."""
    from .theme.folders import find_template

    try:
        find_template(name)
    except DataError as error:
        typed = f"--template {name}" if option else f"modèle « {name} »"
        raise UsageError(f"{typed} : {error.problems[0].message}") from None


def _check_epoch() -> None:
    from .epoch import VARIABLE, source_date_epoch

    try:
        source_date_epoch()
    except DataError as error:
        raise UsageError(f"variable {VARIABLE} : {error.problems[0].message}") from None


def _cmd_build(args: argparse.Namespace) -> int:
    from . import figure_dates
    from .build import build
    from .months import is_stale

    _check_template(args.template)
    _check_epoch()
    files = _data_files(args.files)
    if args.shard is not None:
        from .build import Report
        from .shards import select

        total = len(files)
        files = select(files, args.shard)
        print(f"part {args.shard} : {len(files)} fiche(s) sur {total}", file=sys.stderr)
        if not files:  # build() given no file would build all of data/
            _print_summary(Report())
            return EXIT_OK
    formats = ("pdf", "docx") if args.format == "all" else (args.format,)
    progress = Progress(sys.stderr)
    try:
        report = build(
            files,
            args.out,
            formats,
            args.template,
            args.jobs,
            args.force,
            args.debug,
            progress=progress,
            notify=progress.notice,
        )
    except interrupts.Interrupted as stop:
        if stop.report is not None:
            _print_problems(stop.report.problems)
            for path in stop.report.written:
                print(f"écrit : {path}")
            _print_summary(stop.report)
            kept = len(stop.report.built)
            print(
                f"{PROG} : interrompu ({stop.cause}) : {kept} fiche(s) construite(s) et "
                f"mise(s) en place, {len(stop.report.not_built)} non construite(s) ; aucun "
                "document partiel ; relancez la même commande pour terminer",
                file=sys.stderr,
            )
            return stop.exit_code
        raise
    _print_problems(report.problems)
    for path in report.written:
        print(f"écrit : {path}")
    # Age warnings in full for the fiches just built; for those left unchanged, one line
    # (they were said when built, and `status` lists them): a build that changes
    # nothing does not repeat a dozen warnings.
    today = dt.date.today()
    old_unchanged = dated_unchanged = 0
    for path in [*report.built, *report.skipped]:
        updated = dt.date.fromisoformat(report.updated[path]) if path in report.updated else None
        if not updated:
            continue
        stale = is_stale(updated, today, args.stale_months)
        figures = (
            figure_dates.warnings(
                path, report.figures[path], updated.isoformat(), args.stale_figures_years
            )
            if report.figures.get(path)
            else []
        )
        if path not in report.built:
            old_unchanged += stale
            dated_unchanged += bool(figures)
            continue
        if stale:
            from . import french  # Babel: only when a warning is written

            when = french.day_month_year(updated.day, updated.month, updated.year)
            print(
                f"{path}: avertissement : fiche mise à jour le {when}, il y a plus "
                f"de {args.stale_months} mois",
                file=sys.stderr,
            )
        _print_problems(figures)
    if old_unchanged:
        print(
            f"{_fiches_unchanged(old_unchanged)} plus de {args.stale_months} mois : "
            f"{PROG} status pour le détail",
            file=sys.stderr,
        )
    if dated_unchanged:
        print(
            f"{_fiches_unchanged(dated_unchanged)} des chiffres anciens : "
            f"{PROG} validate pour le détail",
            file=sys.stderr,
        )
    _print_summary(report)
    return EXIT_OK if report.ok else EXIT_FAILED


def _fiches_unchanged(count: int) -> str:
    """ "1 fiche inchangée a", "12 fiches inchangées ont"."""
    return f"{count} fiche inchangée a" if count == 1 else f"{count} fiches inchangées ont"


def _print_summary(report: Report) -> None:
    total = len(report.built) + len(report.skipped) + len(report.failed) + len(report.not_built)
    undone = f", {len(report.not_built)} non construite(s)" if report.not_built else ""
    # a duration in French (narrow no-break space between thousands, decimal comma),
    # without Babel: it costs ~30 ms to import, a third of a build with nothing to do
    seconds = f"{report.seconds:,.1f}".translate({ord(","): "\u202f", ord("."): ","})
    print(
        f"{total} fiche(s) : {len(report.built)} construite(s), {len(report.skipped)} "
        f"inchangée(s), {len(report.failed)} en échec{undone} — "
        f"{seconds} s"
    )


def _cmd_validate(args: argparse.Namespace) -> int:
    from .french import counted
    from .loader.load import load_all

    files = _data_files(args.files)
    # With the output folder: the document names build would refuse are errors too.
    fiches, problems = load_all(files, args.stale_figures_years, args.out)
    _print_problems(problems, args.error_format)
    errors = [p for p in problems if p.severity == "error"]
    if args.error_format == "text":
        # Files and errors counted apart: one invalid file may hold several errors.
        invalid = len(files) - len(fiches)
        print(
            f"{counted(len(files), 'fichier vérifié', 'fichiers vérifiés')} : "
            f"{counted(len(fiches), 'valide')}, {counted(invalid, 'invalide')} "
            f"({counted(len(errors), 'erreur')})"
        )
    return EXIT_FAILED if errors or len(fiches) < len(files) else EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from .kinds import LABELS
    from .loader.load import ROOTS
    from .model.descriptions import json_schema

    schema = json_schema(ROOTS[args.type], args.type)  # described in French
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Fiche pays « {LABELS[args.type]} » (fiche-pays)"
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return EXIT_OK


def _cmd_status(args: argparse.Namespace) -> int:
    from .status import as_json, as_table, collect

    _check_template(args.template)
    _check_epoch()
    files = _data_files(args.files)
    rows, problems = collect(
        files,
        Path(args.out),
        args.template,
        args.today or dt.date.today(),
        args.stale_months,
        stale_figures_years=args.stale_figures_years,
    )
    _print_problems(problems)
    print(as_json(rows) if args.format == "json" else as_table(rows))
    return EXIT_OK


def _cmd_apply(args: argparse.Namespace) -> int:
    from .apply.engine import apply_docx
    from .apply.record import NotOurs
    from .apply.report import lines, summary

    try:
        outcome = apply_docx(args.docx, args.data, args.dry_run, args.reject_tracked)
    except NotOurs as error:
        print(f"{PROG} : {error}", file=sys.stderr)
        return EXIT_FAILED
    for line in lines(outcome, args.dry_run):
        print(line)
    print(summary(outcome, args.dry_run))
    return EXIT_OK if outcome.complete else EXIT_FAILED


def _cmd_reference(args: argparse.Namespace) -> int:
    from .theme.load import find_template, load_theme
    from .writers.docx.reference import write_reference

    _check_template(args.template, option=False)
    folder = find_template(args.template)
    write_reference(load_theme(str(folder)), folder / "reference.docx")
    print(f"écrit : {folder / 'reference.docx'}")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from .importer.run import ImportRun

    out = Path(args.out)
    to_file = out.suffix.lower() in (".yaml", ".yml")
    if to_file and len(args.files) > 1:
        raise UsageError(
            f"--out {args.out} : un seul fichier de sortie pour {len(args.files)} pages ; "
            "donnez un dossier"
        )
    if out.exists() and not out.is_dir() and not to_file:
        raise UsageError(f"--out {args.out} : ce n'est pas un dossier")
    run = ImportRun(out, to_file, args.force)
    for name in args.files:
        run.one(Path(name))
    for line in run.lines:
        print(line)
    _print_problems(run.problems)
    print(
        f"{len(args.files)} page(s) : {len(run.written)} importée(s), {len(run.problems)} en échec"
    )
    return EXIT_FAILED if run.problems else EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from . import countries
    from .kinds import LABELS, PRESENTATION
    from .model.country import slugify
    from .newfile import WRITERS

    try:
        country = countries.find(args.country)
    except countries.UnknownCountry as error:
        raise UsageError(str(error)) from None
    writer = WRITERS.get(args.type)
    if writer is None:
        raise UsageError(
            f"pas encore de modèle de fichier « {LABELS[args.type]} » ; les champs possibles : "
            f"{PROG} schema --type {args.type}"
        )
    suffix = ".presentation.yaml" if args.type == PRESENTATION else ".yaml"
    out = Path(args.out) if args.out else Path("data") / f"{slugify(country.name)}{suffix}"
    if out.exists():
        print(
            f"{out} : le fichier existe déjà ; il n'est pas modifié (choisissez un autre "
            "fichier avec --out)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    out.parent.mkdir(parents=True, exist_ok=True)
    text = writer(country, args.date or dt.date.today())
    with open(out, "x", encoding="utf-8", newline="\n") as handle:  # never over a file
        handle.write(text)
    print(f"écrit : {out} ({country.name}, {LABELS[args.type]})")
    return EXIT_OK


_COMMANDS = {
    "build": _cmd_build,
    "validate": _cmd_validate,
    "schema": _cmd_schema,
    "status": _cmd_status,
    "reference-docx": _cmd_reference,
    "import": _cmd_import,
    "apply": _cmd_apply,
    "new": _cmd_new,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    restore = interrupts.install()  # before the heavy imports: Ctrl-C there is handled too
    try:
        with safe_streams():
            return _main(argv)
    except KeyboardInterrupt as stop:  # between two statements of safe_streams()
        return stop.exit_code if isinstance(stop, interrupts.Interrupted) else 130
    finally:
        restore()


def _main(argv: Sequence[str] | None) -> int:
    debug = False
    try:
        args = parse(argv)
        debug = args.debug
        return _COMMANDS[args.command](args)
    except UsageError as error:
        print(f"{PROG} : erreur d'utilisation : {error}", file=sys.stderr)
        return EXIT_USAGE
    except DataError as error:
        _print_problems(error.problems)
        return EXIT_FAILED
    except KeyboardInterrupt as stop:
        signal_stop = stop if isinstance(stop, interrupts.Interrupted) else interrupts.Interrupted()
        print(
            f"{PROG} : interrompu ({signal_stop.cause}) ; les documents déjà en place sont intacts",
            file=sys.stderr,
        )
        return signal_stop.exit_code
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"erreur d'écriture ou de lecture{where} : {os_error_text(error)}", file=sys.stderr)
        if debug:
            traceback.print_exc()
        return EXIT_FAILED
    except Exception as error:  # a program error: say so plainly, details on demand
        print(
            f"erreur interne : {type(error).__name__}: {error} (relancez avec --debug "
            "pour le détail)",
            file=sys.stderr,
        )
        if debug:
            traceback.print_exc()
        return EXIT_FAILED
