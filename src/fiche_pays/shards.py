"""Shares of the fiches, for a build spread over several machines (``build --shard I/N``).

Each data file belongs to one share, chosen by a hash of its path relative to the data
folder: "benin.yaml" for data/benin.yaml, whichever folder the project was checked out
into and whatever other files there are. The N shares are therefore disjoint, cover every
file, and stay the same from one run to the next: adding a fiche adds it to one share
and moves no other (sharing by position in the list would move every fiche after it).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DATA_FOLDER = Path("data")
MAX_SHARDS = 1000  # more machines than fiches helps nobody; a typo like 1/40000 is caught

_FORM = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


@dataclass(frozen=True)
class Shard:
    """The ``index``-th (from 1) of ``count`` shares."""

    index: int
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def parse_shard(text: str) -> Shard:
    """``"2/4"`` -> Shard(2, 4); a ValueError with a French message for anything else."""
    match = _FORM.fullmatch(text)
    if match is None:
        raise ValueError(
            f"« {text} » : part attendue sous la forme I/N, deux nombres entiers "
            "(par exemple 2/4 : la deuxième de quatre parts)"
        )
    index, count = int(match[1]), int(match[2])
    if count < 1:
        raise ValueError(f"« {text} » : le nombre de parts N doit être au moins 1")
    if count > MAX_SHARDS:
        raise ValueError(f"« {text} » : au plus {MAX_SHARDS} parts")
    if not 1 <= index <= count:
        raise ValueError(f"« {text} » : la part I doit être comprise entre 1 et {count}")
    return Shard(index, count)


def shard_key(path: str | os.PathLike[str], data_folder: Path = DATA_FOLDER) -> str:
    """The name a file is shared by: its path relative to the data folder, with "/"
    (its file name when it lies outside that folder)."""
    real = Path(os.path.realpath(path))
    folder = Path(os.path.realpath(data_folder))
    try:
        return real.relative_to(folder).as_posix()
    except ValueError:
        return real.name


def shard_of(path: str | os.PathLike[str], count: int, data_folder: Path = DATA_FOLDER) -> int:
    """The share (1 to ``count``) of a data file."""
    digest = hashlib.sha256(shard_key(path, data_folder).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def select(paths: Iterable[str], shard: Shard | None, data_folder: Path = DATA_FOLDER) -> list[str]:
    """The files of ``paths`` in ``shard``, in their order (all of them without one)."""
    if shard is None:
        return list(paths)
    return [p for p in paths if shard_of(p, shard.count, data_folder) == shard.index]
