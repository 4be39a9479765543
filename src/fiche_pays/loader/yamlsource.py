"""YAML text -> plain Python data, remembering where every value came from.

Parsing goes through libyaml's event parser (fast, never constructs objects); the
events are assembled by this module so that it controls what YAML may do: only plain
mappings, lists and scalars; no tags that build objects; no duplicated keys; no
control characters; aliases counted against a budget (no "billion laughs"). Working on
the event stream, not on a composed node graph, keeps memory bounded: a hostile file is
refused as soon as the budget runs out, before the rest of it is even read. Every key
and value keeps its line and column for error messages.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.resolver import Resolver

from .. import french
from .positions import DataPath, SourceMap, YamlProblem, short_label
from .yaml_messages import (
    FALLBACK,
    YAML_TAG,
    character_name,
    odd_space_message,
    quoted,
    syntax_problem,
    tag_message,
)

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_NODES = 200_000  # values after alias expansion; a real fiche has a few thousand
MAX_DEPTH = 64

_BOOL_WORDS = {"true": True, "false": False}
_RESOLVER = Resolver()


# Characters libyaml refuses anywhere in a file (YAML 1.1 "printable" set), which Word
# and web pages paste into texts: line tabulation (Word's manual line break), form feed
# (page break), escape, C1 controls. \t, \n, \r and NEL are YAML whitespace.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_MAX_LISTED = 10  # control characters reported one by one; more are only mentioned


def parse(text: str) -> tuple[Any, SourceMap]:
    """Parse YAML text into plain data and its source map; raise YamlProblem."""
    if _FORBIDDEN.search(text):
        return _parse_with_controls(text)
    return _Builder(text).run()


def _parse_with_controls(text: str) -> tuple[Any, SourceMap]:
    """Locate pasted control characters: parse once with a stand-in for each, to learn
    which value holds it; those in comments are harmless and accepted."""
    used = set(re.findall("[\ue000-\uf8ff\U000f0000-\U000ffffd]", text))
    stand_in = next(
        c for c in map(chr, [*range(0xE000, 0xF900), *range(0xF0000, 0xFFFFE)]) if c not in used
    )
    builder = _Builder(_FORBIDDEN.sub(stand_in, text), record=True)
    try:
        data, source = builder.run()
        failed = False
    except YamlProblem:
        data, source, failed = None, None, True
    problems: list[YamlProblem] = []
    owners: set[str] = set()
    for match in _FORBIDDEN.finditer(text):  # lazily: a hostile file may hold millions
        owner = builder.owner(match.start())
        if owner is None and not failed:
            continue  # in a comment or blank space: it changes nothing
        if owner in owners:
            continue  # one message per field is enough
        if owner is not None:
            owners.add(owner)
        if len(problems) == _MAX_LISTED:
            problems[-1].message += " (et d'autres plus loin)"
            break
        line, column = _line_column(text, match.start())
        problems.append(
            YamlProblem(
                f"caractère de contrôle invisible {character_name(match.group())} : "
                "supprimez-le ou remplacez-le par un espace (il vient souvent d'un copier-coller)",
                line,
                column,
                owner,
            )
        )
    if not problems:
        return data, source  # type: ignore[return-value]
    first, rest = problems[0], problems[1:]
    raise YamlProblem(first.message, first.line, first.column, first.field, rest)


_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what libyaml counts as a new line


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, counting lines as libyaml does."""
    line, line_start = 1, 0
    for match in _BREAK.finditer(text, 0, offset):
        line, line_start = line + 1, match.end()
    return line, offset - line_start + 1


_NOTHING = object()
# Said of a mistake after which libyaml cannot read on: the other errors stay unknown.
UNREAD = " ; le reste du fichier n'a pas pu être vérifié"


class _Discarded:
    """The key of a value written a second time: read (for its own mistakes), then
    dropped. Shown as the key; equal to nothing else, so no position of the first
    value is overwritten."""

    def __init__(self, key: Any):
        self.key = key

    def __str__(self) -> str:
        return str(self.key)


@dataclass
class _Frame:
    """A mapping or list being assembled."""

    value: dict | list
    path: DataPath
    label: str  # the path as the user reads it: "visites.liste[2]"
    anchor: str | None
    size: int = 1  # values inside, aliases expanded
    key: Any = _NOTHING  # mapping: the key whose value comes next


