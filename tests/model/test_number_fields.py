"""The number-bound check runs only on the fields that can hold a number
(:func:`fiche_pays.model.types.numeric_fields`): every other field of every fiche read
must hold none, so that skipping it loses no check."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from fiche_pays.loader.load import load_source
from fiche_pays.model.types import Record, numeric_fields

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _checked(cls: type) -> set[str]:
    return {name for c in cls.__mro__ if issubclass(c, Record) for name in numeric_fields(c)}


def _numbers(value: object) -> list[object]:
    """The numbers a field's value holds outside nested records (which check their own)."""
    if isinstance(value, bool | BaseModel):
        return []
    if isinstance(value, int | float):
        return [value]
    if isinstance(value, list | tuple):
        return [n for item in value for n in _numbers(item)]
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in _numbers(k) + _numbers(v)]
    return []


def _unchecked_numbers(model: BaseModel, path: str = "") -> list[str]:
    found = []
    checked = _checked(type(model))
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name not in checked and _numbers(value):
            found.append(f"{path}{type(model).__name__}.{name}")
        for child in _records(value):
            found += _unchecked_numbers(child, f"{path}{name}/")
    return found


def _records(value: object) -> list[BaseModel]:
    if isinstance(value, BaseModel):
        return [value]
    if isinstance(value, list | tuple):
        return [r for item in value for r in _records(item)]
    if isinstance(value, dict):
        return [r for item in value.values() for r in _records(item)]
    return []


def _files(tmp_path: Path) -> list[Path]:
    import synthetic

    return sorted((ROOT / "data").rglob("*.yaml")) + synthetic.generate(tmp_path, 12)


def test_no_number_outside_the_checked_fields(tmp_path: Path) -> None:
    read = 0
    for path in _files(tmp_path):
        loaded = load_source(path)
        if loaded.fiche is None:
            continue
        read += 1
        assert _unchecked_numbers(loaded.fiche) == [], path
    assert read >= 12


@pytest.mark.parametrize(
    ("hint", "numeric"),
    [
        ("float", True),
        ("int | None", True),
        ("dict[str, float]", True),
        ("list[int]", True),
        ("str", False),
        ("bool", False),
        ("list[str] | None", False),
        ("Unknown", True),
        ("Any", True),
        ("object", True),
    ],
)
def test_numeric_fields_reads_annotations(hint: str, numeric: bool) -> None:
    namespace: dict = {"__annotations__": {"x": hint}, "__module__": __name__}
    cls = type(Record)("Probe", (Record,), namespace)
    assert numeric_fields(cls) == (("x",) if numeric else ())
