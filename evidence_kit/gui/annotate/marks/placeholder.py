"""A mark this editor cannot draw. It is shown as a labelled box and kept exactly as the
case holds it, so an edit of another mark never drops it from the saved list."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from evidence_kit.gui.annotate.marks.base import AnnotationItem
from evidence_kit.gui.base import theme


class _Label(QGraphicsSimpleTextItem):
    """White words on a dark plate, readable over any picture at any zoom."""

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.fillRect(self.boundingRect().adjusted(-4, -2, 4, 2), QColor(30, 30, 30, 220))
        # PySide6's stub wants a QWidget, but Qt passes None when the scene is rendered
        # off-screen (the flattened copy), and the C++ side accepts it
        super().paint(painter, option, widget)  # type: ignore[arg-type]


class UndrawableItem(AnnotationItem):
    """Stands in for a mark that could not be drawn; it can be selected and deleted, not
    moved or restyled. `box` is where it shows (the mark's own place when known)."""

    kind = "undrawable"

    def __init__(self, stored: dict[str, Any], box: QRectF, reason: str) -> None:
        QGraphicsItem.__init__(self)
        self.ann = {}
        self.stored = copy.deepcopy(stored)
        self.box = QRectF(box)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setToolTip(reason)
        label = _Label(
            QCoreApplication.translate("AnnotationScene", "Cannot display this mark (kept)"), self
        )
        label.setBrush(QColor("white"))
        font = label.font()
        font.setPointSize(11)
        font.setBold(True)
        label.setFont(font)
        label.setPos(self.box.topLeft() + QPointF(4, 4))
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)

    def to_dict(self) -> dict[str, Any]:
        return copy.deepcopy(self.stored)

    def changed(self) -> bool:
        return False

    def bake_position(self) -> None:
        """It never moves."""

    def is_degenerate(self) -> bool:
        return False

    def core_rect(self) -> QRectF:
        return self.box

    def margin(self) -> float:
        return 2.0

    def draw(self, painter: QPainter) -> None:
        painter.fillRect(self.box, QColor(40, 40, 40, 170))
        painter.fillRect(self.box, QBrush(QColor(255, 193, 7, 140), Qt.BrushStyle.BDiagPattern))
        pen = QPen(QColor(theme.UNREADABLE_MARK), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawRect(self.box)
