"""What a recogniser returns: a record of the data format, found in a line of the page."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Recognised:
    """A fact found in a piece of the page.

    ``kind`` is the block kind that holds the record (postes, communaute, visites…);
    ``record`` the record as the data file writes it; ``facts`` the facts in French for
    the report; ``checks`` what a person should check (« à vérifier » comments);
    ``generated`` what the fiche would print for the record without a text of its own,
    when the recogniser knows it (then the page's words can give way to the field).
    """

    kind: str
    record: dict
    facts: str
    checks: list[str] = field(default_factory=list)
    generated: str | None = None
    where: str = ""  # « ligne 15 »: set by the walk, for the report
