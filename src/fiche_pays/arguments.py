"""The command line's grammar, in French: commands, options, help and usage errors.

argparse words its help and errors in English ("usage:", "show this help message and
exit", "invalid choice"); its messages go through gettext, so the parser is built and
run with a French catalogue swapped in (only for the duration, so that other argparse
users in the same process keep theirs). A mistyped command or option gets a
did-you-mean. Wrong usage exits with code 2.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import difflib
import re
import sys
import textwrap
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

from . import __version__
from .shards import Shard, parse_shard
from .theme import DEFAULT_TEMPLATE

EXIT_USAGE = 2
PROG = "fiche-pays"

# argparse's messages (Python 3.11 to 3.14) in French.
_FRENCH = {
    "usage: ": "utilisation : ",
    # argparse puts ":" right after a heading; French wants a (no-break) space before it.
    "positional arguments": "arguments\u00a0",
    "options": "options\u00a0",
    "optional arguments": "options\u00a0",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut être %(matches)s"
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "valeur %(value)r inconnue (possibles : %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "valeur %(value)r invalide (%(type)s)",
    "the following arguments are required: %s": "il manque : %s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "au plus une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "not allowed with argument %s": "incompatible avec %s",
    "ignored explicit argument %r": "valeur %r ignorée",
    "one of the arguments %s is required": "l'un de ces arguments est obligatoire : %s",
    "unexpected option string: %s": "option inattendue : %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur d'utilisation : %(message)s\n",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande %(parser_name)r inconnue (commandes : %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
    "subcommands": "commandes\u00a0",
}
_FRENCH_PLURAL = {
    ("expected %s argument", "expected %s arguments"): (
        "%s valeur attendue",
        "%s valeurs attendues",
    )
}


def _gettext(message: str) -> str:
    return _FRENCH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    one, many = _FRENCH_PLURAL.get((singular, plural), (singular, plural))
    return one if n == 1 else many


@contextlib.contextmanager
def in_french() -> Iterator[None]:
    """Let argparse speak French for the duration of the block."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


# French typography's no-break spaces: before ":" and ";", inside « », and between an exit
# code and its meaning ("2 mauvaise utilisation"). textwrap breaks at ASCII spaces only.
_GLUED = re.compile(r" (?=[:;?!»])|(?<=«) |(?<=\d) (?=[a-zà-ÿ])|(?<=défaut :) ")
_SPACES = re.compile(r"[ \t\n\r\f\v]+")  # ASCII only: a no-break space stays


def _french_lines(text: str) -> str:
    """Help text on one line, its spaces collapsed, no-break where French wants them."""
    return _GLUED.sub("\u00a0", _SPACES.sub(" ", text).strip())


