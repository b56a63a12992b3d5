"""The annotation scene: the photo, its marks in the case's list order, and the crop frame.

Scene coordinates are upright-original image pixels: the (possibly downscaled) preview
pixmap is scaled up to the original size, so every mark's dict is what case.json stores.
`marks` mirrors the item's annotation list one to one; a mark that cannot be drawn holds
its place as a "cannot display" box. The scene never edits the case: each finished
gesture is reported once through `edit_wanted` (a MarkEdit), and the editor makes it one
undo step. The mouse tools live in mouse_tools.py.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from PIL import Image
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from evidence_kit.core import annotations as A
from evidence_kit.gui.annotate.factory import Style, create_item, item_from_dict
from evidence_kit.gui.annotate.handles import CropOverlay
from evidence_kit.gui.annotate.marks.base import AnnotationItem
from evidence_kit.gui.annotate.marks.boxes import RedactItem
from evidence_kit.gui.annotate.marks.placeholder import UndrawableItem
from evidence_kit.gui.annotate.mouse_tools import MarkEdit, MouseTools
from evidence_kit.gui.base import theme
from evidence_kit.gui.base.qt_image import pil_to_qimage
from evidence_kit.gui.base.tr_marks import QT_TRANSLATE_NOOP

logger = logging.getLogger(__name__)

REDACT_Z = -1e6  # redactions under every other mark, as the renderer burns them in first


class AnnotationScene(QGraphicsScene):
    """Holds the marks of one image and reports each finished change as a MarkEdit."""

    edit_wanted = Signal(object)  # a MarkEdit
    crop_drawn = Signal(list)  # [x, y, w, h] in upright-original pixels
    text_wanted = Signal(QPointF)  # the text tool was clicked here: ask for the words
    text_edit_wanted = Signal(int)  # a text mark was double-clicked (its list index)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tool = "select"
        self.mark_style = Style()
        self.clean = False  # True while rendering a flattened copy: no outlines or frames
        self.preview: Image.Image | None = None
        self.scale = 1.0  # preview pixels per original pixel
        self.full_size = (0, 0)
        self.marks: list[AnnotationItem] = []
        self._background = QGraphicsPixmapItem()
        self._background.setZValue(-1e9)
        self._background.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.addItem(self._background)
        self.crop_overlay = CropOverlay(QRectF())
        self.addItem(self.crop_overlay)
        self.tools = MouseTools(self)
        self._patches: dict[str, tuple[QImage, QRectF]] = {}
        self._proposals: list[QGraphicsItem] = []
        # a slot of the scene itself: Qt stops calling it once the scene is being deleted
        self.selectionChanged.connect(self._rebuild_handles)

    def _rebuild_handles(self) -> None:
        self.tools.rebuild_handles()

    # --- content ---------------------------------------------------------------------

    def set_image(self, preview: Image.Image, scale: float, full_size: tuple[int, int]) -> None:
        """Show a preview (RGB) standing in for an original of full_size pixels."""
        self.preview = preview
        self.scale = scale
        self.full_size = full_size
        self._background.setPixmap(QPixmap.fromImage(pil_to_qimage(preview)))
        self._background.setTransform(
            QTransform.fromScale(full_size[0] / preview.width, full_size[1] / preview.height)
        )
        rect = QRectF(0, 0, full_size[0], full_size[1])
        self.crop_overlay.image_rect = rect
        self.setSceneRect(rect)
        self._patches.clear()

    def clear_image(self) -> None:
        """Show nothing (the item has no picture that can be shown)."""
        self.preview = None
        self._background.setPixmap(QPixmap())
        self.full_size = (0, 0)
        self.setSceneRect(QRectF())
        self._patches.clear()

    def image_rect(self) -> QRectF:
        """The original image's rectangle in scene coordinates."""
        return QRectF(0, 0, self.full_size[0], self.full_size[1])

    def load(self, anns: list[dict[str, Any]], selected: list[int] | None = None) -> None:
        """Replace every mark with these (another item, an undo, an edit refused)."""
        self.blockSignals(True)  # no handles for marks on their way out
        self.clearSelection()
        self.blockSignals(False)
        self.tools.reset()
        for item in self.marks:
            self.removeItem(item)
        self.marks = []
        self._patches.clear()
        for index, ann in enumerate(anns):
            self._add(self._item_for(index, ann))
        for index in selected or []:
            if 0 <= index < len(self.marks):
                self.marks[index].setSelected(True)

    def _item_for(self, index: int, ann: dict[str, Any]) -> AnnotationItem:
        try:
            return item_from_dict(ann)
        except Exception as exc:  # noqa: BLE001 - whatever the reason, the mark must be kept
            logger.warning("mark %d cannot be drawn: %s", index + 1, exc)
            return UndrawableItem(ann, self._placeholder_box(index, ann), str(exc))

    def _placeholder_box(self, index: int, ann: dict[str, Any]) -> QRectF:
        side = max(*self.full_size, 100) * 0.05
        try:
            x0, y0, x1, y1 = (float(v) for v in A.bounds(ann))
            if not all(map(math.isfinite, (x0, y0, x1, y1))):
                raise ValueError("no finite place")
        except Exception:  # noqa: BLE001 - no usable geometry: stack it in the corner
            x0, y0, x1, y1 = side, side * (1 + 2 * index), side * 8, side * (2 + 2 * index)
        return QRectF(QPointF(x0, y0), QPointF(max(x1, x0 + side), max(y1, y0 + side)))

    def busy(self) -> bool:
        """True in the middle of a gesture."""
        return self.tools.busy()

    def set_crop(self, crop: list[float] | None) -> None:
        """Show the item's crop frame."""
        self.crop_overlay.set_crop(QRectF(*crop) if crop else QRectF())

    def annotations(self) -> list[dict[str, Any]]:
        """Every mark as drawn now, in list order."""
        return [item.to_dict() for item in self.marks]

    def stored_marks(self) -> list[dict[str, Any]]:
        """Every mark as the case holds it, in list order."""
        return [item.stored for item in self.marks]

    def selected_indexes(self) -> list[int]:
        """List positions of the selected marks."""
        return [i for i, item in enumerate(self.marks) if item.isSelected()]

    def _add(self, item: AnnotationItem) -> None:
        self.marks.append(item)
        self.addItem(item)
        self._restack()

    def _restack(self) -> None:
        for i, item in enumerate(self.marks):
            item.setZValue(REDACT_Z + i if isinstance(item, RedactItem) else i)

    def show_new(self, item: AnnotationItem) -> None:
        """A mark being drawn: on show, not yet one of the marks."""
        self.addItem(item)
        item.setZValue(REDACT_Z + len(self.marks) if isinstance(item, RedactItem) else 1e8)

    def drop_new(self, item: AnnotationItem) -> None:
        """A mark being drawn came to nothing (a click where a drag was expected)."""
        if item.scene() is self:
            self.removeItem(item)

    # --- proposals (suggested redactions shown while the shopper decides) ---------------

    def show_proposals(self, rects: list[list[float]]) -> None:
        """Dashed, numbered boxes over the picture; nothing is masked by showing them."""
        from PySide6.QtGui import QColor, QPen
        from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

        self.clear_proposals()
        for n, (x, y, w, h) in enumerate(rects, start=1):
            box = QGraphicsRectItem(x, y, w, h)
            pen = QPen(QColor(theme.PROPOSAL), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            box.setPen(pen)
            box.setZValue(4e8)
            label = QGraphicsSimpleTextItem(str(n), box)
            label.setBrush(QColor(theme.PROPOSAL))
            font = label.font()
            font.setPointSize(14)
            font.setBold(True)
            label.setFont(font)
            label.setPos(x + 4, y + 2)
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
            self.addItem(box)
            self._proposals.append(box)

    def clear_proposals(self) -> None:
        """Remove the suggestion boxes."""
        for box in self._proposals:
            self.removeItem(box)
        self._proposals = []

    # --- pixelate previews ---------------------------------------------------------------

    def redaction_patch(self, item: RedactItem) -> tuple[QImage, QRectF] | None:
        """The renderer's exact pixels for a pixelate box, placed in scene coordinates."""
        if self.preview is None:
            return None
        from evidence_kit.media.image.render import redaction_patch

        ann = item.to_dict()
        others = [m.to_dict() for m in self.marks if isinstance(m, RedactItem)]
        key = repr((ann, others))
        if key not in self._patches:
            found = redaction_patch(self.preview, others, ann, self.scale)
            if found is None:
                return None
            patch, (x0, y0, x1, y1) = found
            sx = self.full_size[0] / self.preview.width
            sy = self.full_size[1] / self.preview.height
            target = QRectF(x0 * sx, y0 * sy, (x1 - x0) * sx, (y1 - y0) * sy)
            if len(self._patches) > 256:
                self._patches.clear()
            self._patches[key] = (pil_to_qimage(patch), target)
        image, target = self._patches[key]
        # painting happens in item coordinates: undo the move offset the item carries
        return image, target.translated(-item.pos())

    # --- changes the editor makes into undo steps ----------------------------------------

    def report_change(
        self, kind: str, text: str, items: list[AnnotationItem], merge_key: str = ""
    ) -> None:
        """Marks on show were moved or reshaped: report their new dicts."""
        marks = {self.marks.index(m): m.to_dict() for m in items}
        for m in items:
            m.stored = m.to_dict()
        self.edit_wanted.emit(MarkEdit(kind, text, marks=marks, merge_key=merge_key))

    def add_marks(self, text: str, items: list[AnnotationItem]) -> None:
        """New marks at the end of the list. They stay on show while the editor makes the
        step; if it is refused, the editor reloads what the case holds."""
        marks = {}
        for item in items:
            item.stored = item.to_dict()
            marks[len(self.marks)] = item.stored
            if item.scene() is not self:
                self.addItem(item)
            self.marks.append(item)
        self._restack()
        self.edit_wanted.emit(MarkEdit("add", text, marks=marks))

    def add_dicts(self, text: str, anns: list[dict[str, Any]]) -> None:
        """New marks (pasted, accepted suggestions) at the end of the list."""
        if anns:
            self.add_marks(text, [item_from_dict(ann) for ann in anns])

    def change_dicts(
        self, text: str, marks: dict[int, dict[str, Any]], merge_key: str = ""
    ) -> None:
        """Marks given new dicts (a new colour, width, size or words)."""
        if marks:
            self.edit_wanted.emit(MarkEdit("change", text, marks=marks, merge_key=merge_key))

    def delete_selected(self) -> bool:
        """Remove the selected marks (markers renumber). False if none was selected."""
        chosen = self.selected_indexes()
        if not chosen:
            return False
        one, many = (
            QT_TRANSLATE_NOOP("AnnotationEditor", "Delete mark"),
            QT_TRANSLATE_NOOP("AnnotationEditor", "Delete marks"),
        )
        text = one if len(chosen) == 1 else many
        self.edit_wanted.emit(MarkEdit("remove", text, indexes=chosen))
        return True

    def selected_dicts(self) -> list[dict[str, Any]]:
        """The selected marks as dicts (for copy)."""
        return [
            self.marks[i].to_dict()
            for i in self.selected_indexes()
            if not isinstance(self.marks[i], UndrawableItem)
        ]

    def paste(self, anns: list[dict[str, Any]], offset: float = 20.0) -> None:
        """Add copies of marks, shifted so they do not hide the originals."""
        current = self.stored_marks()
        added = [A.translate(a, offset, offset) for a in anns]
        for a in added:
            if a["type"] == "marker":
                a["number"] = A.next_marker_number(current + added)
        self.add_dicts(QT_TRANSLATE_NOOP("AnnotationEditor", "Paste"), added)

    def restyle_selected(self, key: str, value: Any, text: str, merge_key: str = "") -> bool:
        """Change one style value on the selected marks that have it."""
        changed = {}
        for i in self.selected_indexes():
            mark = self.marks[i]
            ann = mark.to_dict()
            if not isinstance(mark, UndrawableItem) and key in ann and ann[key] != value:
                changed[i] = dict(ann, **{key: value})
        self.change_dicts(text, changed, merge_key)
        return bool(changed)

    def add_text(self, at: QPointF, text: str) -> None:
        """Add a text mark (after the editor asked for the words)."""
        self.add_marks(
            QT_TRANSLATE_NOOP("AnnotationEditor", "Add text"),
            [create_item("text", at, self.mark_style, text=text)],
        )

    def set_text(self, index: int, text: str) -> None:
        """Change the words of a text mark."""
        self.change_dicts(
            QT_TRANSLATE_NOOP("AnnotationEditor", "Edit text"),
            {index: dict(self.marks[index].to_dict(), text=text)},
        )

    # --- mouse: the tools first, then the scene's own selecting and moving -----------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        if not self.tools.press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        if not self.tools.move(event):
            super().mouseMoveEvent(event)
            if self.tools.handles:
                self.tools.follow_handles()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        if not self.tools.release(event):
            super().mouseReleaseEvent(event)
            self.tools.moved()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        if not self.tools.double_click(event):
            super().mouseDoubleClickEvent(event)

    # --- flattening ------------------------------------------------------------------------

    def render_clean(self, width: int, height: int) -> QImage:
        """The picture with its marks, no editor decorations, at width x height pixels."""
        self.clean = True
        hidden = list(self.tools.handles)
        for h in hidden:
            h.setVisible(False)
        selected = [m for m in self.marks if m.isSelected()]
        for m in selected:
            m.setSelected(False)
        try:
            image = QImage(width, height, QImage.Format.Format_RGB32)
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            self.render(painter, QRectF(0, 0, width, height), self.image_rect())
            painter.end()
        finally:
            self.clean = False
            for m in selected:
                m.setSelected(True)
            for h in self.tools.handles:
                h.setVisible(True)
        return image
