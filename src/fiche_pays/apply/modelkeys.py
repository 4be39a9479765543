"""What the data model says about a place in a data file: the keys a mapping there
takes, in their usual order, and whether a section has a free text."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from ..tree import DataPath


def _unwrap(annotation: Any) -> Any:
    """The model or list type inside Optional[...] / Annotated[...]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else args[0]
        else:
            return annotation


def _blocks(annotation: Any) -> set[type]:
    """The block kinds a list item may be (a section of blocks), or none."""
    from ..model.blocks import BLOCK_TYPES

    found: set[type] = set()
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and current in BLOCK_TYPES:
            found.add(current)
        stack += typing.get_args(current)
    return found


def model_at(root: type[BaseModel], path: DataPath) -> type[BaseModel] | None:
    """The model of the mapping at ``path`` (list indexes skipped), or ``None``. In a
    section of blocks, the key after a block's index names its kind."""
    from ..model.blocks import KINDS

    current: Any = root
    for index, part in enumerate(path):
        if isinstance(part, int):
            if typing.get_origin(current) is list:
                item = typing.get_args(current)[0]
                if _blocks(item):
                    following = path[index + 1] if index + 1 < len(path) else None
                    if following not in KINDS:
                        return None  # a block whose kind the path does not say
                    current = KINDS[following]
                    continue
                current = _unwrap(item)
                continue
            return None
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next(
            (f for name, f in current.model_fields.items() if (f.alias or name) == part), None
        )
        if field is None:
            return None
        current = _unwrap(field.annotation)
    if typing.get_origin(current) is list:
        item = typing.get_args(current)[0]
        if _blocks(item):
            return None
        current = _unwrap(item)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def keys_at(root: type[BaseModel], path: DataPath) -> list[str]:
    """The keys of the mapping at ``path``, in the model's order."""
    model = model_at(root, path)
    if model is None:
        return []
    return [field.alias or name for name, field in model.model_fields.items()]


def text_path(root: type[BaseModel], data: Any, section: str) -> DataPath | None:
    """Where a section's free text goes ("visites" -> ("visites", "texte")), extra
    sections included; ``None`` when the section has none (ambassadors, links)."""
    if "texte" in keys_at(root, (section,)):
        return (section, "texte")
    extras = data.get("sections_supplementaires") if isinstance(data, dict) else None
    for index, extra in enumerate(extras or []):
        if isinstance(extra, dict) and extra.get("cle") == section:
            path = ("sections_supplementaires", index)
            return (*path, "texte") if "texte" in keys_at(root, path) else None
    return None
