"""The video timeline: a thumbnail strip with key-moment marks, grab ticks, the in/out
range and the playhead. Drag to scrub; the panel decides what to show meanwhile.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from evidence_kit.core.timecode import format_time


class Timeline(QWidget):
    """Time runs left to right over [0, duration]."""

    scrubbed = Signal(float)  # while the mouse drags (and on press)
    released = Signal(float)  # when the drag ends

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.duration = 0.0
        self.position = 0.0
        self.thumbs: list[tuple[float, QImage]] = []
        self.moments: list[float] = []
        self.grabs: list[float] = []
        self.in_s: float | None = None
        self.out_s: float | None = None
        self._dragging = False
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Timeline"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(600, 72)

    # --- model ------------------------------------------------------------------------------

    def set_duration(self, seconds: float) -> None:
        self.duration = max(seconds, 0.0)
        self.thumbs, self.moments, self.grabs = [], [], []
        self.in_s = self.out_s = None
        self.position = 0.0
        self.update()

    def set_position(self, seconds: float) -> None:
        self.position = seconds
        self.update()

    def set_thumbs(self, thumbs: list[tuple[float, QImage]]) -> None:
        self.thumbs = sorted(thumbs, key=lambda p: p[0])
        self.update()

    def set_marks(
        self, moments: list[float] | None = None, grabs: list[float] | None = None
    ) -> None:
        if moments is not None:
            self.moments = list(moments)
        if grabs is not None:
            self.grabs = list(grabs)
        self.update()

    def set_range(self, in_s: float | None, out_s: float | None) -> None:
        self.in_s, self.out_s = in_s, out_s
        self.update()

    # --- geometry ---------------------------------------------------------------------------

    def _x(self, t: float) -> float:
        w = max(self.width() - 2, 1)
        return 1 + (t / self.duration * w if self.duration else 0.0)

    def time_at(self, x: float) -> float:
        """The time under an x coordinate, clamped to the video."""
        w = max(self.width() - 2, 1)
        return min(max((x - 1) / w, 0.0), 1.0) * self.duration

    # --- events -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.duration:
            self._dragging = True
            self.position = self.time_at(event.position().x())
            self.update()
            self.scrubbed.emit(self.position)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._dragging:
            self.position = self.time_at(event.position().x())
            self.update()
            self.scrubbed.emit(self.position)
        elif self.duration:
            self.setToolTip(format_time(self.time_at(event.position().x())))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._dragging:
            self._dragging = False
            self.position = self.time_at(event.position().x())
            self.update()
            self.released.emit(self.position)

    def tiles(self, strip: QRectF) -> list[tuple[QRectF, int]]:
        """Where each picture of the strip goes: tiles at the thumbnails' own shape, side by
        side, each showing the thumbnail on screen at the tile's middle. A file with few
        keyframes repeats a picture, as a video editor's strip does, instead of stretching
        one across the timeline; a portrait video gets narrow tiles."""
        first = self.thumbs[0][1]
        tile_w = max(strip.height() * first.width() / max(first.height(), 1), 8.0)
        times = [t for t, _ in self.thumbs]
        out: list[tuple[QRectF, int]] = []
        x = strip.left()
        while x < strip.right():
            t = self.time_at(x + tile_w / 2)
            index = max(bisect.bisect_right(times, t) - 1, 0)
            out.append((QRectF(x, strip.top(), tile_w, strip.height()), index))
            x += tile_w
        return out

    def _paint_strip(self, p: QPainter, strip: QRectF) -> None:
        p.save()
        p.setClipRect(strip)
        for target, index in self.tiles(strip):
            img = self.thumbs[index][1]
            # a thumbnail of another shape (a rotated clip) is fitted, never stretched
            scale = min(
                target.width() / max(img.width(), 1), target.height() / max(img.height(), 1)
            )
            w, h = img.width() * scale, img.height() * scale
            fitted = QRectF(target.center().x() - w / 2, target.center().y() - h / 2, w, h)
            p.drawImage(fitted, img)
        p.restore()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        h = self.height()
        strip = QRectF(0, 10, self.width(), h - 20)
        p.fillRect(self.rect(), QColor(32, 32, 32))
        p.fillRect(strip, QColor(55, 55, 55))
        if self.thumbs and self.duration:
            self._paint_strip(p, strip)
        if self.in_s is not None or self.out_s is not None:
            a = self._x(self.in_s if self.in_s is not None else 0.0)
            b = self._x(self.out_s if self.out_s is not None else self.duration)
            p.fillRect(QRectF(min(a, b), 4, abs(b - a), h - 8), QColor(255, 200, 0, 70))
            p.setPen(QPen(QColor(255, 200, 0), 2))
            for x in (a if self.in_s is not None else None, b if self.out_s is not None else None):
                if x is not None:
                    p.drawLine(QPointF(x, 2), QPointF(x, h - 2))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(255, 140, 0))
        for t in self.moments:  # key-moment suggestions: triangles above the strip
            x = self._x(t)
            p.drawPolygon(QPolygonF([QPointF(x - 5, 0), QPointF(x + 5, 0), QPointF(x, 9)]))
        p.setBrush(QColor(80, 170, 255))
        for t in self.grabs:  # grabbed frames: small blue blocks under the strip
            p.drawRect(QRectF(self._x(t) - 2, h - 9, 4, 8))
        p.setPen(QPen(QColor(255, 60, 60), 2))
        x = self._x(self.position)
        p.drawLine(QPointF(x, 0), QPointF(x, h))
        p.end()
