"""Check boxes and radio buttons that read on a dark window.

Fusion draws their frames a shade darker than the window, which disappears on a dark one
(the claim checklist's boxes could not be seen). This style draws those indicators itself, in
the palette's colours, whenever the palette is dark; everything else is Fusion's.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
)


class ReadableIndicators(QProxyStyle):
    """Fusion, with check and radio indicators drawn to be seen on a dark palette."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(  # noqa: N802 - Qt API
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        pal = option.palette
        if element not in _INDICATORS or pal.color(QPalette.ColorRole.Window).lightness() >= 128:
            super().drawPrimitive(element, option, painter, widget)
            return
        state = option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        ink = pal.color(group, QPalette.ColorRole.Text)
        frame = QColor(ink)
        frame.setAlphaF(0.75 if enabled else 0.4)
        rect = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        side = min(rect.width(), rect.height(), 15.0)
        box = QRectF(0, 0, side, side)
        box.moveCenter(rect.center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(frame, 1.2))
        painter.setBrush(pal.color(group, QPalette.ColorRole.Base))
        on = bool(state & QStyle.StateFlag.State_On)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
            if on:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ink)
                painter.drawEllipse(box.center(), side * 0.25, side * 0.25)
        else:
            painter.drawRoundedRect(box, 2, 2)
            pen = QPen(ink, max(1.6, side / 8), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            x, y, s = box.left(), box.top(), side
            if on:
                painter.drawPolyline(
                    [
                        QPointF(x + s * 0.22, y + s * 0.52),
                        QPointF(x + s * 0.42, y + s * 0.72),
                        QPointF(x + s * 0.78, y + s * 0.3),
                    ]  # fmt: skip
                )
            elif state & QStyle.StateFlag.State_NoChange:
                painter.drawLine(QPointF(x + s * 0.25, y + s / 2), QPointF(x + s * 0.75, y + s / 2))
        painter.restore()
