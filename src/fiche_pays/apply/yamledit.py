"""Small edits of a YAML data file that leave everything else byte for byte.

A round-trip YAML library (ruamel.yaml) re-emits the whole file and reflows what it
does not understand; here the file is never re-emitted. libyaml's event stream (the
parser the loader uses) gives where each value starts and ends, and only those
characters are replaced: untouched lines, comments, key order, quoting and layout stay
as they were. Each edit is checked by parsing the result again: the value at the path
must be exactly the one asked for, or the edit is refused (:class:`EditError`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..loader import yamlsource
from ..tree import DataPath

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class EditError(Exception):
    """An edit that cannot be made cleanly; French message."""


@dataclass
class Node:
    """Where a value stands in the text: characters ``start``–``end``; for a scalar its
    style ("", "'", '"', "|", ">"), for a collection whether it is written inline."""

    start: int
    end: int
    kind: str  # "scalar", "map", "seq"
    style: str | None = None
    flow: bool = False
    keys: dict[Any, int] = field(default_factory=dict)  # mapping: key -> its start
    last_end: int = 0  # end of the last value inside a collection


def locate(text: str) -> dict[DataPath, Node]:
    """Every value of the file by data path (list indexes from 0)."""
    nodes: dict[DataPath, Node] = {}
    stack: list[tuple[DataPath, Node, list]] = []  # path, node, [next key or index]

    def child_path() -> DataPath | None:
        if not stack:
            return ()
        path, node, state = stack[-1]
        if node.kind == "seq":
            state[0] += 1
            return (*path, state[0] - 1)
        return (*path, state[0])

    def finish(end: int) -> None:
        for _, node, _ in stack:
            node.last_end = max(node.last_end, end)

    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.ScalarEvent):
            if stack and stack[-1][1].kind == "map" and stack[-1][2][0] is None:
                key = yamlsource._scalar(event, "")
                if not isinstance(key, str | int) or isinstance(key, bool):
                    key = event.value
                stack[-1][2][0] = key
                stack[-1][1].keys[key] = event.start_mark.index
                continue
            path = child_path()
            nodes[path] = Node(
                event.start_mark.index, event.end_mark.index, "scalar", event.style or ""
            )
            finish(event.end_mark.index)
            if stack and stack[-1][1].kind == "map":
                stack[-1][2][0] = None
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            path = child_path()
            kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
            node = Node(event.start_mark.index, 0, kind, flow=bool(event.flow_style))
            nodes[path] = node
            stack.append((path, node, [None if kind == "map" else 0]))
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            path, node, _ = stack.pop()
            node.end = event.end_mark.index if node.flow else node.last_end
            finish(node.end)
            if stack and stack[-1][1].kind == "map":
                stack[-1][2][0] = None
    return nodes


def value_at(data: Any, path: DataPath) -> Any:
    """The value at ``path`` in parsed data, ``None`` when absent."""
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def set_value(text: str, path: DataPath, value: Any, order: list[str] | None = None) -> str:
    """The text with the value at ``path`` replaced (added when absent, removed when
    ``value`` is None), every other character kept. ``order`` lists the keys of the
    enclosing mapping in their usual order, to place an added key."""
    nodes = locate(text)
    node = nodes.get(path)
    if value is None:
        result = _remove(text, path, nodes) if node is not None else text
    elif node is None:
        result = _add(text, path, value, nodes, order or [])
    elif node.kind == "scalar" and not isinstance(value, dict | list):
        result = _replace_scalar(text, node, value, _indent_of(text, path, nodes))
    else:
        result = _replace_collection(text, path, node, value, nodes)
    data, _ = yamlsource.parse(result)
    if value is None and isinstance(path[-1], int) and node is not None:  # an item removed
        before = value_at(yamlsource.parse(text)[0], path[:-1])
        expected = before[: path[-1]] + before[path[-1] + 1 :]
        if value_at(data, path[:-1]) != expected:
            raise EditError(
                f"l'élément {'.'.join(map(str, path))} n'a pas pu être retiré proprement"
            )
        return result
    if value_at(data, path) != value:
        raise EditError(
            f"la valeur de {'.'.join(map(str, path))} n'a pas pu être écrite proprement"
        )
    return result


# --- scalars -------------------------------------------------------------------------------


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _column(text: str, index: int) -> int:
    return index - _line_start(text, index)


def _indent_of(text: str, path: DataPath, nodes: dict[DataPath, Node]) -> int:
    """Indentation of the key or item that holds the value at ``path``."""
    parent = nodes.get(path[:-1])
    if parent is not None and parent.kind == "map" and path[-1] in parent.keys:
        return _column(text, parent.keys[path[-1]])
    line = text[_line_start(text, nodes[path].start) :]
    return len(line) - len(line.lstrip(" -"))


def _plain_ok(value: str) -> bool:
    """True when ``value`` can be written without quotes and read back the same."""
    if not value or value != value.strip() or "\n" in value:
        return False
    try:
        data, _ = yamlsource.parse(f"k: {value}\n")
    except yamlsource.YamlProblem:
        return False
    return data == {"k": value}


def scalar(value: Any) -> str:
    """A value written inline: numbers as numbers, text plain when it can be."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    if _plain_ok(text):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _replace_scalar(text: str, node: Node, value: Any, indent: int) -> str:
    old = text[node.start : node.end]
    if node.style in ("|", ">") and isinstance(value, str):
        return text[: node.start] + _block(old, value, node.style, indent) + text[node.end :]
    if isinstance(value, str) and node.style == "'" and "\n" not in value:
        new = "'" + value.replace("'", "''") + "'"
    elif isinstance(value, str) and "\n" in value:
        new = _new_block(value, indent + 2, "\r\n" if "\r\n" in text else "\n")
    else:
        new = scalar(value)
        if node.style == '"' and isinstance(value, str):
            new = json.dumps(value, ensure_ascii=False)
    return text[: node.start] + new + text[node.end :]


