"""One QGraphicsItem class per annotation tool, each drawing its DESIGN §3 dict.

Items live in scene coordinates = upright-original image pixels, so `to_dict()` is the
JSON stored in case.json. Geometry (arrow heads, text padding, marker digits) comes from
evidence_kit.core.annotations, the same numbers the Pillow renderer uses.
"""

from __future__ import annotations

import copy
import math
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from evidence_kit.core import annotations as A

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


class AnnotationItem(QGraphicsItem):
    """Base: holds the dict; a move is kept in pos() until the drag ends, then baked in."""

    kind = ""
    click_tool = False  # created by a click (marker, text) rather than a drag

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__()
        self.ann = copy.deepcopy(data)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)

    # --- the stored shape ------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The annotation as stored, including any move in progress."""
        dx, dy = self.pos().x(), self.pos().y()
        return A.translate(self.ann, dx, dy) if (dx or dy) else copy.deepcopy(self.ann)

    def bake_position(self) -> None:
        """Fold a finished move into the data."""
        if self.pos().x() or self.pos().y():
            self.prepareGeometryChange()
            self.ann = self.to_dict()
            self.setPos(0, 0)

    def set_style(self, key: str, value: Any) -> None:
        """Change a style value (color, width, size, style) if this item has it."""
        if key in self.ann:
            self.prepareGeometryChange()
            self.ann[key] = value
            self.update()

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
            pen = QPen(QColor("#1e88e5"), 0, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.boundingRect())

    def draw(self, painter: QPainter) -> None:
        raise NotImplementedError


def _round_pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class _TwoPointItem(AnnotationItem):
    """Arrow and line: two end points, each with a handle."""

    def drag_to(self, p: QPointF) -> None:
        self.prepareGeometryChange()
        self.ann["points"][1] = [p.x(), p.y()]
        self.update()

    def handle_points(self) -> list[QPointF]:
        return [QPointF(*pt) for pt in self.ann["points"][:2]]

    def move_handle(self, index: int, p: QPointF) -> None:
        self.prepareGeometryChange()
        self.ann["points"][index] = [p.x(), p.y()]
        self.update()

    def shape(self) -> QPainterPath:
        path = QPainterPath(QPointF(*self.ann["points"][0]))
        path.lineTo(QPointF(*self.ann["points"][1]))
        stroker = QPainterPathStroker()
        stroker.setWidth(max(12.0, self.ann["width"] * 2))
        return stroker.createStroke(path)


class ArrowItem(_TwoPointItem):
    """Arrow (A): a shaft and a filled head at the second point."""

    kind = "arrow"

    def margin(self) -> float:
        return max(3.5 * self.ann["width"], 14.0) + self.ann["width"]

    def draw(self, painter: QPainter) -> None:
        p0, p1 = self.ann["points"][:2]
        color = qcolor(self.ann["color"])
        width = self.ann["width"]
        end = A.arrow_shaft_end(p0, p1, width)
        painter.setPen(_round_pen(color, width))
        painter.drawLine(QPointF(*p0), QPointF(*end))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(color))
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in A.arrow_head(p0, p1, width)]))


class LineItem(_TwoPointItem):
    """Line (L)."""

    kind = "line"

    def draw(self, painter: QPainter) -> None:
        p0, p1 = self.ann["points"][:2]
        painter.setPen(_round_pen(qcolor(self.ann["color"]), self.ann["width"]))
        painter.drawLine(QPointF(*p0), QPointF(*p1))


class _BoxItem(AnnotationItem):
    """Rect, ellipse, redact: a box with four corner handles."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
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
            pen = QPen(QColor("#fdd835"), 0, Qt.PenStyle.DotLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r)


class PenItem(AnnotationItem):
    """Pen (P): a freehand stroke; it moves as a whole."""

    kind = "pen"

    def drag_to(self, p: QPointF) -> None:
        last = self.ann["points"][-1]
        if math.hypot(p.x() - last[0], p.y() - last[1]) >= 1.0:
            self.prepareGeometryChange()
            self.ann["points"].append([p.x(), p.y()])
            self.update()

    def is_degenerate(self) -> bool:
        return False  # a dot is a valid stroke

    def path(self) -> QPainterPath:
        pts = self.ann["points"]
        path = QPainterPath(QPointF(*pts[0]))
        for x, y in pts[1:]:
            path.lineTo(x, y)
        if len(pts) == 1:
            path.lineTo(pts[0][0] + 0.01, pts[0][1])
        return path

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(max(12.0, self.ann["width"]))
        return stroker.createStroke(self.path())

    def draw(self, painter: QPainter) -> None:
        color = qcolor(self.ann["color"])
        if self.ann.get("highlight"):
            color.setAlphaF(A.HIGHLIGHT_OPACITY)
        painter.setPen(_round_pen(color, self.ann["width"]))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())


class HighlighterItem(PenItem):
    """Highlighter (H): a wide translucent pen stroke."""

    kind = "highlight"


class TextItem(AnnotationItem):
    """Text (T) with a background box; `at` is the box's top-left corner."""

    kind = "text"
    click_tool = True

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
    click_tool = True

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
