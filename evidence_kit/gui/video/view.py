"""The video panel's picture: the current frame, letterboxed, with a 'preview' badge while a
cached thumbnail stands in for the exact frame being decoded.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class FrameView(QWidget):
    """Paints the current frame, letterboxed, with a 'preview' badge for cached thumbs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.preview = False
        self.message = ""
        self.setMinimumSize(240, 160)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(640, 360)

    def show_image(self, image: QImage | None, preview: bool = False) -> None:
        self.image, self.preview, self.message = image, preview, ""
        self.update()

    def show_message(self, text: str) -> None:
        self.image, self.message = None, text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(12, 12, 12))
        if self.image is not None and not self.image.isNull():
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            iw, ih = self.image.width(), self.image.height()
            scale = min(self.width() / iw, self.height() / ih)
            w, h = iw * scale, ih * scale
            target = QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)
            p.drawImage(target, self.image)
            if self.preview:
                p.fillRect(
                    QRectF(target.left() + 6, target.top() + 6, 70, 20), QColor(0, 0, 0, 160)
                )
                p.setPen(QColor(255, 220, 120))
                p.drawText(QRectF(target.left() + 6, target.top() + 6, 70, 20),
                           Qt.AlignmentFlag.AlignCenter, self.tr("preview"))  # fmt: skip
        elif self.message:
            p.setPen(QColor(200, 200, 200))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.message)  # fmt: skip
        p.end()
