"""Resize handles for the selected mark, and the crop frame with its own handles.

Handles ignore the view's zoom so they keep one on-screen size; dragging one reshapes its
owner live and the whole drag becomes one undo step when the mouse is released.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from evidence_kit.gui.base import theme

HANDLE_PX = 10


class HandleItem(QGraphicsRectItem):
    """A small square that reports where it is dragged to."""

    def __init__(
        self,
        index: int,
        pos: QPointF,
        on_move: Callable[[int, QPointF], None],
        on_release: Callable[[], None],
    ) -> None:
        half = HANDLE_PX / 2
        super().__init__(-half, -half, HANDLE_PX, HANDLE_PX)
        self.index = index
        self.on_move = on_move
        self.on_release = on_release
        self.setPos(pos)
        self.setZValue(1e9)
        self.setBrush(QBrush(QColor("white")))
        pen = QPen(QColor(theme.SELECTION), 1.5)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        self.setPos(event.scenePos())
        self.on_move(self.index, event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        self.on_release()


class CropOverlay(QGraphicsItem):
    """Dims what the crop cuts away and frames what it keeps (drawn only in the editor)."""

    def __init__(self, image_rect: QRectF) -> None:
        super().__init__()
        self.image_rect = image_rect
        self.crop = QRectF()
        self.setZValue(5e8)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_crop(self, rect: QRectF) -> None:
        """Show this crop (an empty rect shows none)."""
        self.prepareGeometryChange()
        self.crop = QRectF(rect)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self.image_rect.adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.crop.isEmpty() or getattr(self.scene(), "clean", False):
            return
        outside = QPainterPath()
        outside.addRect(self.image_rect)
        keep = QPainterPath()
        keep.addRect(self.crop)
        painter.fillPath(outside.subtracted(keep), QColor(0, 0, 0, 140))
        pen = QPen(QColor("white"), 0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawRect(self.crop)
