"""Value types shared by every data format: checked text, keys, URLs, numbers, years.

Each type carries its validation and its French message, so that a field declared with
it is checked the same way in every fiche kind.
"""

from __future__ import annotations

import re
import sys
from types import UnionType
from typing import Annotated, Any, ClassVar, Literal, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
)
from pydantic.fields import FieldInfo

from .. import examples, french
from ..characters import check_characters
from ..partialdate import PartialDate

DataPath = tuple[str | int, ...]
"""Where a value sits in a data file, in the file's own keys: ("visites", 0, "visites", 2)."""

# --- text types -------------------------------------------------------------------

_EMPTY = "texte vide : écrivez-le, ou supprimez la ligne si le champ est facultatif"


def _check_characters(text: str) -> str:
    return check_characters(text)


_BLANKS = re.compile(r"[ \t\n]+")


def _line(text: str) -> str:
    text = _check_characters(text.replace("\r\n", "\n").replace("\r", "\n"))
    if "\n" in text or "\t" in text or "  " in text:  # most lines: nothing to fold
        text = _BLANKS.sub(" ", text)
    text = text.strip()  # keeps typed no-break spaces inside
    if not text:
        raise ValueError(_EMPTY)
    return examples.check(text)


def _prose(text: str) -> str:
    text = _check_characters(text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not text:
        raise ValueError(_EMPTY)
    return examples.check(text)


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
    examples.check(text)
    shown = french.excerpt(text, 80)
    if text.startswith("mailto:"):
        return text
    if not re.match(r"https?://", text):
        raise ValueError(
            f"adresse « {shown} » invalide : elle doit commencer par https:// (ou http://) ; "
            f"écrivez https://{french.excerpt(text.strip())}"
            if not re.match(r"[a-z][a-z0-9+.-]*:", text, re.I)
            else f"adresse « {shown} » invalide : elle doit commencer par https:// (ou http://)"
        )
    space = re.search(r"\s", text)
    if space:
        raise ValueError(
            f"adresse « {shown} » invalide : elle contient une espace (position "
            f"{space.start() + 1}) ; supprimez-la, ou écrivez %20 si l'adresse en a vraiment une"
        )
    if not re.fullmatch(r"https?://[^\s/$.?#][^\s]*", text):
        raise ValueError(
            f"adresse « {shown} » invalide : un nom de site doit suivre https:// (ou http://)"
        )
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


# Every number of a fiche, whatever its field: what the documents can show. No figure of
# a fiche comes near (a population of 1.4e9, trade in millions); beyond, it is a typo or
# a unit mistake, which would otherwise fail only at the build (decimal formatting,
# "+∞ %" growth over a value like 1e-320).
MAX_NUMBER = 10**15
MIN_NUMBER = 1e-6


def check_number(value: float) -> None:
    """Raise a French ValueError for a number no document can show."""
    if isinstance(value, bool):
        return
    if abs(value) > MAX_NUMBER:
        raise ValueError(
            f"nombre {french.decimal(value)} trop grand : au plus {french.number(MAX_NUMBER)} "
            "en valeur absolue (vérifiez l'unité et les zéros : les montants s'écrivent en "
            "millions)"
        )
    if isinstance(value, float) and value != 0 and abs(value) < MIN_NUMBER:
        raise ValueError(
            f"nombre {french.decimal(value)} trop petit : écrivez 0, ou au moins "
            f"{french.number(MIN_NUMBER, 6)} en valeur absolue"
        )


def _check_numbers(value: Any) -> None:
    if value is None or type(value) is str:  # most fields: nothing to look into
        return
    if isinstance(value, int | float):
        check_number(value)
    elif isinstance(value, list | tuple):
        for item in value:
            _check_numbers(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_numbers(key)
            _check_numbers(item)


class Record(BaseModel):
    """Base of every model: frozen, no unknown keys, French keys, numbers in bounds."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        validate_by_name=False,
        validate_by_alias=True,
        serialize_by_alias=True,
    )

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Numbers in bounds, on the fields that can hold one: a validator on every
        # field ("*") cost a call per text. Added here, before pydantic gathers the
        # class's validators; each class checks the fields it declares.
        super().__init_subclass__(**kwargs)
        fields = numeric_fields(cls)
        if fields:
            check = field_validator(*fields, mode="after", check_fields=False)
            setattr(cls, f"_numbers_in_bounds_{cls.__name__}", check(_numbers_in_bounds))


def _numbers_in_bounds(cls: type, value: Any) -> Any:
    _check_numbers(value)  # nested records checked their own fields already
    return value


def numeric_fields(cls: type) -> tuple[str, ...]:
    """The fields ``cls`` declares whose value can hold a number: all but texts, dates,
    records (which check their own fields) and lists of those. A type that cannot be
    read when the class is made (a record defined further down) counts as numeric."""
    module = vars(sys.modules[cls.__module__])
    found = []
    for name, hint in vars(cls).get("__annotations__", {}).items():
        if isinstance(hint, str):
            try:
                hint = eval(hint, dict(module), dict(vars(cls)))  # the module's own annotations
            except Exception:  # not yet defined: checked, as before
                hint = Any
        if get_origin(hint) is not ClassVar and _may_hold_number(hint):
            found.append(name)
    return tuple(found)


_CONTAINERS = (list, tuple, dict, set, frozenset, Union, UnionType)


def _may_hold_number(hint: Any) -> bool:
    origin = get_origin(hint)
    if origin is Annotated:
        # After-validators here return the type they check (text stays text); any other
        # kind of validator may return anything.
        kinds = (AfterValidator, BeforeValidator, FieldInfo, Tag, Discriminator)
        if any(not isinstance(m, kinds) for m in hint.__metadata__):
            return True
        return _may_hold_number(get_args(hint)[0])
    if origin is Literal:
        return any(isinstance(a, int | float) for a in get_args(hint))
    if origin in _CONTAINERS:
        return any(_may_hold_number(a) for a in get_args(hint) if a is not Ellipsis)
    if origin is not None or not isinstance(hint, type) or hint is Any or hint is object:
        return True  # Any, a type variable, another generic: checked
    if issubclass(hint, Record | bool):  # a bool is never out of bounds
        return False
    return hint is not type(None) and issubclass(hint, int | float | list | tuple | dict)


class ExampleMarked(Record):
    """A record `fiche-pays new` writes as an example (a block, a section of a
    presentation): its ``exemple`` line is refused until deleted, so that an uncommented
    example is never printed with its example values (see :mod:`fiche_pays.examples`)."""

    example: str | None = Field(
        None,
        alias=examples.MARKER_KEY,
        exclude=True,
        description="Ligne des exemples de « fiche-pays new » : à supprimer une fois les "
        "valeurs remplacées",
    )

    @field_validator("example", mode="before")
    @classmethod
    def _not_an_example(cls, value: object) -> None:
        examples.check_marker(value)
        return None


class Item(Record):
    """A record in a list block: a visit, an agreement, a post… It may have a key, for
    texts of the fiche to cite it, and the page's own sentence instead of the generated
    wording."""

    key: Key | None = Field(
        None,
        alias="cle",
        description="Identifiant, pour citer l'élément ailleurs : {visites.cle.quand}",
    )
    text: Prose | None = Field(
        None,
        alias="texte",
        description="La phrase de la page, à la place de la ligne générée ; elle cite les "
        "champs de l'élément : {quand}, {visiteurs}, {lieu.au}…",
    )


def one_or_list(value: Any) -> Any:
    """A single value where a list is allowed: the list of that one."""
    return value if isinstance(value, list) else [value]


Dates = Annotated[
    list[PartialDate],
    BeforeValidator(one_or_list, json_schema_input_type=PartialDate | list[PartialDate]),
    Field(min_length=1),
]
"""One date, or several ("2012, 2013 et 2014"): AAAA-MM-JJ, AAAA-MM or AAAA each."""
