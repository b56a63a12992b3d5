"""Marks drawn as strokes: arrow (A) and line (L) with two end handles, pen (P) and
highlighter (H), which move as a whole."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPainterPathStroker, QPolygonF

from evidence_kit.core import annotations as A
from evidence_kit.gui.annotate.marks.base import AnnotationItem, qcolor, round_pen


class _TwoPointItem(AnnotationItem):
    """Arrow and line: two end points, each with a handle."""

    def drag_to(self, p: QPointF) -> None:
        self.prepareGeometryChange()
        self.ann["points"][1] = [p.x(), p.y()]
        self.update()

    def handle_points(self) -> list[QPointF]:
        return [QPointF(*pt) for pt in self.ann["points"][:2]]

    def move_handle(self, index: int, p: QPointF) -> None:
        self.prepareGeometryChange()
        self.ann["points"][index] = [p.x(), p.y()]
        self.update()

    def shape(self) -> QPainterPath:
        path = QPainterPath(QPointF(*self.ann["points"][0]))
        path.lineTo(QPointF(*self.ann["points"][1]))
        stroker = QPainterPathStroker()
        stroker.setWidth(max(12.0, self.ann["width"] * 2))
        return stroker.createStroke(path)


class ArrowItem(_TwoPointItem):
    """Arrow (A): a shaft and a filled head at the second point."""

    kind = "arrow"

    def margin(self) -> float:
        return max(3.5 * self.ann["width"], 14.0) + self.ann["width"]

    def draw(self, painter: QPainter) -> None:
        p0, p1 = self.ann["points"][:2]
        color = qcolor(self.ann["color"])
        width = self.ann["width"]
        end = A.arrow_shaft_end(p0, p1, width)
        painter.setPen(round_pen(color, width))
        painter.drawLine(QPointF(*p0), QPointF(*end))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(color))
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in A.arrow_head(p0, p1, width)]))


class LineItem(_TwoPointItem):
    """Line (L)."""

    kind = "line"

    def draw(self, painter: QPainter) -> None:
        p0, p1 = self.ann["points"][:2]
        painter.setPen(round_pen(qcolor(self.ann["color"]), self.ann["width"]))
        painter.drawLine(QPointF(*p0), QPointF(*p1))


class PenItem(AnnotationItem):
    """Pen (P): a freehand stroke; it moves as a whole."""

    kind = "pen"

    def drag_to(self, p: QPointF) -> None:
        last = self.ann["points"][-1]
        if math.hypot(p.x() - last[0], p.y() - last[1]) >= 1.0:
            self.prepareGeometryChange()
            self.ann["points"].append([p.x(), p.y()])
            self.update()

    def is_degenerate(self) -> bool:
        return False  # a dot is a valid stroke

    def path(self) -> QPainterPath:
        pts = self.ann["points"]
        path = QPainterPath(QPointF(*pts[0]))
        for x, y in pts[1:]:
            path.lineTo(x, y)
        if len(pts) == 1:
            path.lineTo(pts[0][0] + 0.01, pts[0][1])
        return path

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(max(12.0, self.ann["width"]))
        return stroker.createStroke(self.path())

    def draw(self, painter: QPainter) -> None:
        color = qcolor(self.ann["color"])
        if self.ann.get("highlight"):
            color.setAlphaF(A.HIGHLIGHT_OPACITY)
        painter.setPen(round_pen(color, self.ann["width"]))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())


class HighlighterItem(PenItem):
    """Highlighter (H): a wide translucent pen stroke."""

    kind = "highlight"
