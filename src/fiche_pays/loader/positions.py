"""Where things are in a data file: positions of keys and values, and located problems."""

from __future__ import annotations

from dataclasses import dataclass, field

DataPath = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Positions (1-based line, column) of keys and values, by data path."""

    values: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    styles: dict[DataPath, str] = field(default_factory=dict)  # "|" or ">" for block texts
    # Mistakes that leave the file readable (a key written twice: its first value is
    # kept), reported with the rest of the file's errors.
    problems: list[YamlProblem] = field(default_factory=list)

    def locate(self, path: DataPath) -> tuple[int, int] | None:
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
    """A YAML-level problem at a position (1-based), worded for the user.

    ``field`` names the value concerned in the file's own terms ("pays.nom",
    "visites.liste[2].date") when known; ``others`` carries further problems of the same
    file found in the same pass (several pasted control characters, for instance).
    """

    def __init__(
        self,
        message: str,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        others: list[YamlProblem] | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.field = short_label(field) if field else None
        self.others = others or []

    def all(self) -> list[YamlProblem]:
        """This problem and the others found with it."""
        return [self, *self.others]


def short_label(label: str) -> str:
    """A field path short enough for one line (hostile files nest deeply)."""
    if len(label) <= 80:
        return label
    tail = label[-79:]
    return "…" + tail[min((i for i in (tail.find("["), tail.find(".")) if i >= 0), default=0) :]
