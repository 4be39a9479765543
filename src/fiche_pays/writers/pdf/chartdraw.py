"""A chart's shapes drawn straight on the canvas, with the canvas calls ReportLab's
renderPDF makes for the same shapes in a ``Drawing`` (so the same page bytes).

Why: building a ``reportlab.graphics.shapes.Drawing`` checks every attribute of every
shape (``validateSetattr``) and renderPDF's generic machinery (``StateTracker`` copies of
the whole graphics state, ``getStateDelta``, ``drawNodeDispatcher``, ``fillDerivedValues``,
``_canvas``/``_parent`` set and deleted on each node) cost ~5 % of a fiche's PDF render.

Copied from ReportLab (``reportlab<6``, checked on 5.1): the order of the calls of
``renderbase.Renderer.draw``/``initState``, ``renderPDF._PDFRenderer.drawNode``, and the
bodies of its ``drawLine``/``drawRect`` (rx = ry = 0)/``drawCircle``/``drawPolyLine``/
``drawString`` (text anchors start/middle/end); ``Renderer.drawGroup``; ``Flowable.drawOn``
(inherited). Not copied: each shape's graphics-state delta is what ``getStateDelta`` gives
for a real ReportLab shape made once with the same keywords (kept as a template), and it is
applied by renderPDF's own ``applyStateChanges``. tests/writers/test_pdf_chartdraw.py
compares the page code with renderPDF's on many charts.
"""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.graphics.renderbase import StateTracker, getStateDelta
from reportlab.graphics.renderPDF import _PDFRenderer
from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Line,
    PolyLine,
    Rect,
    String,
    mmult,
    rotate,
)
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

# The delta of the Drawing node itself (its transform), as getStateDelta gives it.
_DRAWING_DELTA = getStateDelta(Drawing(1, 1))
# (shape class, keyword names) -> the state delta of such a shape; a chart uses ~8 kinds.
_TEMPLATES: dict[tuple[type, tuple[str, ...]], tuple[dict[str, Any], str]] = {}


def _delta(cls: type, args: tuple, kw: dict[str, Any]) -> dict[str, Any]:
    """The graphics-state delta renderPDF applies for ``cls(*args, **kw)``: the template of
    this class and keyword set (the defaults of the others do not depend on the values),
    with this shape's values."""
    key = (cls, tuple(kw))
    template = _TEMPLATES.get(key)
    if template is None:
        shape = cls(*args, **kw)
        template = _TEMPLATES[key] = (getStateDelta(shape), getattr(shape, "encoding", ""))
    delta = template[0].copy()
    delta.update((k, v) for k, v in kw.items() if k in delta)
    return delta


class ChartShapes(Flowable):
    """The chart as a flowable: its shapes recorded as (kind, geometry, delta) and drawn
    as renderPDF draws a ``Drawing`` of the same shapes (``initialFontName`` = ``font``)."""

    def __init__(self, width: float, height: float, font: str):
        super().__init__()
        self.width, self.height, self.initialFontName = width, height, font
        self.shapes: list[tuple] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height  # Drawing.wrap at renderScale 1

    def line(self, x1: float, y1: float, x2: float, y2: float, **kw: Any) -> None:
        """A ``Line``."""
        self.shapes.append(("line", (x1, y1, x2, y2), _delta(Line, (x1, y1, x2, y2), kw)))

    def rect(self, x: float, y: float, width: float, height: float, **kw: Any) -> None:
        """A ``Rect`` (square corners)."""
        args = (x, y, width, height)
        self.shapes.append(("rect", args, _delta(Rect, args, kw)))

    def circle(self, cx: float, cy: float, r: float, **kw: Any) -> None:
        """A ``Circle``."""
        self.shapes.append(("circle", (cx, cy, r), _delta(Circle, (cx, cy, r), kw)))

    def polyline(self, points: list[float], **kw: Any) -> None:
        """A ``PolyLine`` (two points or more)."""
        self.shapes.append(("polyline", points, _delta(PolyLine, (points,), kw)))

    def string(self, x: float, y: float, text: str, angle: float = 0, **kw: Any) -> None:
        """A ``String``; with ``angle``, alone in a ``Group`` rotated by that angle."""
        delta = _delta(String, (x, y, text), kw)
        shape = ("string", (x, y, text, _TEMPLATES[(String, tuple(kw))][1]), delta)
        if angle:
            shape = ("group", mmult((1, 0, 0, 1, 0, 0), rotate(angle)), shape)
        self.shapes.append(shape)

    def draw(self) -> None:
        """renderPDF.draw(drawing, self.canv, 0, 0) for a Drawing of these shapes."""
        canv = self.canv
        renderer = _PDFRenderer()
        renderer._canvas = canv
        show = rl_config.showBoundary
        if show:
            canv.drawBoundary(show, 0, 0, self.width, self.height)
        canv.saveState()
        state = StateTracker(defaultObj=self)._combined[-1]  # initState: the whole state
        state["transform"] = (*state["transform"][:4], 0, 0)
        renderer.applyStateChanges(state, {})
        canv.saveState()  # drawNode(drawing)
        renderer.applyStateChanges(_DRAWING_DELTA, {})
        for shape in self.shapes:
            _draw_node(renderer, canv, shape)
        canv.restoreState()
        canv.restoreState()


def _draw_node(renderer: _PDFRenderer, canv: Any, shape: tuple) -> None:
    """renderPDF's drawNode for one shape: save, its state delta, its drawing, restore."""
    kind, geometry, delta = shape
    canv.saveState()
    if kind == "group":
        renderer.applyStateChanges({"transform": geometry}, {})
        _draw_node(renderer, canv, delta)
        canv.restoreState()
        return
    renderer.applyStateChanges(delta, {})
    if kind == "line":
        if renderer._stroke:
            canv.line(*geometry)
    elif kind == "rect":
        x, y, width, height = geometry
        canv.rect(x, y, width, height, stroke=renderer._stroke, fill=renderer._fill)
    elif kind == "circle":
        cx, cy, r = geometry
        canv.circle(cx, cy, r, fill=renderer._fill, stroke=renderer._stroke)
    elif kind == "polyline":
        if renderer._stroke:
            path = canv.beginPath()
            path.moveTo(geometry[0], geometry[1])
            for i in range(2, len(geometry), 2):
                path.lineTo(geometry[i], geometry[i + 1])
            canv.drawPath(path)
    elif renderer._fill:  # a string, text render mode 0: drawn when filled
        x, y, text, encoding = geometry
        anchor = delta["textAnchor"]
        if anchor not in ("start", "inherited"):
            width = stringWidth(text, delta["fontName"], delta["fontSize"], encoding)
            if anchor == "end":
                x -= width
            elif anchor == "middle":
                x -= width * 0.5
            else:  # "numeric" is not used by the chart
                raise ValueError(f"text anchor not drawn here: {anchor}")
        canv.drawString(x, y, text, mode=None)
    canv.restoreState()
