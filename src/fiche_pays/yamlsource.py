"""YAML text -> plain Python data, remembering where every value came from.

Parsing goes through libyaml's composer (fast, never constructs objects); the node
graph is then converted by this module so that it controls what YAML may do:
only plain mappings, lists and scalars; no tags that build objects; no duplicated
keys; aliases counted against a budget (no "billion laughs"). Every key and value
keeps its line and column for error messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

Path = tuple[str | int, ...]

MAX_NODES = 200_000  # values after alias expansion; a real fiche has a few hundred
MAX_DEPTH = 64

_TAG = "tag:yaml.org,2002:"
_BOOL_WORDS = {"true": True, "false": False}


@dataclass
class SourceMap:
    """Positions (1-based line, column) of keys and values, by data path."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    styles: dict[Path, str] = field(default_factory=dict)  # "|" or ">" for block texts

    def locate(self, path: Path) -> tuple[int, int] | None:
        """The best position for a path: its key, its value, or its nearest parent."""
        while True:
            if path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return None
            path = path[:-1]


class YamlProblem(Exception):
    """A YAML-level problem at a position (1-based), worded for the user."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


# libyaml's messages, in the user's words. Matched on the start of the problem text.
_MESSAGES = (
    ("found a tab character", "tabulation dans l'indentation : indentez avec des espaces"),
    ("found character '\\t'", "tabulation dans l'indentation : indentez avec des espaces"),
    ("found unexpected end of stream", "guillemet ouvert et jamais refermé"),
    ("found unknown escape character", "séquence d'échappement inconnue entre guillemets"),
    (
        "did not find expected key",
        "indentation incohérente : cette ligne n'est pas alignée avec les champs du même niveau",
    ),
    (
        "mapping values are not allowed",
        "deux-points inattendu : mettez la valeur entre "
        "guillemets si elle contient « : », ou vérifiez l'indentation",
    ),
    ("did not find expected '-' indicator", "élément de liste mal aligné (« - » attendu)"),
    ("found undefined alias", "alias YAML (*nom) qui ne renvoie à aucune ancre (&nom)"),
    ("found duplicate anchor", "ancre YAML (&nom) définie deux fois"),
    (
        "found character that cannot start any token",
        "caractère inattendu en début de valeur : mettez la valeur entre guillemets",
    ),
    ("did not find expected ',' or ']'", "liste entre crochets mal fermée"),
    ("did not find expected ',' or '}'", "accolade mal fermée"),
    ("exceeded maximum nesting depth", "imbrication trop profonde"),
    ("could not find expected ':'", "deux-points manquant après un nom de champ"),
    ("did not find expected node content", "valeur manquante ou mal formée"),
    ("did not find expected <document start>", "contenu inattendu après la fin du document"),
    ("found unexpected ':'", "deux-points inattendu"),
    ("expected a single document", "le fichier contient plusieurs documents YAML (« --- »)"),
)


def _french(problem: str) -> str:
    for start, message in _MESSAGES:
        if problem.startswith(start):
            return message
    return f"erreur de syntaxe YAML ({problem})"


def parse(text: str) -> tuple[Any, SourceMap]:
    """Parse YAML text into plain data and its source map; raise YamlProblem."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise YamlProblem(_french(error.problem or error.context or ""), line, column) from None
    except yaml.YAMLError as error:
        raise YamlProblem(_french(str(error))) from None
    source = SourceMap()
    if root is None:
        return None, source
    converter = _Converter(source)
    return converter.convert(root, (), 0), source


class _Converter:
    def __init__(self, source: SourceMap):
        self.source = source
        self.budget = MAX_NODES

    def convert(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise YamlProblem(
                "fichier trop complexe : trop de valeurs (alias YAML répétés ?)", *_pos(node)
            )
        if depth > MAX_DEPTH:
            raise YamlProblem("imbrication trop profonde", *_pos(node))
        self.source.values.setdefault(path, _pos(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            _check_tag(node, "seq")
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if node.style in ("|", ">"):
            self.source.styles[path] = node.style
        return _scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict:
        _check_tag(node, "map")
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise YamlProblem("la fusion YAML « << » n'est pas acceptée", *_pos(key_node))
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem("nom de champ invalide (liste ou tableau)", *_pos(key_node))
            key = _scalar(key_node)
            if not isinstance(key, str | int) or isinstance(key, bool):
                key = key_node.value  # "yes:", "null:" or "1.5:" as a key mean their text
            if key in result:
                first = self.source.keys.get((*path, key), (None, None))[0]
                raise YamlProblem(
                    f"champ « {key} » écrit deux fois (déjà présent ligne {first})", *_pos(key_node)
                )
            self.source.keys[(*path, key)] = _pos(key_node)
            result[key] = self.convert(value_node, (*path, key), depth + 1)
        return result


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _check_tag(node: yaml.Node, kind: str) -> None:
    if node.tag != _TAG + kind:
        raise YamlProblem(f"étiquette YAML non autorisée : {node.tag}", *_pos(node))


def _scalar(node: yaml.ScalarNode) -> Any:
    """Resolve a scalar conservatively: dates stay text, "NO" stays text."""
    tag, value = node.tag, node.value
    if not tag.startswith(_TAG) or tag[len(_TAG) :] not in _SCALAR_TAGS:
        raise YamlProblem(f"étiquette YAML non autorisée : {tag}", *_pos(node))
    kind = tag[len(_TAG) :]
    if kind == "null":
        return None
    if kind == "bool":
        # YAML 1.1 reads yes/no/on/off/NO as booleans; "NO" is Norway's ISO code.
        return _BOOL_WORDS.get(value.lower(), value)
    if kind == "int":
        try:
            return int(value.replace("_", ""), 10)
        except ValueError:
            return value  # octal, hexadecimal or sexagesimal forms: keep the text
    if kind == "float":
        try:
            number = float(value.replace("_", ""))
        except ValueError:
            return value
        return number if number == number and abs(number) != float("inf") else value
    return value  # str, timestamp (parsed later by the model), binary refused above


_SCALAR_TAGS = {"str", "null", "bool", "int", "float", "timestamp"}