class _Builder:
    """Assembles libyaml events into plain data, checking everything on the way."""

    def __init__(self, text: str, record: bool = False):
        self.text = text
        self.source = SourceMap()
        self.budget = MAX_NODES
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # name -> (value, size)
        self.open_anchors: set[str] = set()
        self.root: Any = _NOTHING
        self.documents = 0
        self.last_line = 1  # line of the last event, for error labels
        self.last: yaml.ScalarEvent | None = None  # the last scalar read, for syntax hints
        self.last_label: str | None = None
        # With ``record``: (start, end, label) of every scalar, to place control characters.
        self.spans: list[tuple[int, int, str]] | None = [] if record else None

    # -- driving ---------------------------------------------------------------------

    def run(self) -> tuple[Any, SourceMap]:
        parser = _Loader(self.text)
        try:
            # The parser's events one call each (yaml.parse() wraps it in a generator
            # that asks twice per event); it ends after the stream end, or with None.
            next_event = parser.get_event
            event = next_event()
            while event is not None:
                self._event(event)
                if type(event) is yaml.StreamEndEvent:
                    break
                event = next_event()
        except yaml.MarkedYAMLError as error:
            raise self._unread(
                syntax_problem(self.text, self.last, self.last_label, self._label, error)
            ) from None
        except yaml.YAMLError as error:
            position = getattr(error, "position", None)
            line, column = (
                _line_column(self.text, position) if position is not None else (None,) * 2
            )
            raise self._unread(YamlProblem(FALLBACK, line, column, self._label())) from None
        except YamlProblem as problem:
            raise self._with_earlier(problem) from None
        except RecursionError:  # pragma: no cover - libyaml stops at 1000 levels first
            raise YamlProblem("imbrication trop profonde") from None
        finally:
            parser.dispose()
        return (None if self.root is _NOTHING else self.root), self.source

    def _unread(self, problem: YamlProblem) -> YamlProblem:
        """A syntax error: the file cannot be read past it, which the message says."""
        problem.message += UNREAD
        return self._with_earlier(problem)

    def _with_earlier(self, problem: YamlProblem) -> YamlProblem:
        """The fatal problem, after those found before it (a key written twice)."""
        if not self.source.problems:
            return problem
        first, *rest = self.source.problems
        return YamlProblem(
            first.message, first.line, first.column, first.field, [*rest, *problem.all()]
        )

    def owner(self, offset: int) -> str | None:
        """The field whose text holds a character offset (after a recording run)."""
        spans = self.spans or []
        # Scalars come in file order and never overlap: the last one starting before.
        index = bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1
        if index >= 0 and offset < spans[index][1]:
            return spans[index][2]
        return None

    def _event(self, event: yaml.Event) -> None:
        self.last_line = event.start_mark.line + 1
        # libyaml makes events of these exact classes: one type lookup, not an
        # isinstance chain (a file has tens of thousands of events).
        kind = type(event)
        if kind is yaml.ScalarEvent:
            stack = self.stack
            if stack and stack[-1].key is _NOTHING and type(stack[-1].value) is dict:
                self._key(event)  # as _wants_key(), inlined: once per scalar
            else:
                self._scalar(event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._open(event)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self._close()
        elif kind is yaml.AliasEvent:
            self._alias(event)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise YamlProblem(
                    "le fichier contient plusieurs documents YAML séparés par « --- » : "
                    "une seule fiche par fichier",
                    *_pos(event),
                )

    # -- where we are -----------------------------------------------------------------

    def _wants_key(self) -> bool:
        return (
            bool(self.stack)
            and isinstance(self.stack[-1].value, dict)
            and (self.stack[-1].key is _NOTHING)
        )

    def _child(self) -> tuple[DataPath, str]:
        """The data path and label of the value being read."""
        if not self.stack:
            return (), ""
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            index = len(frame.value)
            return (*frame.path, index), f"{frame.label}[{index + 1}]"
        key = frame.key
        return (*frame.path, key), f"{frame.label}.{key}" if frame.label else str(key)

    def _label(self, line: int | None = None) -> str | None:
        """The field being read; only its parent when ``line`` is past the last event
        (an indentation mistake on the next line is not the previous value's fault)."""
        if not self.stack:
            return None
        if self._wants_key() or (line is not None and line > self.last_line):
            label = self.stack[-1].label
        else:
            label = self._child()[1]
        return short_label(label) or None

    # -- values -------------------------------------------------------------------------

    def _spend(self, cost: int, event: yaml.Event, alias: bool = False) -> None:
        self.budget -= cost
        if self.budget < 0:
            limit = french.number(MAX_NODES)
            message = (
                "alias YAML (*nom) répétés : le fichier se développerait en plus de "
                f"{limit} valeurs (attaque « billion laughs » ?)"
                if alias
                else f"fichier trop complexe : plus de {limit} valeurs"
            )
            raise YamlProblem(message, *_pos(event), self._label())

    def _key(self, event: yaml.ScalarEvent) -> None:
        frame = self.stack[-1]
        tag = _resolved_tag(event)
        if tag == _MERGE:
            raise YamlProblem("la fusion YAML « << » n'est pas acceptée", *_pos(event), frame.label)
        key = _scalar(event, frame.label, tag)
        if not isinstance(key, str | int) or isinstance(key, bool):
            key = event.value  # "yes:", "null:" or "1.5:" as a key mean their text
        self._use_key(key, event)

    def _use_key(self, key: Any, event: yaml.Event) -> None:
        frame = self.stack[-1]
        label = f"{frame.label}.{key}" if frame.label else str(key)
        if isinstance(key, str):
            _check_key_text(key, event, frame.label)
        if key in frame.value:
            first = self.source.keys.get((*frame.path, key), (None, None))[0]
            self.source.problems.append(
                YamlProblem(
                    f"champ « {key} » écrit deux fois (déjà présent ligne {first}) : seule la "
                    "première valeur est lue ; gardez-en une seule",
                    *_pos(event),
                    label,
                )
            )
            self._record_span(event, label)
            frame.key = _Discarded(key)  # its value is read, then dropped
            return
        self._record_span(event, label)
        self.source.keys[(*frame.path, key)] = _pos(event)
        frame.key = key

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        self._spend(1, event)
        path, label = self._child()
        if self.spans is not None:
            self._record_span(event, label)
        style = event.style
        if not style:  # plain ("" with libyaml, None without)
            if event.value:
                self._cut_by_comment(event, path, label)
        elif style == "|" or style == ">":
            self.source.styles[path] = style
        self.last, self.last_label = event, label
        value = _scalar(event, label)
        if event.anchor is not None:
            self._anchor(event, value, 1)
        self._add(value, 1, _pos(event), path)

    def _cut_by_comment(self, event: yaml.ScalarEvent, path: DataPath, label: str) -> None:
        """A « # » after a space ends a plain value: the rest of the line is a comment.
        In a text (« texte: », an item of « liste: »), or glued to a word (« #santé »),
        it cuts the sentence silently: an error. A real comment after a name or a number
        (« nom: Alikhan Smaïlov    # selon la page ») stays allowed."""
        end = event.end_mark.index
        stop = self.text.find("\n", end)
        if self.text.find("#", end, stop if stop >= 0 else len(self.text)) < 0:
            return  # most values: no « # » on the rest of their line
        rest = self.text[end : stop if stop >= 0 else len(self.text)]
        found = re.match(r"([ \t]+)#(.*)", rest)
        if not found:
            return
        text_field = (path and path[-1] == "texte") or (
            len(path) >= 2 and isinstance(path[-1], int) and path[-2] == "liste"
        )
        glued = found.group(1) == " " and found.group(2)[:1].isalnum()
        if not (text_field or glued):
            return
        lost = "#" + found.group(2).rstrip()
        whole = event.value + found.group(1) + lost
        key = path[-1] if path and isinstance(path[-1], str) else None
        lead = f"{key}:" if key else "-"
        self.source.problems.append(
            YamlProblem(
                f"« {french.excerpt(lost, 40)} » serait perdu : après une espace, « # » "
                "commence un commentaire et le texte s'arrête à "
                f"« {french.excerpt(event.value, 40)} » ; mettez le texte entre guillemets "
                f"({lead} {quoted(whole)}), ou écrivez-le en bloc (« {lead} | » puis le "
                "texte à la ligne suivante, indenté)",
                event.end_mark.line + 1,
                event.end_mark.column + len(found.group(1)) + 1,
                label,
            )
        )

    def _record_span(self, event: yaml.Event, label: str) -> None:
        if self.spans is not None:
            self.spans.append((event.start_mark.index, event.end_mark.index, label))

    def _open(self, event: yaml.CollectionStartEvent) -> None:
        if self._wants_key():
            raise YamlProblem(
                "nom de champ invalide : une liste ou des champs à la place d'un nom",
                *_pos(event),
                self._label(),
            )
        self._spend(1, event)
        path, label = self._child()
        if len(self.stack) >= MAX_DEPTH:
            raise YamlProblem(
                f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux)", *_pos(event), label
            )
        kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
        tag = event.tag
        if tag not in (None, "!", YAML_TAG + kind):
            raise YamlProblem(tag_message(tag), *_pos(event), label)
        self.source.values.setdefault(path, _pos(event))
        if event.anchor is not None:
            self._check_new_anchor(event)
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame({} if kind == "map" else [], path, label, event.anchor))

    def _close(self) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (frame.value, frame.size)
        self._add(frame.value, frame.size, None)

    def _alias(self, event: yaml.AliasEvent) -> None:
        name = event.anchor
        if name in self.open_anchors:
            raise YamlProblem(
                f"alias YAML *{name} utilisé à l'intérieur de sa propre ancre &{name} "
                "(structure sans fin)",
                *_pos(event),
                self._label(),
            )
        if name not in self.anchors:
            raise YamlProblem(
                f"alias YAML *{name} qui ne renvoie à aucune ancre &{name} : mettez la "
                "valeur entre guillemets si « * » fait partie du texte",
                *_pos(event),
                self._label(),
            )
        value, size = self.anchors[name]
        if self._wants_key():
            if not isinstance(value, str | int) or isinstance(value, bool):
                raise YamlProblem("nom de champ invalide (alias)", *_pos(event), self._label())
            self._use_key(value, event)
            return
        self._spend(size, event, alias=True)
        self._add(value, size, _pos(event))

    def _anchor(self, event: yaml.ScalarEvent, value: Any, size: int) -> None:
        if event.anchor is not None:
            self._check_new_anchor(event)
            self.anchors[event.anchor] = (value, size)

    def _check_new_anchor(self, event: yaml.Event) -> None:
        name = event.anchor
        if name in self.anchors or name in self.open_anchors:
            raise YamlProblem(f"ancre YAML &{name} définie deux fois", *_pos(event), self._label())

    def _add(
        self,
        value: Any,
        size: int,
        position: tuple[int, int] | None,
        path: DataPath | None = None,
    ) -> None:
        """Attach a finished value to the mapping or list being read (or make it the root);
        ``path``, when known, is the value's (as :meth:`_child` gives it)."""
        if position is not None:
            if path is None:
                path = self._child()[0]
            self.source.values.setdefault(path, position)
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        frame.size += size
        if isinstance(frame.value, list):
            frame.value.append(value)
        else:
            if not isinstance(frame.key, _Discarded):
                frame.value[frame.key] = value
            frame.key = _NOTHING


