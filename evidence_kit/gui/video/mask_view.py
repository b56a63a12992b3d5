"""The video panel's picture with its masks: the boxes shown at the current time drawn over
the frame, and, while "Mask area" is on, a box drawn with the mouse.

Boxes are in the video's display pixels (upright, square: DESIGN §3), the numbers a video
`redact` stores; the picture on screen is a scaled copy, so the view converts both ways.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from evidence_kit.gui.video.view import FrameView

MIN_SIDE = 4.0  # display pixels: a click is no box


class MaskFrameView(FrameView):
    """FrameView that shows a video's masks and lets the shopper draw a new box."""

    rect_drawn = Signal(list)  # [x, y, w, h] in the video's display pixels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.display_width = 0  # the video's display width (0: the picture's own)
        self.drawing = False
        self.boxes: list[tuple[list[float], bool]] = []  # (rect, selected) shown now
        self._from: QPointF | None = None
        self._to: QPointF | None = None

    def set_drawing(self, on: bool) -> None:
        self.drawing = on
        self._from = self._to = None
        self.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
        self.update()

    def set_boxes(self, boxes: list[tuple[list[float], bool]]) -> None:
        self.boxes = boxes
        self.update()

    # --- geometry ---------------------------------------------------------------------------

    def _target(self) -> QRectF | None:
        """Where the picture is painted (letterboxed as FrameView paints it)."""
        if self.image is None or self.image.isNull():
            return None
        iw, ih = self.image.width(), self.image.height()
        scale = min(self.width() / iw, self.height() / ih)
        w, h = iw * scale, ih * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _per_display_px(self, target: QRectF) -> float:
        """Screen pixels per display pixel of the video."""
        assert self.image is not None
        return target.width() / float(self.display_width or self.image.width())

    def to_video(self, pt: QPointF) -> tuple[float, float] | None:
        target = self._target()
        if target is None:
            return None
        k = self._per_display_px(target)
        x = min(max(pt.x(), target.left()), target.right())
        y = min(max(pt.y(), target.top()), target.bottom())
        return (x - target.left()) / k, (y - target.top()) / k

    def to_screen(self, rect: list[float]) -> QRectF | None:
        target = self._target()
        if target is None:
            return None
        k = self._per_display_px(target)
        x, y, w, h = rect
        return QRectF(target.left() + x * k, target.top() + y * k, w * k, h * k)

    def drawn_rect(self) -> list[float] | None:
        """The box being drawn, in display pixels (None while there is none)."""
        if self._from is None or self._to is None:
            return None
        a, b = self.to_video(self._from), self.to_video(self._to)
        if a is None or b is None:
            return None
        x, y = min(a[0], b[0]), min(a[1], b[1])
        return [round(x, 1), round(y, 1), round(abs(a[0] - b[0]), 1), round(abs(a[1] - b[1]), 1)]

    # --- events -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.drawing and event.button() == Qt.MouseButton.LeftButton and self._target():
            self._from = self._to = event.position()
            self.update()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._from is not None:
            self._to = event.position()
            self.update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._from is None:
            super().mouseReleaseEvent(event)
            return
        self._to = event.position()
        rect = self.drawn_rect()
        self._from = self._to = None
        self.update()
        if rect is not None and min(rect[2], rect[3]) >= MIN_SIDE:
            self.rect_drawn.emit(rect)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._target() is None:
            return
        p = QPainter(self)
        for rect, selected in self.boxes:
            box = self.to_screen(rect)
            if box is None:
                continue
            # nearly opaque: the shopper sees it is hidden, and can still place it
            p.fillRect(box, QColor(0, 0, 0, 215))
            pen = QPen(QColor(255, 210, 0) if selected else QColor(235, 235, 235), 2)
            pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawRect(box)
            p.drawText(box.adjusted(4, 2, -4, -2), Qt.AlignmentFlag.AlignLeft, self.tr("masked"))
        drawn = self.drawn_rect()
        box = self.to_screen(drawn) if drawn else None
        if box is not None:
            p.fillRect(box, QColor(255, 210, 0, 60))
            p.setPen(QPen(QColor(255, 210, 0), 2))
            p.drawRect(box)
        p.end()
