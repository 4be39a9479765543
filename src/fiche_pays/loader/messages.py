"""Pydantic errors in French, in words a desk officer understands, with "did you mean"
hints drawn from the keys the model allows at that place."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel


def close_key(root: type[BaseModel], loc: tuple) -> str | None:
    """The allowed key nearest to the unknown key at the end of ``loc``, if any is close."""
    close = difflib.get_close_matches(str(loc[-1]), allowed_keys(root, loc[:-1]), n=1, cutoff=0.6)
    return close[0] if close else None


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


def describe_error(error: dict, loc: tuple, root: type[BaseModel]) -> str:
    """A Pydantic error in French, in words a desk officer understands."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    key = loc[-1] if loc else ""
    if kind == "missing":
        return f"champ obligatoire « {key} » manquant"
    if kind == "extra_forbidden":
        allowed = allowed_keys(root, loc[:-1])
        close = close_key(root, loc)
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


def allowed_keys(root: type[BaseModel], loc: tuple) -> list[str]:
    """The keys a desk officer may write at a data path of ``root``, for "did you mean"
    hints."""
    target: Any = root
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