class _Formatter(argparse.HelpFormatter):
    """Wraps help without cutting "fiche-pays" or "reference-docx" at their hyphen, nor
    "(défaut : all)" before its colon (see ``_GLUED``)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(_french_lines(text), width, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return textwrap.fill(
            _french_lines(text),
            width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that errs in French, with suggestions, and exits with 2."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        """Print the usage and the error; exit with 2."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog} : erreur d'utilisation : {message}\n")

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is None or value in action.choices:
            return
        choices = [str(c) for c in action.choices]
        known = ", ".join(choices)
        hint = _suggestion(str(value), choices)
        if isinstance(action, argparse._SubParsersAction):
            raise argparse.ArgumentError(
                None, f"commande « {value} » inconnue{hint} (commandes : {known})"
            )
        message = f"valeur « {value} » inconnue{hint} (possibles : {known})"
        raise argparse.ArgumentError(action, message)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        """Parse; an unknown option is named with the nearest known one."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = self._commands().get(getattr(parsed, "command", None) or "", self)
            options = [o for a in command._actions for o in a.option_strings]
            unknown = extras[0]
            hint = _suggestion(unknown.split("=", 1)[0], options) if unknown.startswith("-") else ""
            what = "option inconnue" if unknown.startswith("-") else "argument en trop"
            command.error(f"{what} : {' '.join(extras)}{hint}")
        return parsed

    def _commands(self) -> dict[str, argparse.ArgumentParser]:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                return dict(action.choices)
        return {}


def _suggestion(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f" ; vouliez-vous dire « {close[0]} » ?" if close else ""


def parser() -> Parser:
    """The whole command line (call inside :func:`in_french`)."""
    top = Parser(
        prog=PROG,
        description="Fiches pays « Relations bilatérales » et « Présentation du pays » en PDF "
        "et DOCX à partir de fichiers de données YAML (data/pays.yaml et "
        "data/pays.presentation.yaml).",
        epilog="Codes de sortie : 0 succès, 1 données invalides ou échec de production, "
        "2 mauvaise utilisation, 130 ou 143 interruption. Aide d'une commande : "
        "fiche-pays COMMANDE --help.",
    )
    top.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}", help="afficher la version"
    )
    top.add_argument(
        "--debug",
        action="store_true",
        help="afficher le détail technique (trace Python) des erreurs internes",
    )
    commands = top.add_subparsers(
        dest="command", metavar="COMMANDE", title="commandes\u00a0", parser_class=Parser
    )
    commands.required = True
    _build(commands)
    _validate(commands)
    schema = commands.add_parser(
        "schema",
        help="écrire le schéma JSON du format de données (pour l'éditeur)",
        description="Écrit sur la sortie standard le schéma JSON du format de données "
        "d'un type de fiche.",
    )
    schema.add_argument(
        "--type",
        choices=("relations", "presentation"),
        default="relations",
        help="relations : fiches « Relations bilatérales » (data/pays.yaml) ; presentation : "
        "fiches « Présentation du pays » (data/pays.presentation.yaml) (défaut : relations)",
    )
    _status(commands)
    _import(commands)
    _apply(commands)
    _new(commands)
    reference = commands.add_parser(
        "reference-docx",
        help="recréer le reference.docx d'un modèle à partir de son thème",
        description="Recrée le reference.docx d'un modèle à partir de son theme.yaml "
        "(écrase les styles modifiés dans Word).",
    )
    reference.add_argument("template", metavar="MODÈLE", help="nom ou dossier du modèle")
    return top


def _files(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "files",
        nargs="*",
        metavar="FICHIER",
        help="fichiers de données (par défaut : tous les data/*.yaml)",
    )


def _out(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--out", default="output", metavar="DOSSIER", help="dossier des documents (défaut : output)"
    )


def _template(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--template",
        default=DEFAULT_TEMPLATE,
        metavar="MODÈLE",
        help="nom d'un modèle de templates/ ou chemin d'un dossier de modèle "
        f"(défaut : {DEFAULT_TEMPLATE})",
    )


def _stale(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--stale-months",
        type=positive,
        default=12,
        metavar="MOIS",
        help="signaler les fiches mises à jour il y a plus de MOIS mois (défaut : 12)",
    )


def _stale_figures(command: argparse.ArgumentParser) -> None:
    from .figure_dates import DEFAULT_MAX_AGE_YEARS

    command.add_argument(
        "--stale-figures-years",
        type=positive,
        default=DEFAULT_MAX_AGE_YEARS,
        metavar="ANS",
        help="signaler les chiffres d'une présentation antérieurs de plus de ANS ans à sa "
        f"mise à jour (défaut : {DEFAULT_MAX_AGE_YEARS})",
    )


def _build(commands: Any) -> None:
    build = commands.add_parser(
        "build",
        help="produire les documents (PDF et DOCX)",
        description="Produit les documents des fiches, en parallèle, en ne reconstruisant "
        "que ce qui a changé. Interrompue (Ctrl-C), elle garde les documents terminés.",
    )
    _files(build)
    _out(build)
    build.add_argument(
        "--format",
        choices=("pdf", "docx", "all"),
        default="all",
        help="format à produire : pdf, docx ou all, les deux (défaut : all)",
    )
    _template(build)
    build.add_argument(
        "--jobs",
        "-j",
        type=positive,
        default=None,
        metavar="N",
        help="processus en parallèle (défaut : tous les cœurs)",
    )
    build.add_argument(
        "--force", action="store_true", help="tout reconstruire, même ce qui est à jour"
    )
    build.add_argument(
        "--shard",
        type=shard,
        default=None,
        metavar="I/N",
        help="ne produire que la I-e de N parts des fiches (de 1 à N) : parts disjointes et "
        "stables, pour répartir la production sur N machines (voir le README)",
    )
    _stale(build)
    _stale_figures(build)


def _validate(commands: Any) -> None:
    validate = commands.add_parser(
        "validate",
        help="vérifier les données sans rien produire",
        description="Vérifie les fichiers de données et signale toutes les erreurs de tous "
        "les fichiers, avec fichier, ligne, colonne et champ.",
    )
    _files(validate)
    validate.add_argument(
        "--out",
        default="output",
        metavar="DOSSIER",
        help="dossier des documents : un fichier dont le pays y a déjà ses documents, "
        "produits depuis un autre fichier, est signalé, comme build le refuserait "
        "(défaut : output)",
    )
    validate.add_argument(
        "--error-format",
        choices=("text", "github"),
        default="text",
        help="text : une ligne par erreur ; github : annotations pour GitHub Actions "
        "(défaut : text)",
    )
    _stale_figures(validate)


def _status(commands: Any) -> None:
    status = commands.add_parser(
        "status",
        help="âge des fiches et état de leurs documents",
        description="Dit, pour chaque fiche, sa date de mise à jour, son âge, si elle est "
        "périmée et si ses documents sont à jour.",
    )
    _files(status)
    _out(status)
    _template(status)
    status.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="table : tableau à lire ; json : pour les scripts, clés et valeurs décrites "
        "dans le README (défaut : table)",
    )
    _stale(status)
    _stale_figures(status)
    status.add_argument(
        "--today",
        type=iso_date,
        default=None,
        metavar="AAAA-MM-JJ",
        help="date de référence pour l'âge des fiches (défaut : aujourd'hui)",
    )


def _import(commands: Any) -> None:
    command = commands.add_parser(
        "import",
        help="créer un fichier de données à partir d'une page publiée ou d'un document Word",
        description="Lit une page « Relations bilatérales » ou « Présentation du pays » "
        "(texte copié depuis le navigateur, page HTML enregistrée, document Word .docx, y "
        "compris ceux que fiche-pays écrit) et écrit le fichier de données correspondant, "
        "qui se valide tel quel : faits reconnus en champs, le reste en texte mot pour mot, "
        "commentaires « à vérifier ». Affiche ce qui est devenu champ et ce qui est resté "
        "texte, ligne par ligne.",
    )
    command.add_argument(
        "files", nargs="+", metavar="FICHIER", help="pages à importer (.txt, .html, .docx)"
    )
    command.add_argument(
        "--out",
        default="data",
        metavar="DOSSIER|FICHIER",
        help="dossier où écrire <pays>.yaml (ou <pays>.presentation.yaml), ou nom du fichier "
        "à écrire pour une seule page (défaut : data)",
    )
    command.add_argument(
        "--force", action="store_true", help="remplacer un fichier de données existant"
    )


def _apply(commands: Any) -> None:
    apply = commands.add_parser(
        "apply",
        help="reprendre dans les données les modifications faites dans un DOCX relu",
        description="Lit un DOCX produit par fiche-pays puis modifié dans Word ou "
        "LibreOffice (texte, chiffres, modifications suivies, commentaires) et écrit les "
        "modifications dans le fichier de données d'où il vient, champ par champ, sans "
        "toucher au reste du fichier. Ce qui ne peut pas être repris est signalé.",
    )
    apply.add_argument("docx", metavar="DOCX", help="le document relu (.docx)")
    apply.add_argument(
        "--data",
        metavar="FICHIER",
        default=None,
        help="le fichier de données à modifier (par défaut : celui dont le document vient)",
    )
    apply.add_argument(
        "--dry-run",
        action="store_true",
        help="afficher les modifications champ par champ sans rien écrire",
    )
    apply.add_argument(
        "--reject-tracked",
        action="store_true",
        help="laisser de côté les modifications suivies (elles sont listées) au lieu de "
        "les accepter",
    )


def _new(commands: Any) -> None:
    new = commands.add_parser(
        "new",
        help="créer le fichier de données d'un pays, prêt à remplir",
        description="Écrit data/<pays>.yaml (ou --out) : le pays avec ses noms et formes "
        "en français (au, du, le, adjectifs), la date de mise à jour, et chaque section en "
        "exemple commenté, avec ce que la fiche en écrit. N'écrase jamais un fichier.",
    )
    new.add_argument("country", metavar="PAYS", help="nom français usuel ou code ISO (BJ, KZ…)")
    new.add_argument(
        "--out",
        default=None,
        metavar="FICHIER",
        help="fichier à écrire (défaut : data/<pays>.yaml)",
    )
    new.add_argument(
        "--type",
        choices=("relations", "presentation"),
        default="relations",
        help="type de fiche (défaut : relations)",
    )
    new.add_argument(
        "--date",
        type=iso_date,
        default=None,
        metavar="AAAA-MM-JJ",
        help="date de mise à jour à écrire (défaut : aujourd'hui)",
    )


def positive(text: str) -> int:
    """A whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"nombre entier attendu : {text}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"doit être au moins 1 : {text}")
    return value


def shard(text: str) -> Shard:
    """A share of the fiches, written I/N (see :mod:`.shards`)."""
    try:
        return parse_shard(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def iso_date(text: str) -> dt.date:
    """A date written AAAA-MM-JJ."""
    from .partialdate import PartialDate

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise argparse.ArgumentTypeError(f"date AAAA-MM-JJ attendue : {text}")
    try:
        PartialDate.parse(text)  # its words: « le 30 février 2026 n'existe pas »
        return dt.date.fromisoformat(text.strip())
    except ValueError as error:
        reason = str(error).split(" : ", 1)[-1]
        raise argparse.ArgumentTypeError(f"date impossible : {reason}") from None


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line in French; exit with 2 on wrong usage."""
    with in_french():
        top = parser()
        if argv is None:
            argv = sys.argv[1:]
        if not argv:  # nothing asked: show what can be asked
            top.print_help(sys.stderr)
            sys.exit(EXIT_USAGE)
        return top.parse_args(argv)
