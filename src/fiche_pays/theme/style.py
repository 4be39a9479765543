"""What a template decides, as plain frozen data the composer and the writers read."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..french import Units


@dataclass(frozen=True)
class Wording:
    """Wording settings a template may change: amount units, default author."""

    units: Units = field(default_factory=Units)
    default_author: str = "Ministère de l'Europe et des affaires étrangères"
    toc_title: str = "Sommaire"