def _block(old: str, value: str, style: str, indent: int) -> str:
    """A block scalar (``|`` or ``>``) with new content: its header kept, its lines
    indented as before, the lines whose text did not change written as they were."""
    newline = "\r\n" if "\r\n" in old else "\n"
    header, _, body = old.partition(newline)
    lines = body.split(newline)
    count = len(lines)
    while count and not lines[count - 1].strip():
        count -= 1
    content, tail = lines[:count], lines[count:]
    width = min(
        (len(line) - len(line.lstrip(" ")) for line in content if line.strip()), default=indent + 2
    )
    core = value.rstrip("\n")
    if style == ">":
        if "\n" in core:
            raise EditError("texte replié (>) devenu un texte de plusieurs paragraphes")
        new_lines = [" " * width + line for line in _refold([c.strip() for c in content], core)]
    else:
        new_lines = [(" " * width + line) if line else "" for line in core.split("\n")]
    trailing = len(value) - len(core)
    chomp = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    match = re.match(r"([|>])([+-]?)(\d?)([+-]?)", header)
    digits = match.group(3) if match else ""
    header = (
        (match.group(1) if match else style)
        + chomp
        + digits
        + header[match.end() if match else 1 :]
    )
    return header + newline + newline.join([*new_lines, *tail])


def _refold(old_lines: list[str], value: str, width: int = 96) -> list[str]:
    """The folded lines of ``value``: the old lines it still starts and ends with, the
    rest folded at about ``width`` characters."""
    head: list[str] = []
    rest = value
    for line in old_lines:
        if rest == line or rest.startswith(line + " "):
            head.append(line)
            rest = rest[len(line) :].lstrip(" ")
        else:
            break
    tail: list[str] = []
    for line in reversed(old_lines[len(head) :]):
        if rest == line or rest.endswith(" " + line):
            tail.insert(0, line)
            rest = rest[: len(rest) - len(line)].rstrip(" ")
        else:
            break
    middle: list[str] = []
    for word in rest.split(" ") if rest else []:
        if middle and len(middle[-1]) + 1 + len(word) <= width:
            middle[-1] += " " + word
        else:
            middle.append(word)
    return head + middle + tail


def _new_block(value: str, width: int, newline: str = "\n") -> str:
    """A literal block for a text of several lines."""
    keep = value.endswith("\n")
    chomp = "" if keep and not value.endswith("\n\n") else ("+" if keep else "-")
    lines = value[:-1].split("\n") if keep else value.split("\n")
    if lines and lines[0].startswith(" "):
        raise EditError("un texte qui commence par une espace ne peut pas être écrit en bloc")
    body = newline.join((" " * width + line) if line else "" for line in lines)
    return f"|{chomp}{newline}{body}" + (newline if keep else "")


# --- keys and items ------------------------------------------------------------------------


def _remove(text: str, path: DataPath, nodes: dict[DataPath, Node]) -> str:
    """Remove a key (with its value) or a list item, whole lines when it has them."""
    node = nodes[path]
    parent = nodes[path[:-1]]
    if parent.flow:
        raise EditError("suppression dans une liste ou des champs écrits sur une ligne")
    start = parent.keys[path[-1]] if parent.kind == "map" else _dash(text, node.start)
    end = node.end if node.kind == "scalar" else max(node.end, node.last_end)
    line_start = _line_start(text, start)
    line_end = text.find("\n", end - 1 if text[end - 1 : end] == "\n" else end)
    line_end = len(text) if line_end < 0 else line_end + 1
    if text[line_start:start].strip(" -") or text[end:line_end].strip() not in ("",):
        if text[end:line_end].lstrip().startswith("#"):
            pass  # a comment on the value's line goes with it
        else:
            raise EditError("suppression d'une valeur qui partage sa ligne")
    if (
        parent.kind == "seq"
        and text[line_start:start].strip() == "-"
        and len([p for p in nodes if p[:-1] == path[:-1]]) == 1
    ):
        raise EditError("suppression du dernier élément d'une liste")
    return text[:line_start] + text[line_end:]


