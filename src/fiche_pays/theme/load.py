"""Templates: a folder with ``theme.yaml`` (look) and ``reference.docx`` (Word styles).

A theme may inherit from another (``inherit: officiel``): the child's values override
the parent's, key by key. Font files and the reference .docx are looked up in the
template's folder, then in its parents', then among the fonts shipped with the package.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..french import Units
from ..loader import yamlsource
from ..loader.files import read_text_or_raise
from ..loader.messages import describe_error
from ..problems import DataError, Problem
from .style import Wording

PACKAGE_DIR = Path(__file__).resolve().parent.parent
FONTS_DIR = PACKAGE_DIR / "fonts"
DEFAULT_TEMPLATE = "officiel"


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _color(value: str) -> str:
    if not (
        len(value) == 7
        and value[0] == "#"
        and all(c in "0123456789abcdefABCDEF" for c in value[1:])
    ):
        raise ValueError(f"couleur « {value} » invalide : écrivez #RRVVBB (ex. #000091)")
    return value.upper()


class PageTheme(_Part):
    """Paper and margins, in millimetres."""

    size: Literal["A4", "Letter"] = "A4"
    margin_top: float = Field(20, ge=5, le=60)
    margin_bottom: float = Field(20, ge=5, le=60)
    margin_left: float = Field(20, ge=5, le=60)
    margin_right: float = Field(20, ge=5, le=60)


class FontTheme(_Part):
    """Font files embedded in the PDF, and the family name Word uses."""

    family: str = "Liberation Sans"
    word_family: str | None = None  # font named in the .docx; default: family
    regular: str = "LiberationSans-Regular.ttf"
    bold: str = "LiberationSans-Bold.ttf"
    italic: str = "LiberationSans-Italic.ttf"
    bold_italic: str = "LiberationSans-BoldItalic.ttf"


class ColorTheme(_Part):
    """Colours as #RRGGBB."""

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

    @field_validator(
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
    @classmethod
    def _valid(cls, value: str) -> str:
        return _color(value)

    @field_validator("chart")
    @classmethod
    def _valid_list(cls, value: list[str]) -> list[str]:
        return [_color(v) for v in value]


class SizeTheme(_Part):
    """Type sizes in points."""

    body: float = Field(10, ge=6, le=16)
    leading: float = Field(14, ge=6, le=24)
    title: float = Field(26, ge=10, le=48)
    subtitle: float = Field(14, ge=8, le=30)
    heading1: float = Field(14, ge=8, le=30)
    heading2: float = Field(11.5, ge=8, le=24)
    small: float = Field(8, ge=5, le=12)


class IdentityTheme(_Part):
    """The issuing authority's block (bloc-marque), top left of page 1."""

    lines: list[str] = Field(default_factory=list)
    motto: list[str] = Field(default_factory=list)
    emblem: str | None = None  # image file, only for organisations entitled to one
    service: str | None = None  # shown top right when the fiche names none


class HeaderTheme(_Part):
    """Running header and footer."""

    marking: str | None = None  # distribution marking: "Diffusion restreinte"…
    first_page_marking: bool = True


class WordingTheme(_Part):
    """Wording a template may change."""

    million: str = "M"
    billion: str = "Md"
    currency: dict[str, str] = Field(default_factory=dict)
    default_author: str = "Ministère de l'Europe et des affaires étrangères"
    toc_title: str = "Sommaire"


class ThemeData(_Part):
    """The contents of ``theme.yaml``."""

    name: str
    description: str = ""
    inherit: str | None = None
    toc: bool = True
    page: PageTheme = Field(default_factory=PageTheme)
    fonts: FontTheme = Field(default_factory=FontTheme)
    colors: ColorTheme = Field(default_factory=ColorTheme)
    sizes: SizeTheme = Field(default_factory=SizeTheme)
    identity: IdentityTheme = Field(default_factory=IdentityTheme)
    header: HeaderTheme = Field(default_factory=HeaderTheme)
    wording: WordingTheme = Field(default_factory=WordingTheme)


@dataclass(frozen=True)
class Theme:
    """A loaded template: its settings and the files it resolves to."""

    data: ThemeData
    folders: tuple[Path, ...]  # the template's folder first, then its ancestors'
    font_files: dict[str, Path]  # "regular", "bold", "italic", "bold_italic"
    reference_docx: Path
    emblem: Path | None

    @property
    def name(self) -> str:
        """The template's name."""
        return self.data.name

    def wording(self) -> Wording:
        """The compose settings this template asks for."""
        w = self.data.wording
        return Wording(
            units=Units(w.million, w.billion, dict(w.currency) or None),
            default_author=w.default_author,
            toc_title=w.toc_title,
        )

    def files(self) -> list[Path]:
        """Every file the look depends on (for incremental builds)."""
        files = [folder / "theme.yaml" for folder in self.folders]
        files += [*self.font_files.values(), self.reference_docx]
        return files + ([self.emblem] if self.emblem else [])


def template_dirs() -> list[Path]:
    """Where templates are looked up by name: ./templates, then the bundled ones."""
    dirs = [
        Path.cwd() / "templates",
        PACKAGE_DIR / "templates",
        PACKAGE_DIR.parent.parent / "templates",
    ]
    seen: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [s.resolve() for s in seen]:
            seen.append(d)
    return seen


def find_template(name_or_path: str) -> Path:
    """The folder of a template given by name ("officiel") or path."""
    candidate = Path(name_or_path)
    if os.sep in name_or_path or candidate.is_dir():
        if (candidate / "theme.yaml").is_file():
            return candidate
        raise DataError([Problem(name_or_path, "dossier de modèle sans fichier theme.yaml")])
    for base in template_dirs():
        if (base / name_or_path / "theme.yaml").is_file():
            return base / name_or_path
    known = sorted(
        {p.name for base in template_dirs() for p in base.iterdir() if (p / "theme.yaml").is_file()}
    )
    raise DataError(
        [
            Problem(
                name_or_path,
                "modèle introuvable ; modèles disponibles : " + (", ".join(known) or "aucun"),
            )
        ]
    )


_cache: dict[str, tuple[tuple[int, ...], Theme]] = {}


def load_theme(name_or_path: str = DEFAULT_TEMPLATE) -> Theme:
    """Load a template by name or path, with its inheritance; raise DataError.

    Loaded themes are kept per process and reloaded when one of their files changes.
    """
    key = str(name_or_path)
    cached = _cache.get(key)
    if cached and cached[0] == _stamps(cached[1]):
        return cached[1]
    theme = _load_theme(key)
    _cache[key] = (_stamps(theme), theme)
    return theme


def _stamps(theme: Theme) -> tuple[int, ...]:
    stamps = []
    for path in theme.files():
        try:
            stat = path.stat()
            stamps += [stat.st_mtime_ns, stat.st_size]
        except OSError:
            stamps += [-1, -1]
    return tuple(stamps)


def _load_theme(name_or_path: str) -> Theme:
    folder = find_template(name_or_path)
    raw, folders = _merged(folder, ())
    theme_file = str(folder / "theme.yaml")
    try:
        data = ThemeData.model_validate(raw)
    except ValidationError as error:
        raise DataError(
            [
                Problem(
                    theme_file,
                    describe_error(e, e["loc"], ThemeData),
                    None,
                    None,
                    ".".join(map(str, e["loc"])),
                )
                for e in error.errors()
            ]
        ) from None
    fonts = {
        kind: _resolve(getattr(data.fonts, kind), folders, theme_file)
        for kind in ("regular", "bold", "italic", "bold_italic")
    }
    # A missing reference.docx is reported when a DOCX is written, so that
    # `fiche-pays reference-docx` can create it from the theme.
    reference = next(
        (f / "reference.docx" for f in folders if (f / "reference.docx").is_file()),
        folders[0] / "reference.docx",
    )
    emblem = _resolve(data.identity.emblem, folders, theme_file) if data.identity.emblem else None
    return Theme(data, folders, fonts, reference, emblem)


def _merged(folder: Path, chain: tuple[Path, ...]) -> tuple[dict[str, Any], tuple[Path, ...]]:
    """theme.yaml of a folder merged over its parents'; returns the folder chain too."""
    if folder.resolve() in chain:
        raise DataError([Problem(str(folder / "theme.yaml"), "héritage circulaire entre modèles")])
    path = folder / "theme.yaml"
    text = read_text_or_raise(path)
    try:
        raw, _ = yamlsource.parse(text)
    except yamlsource.YamlProblem as problem:
        raise DataError(
            [Problem(str(path), problem.message, problem.line, problem.column)]
        ) from None
    if not isinstance(raw, dict):
        raise DataError([Problem(str(path), "le thème doit être une suite de champs", 1)])
    parent_name = raw.get("inherit")
    if not parent_name:
        return raw, (folder,)
    parent_folder = (
        find_template(str(parent_name))
        if os.sep in str(parent_name)
        else next(
            (
                base / str(parent_name)
                for base in [folder.parent, *template_dirs()]
                if (base / str(parent_name) / "theme.yaml").is_file()
            ),
            None,
        )
    )
    if parent_folder is None:
        raise DataError([Problem(str(path), f"modèle parent « {parent_name} » introuvable")])
    parent, folders = _merged(parent_folder, (*chain, folder.resolve()))
    return _deep_merge(parent, raw), (folder, *folders)


def _deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    result = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = _deep_merge(result[key], value)
        else:
            result[key] = value
    return result


def _resolve(name: str, folders: tuple[Path, ...], theme_file: str) -> Path:
    for folder in (*folders, FONTS_DIR):
        if (folder / name).is_file():
            return folder / name
    raise DataError(
        [
            Problem(
                theme_file,
                f"fichier « {name} » introuvable dans le modèle ni parmi les polices fournies",
            )
        ]
    )
