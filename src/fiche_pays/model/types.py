"""Value types shared by every data format: checked text, keys, URLs, numbers, years.

Each type carries its validation and its French message, so that a field declared with
it is checked the same way in every fiche kind.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

# --- text types -------------------------------------------------------------------

_ALLOWED_CONTROLS = {"\n", "\t"}
_EMPTY = "texte vide : écrivez-le, ou supprimez la ligne si le champ est facultatif"


def _check_characters(text: str) -> str:
    for index, char in enumerate(text):
        if char in _ALLOWED_CONTROLS:
            continue
        category = unicodedata.category(char)
        if category == "Cc" or category == "Cs" or char in "\ufffe\uffff":
            raise ValueError(
                f"caractère de contrôle invisible U+{ord(char):04X} en position {index + 1} du"
                " texte : supprimez-le (il vient souvent d'un copier-coller)"
            )
    return text


def _line(text: str) -> str:
    text = _check_characters(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"[ \t\n]+", " ", text).strip()  # keeps typed no-break spaces
    if not text:
        raise ValueError(_EMPTY)
    return text


def _prose(text: str) -> str:
    text = _check_characters(text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not text:
        raise ValueError(_EMPTY)
    return text


def _key(text: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", text):
        raise ValueError(
            f"identifiant « {text} » invalide : lettres minuscules sans accent, chiffres et"
            " « _ », en commençant par une lettre (ex. petrole_brut)"
        )
    if len(text) > 40:  # it becomes a Word bookmark name, which Word caps at 40
        raise ValueError(f"identifiant « {text} » trop long : 40 caractères au plus")
    return text


def _url(text: str) -> str:
    _check_characters(text)
    if not re.fullmatch(r"https?://[^\s/$.?#][^\s]*", text) and not text.startswith("mailto:"):
        raise ValueError(f"adresse « {text[:80]} » invalide : elle doit commencer par https://")
    return text


Line = Annotated[str, AfterValidator(_line)]
"""One line of text; inner line breaks become spaces."""
Prose = Annotated[str, AfterValidator(_prose)]
"""Running text; a blank line separates paragraphs; may refer to data with {nom}."""
Key = Annotated[str, AfterValidator(_key)]
Url = Annotated[str, AfterValidator(_url)]
Year = Annotated[int, Field(ge=1800, le=2200)]
Count = Annotated[int, Field(ge=0)]
Amount = Annotated[float, Field(allow_inf_nan=False)]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
Rank = Annotated[int, Field(ge=1)]
SchoolYear = Annotated[str, AfterValidator(lambda v: pattern(v, r"\d{4}(-\d{4})?", "2020-2021"))]


def pattern(text: str, regex: str, example: str) -> str:
    """``text`` if it matches ``regex`` in full, else a French error showing ``example``."""
    if not re.fullmatch(regex, text):
        raise ValueError(f"« {text} » ne respecte pas la forme attendue (ex. {example})")
    return text


class Record(BaseModel):
    """Base of every model: frozen, no unknown keys, French keys."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        validate_by_name=False,
        validate_by_alias=True,
        serialize_by_alias=True,
    )
