"""The contents of ``theme.yaml``, checked, and turned into the plain :class:`~.style.Theme`.

A style names its ``base`` (default: ``body``) and changes only what differs; colours
are a name from ``colors`` (``primary``, ``muted``…) or ``#RRGGBB``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..characters import check_characters
from ..french import Units
from .style import (
    FACES,
    STYLE_NAMES,
    Colors,
    Identity,
    Page,
    Style,
    TableLook,
    Theme,
    Wording,
)


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _visible_characters(cls, value: Any) -> Any:
        # A template's texts reach every document (bloc-marque, marking, footer): the
        # same invisible and direction-changing characters are refused as in the data.
        for text in _texts(value):
            check_characters(text)
        return value


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)


def color(value: str) -> str:
    """``value`` as #RRGGBB in capitals, or a French error."""
    if not (
        len(value) == 7
        and value[0] == "#"
        and all(c in "0123456789abcdefABCDEF" for c in value[1:])
    ):
        raise ValueError(f"couleur « {value} » invalide : écrivez #RRVVBB (ex. #000091)")
    return value.upper()


class PageSchema(_Part):
    """Paper and margins, in millimetres."""

    size: Literal["A4", "Letter"] = "A4"
    margin_top: float = Field(20, ge=5, le=60)
    margin_bottom: float = Field(20, ge=5, le=60)
    margin_left: float = Field(20, ge=5, le=60)
    margin_right: float = Field(20, ge=5, le=60)


class FontSchema(_Part):
    """Font files embedded in the PDF, and the family name Word uses."""

    family: str = "Liberation Sans"
    word_family: str | None = None  # font named in the .docx; default: family
    regular: str = "LiberationSans-Regular.ttf"
    bold: str = "LiberationSans-Bold.ttf"
    italic: str = "LiberationSans-Italic.ttf"
    bold_italic: str = "LiberationSans-BoldItalic.ttf"


_COLOR_FIELDS = (
    "primary",
    "accent",
    "text",
    "muted",
    "rule",
    "link",
    "table_header_background",
    "table_header_text",
    "table_stripe",
)


class ColorSchema(_Part):
    """Named colours as #RRGGBB; styles refer to them by name."""

    primary: str = "#000091"
    accent: str = "#E1000F"
    text: str = "#161616"
    muted: str = "#666666"
    rule: str = "#CECECE"
    link: str = "#000091"
    table_header_background: str = "#000091"
    table_header_text: str = "#FFFFFF"
    table_stripe: str = "#F6F6F6"
    chart: list[str] = Field(
        default_factory=lambda: ["#000091", "#E1000F", "#161616"], min_length=3
    )

    @field_validator(*_COLOR_FIELDS)
    @classmethod
    def _valid(cls, value: str) -> str:
        return color(value)

    @field_validator("chart")
    @classmethod
    def _valid_list(cls, value: list[str]) -> list[str]:
        return [color(v) for v in value]


class StyleSchema(_Part):
    """One style of the stylesheet; what it leaves out comes from its base."""

    base: str | None = None
    face: Literal["regular", "bold", "italic", "bold_italic"] | None = None
    size: float | None = Field(None, ge=5, le=60)
    leading: float | None = Field(None, ge=5, le=80)
    color: str | None = None
    space_before: float | None = Field(None, ge=0, le=100)
    space_after: float | None = Field(None, ge=0, le=100)
    indent: float | None = Field(None, ge=0, le=200)
    first_line_indent: float | None = Field(None, ge=-200, le=200)
    bullet_indent: float | None = Field(None, ge=0, le=200)
    align: Literal["left", "right", "center", "justify"] | None = None
    caps: bool | None = None
    keep_with_next: bool | None = None
    hyphenate: bool | None = None


class TableSchema(_Part):
    """Cell padding and rules of tables, in points."""

    padding_top: float = Field(3, ge=0, le=20)
    padding_bottom: float = Field(4, ge=0, le=20)
    padding_left: float = Field(4, ge=0, le=20)
    padding_right: float = Field(4, ge=0, le=20)
    rule: float = Field(0.4, ge=0, le=5)
    header_rule: float = Field(0.8, ge=0, le=5)


class IdentitySchema(_Part):
    """The issuing authority's block (bloc-marque), top left of page 1."""

    lines: list[str] = Field(default_factory=list)
    motto: list[str] = Field(default_factory=list)
    emblem: str | None = None  # image file, only for organisations entitled to one
    emblem_alt: str | None = None  # what the emblem shows, read by screen readers
    service: str | None = None  # shown top right when the fiche names none

    @model_validator(mode="after")
    def _described(self) -> IdentitySchema:
        if self.emblem and not (self.emblem_alt or "").strip():
            raise ValueError(
                "emblem_alt manquant : décrivez l'emblème en quelques mots (texte lu par les "
                "lecteurs d'écran, ex. « Marianne, République française »)"
            )
        return self


