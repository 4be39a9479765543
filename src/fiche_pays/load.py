"""Data file -> validated :class:`~fiche_pays.model.Fiche`.

The only module that reads data files. Every problem, from a wrong encoding to an
inconsistent trade balance, becomes a :class:`~fiche_pays.problems.Problem` naming the
file, the line and the field in the file's own keys.
"""

from __future__ import annotations

import difflib
import os
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import checks, french, yamlsource
from .model import Fiche
from .problems import DataError, Problem
from .yamlsource import SourceMap

MAX_BYTES = 5 * 1024 * 1024  # a long fiche is ~100 KB; anything near this is a mistake


def load(path: str | os.PathLike[str]) -> Fiche:
    """Load and validate one data file; raise :class:`DataError` with every problem."""
    loaded = load_source(path)
    if not loaded.ok:
        raise DataError([p for p in loaded.problems if p.severity == "error"])
    return loaded.fiche


def load_all(paths: Iterable[str | os.PathLike[str]]) -> tuple[dict[Path, Fiche], list[Problem]]:
    """Load many files; return the valid fiches by path and the problems of all files."""
    fiches: dict[Path, Fiche] = {}
    problems: list[Problem] = []
    for path in paths:
        loaded = load_source(path)
        problems.extend(loaded.problems)
        if loaded.ok:
            fiches[Path(path)] = loaded.fiche
    return fiches, problems


@dataclass
class Loaded:
    """A data file after loading: the fiche (None if unusable), its problems, its source."""

    path: str
    fiche: Fiche | None
    problems: list[Problem]
    data: Any = None
    source: SourceMap | None = None

    @property
    def ok(self) -> bool:
        """True when the fiche is usable (warnings allowed)."""
        return self.fiche is not None and not any(p.severity == "error" for p in self.problems)


def load_source(path: str | os.PathLike[str]) -> Loaded:
    """Load one file, keeping its parsed data and source map (for located warnings)."""
    name = os.fspath(path)
    try:
        text = read_text(Path(path))
        data, source = yamlsource.parse(text)
    except _FileProblem as problem:
        return Loaded(name, None, [Problem(name, problem.message, problem.line, problem.column)])
    except yamlsource.YamlProblem as problem:
        return Loaded(
            name, None, [Problem(name, p.message, p.line, p.column, p.field) for p in problem.all()]
        )
    fiche, problems = validate(data, source, name)
    return Loaded(name, fiche, problems, data, source)


def validate(data: Any, source: SourceMap, name: str) -> tuple[Fiche | None, list[Problem]]:
    """Validate parsed data; return the fiche (None if invalid) and its problems."""
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
    try:
        fiche = Fiche.model_validate(data)
    except ValidationError as error:
        errors = _merge_misspelt(error.errors())
        problems = [_pydantic_problem(name, e, data, source) for e in errors]
        return None, sorted(problems, key=_in_file_order)
    problems = [_finding_problem(name, f, data, source) for f in checks.check(fiche)]
    return fiche, problems


def _in_file_order(problem: Problem) -> tuple[int, int]:
    return problem.line or 0, problem.column or 0


def _merge_misspelt(errors: list[dict]) -> list[dict]:
    """Drop "« personnalite » manquant" when "personalite" is there, misspelt: the
    unknown-key message already says "vouliez-vous dire « personnalite » ?"."""
    suggested = set()
    for error in errors:
        loc = tuple(p for p in error["loc"] if p != "[key]")
        if error["type"] == "extra_forbidden" and loc:
            close = _close_key(loc)
            if close:
                suggested.add((*loc[:-1], close))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in suggested)]


def _close_key(loc: tuple) -> str | None:
    """The allowed key nearest to the unknown key at the end of ``loc``, if any is close."""
    close = difflib.get_close_matches(str(loc[-1]), allowed_keys(loc[:-1]), n=1, cutoff=0.6)
    return close[0] if close else None


class _FileProblem(Exception):
    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


