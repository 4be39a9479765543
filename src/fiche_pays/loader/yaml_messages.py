"""French wording of YAML problems: libyaml's messages, invisible characters, tags."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import yaml

from .positions import YamlProblem

YAML_TAG = "tag:yaml.org,2002:"

# libyaml's messages, in the user's words. Matched on the start of the problem text.
TAB = "tabulation dans l'indentation : indentez avec des espaces"
_MESSAGES = (
    ("found a tab character", TAB),
    ("found character '\\t'", TAB),
    ("found unexpected end of stream", "guillemet ouvert et jamais refermé"),
    (
        "found unknown escape character",
        "séquence d'échappement inconnue entre guillemets doubles (« \\ » suivi d'une "
        "lettre) : doublez la barre oblique inverse (\\\\) ou utilisez des guillemets simples",
    ),
    (
        "found invalid Unicode character escape code",
        "séquence d'échappement Unicode invalide entre guillemets doubles (\\u…)",
    ),
    (
        "did not find expected key",
        "indentation incohérente : cette ligne n'est pas alignée avec les champs du même niveau",
    ),
    (
        "mapping values are not allowed",
        "deux-points inattendu : mettez la valeur entre "
        "guillemets si elle contient « : », ou vérifiez l'indentation",
    ),
    (
        "block sequence entries are not allowed",
        "tiret « - » inattendu : un élément de liste va sur sa propre ligne ; "
        "mettez la valeur entre guillemets si elle commence par « - »",
    ),
    ("did not find expected '-' indicator", "élément de liste mal aligné (« - » attendu)"),
    (
        "found character that cannot start any token",
        "caractère inattendu en début de valeur : mettez la valeur entre guillemets",
    ),
    (
        "did not find expected alphabetic or numeric character",
        "« & » ou « * » en début de valeur : mettez la valeur entre guillemets",
    ),
    ("did not find expected ',' or ']'", "liste entre crochets mal fermée (« ] » manquant)"),
    ("did not find expected ',' or '}'", "accolade mal fermée (« } » manquant)"),
    ("exceeded maximum nesting depth", "imbrication trop profonde"),
    ("could not find expected ':'", "deux-points manquant après un nom de champ"),
    ("did not find expected node content", "valeur manquante ou mal formée"),
    ("did not find expected <document start>", "contenu inattendu après la fin du document"),
    ("found unexpected ':'", "deux-points inattendu"),
    ("found unexpected document indicator", "« --- » ou « ... » inattendu en début de ligne"),
    ("found undefined tag handle", "étiquette YAML « ! » non autorisée"),
    ("found an indentation indicator equal to 0", "indicateur d'indentation 0 interdit"),
    ("did not find expected comment or line break", "texte inattendu en fin de ligne"),
    ("found unknown directive name", "directive YAML « % » inconnue"),
)
FALLBACK = "syntaxe YAML incorrecte (vérifiez l'indentation, les deux-points et les guillemets)"


def french_syntax(problem: str) -> str:
    """libyaml's message in the user's words (matched on its start)."""
    for start, message in _MESSAGES:
        if problem.startswith(start):
            return message
    return FALLBACK


_CONTROL_NAMES = {
    "\x00": "caractère nul",
    "\x07": "bip",
    "\x08": "retour arrière",
    "\x0b": "tabulation verticale, le saut de ligne manuel de Word",
    "\x0c": "saut de page",
    "\x1b": "échappement",
    "\x7f": "suppression",
}


_SPACE_NAMES = {
    "\u00a0": "espace insécable",
    "\u202f": "espace fine insécable",
    "\u2009": "espace fine",
    "\u2007": "espace tabulaire",
    "\u3000": "espace idéographique",
    "\u200b": "espace sans chasse",
    "\u200c": "antiliant sans chasse",
    "\u200d": "liant sans chasse",
    "\u2060": "gluon de mots",
    "\ufeff": "indicateur d'ordre des octets",
    "\u00ad": "trait d'union conditionnel",
    "\u200e": "marque gauche-à-droite",
    "\u200f": "marque droite-à-gauche",
}


def character_name(char: str) -> str:
    """ "U+000B (tabulation verticale, …)": how a problem names an invisible character."""
    name = _CONTROL_NAMES.get(char) or _SPACE_NAMES.get(char)
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def tag_message(tag: str) -> str:
    """Why a YAML tag ("!!python/object") is refused."""
    shown = "!!" + tag[len(YAML_TAG) :] if tag.startswith(YAML_TAG) else tag
    return (
        f"étiquette YAML « {shown} » non autorisée : une fiche ne contient que du texte, des "
        "nombres, des listes et des champs (supprimez l'étiquette)"
    )


def text_line(text: str, line: int | None) -> str:
    """The 1-based ``line`` of ``text`` ("" when out of range)."""
    if line is None:
        return ""
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def odd_indentation(text_line: str) -> str:
    """A no-break or other Unicode space among the leading blanks of a line."""
    for char in text_line:
        if char == " " or char == "\t":
            continue
        if char.isspace() or unicodedata.category(char) == "Cf":
            return char
        return ""
    return ""


def odd_space_message(char: str) -> str:
    """An invisible space used for indentation."""
    return (
        f"caractère {character_name(char)} dans l'indentation (copié depuis Word ou une "
        "page web ?) : remplacez-le par des espaces ordinaires"
    )


def indent_hint(text: str, line: int | None, column: int | None, problem: str) -> str | None:
    """When a "key:" line is not aligned with the key on the line above it."""
    lines = text.splitlines()
    deeper = problem.startswith("mapping values")
    if not (deeper or problem.startswith("did not find expected key")):
        return None
    if line is None or not 1 < line <= len(lines):
        return None
    here = lines[line - 1]
    previous = next(
        (s for s in reversed(lines[: line - 1]) if s.strip() and not s.lstrip().startswith("#")),
        "",
    )
    indent, before = len(here) - len(here.lstrip(" ")), len(previous) - len(previous.lstrip(" "))
    key = re.match(r"\s*(?!-\s)([^\s:#][^:]*):(\s|$)", here)
    above = re.match(r"\s*(?:-\s+)?([^\s:#][^:]*):(\s+\S)?", previous)
    if not key or not above:
        return None
    if deeper and above.group(2) and indent > before and column == key.end(1) + 1:
        return (
            f"« {key.group(1)} » est plus indenté que « {above.group(1)} » sur la ligne "
            "précédente : alignez les champs d'un même niveau"
        )
    if not deeper and indent < before and column == indent + 1:
        return (
            f"« {key.group(1)} » n'est aligné ni sur « {above.group(1)} » (ligne "
            "précédente) ni sur un champ de niveau supérieur : alignez les champs d'un même "
            "niveau"
        )
    return None


_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?)([^\s:#{\[\]'\"][^:#]*?):[ \t]+(\S.*?)\s*$")
_DASH_GLUED = re.compile(r"^\s*-(?![\s-])(\S.*?)\s*$")


def quoted(value: str) -> str:
    """``value`` as a YAML quoted scalar the user can paste (cut when long)."""
    shown = value if len(value) <= 70 else value[:70].rstrip() + "…"
    if '"' not in shown:
        return f'"{shown}"'
    return "'" + shown.replace("'", "''") + "'"


def quoting_hint(line: str) -> str | None:
    """A message for a line YAML misreads because its value needs quotes: a value that
    starts with « { » (read as fields), one that holds « : », a dash glued to its item."""
    glued = _DASH_GLUED.match(line)
    if glued and not line.lstrip().startswith("---"):
        return (
            f"tiret collé au texte : mettez une espace après le tiret (« - {glued.group(1)} »), "
            "ou des guillemets si le texte commence vraiment par « - »"
        )
    pair = _KEY_VALUE.match(line)
    if not pair:
        return None
    key, value = pair.group(2), pair.group(3)
    if value.startswith("{"):
        return (
            "une valeur qui commence par { doit être entre guillemets (sinon YAML lit des "
            f"champs entre accolades) : écrivez {key}: {quoted(value)}"
        )
    if re.search(r":(\s|$)", value) and value[0] not in "\"'|>[":
        return (
            f"la valeur de « {key} » contient « : » : mettez-la entre guillemets : écrivez "
            f"{key}: {quoted(value)}"
        )
    return None


def syntax_problem(
    text: str,
    last: yaml.ScalarEvent | None,
    last_label: str | None,
    label: Callable[[int | None], str | None],
    error: yaml.MarkedYAMLError,
) -> YamlProblem:
    """A libyaml error, located and explained in the user's words; ``last`` is the last
    scalar read (a quote it opened may explain the error), ``label`` names the field of
    a line."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    problem, context = error.problem or "", error.context or ""
    message = french_syntax(problem or context)
    here = text_line(text, line)
    char = here[column - 1] if line and column and column <= len(here) else ""
    odd_space = odd_indentation(here)
    context_line = error.context_mark.line + 1 if error.context_mark else None
    if odd_space:
        message = odd_space_message(odd_space)
    elif char == "\t" or problem.startswith("found a tab"):
        message = TAB
    elif "quoted scalar" in context and problem.startswith("found unexpected end"):
        line, column = context_line, error.context_mark.column + 1
        message = (
            "guillemet ouvert ici et jamais refermé : tout le reste du fichier est lu "
            "comme du texte ; ajoutez le guillemet fermant"
        )
    elif problem.startswith("could not find expected ':'") and context_line:
        line, column = context_line, error.context_mark.column + 1
        previous = odd_indentation(text_line(text, line))
        message = (
            odd_space_message(previous)
            if previous
            else quoting_hint(text_line(text, line))
            or "ligne sans deux-points : écrivez « nom: valeur », ou indentez-la "
            "davantage si elle continue le texte de la ligne précédente"
        )
    elif hint := quoting_hint(here):
        message = hint
    elif hint := _quote_hint(last, last_label, line, column):
        return YamlProblem(hint, line, column, last_label)
    elif hint := indent_hint(text, line, column, problem):
        message = hint
    elif problem.startswith("did not find expected key") and here.lstrip().startswith("- "):
        message = (
            "élément de liste « - » là où un champ est attendu : alignez-le sous les "
            "autres éléments de la liste, ou placez-le sous le champ dont il fait partie"
        )
    elif char and char in "@`%" and problem.startswith("found character"):
        message = f"« {char} » ne peut pas commencer une valeur : mettez la valeur entre guillemets"
    return YamlProblem(message, line, column, label(line))


def _quote_hint(
    last: yaml.ScalarEvent | None, last_label: str | None, line: int | None, column: int | None
) -> str | None:
    """Text after a closing quote ("titre: "Astana 2017" exposition"), or a quote
    opened lines above and closed by the next quote of the file."""
    if last is None or last.style not in ('"', "'") or line is None:
        return None
    start, end = last.start_mark.line + 1, last.end_mark.line + 1
    quote = "guillemets doubles" if last.style == '"' else "guillemets simples"
    if end == line and start == line and column and column > last.end_mark.column:
        return (
            f"texte après le guillemet fermant : mettez toute la valeur entre {quote}, "
            "ou utilisez d'autres guillemets (« » ou ’) à l'intérieur"
        )
    if start < end == line:
        return (
            f"le texte entre {quote} ouvert ligne {start} ({last_label}) se "
            "termine ici : guillemet fermant manquant ligne "
            f"{start}, ou guillemet en trop dans le texte ?"
        )
    return None
