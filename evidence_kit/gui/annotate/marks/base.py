"""What every mark item shares: its stored dict, moves kept in pos(), the selection outline.

Items live in scene coordinates = upright-original image pixels, so `to_dict()` is the
JSON stored in case.json. Geometry (arrow heads, text padding, marker digits) comes from
evidence_kit.core.annotations, the same numbers the Pillow renderer uses.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from evidence_kit.core import annotations as A
from evidence_kit.gui.base import theme

_families: dict[bool, str] = {}


def qfont(size: float, bold: bool = False) -> QFont:
    """The renderer's TrueType font (draw.font_path) as a QFont at a pixel size."""
    if bold not in _families:
        from evidence_kit.media.image.draw import font_path

        path = font_path(bold) or font_path(False)
        family = ""
        if path is not None:
            fid = QFontDatabase.addApplicationFont(str(path))
            fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
            family = fams[0] if fams else ""
        _families[bold] = family
    f = QFont(_families[bold]) if _families[bold] else QFont()
    f.setPixelSize(max(1, int(round(size))))
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


def qcolor(value: str) -> QColor:
    """#rrggbb or #rrggbbaa to a QColor."""
    r, g, b, a = A.parse_color(value)
    return QColor(r, g, b, a)


def round_pen(color: QColor, width: float) -> QPen:
    """A pen with round caps and joins, as the renderer strokes lines."""
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class AnnotationItem(QGraphicsItem):
    """Base: draws `ann` (the mark checked, with its defaults); `stored` is the dict the
    case holds for it. A move is kept in pos() until the drag ends, then baked in."""

    kind = ""

    def __init__(self, data: dict[str, Any], stored: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.ann = copy.deepcopy(data)
        self.stored = copy.deepcopy(data if stored is None else stored)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)

    # --- the stored shape ------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The annotation as drawn now, including any move in progress."""
        dx, dy = self.pos().x(), self.pos().y()
        return A.translate(self.ann, dx, dy) if (dx or dy) else copy.deepcopy(self.ann)

    def changed(self) -> bool:
        """True when what is drawn differs from what the case holds."""
        return self.to_dict() != A.validate(self.stored)

    def bake_position(self) -> None:
        """Fold a finished move into the data."""
        if self.pos().x() or self.pos().y():
            self.prepareGeometryChange()
            self.ann = self.to_dict()
            self.setPos(0, 0)

    # --- creation and handles ----------------------------------------------------------

    def drag_to(self, p: QPointF) -> None:
        """While the shape is being drawn: the mouse is at p."""

    def is_degenerate(self) -> bool:
        """Too small to keep (a click where a drag was expected)."""
        x0, y0, x1, y1 = A.bounds(self.ann)
        return max(x1 - x0, y1 - y0) < 3

    def handle_points(self) -> list[QPointF]:
        """Points the user can drag to reshape the item (scene coordinates, data only)."""
        return []

    def move_handle(self, index: int, p: QPointF) -> None:
        """Handle `index` was dragged to p."""

    # --- painting ----------------------------------------------------------------------

    def margin(self) -> float:
        return float(self.ann.get("width", 2)) * 2 + 4

    def core_rect(self) -> QRectF:
        x0, y0, x1, y1 = A.bounds(self.ann)
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        m = self.margin()
        return self.core_rect().normalized().adjusted(-m, -m, m, m)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.draw(painter)
        scene = self.scene()
        if self.isSelected() and not getattr(scene, "clean", False):
            pen = QPen(QColor(theme.SELECTION), 0, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.boundingRect())

    def draw(self, painter: QPainter) -> None:
        raise NotImplementedError