# Files a hurried user may pass instead of a data file, by their first bytes.
_NOT_YAML = (
    (b"\xff\xfe", "le fichier est encodé en UTF-16 : réenregistrez-le en UTF-8"),
    (b"\xfe\xff", "le fichier est encodé en UTF-16 : réenregistrez-le en UTF-8"),
    (b"%PDF", "c'est un document PDF, pas un fichier de données YAML"),
    (b"PK\x03\x04", "c'est une archive ZIP ou un document Word (.docx), pas un fichier YAML"),
    (b"\xd0\xcf\x11\xe0", "c'est un ancien document Word ou Excel, pas un fichier YAML"),
)


def read_text(path: Path) -> str:
    """Read a data file as UTF-8 text, refusing what is not a reasonable text file."""
    try:
        if path.is_dir():
            raise _FileProblem("c'est un dossier, pas un fichier de données")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _FileProblem(
                f"fichier trop volumineux ({french.number(size / 1e6, 1)} Mo ; une "
                f"fiche fait au plus {MAX_BYTES // 1024 // 1024} Mo)"
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _FileProblem("fichier introuvable") from None
    except PermissionError:
        raise _FileProblem("lecture refusée (droits insuffisants)") from None
    except OSError as error:
        raise _FileProblem(f"lecture impossible ({error.strerror or error})") from None
    if len(raw) > MAX_BYTES:
        raise _FileProblem("fichier trop volumineux")
    for magic, what in _NOT_YAML:
        if raw.startswith(magic):
            raise _FileProblem(what)
    if b"\x00" in raw[:8192]:
        raise _FileProblem("fichier binaire : ce n'est pas un fichier texte YAML")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        byte = raw[error.start]
        hint = ""
        try:
            guess = raw[error.start : error.start + 1].decode("cp1252")
            hint = (
                f" (probablement « {guess} » en Windows-1252/Latin-1 : réenregistrez le "
                "fichier en UTF-8)"
            )
        except UnicodeDecodeError:
            pass
        raise _FileProblem(
            f"le fichier n'est pas encodé en UTF-8 : octet 0x{byte:02X} illisible{hint}",
            line,
            column,
        ) from None
    if not text.strip():
        raise _FileProblem("le fichier est vide", 1)
    return text


def read_text_or_raise(path: Path) -> str:
    """Like :func:`read_text`, raising :class:`DataError` (for template files)."""
    try:
        return read_text(path)
    except _FileProblem as problem:
        raise DataError(
            [Problem(str(path), problem.message, problem.line, problem.column)]
        ) from None


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


def _child(node: Any, part: Any) -> Any:
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _position(source: SourceMap, path: tuple) -> tuple[int | None, int | None]:
    found = source.locate(tuple(path))
    return found if found else (None, None)


def _finding_problem(name: str, finding: checks.Finding, data: Any, source: SourceMap) -> Problem:
    line, column = _position(source, finding.path)
    if finding.offset is not None and line is not None:
        line, column = _line_in_text(source, finding.path, data, finding.offset, line, column)
    return Problem(
        name, finding.message, line, column, field_path(finding.path, data), finding.severity
    )


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


def _pydantic_problem(name: str, error: dict, data: Any, source: SourceMap) -> Problem:
    loc = tuple(p for p in error["loc"] if p != "[key]")
    line, column = _position(source, loc)
    message = describe_error(error, loc)
    return Problem(name, message, line, column, field_path(loc, data) or None)


_TYPE_WORDS = {
    "string_type": "texte attendu",
    "int_type": "nombre entier attendu",
    "int_parsing": "nombre entier attendu",
    "int_from_float": "nombre entier attendu (sans décimales)",
    "float_type": "nombre attendu",
    "float_parsing": "nombre attendu",
    "finite_number": "nombre attendu",
    "bool_type": "oui/non attendu (true ou false)",
    "bool_parsing": "oui/non attendu (true ou false)",
    "dict_type": "attendu : des champs « nom : valeur », indentés sous cette ligne",
    "model_type": "attendu : des champs « nom : valeur », indentés sous cette ligne",
    "model_attributes_type": "attendu : des champs « nom : valeur », indentés sous cette ligne",
    "list_type": "attendu : une liste (lignes commençant par « - »)",
}


# What a type error expected, as the object of "il faut …".
_NEEDED = {
    "string": "un texte",
    "int": "un nombre entier",
    "float": "un nombre",
    "finite": "un nombre",
    "bool": "oui ou non (true ou false)",
    "dict": "des champs « nom : valeur », indentés en dessous",
    "model": "des champs « nom : valeur », indentés en dessous",
    "list": "une liste (lignes commençant par « - »)",
}


def _number_hint(text: str) -> str:
    """Why a number typed the French way, or pasted from Word, is not read as one."""
    if re.fullmatch(r"[-+]?[\d\s\u00a0\u202f]+([.,]\d+)?\s*%?", text):
        hints = []
        if re.search(r"\d[\s\u00a0\u202f]+\d", text):
            hints.append("sans espace entre les milliers : 1500")
        if "," in text:
            hints.append("avec un point pour les décimales : 2.2")
        if "%" in text:
            hints.append("sans le signe % : 12")
        if hints:
            return f" (écrivez le nombre {', '.join(hints)})"
    return ""


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "des champs"
    if isinstance(value, list):
        return "une liste"
    text = str(value)
    return f"« {text[:60]}{'…' if len(text) > 60 else ''} »"


def describe_error(error: dict, loc: tuple) -> str:
    """A Pydantic error in French, in words a desk officer understands."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    key = loc[-1] if loc else ""
    if kind == "missing":
        return f"champ obligatoire « {key} » manquant"
    if kind == "extra_forbidden":
        allowed = allowed_keys(loc[:-1])
        close = _close_key(loc)
        hint = (
            f" ; vouliez-vous dire « {close} » ?"
            if close
            else (f" ; champs possibles ici : {', '.join(allowed)}" if allowed else "")
        )
        return f"champ inconnu « {key} »{hint}"
    if kind in _TYPE_WORDS:
        text = _TYPE_WORDS[kind]
        if value is None:
            needed = _NEEDED.get(kind.split("_")[0], "une valeur")
            if isinstance(key, int):  # "- " alone on its line, in a list
                return f"élément de liste vide, alors qu'il faut {needed}"
            return (
                f"rien n'est écrit après « {key}: », alors qu'il faut {needed} ; "
                "complétez, ou supprimez la ligne si le champ est facultatif"
            )
        if kind.startswith(("float", "int")) and isinstance(value, str):
            text += _number_hint(value)
        return (
            text
            if isinstance(value, dict | list) and "attendu :" in text
            else (f"{text}, reçu {_shown(value)}")
        )
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
        hint = f" ; vouliez-vous dire « {close[0]} » ?" if close else ""
        listed = " ou ".join(", ".join(f"« {o} »" for o in options).rsplit(", ", 1))
        if isinstance(value, dict | list):
            return f"une seule valeur attendue ({listed}), pas {_shown(value)}"
        return f"valeur {_shown(value)} non reconnue{hint} (valeurs possibles : {listed})"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        if bound == 0:
            return f"ne peut pas être négatif (reçu {_shown(value)})"
        return f"doit valoir au moins {bound} (reçu {_shown(value)})"
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        if bound == 100:
            return f"un pourcentage ne peut pas dépasser 100 (reçu {_shown(value)})"
        return f"doit valoir au plus {bound} (reçu {_shown(value)})"
    if kind == "too_short":
        return f"au moins {ctx.get('min_length')} élément(s) attendu(s)"
    if kind == "too_long":
        return f"{ctx.get('max_length')} éléments au plus (il y en a {ctx.get('actual_length')})"
    if kind == "string_too_long":
        return f"texte trop long : {ctx.get('max_length')} caractères au plus"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"]))
    if kind == "int_parsing_size":
        return f"nombre trop grand (reçu {_shown(value)})"
    return f"valeur {_shown(value)} refusée ici"  # Pydantic's own words are English


def allowed_keys(loc: tuple) -> list[str]:
    """The keys a desk officer may write at a data path, for "did you mean" hints."""
    target: Any = Fiche
    for part in loc:
        target = _unwrap(target)
        if isinstance(part, int):
            args = typing.get_args(target)
            target = args[-1] if args else None
        elif isinstance(target, type) and issubclass(target, BaseModel):
            field = next(
                (f for n, f in target.model_fields.items() if (f.alias or n) == part), None
            )
            target = field.annotation if field else None
        else:
            return []
    target = _unwrap(target)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return [f.alias or n for n, f in target.model_fields.items()]
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional and Annotated so that the model or container type shows."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation
