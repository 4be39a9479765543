"""Content written by hand: facts, tables, extra sections, links."""

from __future__ import annotations

from pydantic import Field, model_validator

from .types import Line, Record, Url


class FreeFact(Record):
    """A "Label : value" line typed by hand."""

    label: Line = Field(alias="libelle")
    value: Line = Field(alias="valeur")


class FreeTable(Record):
    """A table typed by hand: a header row and rows of the same width."""

    # Beyond a dozen columns an A4 page has no room left for the text of the cells.
    header: list[Line] = Field(alias="entetes", min_length=1, max_length=12)
    rows: list[list[Line]] = Field(alias="lignes")
    caption: Line | None = Field(None, alias="titre")
    source: Line | None = Field(None, alias="source")

    @model_validator(mode="after")
    def _widths(self) -> FreeTable:
        for index, row in enumerate(self.rows, start=1):
            if len(row) != len(self.header):
                raise ValueError(
                    f"la ligne {index} du tableau a {len(row)} cellules pour "
                    f"{len(self.header)} colonnes"
                )
        return self


class Link(Record):
    """A link under "Informations complémentaires"."""

    title: Line = Field(alias="titre", max_length=200)
    url: Url = Field(alias="url")