def _dash(text: str, index: int) -> int:
    line_start = _line_start(text, index)
    dash = text.find("-", line_start, index)
    return dash if dash >= 0 else index


def _add(
    text: str, path: DataPath, value: Any, nodes: dict[DataPath, Node], order: list[str]
) -> str:
    """Add a key to the mapping at ``path[:-1]`` (created, with its parents, if absent)."""
    parent_path, key = path[:-1], path[-1]
    parent = nodes.get(parent_path)
    if parent is None:
        if not parent_path or isinstance(key, int):
            raise EditError(f"emplacement introuvable pour {'.'.join(map(str, path))}")
        return _add(text, parent_path, {key: value}, nodes, [])
    if parent.kind == "seq":
        if key != len([p for p in nodes if len(p) == len(path) and p[:-1] == parent_path]):
            raise EditError("ajout au milieu d'une liste")
        return _append(text, parent_path, parent, value, nodes)
    if parent.flow:
        close = text.rfind("}", parent.start, parent.end)
        separator = ", " if parent.keys else ""
        return text[:close] + f"{separator}{scalar(key)}: {_inline(value)}" + text[close:]
    if not parent.keys:
        raise EditError("ajout dans des champs vides")
    indent = _column(text, next(iter(parent.keys.values())))
    # after the last key that comes before it in the usual order, else after the last key
    known = [k for k in order[: order.index(key)] if k in parent.keys] if key in order else []
    anchor = known[-1] if known else list(parent.keys)[-1]
    anchor_node = nodes[(*parent_path, anchor)]
    end = anchor_node.end if anchor_node.kind == "scalar" else anchor_node.last_end
    insert_at = _after_line(text, len(text[:end].rstrip()))  # before trailing blank lines
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = _emit(key, value, indent)
    if indent == 0 and text[insert_at:].startswith(("\n", "\r\n")):
        lines.insert(0, "")  # top-level parts of the file are set apart by a blank line
    return text[:insert_at] + newline.join(lines) + newline + text[insert_at:]


def _append(text: str, path: DataPath, node: Node, value: Any, nodes: dict[DataPath, Node]) -> str:
    items = sorted(
        (p for p in nodes if len(p) == len(path) + 1 and p[:-1] == path), key=lambda p: p[-1]
    )
    if node.flow or not items:
        raise EditError("ajout à une liste écrite sur une ligne ou vide")
    first = nodes[items[0]]
    indent = _column(text, _dash(text, first.start))
    last = nodes[items[-1]]
    end = last.end if last.kind == "scalar" else last.last_end
    insert_at = _after_line(text, len(text[:end].rstrip()))
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = _emit(None, value, indent)
    return text[:insert_at] + newline.join(lines) + newline + text[insert_at:]


def _after_line(text: str, index: int) -> int:
    if index > 0 and text[index - 1] == "\n":
        return index
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k)}: {_inline(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    return scalar(value)


def _emit(key: Any, value: Any, indent: int) -> list[str]:
    """Block lines for ``key: value`` (or ``- value`` when ``key`` is None)."""
    pad = " " * indent
    lead = f"{pad}{scalar(key)}:" if key is not None else f"{pad}-"
    if isinstance(value, dict) and value:
        inner = indent + 2
        lines: list[str] = []
        for index, (k, v) in enumerate(value.items()):
            sub = _emit(k, v, inner)
            if key is None and index == 0:
                sub[0] = f"{pad}- " + sub[0].lstrip()
            lines += sub
        return ([lead] if key is not None else []) + lines
    if isinstance(value, list) and value:
        lines = [lead] if key is not None else []
        for item in value:
            sub = _emit(None, item, indent + 2)
            lines += sub
        return lines
    if isinstance(value, str) and "\n" in value:
        block = _new_block(value, indent + 2).rstrip("\n").split("\n")  # joined by the caller
        return [f"{lead} {block[0]}", *block[1:]]
    return [f"{lead} {_inline(value)}"]


def _replace_collection(
    text: str, path: DataPath, node: Node, value: Any, nodes: dict[DataPath, Node]
) -> str:
    """A list or mapping replaced: item by item where the lists differ, so that
    untouched items keep their lines."""
    if not isinstance(value, list) or node.kind != "seq":
        raise EditError("remplacement d'un ensemble de champs")
    data, _ = yamlsource.parse(text)
    old = value_at(data, path)
    result = text
    if node.flow:
        start, end = node.start, node.end
        return result[:start] + _inline(value) + result[end:]
    # change items in place, then remove or add at the end
    for index in range(min(len(old), len(value))):
        if old[index] != value[index]:
            result = set_value(result, (*path, index), value[index])
    for index in range(len(old) - 1, len(value) - 1, -1):
        result = set_value(result, (*path, index), None)
    for index in range(len(old), len(value)):
        result = set_value(result, (*path, index), value[index])
    return result
