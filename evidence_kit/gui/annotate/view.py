"""The zoomable view of the annotation scene: Ctrl+wheel zoom, fit, 100%, and rotation."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter, QResizeEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

MIN_ZOOM = 0.02
MAX_ZOOM = 16.0


class AnnotationView(QGraphicsView):
    """Shows the scene; the item's rotation turns the view, never the marks' coordinates."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.zoom = 1.0
        self.rotation = 0
        self.fitted = True

    def _apply(self) -> None:
        self.setTransform(QTransform().rotate(self.rotation).scale(self.zoom, self.zoom))
        self.zoom_changed.emit(self.zoom)

    def set_rotation(self, degrees: int) -> None:
        """Turn the picture clockwise by the item's rotation."""
        self.rotation = degrees % 360
        if self.fitted:
            self.fit()
        else:
            self._apply()

    def set_zoom(self, zoom: float) -> None:
        """1.0 shows one original pixel per screen pixel (100%)."""
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self.fitted = False
        self._apply()

    def fit(self) -> None:
        """Fit the whole picture in the view."""
        rect = self.sceneRect()
        if rect.isEmpty():
            return
        turned = QTransform().rotate(self.rotation).mapRect(rect)
        view = self.viewport().rect().adjusted(8, 8, -8, -8)
        self.zoom = max(
            MIN_ZOOM, min(view.width() / turned.width(), view.height() / turned.height())
        )
        self._apply()
        self.centerOn(rect.center())
        self.fitted = True

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = 1.25 if event.angleDelta().y() > 0 else 0.8
            self.set_zoom(self.zoom * step)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.fitted:
            self.fit()
