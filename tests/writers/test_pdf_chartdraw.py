"""The chart drawn straight on the canvas (writers/pdf/chartdraw.py) writes the PDF that
ReportLab's renderPDF writes for the ``Drawing`` of the same shapes (chart_drawing below)."""

from __future__ import annotations

import io
import random

import pytest
from reportlab import rl_config
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from fiche_pays.composer.economy import nice_ticks
from fiche_pays.theme.load import load_theme
from fiche_pays.tree import Chart, Series
from fiche_pays.writers.pdf import fonts
from fiche_pays.writers.pdf.chart import CHART_RATIO, chart_shapes, draw_chart
from fiche_pays.writers.pdf.chartdraw import ChartShapes
from fiche_pays.writers.pdf.pdfops import FastStateCanvas

THEME = load_theme()


class _DrawingShapes:
    """The shape sink over a ReportLab ``Drawing`` (the reference)."""

    def __init__(self, drawing: Drawing):
        self.drawing = drawing

    def line(self, *args, **kw) -> None:
        self.drawing.add(Line(*args, **kw))

    def rect(self, *args, **kw) -> None:
        self.drawing.add(Rect(*args, **kw))

    def circle(self, *args, **kw) -> None:
        self.drawing.add(Circle(*args, **kw))

    def polyline(self, points, **kw) -> None:
        self.drawing.add(PolyLine(points, **kw))

    def string(self, x, y, text, angle=0, **kw) -> None:
        if not angle:
            self.drawing.add(String(x, y, text, **kw))
            return
        group = Group(String(x, y, text, **kw))
        group.rotate(angle)
        self.drawing.add(group)


def chart_drawing(chart, width, font, colors, text, muted, size=8, height=None) -> Drawing:
    """ReportLab's ``Drawing`` of the chart ``chart_shapes`` draws (the reference)."""
    height = width * CHART_RATIO if height is None else height
    drawing = Drawing(width, height, initialFontName=font)  # no stray Helvetica
    draw_chart(_DrawingShapes(drawing), chart, width, height, font, colors, text, muted, size)
    return drawing


def _chart(rng: random.Random) -> Chart:
    """A random chart: 1-12 categories (years, some missing), 0-3 bar series and 0-2 line
    series, values of either sign or all positive (the zero line at the bottom)."""
    count = rng.randint(1, 12)
    years = sorted(rng.sample(range(2000, 2030), count))
    kinds = ["bar"] * rng.randint(0, 3) + ["line"] * rng.randint(0, 2) or ["bar"]
    scale = rng.choice([1, 40, 2_500, 120_000])
    low = rng.choice([-1.0, 0.0, 0.3])  # negative values, from zero, or far above zero
    series = tuple(
        Series(
            rng.choice(["Exportations", "Importations françaises", "Solde", "Total"]) + str(i),
            tuple(round(scale * rng.uniform(low, 1), rng.choice([0, 1])) for _ in years),
            kind,
        )
        for i, kind in enumerate(kinds)
    )
    values = [v for s in series for v in s.values]
    bottom = min(values) if low > 0 and rng.random() < 0.5 else min(0.0, *values)
    ticks = nice_ticks(bottom, max(0.0, *values))
    return Chart(
        title="Titre",
        categories=tuple(str(y) for y in years),
        series=series,
        y_label=rng.choice(["Millions d’euros", "Md €"]),
        x_label="Année",
        ticks=tuple(ticks),
        tick_labels=tuple(f"{t:,.0f}".replace(",", " ") for t in ticks),
        alt="Graphique",
    )


def _pdf(canvas_class: type, flowable, x: float, y: float) -> bytes:
    out = io.BytesIO()
    canv = canvas_class(out, invariant=1, pageCompression=0)
    canv.setFont("Helvetica", 11)  # a state of the page before the chart
    canv.drawString(10, 10, "avant")
    flowable.wrap(500, 800)
    flowable.drawOn(canv, x, y)
    canv.drawString(10, 30, "après")  # the state is back as it was
    canv.showPage()
    canv.save()
    return out.getvalue()


