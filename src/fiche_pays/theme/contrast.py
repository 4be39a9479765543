"""Colour contrast of a template's text, checked when the template loads (WCAG 2.1, 1.4.3).

Text needs a contrast ratio of at least 4.5:1 with its background, or 3:1 when it is
large (18 pt and more, or 14 pt and more in bold). Every style is checked against the
page's white; table header cells against the header background, body cells against
the stripe colour of every other row as well; links against white at body size. The
chart's series colours, graphical objects, need 3:1 against white (1.4.11).
"""

from __future__ import annotations

import dataclasses
import math

from ..french import number
from .style import Colors, Style

WHITE = "#FFFFFF"
NORMAL, LARGE = 4.5, 3.0


def luminance(color: str) -> float:
    """The relative luminance of #RRGGBB (WCAG 2.1 definition)."""
    channels = []
    for index in (1, 3, 5):
        value = int(color[index : index + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def ratio(foreground: str, background: str) -> float:
    """The contrast ratio of two #RRGGBB colours, from 1 to 21."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_large(style: Style) -> bool:
    """Large text in WCAG's sense: 18 pt, or 14 pt in bold."""
    return style.size >= 18 or (style.bold and style.size >= 14)


def backgrounds(name: str, colors: Colors) -> list[tuple[str, str]]:
    """(colour, how to name it) of every background a style's text is set on."""
    if name.startswith("cell_header"):
        return [(colors.table_header_background, "colors.table_header_background")]
    found = [(WHITE, "fond blanc")]
    if name.startswith("cell"):
        found.append((colors.table_stripe, "colors.table_stripe"))
    return found


def contrast_problems(styles: dict[str, Style], colors: Colors) -> list[tuple[str, str]]:
    """(field, French message) of every text colour too pale for its background."""
    # A colour's name in the template, the first field that has it ("#000091": primary).
    names: dict[str, str] = {}
    for field in dataclasses.fields(colors):
        value = getattr(colors, field.name)
        if isinstance(value, str):
            names.setdefault(value, field.name)
    checks = [(f"styles.{name}.color", name, style) for name, style in styles.items()]
    checks.append(("colors.link", "link", styles["body"]))  # links are body-size text
    problems = []
    for field, name, style in checks:
        color = colors.link if field == "colors.link" else style.color
        needed = LARGE if is_large(style) and field != "colors.link" else NORMAL
        for background, where in backgrounds(name, colors):
            found = ratio(color, background)
            if found >= needed:
                continue
            origin = f" (colors.{names[color]})" if color in names else ""
            shown = number(math.floor(found * 100) / 100, 2)
            size = number(style.size, 1 if style.size % 1 else 0)
            on = where if where == "fond blanc" else f"son fond {background} ({where})"
            text = "des liens" if name == "link" else f"du style « {name} »"
            problems.append(
                (
                    field,
                    f"contraste insuffisant : la couleur {color}{origin} {text} "
                    f"({size} pt) sur {on} a un rapport de {shown}:1, il faut au moins "
                    f"{number(needed, 1)}:1 (WCAG 2.1, critère 1.4.3) ; foncez cette couleur",
                )
            )
    # The chart's series colours are what tells a bar or line from the page: graphical
    # objects need 3:1 against their background (WCAG 2.1, 1.4.11).
    for index, color in enumerate(colors.chart):
        found = ratio(color, WHITE)
        if found < LARGE:
            shown = number(math.floor(found * 100) / 100, 2)
            problems.append(
                (
                    f"colors.chart[{index}]",
                    f"contraste insuffisant : la couleur {color} des séries du graphique sur "
                    f"fond blanc a un rapport de {shown}:1, il faut au moins "
                    f"{number(LARGE, 1)}:1 (WCAG 2.1, critère 1.4.11) ; foncez cette couleur",
                )
            )
    return problems
