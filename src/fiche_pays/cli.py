"""The `fiche-pays` command: argument parsing, progress and exit codes; no content logic.

Exit codes: 0 success, 1 invalid data or failed build, 2 bad usage. A user mistake
never shows a Python traceback (``--debug`` shows one for a program error).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from . import __version__
from .problems import DataError, Problem, os_error_text

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog} : erreur d'utilisation : {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="fiche-pays",
        description="Fiches pays « Relations bilatérales » "
        "en PDF et DOCX à partir de fichiers de données YAML.",
    )
    parser.add_argument("--version", action="version", version=f"fiche-pays {__version__}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="afficher le détail technique (trace Python) des erreurs",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=_Parser)
    commands.required = True

    build = commands.add_parser("build", help="produire les documents (PDF et DOCX)")
    build.add_argument(
        "files", nargs="*", metavar="FICHIER", help="fichiers de données (par défaut : data/*.yaml)"
    )
    build.add_argument(
        "--out", default="output", metavar="DOSSIER", help="dossier de sortie (par défaut : output)"
    )
    build.add_argument("--format", choices=("pdf", "docx", "all"), default="all")
    build.add_argument(
        "--template",
        default="officiel",
        metavar="MODÈLE",
        help="nom d'un modèle de templates/ ou chemin d'un dossier de modèle",
    )
    build.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        default=None,
        metavar="N",
        help="processus en parallèle (par défaut : tous les cœurs)",
    )
    build.add_argument(
        "--force", action="store_true", help="tout reconstruire, même ce qui est à jour"
    )
    build.add_argument(
        "--stale-months",
        type=_positive,
        default=12,
        metavar="MOIS",
        help="signaler les fiches plus anciennes (par défaut : 12 mois)",
    )

    validate = commands.add_parser("validate", help="vérifier les données sans rien produire")
    validate.add_argument("files", nargs="*", metavar="FICHIER")
    validate.add_argument(
        "--error-format",
        choices=("text", "github"),
        default="text",
        help="github : annotations pour GitHub Actions",
    )

    commands.add_parser("schema", help="schéma JSON du format de données (pour l'éditeur)")

    status = commands.add_parser("status", help="âge des fiches et état des documents")
    status.add_argument("files", nargs="*", metavar="FICHIER")
    status.add_argument("--out", default="output", metavar="DOSSIER")
    status.add_argument("--template", default="officiel", metavar="MODÈLE")
    status.add_argument("--format", choices=("table", "json"), default="table")
    status.add_argument("--stale-months", type=_positive, default=12, metavar="MOIS")
    status.add_argument(
        "--today",
        type=_date,
        default=None,
        metavar="AAAA-MM-JJ",
        help="date de référence (par défaut : aujourd'hui)",
    )

    reference = commands.add_parser(
        "reference-docx",
        help="recréer le reference.docx d'un modèle à partir de son thème "
        "(écrase les styles modifiés dans Word)",
    )
    reference.add_argument("template", metavar="MODÈLE")
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"nombre entier attendu : {text}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"doit être au moins 1 : {text}")
    return value


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date AAAA-MM-JJ attendue : {text}") from None


class Progress:
    """A progress bar on a terminal; one plain line per fiche otherwise (CI logs)."""

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
            state = "construite" if item.ok else "en échec"
            self.stream.write(f"[{done}/{total}] {item.path} : {state}\n")
            self.stream.flush()


def _print_problems(problems: list[Problem], error_format: str = "text") -> None:
    for problem in problems:
        print(
            problem.github() if error_format == "github" else str(problem),
            file=sys.stdout if error_format == "github" else sys.stderr,
        )


def _data_files(files: list[str]) -> list[str]:
    """The files to work on; says so when there are none (no argument, empty data/)."""
    from .build import discover

    found = discover(files)
    if not found:
        print(
            "aucun fichier de données : donnez des fichiers, ou placez-les dans data/*.yaml",
            file=sys.stderr,
        )
    return found


def _cmd_build(args: argparse.Namespace) -> int:
    from . import french
    from .build import build
    from .status import is_stale

    files = _data_files(args.files)
    if not files:
        return EXIT_FAILED
    formats = ("pdf", "docx") if args.format == "all" else (args.format,)
    report = build(
        files,
        args.out,
        formats,
        args.template,
        args.jobs,
        args.force,
        args.debug,
        progress=Progress(sys.stderr),
    )
    _print_problems(report.problems)
    for path in report.written:
        print(f"écrit : {path}")
    from .manifest import Manifest

    manifest = Manifest.read(Path(args.out))
    today = dt.date.today()
    current = {*report.built, *report.skipped}
    for path, entry in sorted(manifest.entries.items()):
        updated = dt.date.fromisoformat(entry.updated)
        if path in current and is_stale(updated, today, args.stale_months):
            when = french.day_month_year(updated.day, updated.month, updated.year)
            print(
                f"{path}: avertissement : fiche mise à jour le {when}, il y a plus "
                f"de {args.stale_months} mois",
                file=sys.stderr,
            )
    print(
        f"{len(report.built) + len(report.skipped) + len(report.failed)} fiche(s) : "
        f"{len(report.built)} construite(s), {len(report.skipped)} inchangée(s), "
        f"{len(report.failed)} en échec — {french.number(report.seconds, 1)} s"
    )
    return EXIT_OK if report.ok else EXIT_FAILED


def _cmd_validate(args: argparse.Namespace) -> int:
    from .loader.load import load_all

    files = _data_files(args.files)
    if not files:
        return EXIT_FAILED
    fiches, problems = load_all(files)
    _print_problems(problems, args.error_format)
    errors = [p for p in problems if p.severity == "error"]
    if args.error_format == "text":
        print(
            f"{len(files)} fichier(s) vérifié(s) : {len(fiches)} valide(s), {len(errors)} erreur(s)"
        )
    return EXIT_FAILED if errors or len(fiches) < len(files) else EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from .model.relations import Fiche

    schema = Fiche.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Fiche pays (fiche-pays)"
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return EXIT_OK


def _cmd_status(args: argparse.Namespace) -> int:
    from .status import as_json, as_table, collect

    rows = collect(
        args.files, Path(args.out), args.template, args.today or dt.date.today(), args.stale_months
    )
    print(as_json(rows) if args.format == "json" else as_table(rows))
    return EXIT_OK


def _cmd_reference(args: argparse.Namespace) -> int:
    from .theme.load import find_template, load_theme
    from .writers.docx_styles import write_reference

    folder = find_template(args.template)
    write_reference(load_theme(str(folder)), folder / "reference.docx")
    print(f"écrit : {folder / 'reference.docx'}")
    return EXIT_OK


_COMMANDS = {
    "build": _cmd_build,
    "validate": _cmd_validate,
    "schema": _cmd_schema,
    "status": _cmd_status,
    "reference-docx": _cmd_reference,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except DataError as error:
        _print_problems(error.problems)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("interrompu : les documents déjà en place sont intacts", file=sys.stderr)
        return 130
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"erreur d'écriture ou de lecture{where} : {os_error_text(error)}", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return EXIT_FAILED
    except Exception as error:  # a program error: say so plainly, details on demand
        print(
            f"erreur interne : {type(error).__name__}: {error} (relancez avec --debug "
            "pour le détail)",
            file=sys.stderr,
        )
        if args.debug:
            traceback.print_exc()
        return EXIT_FAILED