def _both(chart: Chart, rng: random.Random) -> tuple[ChartShapes, object]:
    label = THEME.styles["chart"]
    font = rng.choice([*fonts.register_theme(THEME).values(), "Helvetica"])
    width = rng.choice([453.5, 300.0, 481.89])
    args = (chart, width, font, list(THEME.colors.chart), THEME.colors.text, label.color)
    kw = {"size": rng.choice([label.size, 7, 9.5])}
    if rng.random() < 0.7:
        kw["height"] = width * rng.choice([0.45, 0.3])
    return chart_shapes(*args, **kw), chart_drawing(*args, **kw)


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("canvas_class", [FastStateCanvas, Canvas])
def test_the_charts_pdf_is_renderpdfs(seed, canvas_class):
    rng = random.Random(seed)
    chart = _chart(rng)
    fast, drawing = _both(chart, rng)
    assert isinstance(fast, ChartShapes)
    assert fast.wrap(500, 800) == drawing.wrap(500, 800)
    x, y = rng.uniform(40, 80), rng.uniform(40, 400)
    assert _pdf(canvas_class, fast, x, y) == _pdf(canvas_class, drawing, x, y)


def test_invariant_state_order_is_renderpdfs(monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)  # renderPDF then sorts each delta
    rng = random.Random(99)
    fast, drawing = _both(_chart(rng), rng)
    assert _pdf(FastStateCanvas, fast, 50, 60) == _pdf(FastStateCanvas, drawing, 50, 60)


def test_every_shape_kind_is_drawn():
    chart = Chart(
        "T",
        ("2019", "2021", "2022"),
        (Series("A", (3.0, -2.0, 5.0)), Series("B", (1.0, 4.0, -1.0), "line")),
        "Md €",
        "Année",
        (-2.0, 0.0, 2.0, 4.0, 6.0),
        ("-2", "0", "2", "4", "6"),
        "alt",
    )
    fast = chart_shapes(chart, 400, "Helvetica", ["#123456", "#654321"], "#000000", "#777777")
    kinds = {shape[0] for shape in fast.shapes}
    assert kinds == {"line", "rect", "circle", "polyline", "string", "group"}
    page = _pdf(FastStateCanvas, fast, 50, 60)
    drawing = chart_drawing(chart, 400, "Helvetica", ["#123456", "#654321"], "#000000", "#777777")
    assert page == _pdf(FastStateCanvas, drawing, 50, 60)


def test_shapes_the_chart_does_not_use_yet_are_drawn_as_renderpdf_draws_them():
    red, blue = HexColor("#CC0000"), HexColor("#0000CC")
    fast, drawing = (
        ChartShapes(300, 200, "Helvetica"),
        Drawing(300, 200, initialFontName="Helvetica"),
    )
    calls = [
        ("rect", Rect, (10, 20, 30, 40), {"fillColor": None, "strokeColor": red, "strokeWidth": 2}),
        ("rect", Rect, (15, 25, 35, 45), {"fillColor": blue, "strokeColor": red}),
        ("circle", Circle, (50, 60, 7), {"fillColor": None, "strokeColor": blue}),
        ("line", Line, (0, 0, 100, 100), {"strokeColor": None}),
        ("line", Line, (0, 5, 100, 5), {}),
        ("string", String, (10, 10, "début"), {"fontName": "Helvetica", "fontSize": 9}),
        ("string", String, (10, 30, "rien"), {"fillColor": None, "textAnchor": "end"}),
        ("string", String, (90, 50, "fin"), {"fontSize": 12, "textAnchor": "end"}),
    ]
    for method, cls, args, kw in calls:
        getattr(fast, method)(*args, **kw)
        drawing.add(cls(*args, **kw))
    assert _pdf(FastStateCanvas, fast, 20, 30) == _pdf(FastStateCanvas, drawing, 20, 30)
