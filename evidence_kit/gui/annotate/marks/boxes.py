"""Marks drawn as boxes with four corner handles: rectangle (R), ellipse (E), redact (X)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from evidence_kit.core import annotations as A
from evidence_kit.gui.annotate.marks.base import AnnotationItem, qcolor
from evidence_kit.gui.base import theme


class _BoxItem(AnnotationItem):
    """Rect, ellipse, redact: a box with four corner handles."""

    def __init__(self, data: dict[str, Any], stored: dict[str, Any] | None = None) -> None:
        super().__init__(data, stored)
        self._anchor = QPointF(data["rect"][0], data["rect"][1])

    def drag_to(self, p: QPointF) -> None:
        self.prepareGeometryChange()
        a = self._anchor
        self.ann["rect"] = [
            min(a.x(), p.x()),
            min(a.y(), p.y()),
            abs(p.x() - a.x()),
            abs(p.y() - a.y()),
        ]
        self.update()

    def rect(self) -> QRectF:
        x, y, w, h = self.ann["rect"]
        return QRectF(x, y, w, h)

    def handle_points(self) -> list[QPointF]:
        r = self.rect()
        return [r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()]

    def move_handle(self, index: int, p: QPointF) -> None:
        r = self.rect()
        opposite = [r.bottomRight(), r.bottomLeft(), r.topLeft(), r.topRight()][index]
        self.prepareGeometryChange()
        self.ann["rect"] = [
            min(p.x(), opposite.x()),
            min(p.y(), opposite.y()),
            abs(p.x() - opposite.x()),
            abs(p.y() - opposite.y()),
        ]
        self.update()


class RectItem(_BoxItem):
    """Rectangle (R): an outline centred on the box edge."""

    kind = "rect"

    def draw(self, painter: QPainter) -> None:
        pen = QPen(qcolor(self.ann["color"]), self.ann["width"])
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect())


class EllipseItem(_BoxItem):
    """Ellipse (E)."""

    kind = "ellipse"

    def draw(self, painter: QPainter) -> None:
        painter.setPen(QPen(qcolor(self.ann["color"]), self.ann["width"]))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(self.rect())


class RedactItem(_BoxItem):
    """Redact (X): an opaque box, or the secure pixelation the renderer makes.

    Redactions sit below every other mark (the renderer burns them in first). The pixel
    patch comes from the scene, which asks the Qt-free renderer for the exact pixels.
    """

    kind = "redact"

    def margin(self) -> float:
        return 2.0

    def draw(self, painter: QPainter) -> None:
        r = self.rect()
        scene = self.scene()
        finder = getattr(scene, "redaction_patch", None)
        patch = finder(self) if self.ann["style"] == "pixelate" and finder else None
        if patch is not None:
            image, target = patch
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.drawImage(target, image)
        else:
            r_, g, b, _ = A.parse_color(self.ann["color"])
            painter.fillRect(r, QColor(r_, g, b))
        if not getattr(scene, "clean", False):
            pen = QPen(QColor(theme.REDACT_OUTLINE), 0, Qt.PenStyle.DotLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r)
