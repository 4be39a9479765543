"""Places with the preposition French gives them: "à Cotonou", "au Bénin", "aux Tonga",
"en France", "au Caire"; a place typed with its preposition stays as typed ("au Palais
de l'Élysée")."""

from __future__ import annotations

import re

from .. import countries
from ..model.country import Country
from ..tree import DataPath, Source
from .provenance import computed

_WITH_PREPOSITION = re.compile(r"^(à|a|au|aux|en|dans|chez|sur|sous|près|auprès|hors)\s", re.I)


def at(place: str, country: Country) -> str:
    """The place with its preposition: the fiche's country by its own form, France, any
    State of the countries table, a phrase already prepositioned, else a city."""
    if _WITH_PREPOSITION.match(place):
        return place
    key = countries.plain(place)
    if key in (countries.plain(country.name), countries.plain(country.the_form)):
        return country.in_form
    if key == "france":
        return "en France"
    known = countries.lookup(place)
    if known is not None:
        return known.in_
    if place.startswith("Le "):
        return "au " + place[3:]
    if place.startswith("Les "):
        return "aux " + place[4:]
    return "à " + place


def source(path: DataPath) -> Source:
    """The source of a place worded with its preposition."""
    return computed("la préposition suit le lieu : modifiez « lieu »", path)
