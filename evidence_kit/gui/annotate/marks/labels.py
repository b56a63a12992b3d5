"""Marks placed with a click: text (T) in a box and the numbered marker (M)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from evidence_kit.core import annotations as A
from evidence_kit.gui.annotate.marks.base import AnnotationItem, qcolor, qfont


class TextItem(AnnotationItem):
    """Text (T) with a background box; `at` is the box's top-left corner."""

    kind = "text"

    def layout(self) -> tuple[list[str], float, float, float, float]:
        from evidence_kit.media.image.draw import text_layout

        metrics = QFontMetricsF(qfont(self.ann["size"]))
        return text_layout(self.ann, metrics.horizontalAdvance)

    def core_rect(self) -> QRectF:
        _, w, h, _, _ = self.layout()
        x, y = self.ann["at"]
        return QRectF(x, y, w, h)

    def margin(self) -> float:
        return 2.0

    def is_degenerate(self) -> bool:
        return False

    def draw(self, painter: QPainter) -> None:
        lines, w, h, pad, line_h = self.layout()
        x, y = self.ann["at"]
        if self.ann.get("box"):
            painter.fillRect(QRectF(x, y, w, h), qcolor(self.ann["box"]))
        painter.setFont(qfont(self.ann["size"]))
        painter.setPen(qcolor(self.ann["color"]))
        for i, line in enumerate(lines):
            rect = QRectF(x + pad, y + pad + i * line_h, w, line_h)
            painter.drawText(
                rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line
            )


class MarkerItem(AnnotationItem):
    """Numbered marker (M): a disc with its number; numbers follow list order."""

    kind = "marker"

    def core_rect(self) -> QRectF:
        x, y = self.ann["at"]
        r = self.ann["size"]
        return QRectF(x - r, y - r, 2 * r, 2 * r)

    def margin(self) -> float:
        return self.ann["size"] * 0.12 + 2

    def is_degenerate(self) -> bool:
        return False

    def draw(self, painter: QPainter) -> None:
        r = self.ann["size"]
        rect = self.core_rect()
        ring = max(1.0, round(r * 0.12))
        painter.setPen(QPen(QColor("white"), ring))
        painter.setBrush(qcolor(self.ann["color"]))
        # the renderer draws the white ring inside the disc; a Qt pen straddles the edge
        painter.drawEllipse(rect.adjusted(ring / 2, ring / 2, -ring / 2, -ring / 2))
        number = self.ann["number"]
        painter.setFont(qfont(A.marker_font_size(r, number), bold=True))
        painter.setPen(qcolor(A.marker_text_color(self.ann["color"])))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(number))