class HeaderSchema(_Part):
    """Running header: where the fiche's distribution marking is shown (its look is the
    ``marking`` and ``header_marking`` styles; its words are the fiche's)."""

    first_page_marking: bool = True

    @model_validator(mode="before")
    @classmethod
    def _no_marking_text(cls, raw: object) -> object:
        if isinstance(raw, dict) and "marking" in raw:
            raise ValueError(
                "« header.marking » n'existe plus : la mention de diffusion est décidée par "
                "chaque fiche (document.diffusion : Document de travail, Diffusion "
                "restreinte…), le modèle n'en donne que l'apparence (styles « marking » et "
                "« header_marking »). Supprimez « marking » de la section « header »"
            )
        return raw


class WordingSchema(_Part):
    """Wording a template may change."""

    million: str = "M"
    billion: str = "Md"
    currency: dict[str, str] = Field(default_factory=dict)
    default_author: str = "Ministère de l'Europe et des affaires étrangères"
    toc_title: str = "Sommaire"


class ThemeSchema(_Part):
    """The contents of ``theme.yaml``."""

    name: str
    description: str = ""
    inherit: str | None = None
    toc: bool = True
    # A one-page fiche of three sections needs no table of contents.
    toc_min_sections: int = Field(4, ge=1)
    page: PageSchema = Field(default_factory=PageSchema)
    fonts: FontSchema = Field(default_factory=FontSchema)
    colors: ColorSchema = Field(default_factory=ColorSchema)
    styles: dict[str, StyleSchema] = Field(default_factory=dict)
    table: TableSchema = Field(default_factory=TableSchema)
    identity: IdentitySchema = Field(default_factory=IdentitySchema)
    header: HeaderSchema = Field(default_factory=HeaderSchema)
    wording: WordingSchema = Field(default_factory=WordingSchema)

    @model_validator(mode="before")
    @classmethod
    def _renamed(cls, raw: object) -> object:
        if isinstance(raw, dict) and "sizes" in raw:
            raise ValueError(
                "la section « sizes » est remplacée par la feuille de styles « styles » : "
                "écrivez par exemple styles.body.size, styles.heading1.size (voir "
                "templates/officiel/theme.yaml)"
            )
        return raw

    @field_validator("styles")
    @classmethod
    def _known_styles(cls, styles: dict[str, StyleSchema]) -> dict[str, StyleSchema]:
        for name, style in styles.items():
            if name not in STYLE_NAMES:
                raise ValueError(
                    f"style « {name} » inconnu ; styles possibles : {', '.join(STYLE_NAMES)}"
                )
            if style.base is not None and style.base not in STYLE_NAMES:
                raise ValueError(f"style « {name} » : base « {style.base} » inconnue")
        return styles


def resolve_styles(schema: ThemeSchema) -> dict[str, Style]:
    """Every named style with its base's values filled in; raise ValueError (French)."""
    colors = schema.colors
    resolved: dict[str, dict] = {}

    def values(name: str, chain: tuple[str, ...]) -> dict:
        if name in resolved:
            return resolved[name]
        if name in chain:
            raise ValueError(f"styles : héritage circulaire ({' → '.join((*chain, name))})")
        style = schema.styles.get(name, StyleSchema())
        base = style.base or ("body" if name != "body" else None)
        own = {k: v for k, v in style.model_dump().items() if v is not None and k != "base"}
        merged = {**(values(base, (*chain, name)) if base else {}), **own, "base": base}
        resolved[name] = merged
        return merged

    result = {}
    for name in STYLE_NAMES:
        merged = dict(values(name, ()))
        missing = [k for k in ("face", "size", "leading", "color") if k not in merged]
        if missing:
            raise ValueError(
                f"style « {name} » incomplet : indiquez {', '.join(missing)} (dans « {name} » "
                "ou dans « body », dont héritent les autres styles)"
            )
        shade = merged["color"]
        merged["color"] = getattr(colors, shade) if shade in _COLOR_FIELDS else color(shade)
        result[name] = Style(**merged)
    return result


def to_theme(
    schema: ThemeSchema,
    folders: tuple[Path, ...],
    font_files: dict[str, Path],
    reference_docx: Path,
    emblem: Path | None,
) -> Theme:
    """The plain theme the writers read, from a checked ``theme.yaml``."""
    c, w = schema.colors, schema.wording
    assert set(font_files) == set(FACES)
    return Theme(
        name=schema.name,
        page=Page(**schema.page.model_dump()),
        family=schema.fonts.family,
        word_family=schema.fonts.word_family or schema.fonts.family,
        font_files=font_files,
        colors=Colors(
            primary=c.primary,
            accent=c.accent,
            text=c.text,
            muted=c.muted,
            rule=c.rule,
            link=c.link,
            table_header_background=c.table_header_background,
            table_stripe=c.table_stripe,
            chart=tuple(c.chart),
        ),
        styles=resolve_styles(schema),
        table=TableLook(**schema.table.model_dump()),
        identity=Identity(emblem, schema.identity.emblem_alt if emblem else None),
        toc=schema.toc,
        toc_min_sections=schema.toc_min_sections,
        first_page_marking=schema.header.first_page_marking,
        wording_settings=Wording(
            units=Units(w.million, w.billion, dict(w.currency) or None),
            default_author=w.default_author,
            toc_title=w.toc_title,
            service=schema.identity.service,
            identity=tuple(schema.identity.lines),
            motto=tuple(schema.identity.motto),
        ),
        folders=folders,
        reference_docx=reference_docx,
    )
