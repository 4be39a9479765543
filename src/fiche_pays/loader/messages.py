"""Pydantic errors in French, in words a desk officer understands, with "did you mean"
hints drawn from the keys the model allows at that place."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel

from .. import french

# A suggestion that only adds or drops a negation means the opposite: never offered
# ("inscrits" is not "non_inscrits").
_NEGATIONS = ("non_", "sans_", "hors_", "pas_", "in_")


def close_key(root: type[BaseModel], loc: tuple, data: Any = None) -> str | None:
    """The allowed key nearest to the unknown key at the end of ``loc``, if any is close
    and does not mean its opposite."""
    typed = str(loc[-1])
    allowed = allowed_keys(root, loc[:-1], data)
    for close in difflib.get_close_matches(typed, allowed, n=3, cutoff=0.6):
        if not any(close == n + typed or typed == n + close for n in _NEGATIONS):
            return close
    return None


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
    return f"« {french.excerpt(text)} »"


def describe_error(error: dict, loc: tuple, root: type[BaseModel], data: Any = None) -> str:
    """A Pydantic error in French, in words a desk officer understands; ``loc`` is the
    path in ``data``."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    key = loc[-1] if loc else ""
    if kind == "missing":
        return f"champ obligatoire « {key} » manquant"
    if kind == "block_kind":
        return _block_kind(value)
    if kind == "extra_forbidden":
        allowed = allowed_keys(root, loc[:-1], data)
        if _in_block(loc) and key in _kinds():
            return (
                f"« {key} » est un autre bloc : un bloc n'a qu'un type ; écrivez-le à part, "
                f"sur une nouvelle ligne « - {key}: … » au même niveau"
            )
        if decimal := _decimal_comma(loc, data):
            return decimal
        close = close_key(root, loc, data)
        hint = (
            f" ; vouliez-vous dire « {close} » ?"
            if close
            else (f" ; champs possibles ici : {', '.join(allowed)}" if allowed else "")
        )
        return f"champ inconnu « {key} »{hint}"
    if kind == "string_type" and isinstance(value, dict) and (hint := _fields_for_text(value, key)):
        return hint
    if kind == "list_type" and isinstance(value, str) and re.match(r"-[^\s-]", value):
        first = value.split(" -")[0][1:]
        return (
            f"attendu : une liste, reçu le texte {_shown(value)} : tiret collé au texte ; "
            f"mettez une espace après chaque tiret (« - {first} »)"
        )
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


def allowed_keys(root: type[BaseModel], loc: tuple, data: Any = None) -> list[str]:
    """The keys a desk officer may write at a data path of ``root``, for "did you mean"
    hints; ``data`` tells which kind a block is."""
    target: Any = root
    node = data
    for part in loc:
        target = _resolve(_unwrap(target), node)
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
        node = _child(node, part)
    target = _resolve(_unwrap(target), node)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return [f.alias or n for n, f in target.model_fields.items()]
    return []


def _resolve(target: Any, node: Any) -> Any:
    """A list type standing for one value (a single mapping where a list is allowed) and
    the union of block kinds, resolved against the data."""
    from ..model.blocks import KINDS, kind_of

    if typing.get_origin(target) is list and isinstance(node, dict):
        target = _unwrap(typing.get_args(target)[0])
    if typing.get_origin(target) in (typing.Union, types.UnionType):
        kind = kind_of(node)
        if kind in KINDS:
            return KINDS[kind]
    return target


def _child(node: Any, part: Any) -> Any:
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


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


def _kinds() -> list[str]:
    from ..model.blocks import KINDS

    return list(KINDS)


def _in_block(loc: tuple) -> bool:
    """True when ``loc`` names a key of a block (not of a record inside it)."""
    if len(loc) == 3 and isinstance(loc[1], int):
        return True
    return len(loc) == 5 and loc[0] == "sections_supplementaires" and isinstance(loc[3], int)


def _block_kind(value: Any) -> str:
    """A block whose kind is unknown or missing."""
    from ..model.blocks import OPTIONS

    kinds = _kinds()
    listed = ", ".join(kinds)
    if isinstance(value, dict) and value:
        keys = [str(k) for k in value]
        options = [k for k in keys if k in OPTIONS]
        unknown = [k for k in keys if k not in OPTIONS]
        if not unknown:
            return (
                f"« {options[0]} » accompagne un type de bloc (« visites », « echanges ») "
                f"qui manque ici ; types de blocs : {listed}"
            )
        close = difflib.get_close_matches(unknown[0], kinds, n=1, cutoff=0.6)
        hint = f" ; vouliez-vous dire « {close[0]} » ?" if close else ""
        return f"bloc de type inconnu « {unknown[0]} »{hint} (types de blocs : {listed})"
    return (
        f"un bloc s'écrit « - type: contenu » (ex. « - texte: … »), reçu {_shown(value)} ; "
        f"types de blocs : {listed}"
    )


def _fields_for_text(value: dict, key: Any) -> str | None:
    """A text YAML read as fields: « {pays.le} » alone (a mapping of names without
    values), or a list line holding « : » (« - Juillet 2023 : visite »)."""
    from .yaml_messages import quoted

    lead = "-" if isinstance(key, int) else f"{key}:"
    keys = [str(k) for k in value]
    if all(v is None for v in value.values()) and all(re.fullmatch(r"[\w.]+", k) for k in keys):
        text = "{" + ", ".join(keys) + "}"
        return (
            "texte attendu, reçu des champs : une valeur qui commence par { doit être entre "
            "guillemets (sinon YAML lit des champs entre accolades) : écrivez "
            f"{lead} {quoted(text)}"
        )
    if len(value) == 1:
        ((key, item),) = value.items()
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            text = f"{key} : {item}"
            return (
                "texte attendu, reçu un champ « nom: valeur » : la ligne contient « : » ; "
                f"mettez-la entre guillemets : {lead} {quoted(text)}"
            )
    return None


def _decimal_comma(loc: tuple, data: Any) -> str | None:
    """« {valeur: 5,6 %} »: between braces the comma separates fields, so « 6 % » became
    a field of its own, after the number 5."""
    key = str(loc[-1]) if loc else ""
    parent = data
    for part in loc[:-1]:
        parent = _child(parent, part)
    digits = re.match(r"(\d+)\s*(%?)", key)
    if not digits or not isinstance(parent, dict) or parent.get(loc[-1]) is not None:
        return None
    keys = list(parent)
    index = keys.index(loc[-1]) if loc[-1] in keys else 0
    if index == 0:
        return None
    before, number = keys[index - 1], parent[keys[index - 1]]
    if not isinstance(number, int) or isinstance(number, bool):
        return None
    percent = " (sans le signe %)" if digits.group(2) else ""
    return (
        f"champ inconnu « {key} » : entre accolades, la virgule sépare les champs ; un nombre "
        f"décimal s'écrit avec un point : écrivez {before}: {number}.{digits.group(1)}{percent}"
    )
