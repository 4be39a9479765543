"""Figures that float: a chart that does not fit in the space left on the page goes to the
top of the next page, and the text that follows it fills the space it would have left
blank, as in a book.

The rule, as a typesetter states it: a floating block (a flowable whose ``floats`` is
true: the chart with its caption and source) is placed where it comes in the text when
it fits there; otherwise it is set aside, the following flowables go on filling the page,
and the block is placed first on the next page, before the rest of the text (a paragraph
cut by the page break continues under it). Several blocks set aside keep their order. A
block never moves further than the top of the next page, and never before its place.

The tagged PDF's structure tree is made from the document tree before layout (see
:mod:`.tagging`): the Figure element stays where the text puts it, whatever page its
drawing lands on. Only the drawing order on the page differs from the reading order.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak
from reportlab.platypus.frames import _FUZZ


class _Flush(Flowable):
    """Ends the story: blocks still set aside go on a page of their own (else ReportLab
    would end the document without them)."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:  # pragma: no cover - never drawn (handled before)
        pass


def fits(flowable: Flowable, frame: Frame, canv: Canvas) -> bool:
    """True when ``flowable`` fits in what is left of ``frame`` (as :meth:`Frame._add`
    measures it: the space before it, less the space after the previous flowable when the
    frame overlaps them)."""
    space = 0.0
    if not frame._atTop:
        space = flowable.getSpaceBefore()
        if frame._oASpace:
            space = max(space - frame._prevASpace, 0)
    room = frame._y - frame._y1p - space
    if room <= 0:
        return False
    _, height = flowable.wrapOn(canv, frame._getAvailableWidth(), room)
    return height <= room + _FUZZ


class FloatingDocTemplate(BaseDocTemplate):
    """A document template that applies the float rule to flowables marked ``floats``."""

    def __init__(self, *args: object, **kw: object):
        super().__init__(*args, **kw)
        self.set_aside: list[Flowable] = []  # floating blocks waiting for the next page

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        first = flowables[0]
        if isinstance(first, _Flush):
            del flowables[0]
            if self.set_aside:  # the text ran out before the page did
                # Still last: a block may not fit after the others on that page.
                flowables[0:0] = [PageBreak(), *self.set_aside, _Flush()]
                self.set_aside = []
            return
        if getattr(first, "floats", False) and (
            self.set_aside  # an earlier block is waiting: this one comes after it
            or (not self.frame._atTop and not fits(first, self.frame, self.canv))
        ):
            del flowables[0]
            self.set_aside.append(first)
            return
        super().handle_flowable(flowables)

    def build(self, flowables: list[Flowable], *args: object, **kw: object) -> None:
        """Build the story, ended by the mark that places the blocks still set aside."""
        super().build([*flowables, _Flush()], *args, **kw)

    def handle_frameBegin(self, resume: int = 0, pageTopFlowables: object = None) -> None:
        """A new frame: the blocks set aside are placed first (through ``_hanging``, which
        the template empties before the story's next flowable)."""
        super().handle_frameBegin(resume, pageTopFlowables)
        if self.set_aside:
            self._hanging.extend(self.set_aside)
            self.set_aside = []
