"""A trade chart as vector graphics: bars, a line, axes, ticks and a legend.

The geometry (:func:`draw_chart`) is written against a small shape sink (``line``,
``rect``, ``circle``, ``polyline``, ``string``): the writer's is a
:class:`.chartdraw.ChartShapes` drawn straight on the canvas; the tests give it one over
ReportLab's ``Drawing``, the reference it must match (same page code through renderPDF).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from ...tree import Chart
from .chartdraw import ChartShapes

CHART_RATIO = 0.45  # the standard height of a chart, as a share of its width


def chart_shapes(
    chart: Chart,
    width: float,
    font: str,
    colors: list[str],
    text: str,
    muted: str,
    size: float = 8,
    height: float | None = None,
) -> ChartShapes:
    """Draw a category chart: bar series side by side, line series over them; ``height``
    (default: the standard ratio of the width) may be less, text sizes unchanged."""
    height = width * CHART_RATIO if height is None else height
    shapes = ChartShapes(width, height, font)
    draw_chart(shapes, chart, width, height, font, colors, text, muted, size)
    return shapes


def draw_chart(
    drawing: Any,
    chart: Chart,
    width: float,
    height: float,
    font: str,
    colors: list[str],
    text: str,
    muted: str,
    size: float,
) -> None:
    """Draw the chart's shapes on ``drawing``, a shape sink, within ``width`` x ``height``."""
    label_width = max(stringWidth(t, font, size) for t in chart.tick_labels) + 6
    # Room below the plot for category labels, the axis title and the legend.
    left, right, bottom, top = label_width + size + 8, width - 4, 4.6 * size + 10, height - 6
    low, high = chart.ticks[0], chart.ticks[-1]

    def y_of(value: float) -> float:
        return bottom + (value - low) / (high - low) * (top - bottom)

    grey, ink = HexColor(muted), HexColor(text)
    for tick, label in zip(chart.ticks, chart.tick_labels, strict=True):
        y = y_of(tick)
        drawing.line(left, y, right, y, strokeColor=HexColor("#DDDDDD"), strokeWidth=0.4)
        drawing.string(
            left - 4,
            y - size / 3,
            label,
            fontName=font,
            fontSize=size,
            fillColor=grey,
            textAnchor="end",
        )
    zero = y_of(0) if low <= 0 <= high else bottom
    drawing.line(left, zero, right, zero, strokeColor=ink, strokeWidth=0.8)
    # The value-axis title, turned a quarter to run up the axis.
    drawing.string(
        (bottom + top) / 2,
        -size,
        chart.y_label,
        fontName=font,
        fontSize=size,
        fillColor=grey,
        textAnchor="middle",
        angle=90,
    )

    slot = (right - left) / len(chart.categories)
    bars = [s for s in chart.series if s.kind == "bar"]
    bar_width = slot * 0.7 / max(len(bars), 1)
    for index, category in enumerate(chart.categories):
        x0 = left + slot * index + slot * 0.15
        for b, series in enumerate(bars):
            value = series.values[index]
            color = HexColor(colors[chart.series.index(series) % len(colors)])
            y1, y2 = sorted((zero, y_of(value)))
            drawing.rect(
                x0 + b * bar_width,
                y1,
                bar_width * 0.92,
                y2 - y1,
                fillColor=color,
                strokeColor=None,
            )
        drawing.string(
            left + slot * (index + 0.5),
            bottom - size - 4,
            category,
            fontName=font,
            fontSize=size,
            fillColor=ink,
            textAnchor="middle",
        )
    for series in chart.series:
        if series.kind != "line":
            continue
        color = HexColor(colors[chart.series.index(series) % len(colors)])
        points = []
        for index, value in enumerate(series.values):
            points += [left + slot * (index + 0.5), y_of(value)]
        drawing.polyline(points, strokeColor=color, strokeWidth=1.6)
        for i in range(0, len(points), 2):
            drawing.circle(
                points[i],
                points[i + 1],
                2.6,
                fillColor=color,
                strokeColor=HexColor("#FFFFFF"),
                strokeWidth=0.8,
            )
    drawing.string(
        (left + right) / 2,
        bottom - 2 * size - 8,
        chart.x_label,
        fontName=font,
        fontSize=size,
        fillColor=grey,
        textAnchor="middle",
    )
    _legend(drawing, chart, left, font, size, colors, ink)


def _legend(
    drawing: Any,
    chart: Chart,
    left: float,
    font: str,
    size: float,
    colors: list[str],
    ink: Color,
) -> None:
    x, y = left, 4
    for index, series in enumerate(chart.series):
        color = HexColor(colors[index % len(colors)])
        if series.kind == "line":
            drawing.line(x, y + size / 3, x + 14, y + size / 3, strokeColor=color, strokeWidth=1.6)
            drawing.circle(x + 7, y + size / 3, 2.4, fillColor=color, strokeColor=None)
        else:
            drawing.rect(x + 2, y, 10, size * 0.8, fillColor=color, strokeColor=None)
        drawing.string(x + 18, y, series.name, fontName=font, fontSize=size, fillColor=ink)
        x += 18 + stringWidth(series.name, font, size) + 14