def _pos(event: yaml.Event) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


_MERGE = YAML_TAG + "merge"
# Implied tags by (text, implicit flags): keys and short values recur in every file, and
# PyYAML's resolver tries its patterns in Python. Bounded: emptied when full.
_IMPLIED: dict[tuple[str, tuple[bool, bool]], str] = {}
_MAX_IMPLIED = 4096


def _resolved_tag(event: yaml.ScalarEvent) -> str:
    """The tag of a scalar: explicit ("!!str"), or implied by its text ("12" is an int)."""
    if event.tag is None:
        key = (event.value, event.implicit)
        tag = _IMPLIED.get(key)
        if tag is None:
            if len(_IMPLIED) >= _MAX_IMPLIED:
                _IMPLIED.clear()
            tag = _IMPLIED[key] = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        return tag
    return YAML_TAG + "str" if event.tag == "!" else event.tag


def _check_key_text(key: str, event: yaml.Event, parent: str) -> None:
    """Keys pasted from Word may hide a no-break space or a zero-width character."""
    if key.isascii() and key.isprintable():
        return  # no ASCII character is a format character, nor whitespace but " "
    odd = next(
        (c for c in key if (c.isspace() and c != " ") or unicodedata.category(c) == "Cf"), None
    )
    if odd is None:
        return
    clean = "".join(c for c in key if not (c.isspace() or unicodedata.category(c) == "Cf"))
    if key[0] == odd and not event.style:  # a plain key: the character is indentation
        raise YamlProblem(odd_space_message(odd), *_pos(event), parent or None)
    raise YamlProblem(
        f"le nom de champ « {clean} » contient un caractère invisible {character_name(odd)} : "
        "retapez-le",
        *_pos(event),
        parent or None,
    )


def _scalar(event: yaml.ScalarEvent, label: str, tag: str | None = None) -> Any:
    """Resolve a scalar conservatively: dates stay text, "NO" stays text. ``tag``: its
    resolved tag, when already known."""
    tag, value = tag or _resolved_tag(event), event.value
    if not tag.startswith(YAML_TAG) or tag[len(YAML_TAG) :] not in _SCALAR_TAGS:
        raise YamlProblem(tag_message(tag), *_pos(event), label or None)
    kind = tag[len(YAML_TAG) :]
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
    return value  # str, timestamp (parsed later by the model), a lone "=" or "<<"


_SCALAR_TAGS = {"str", "null", "bool", "int", "float", "timestamp", "value", "merge"}
