"""The annotation scene: the photo, its marks, the tools' mouse handling and the crop frame.

Scene coordinates are upright-original image pixels: the (possibly downscaled) preview
pixmap is scaled up to the original size, so every item's dict is what case.json stores.
The scene never edits the case: when the user finishes a gesture it emits `edited` with the
full new annotation list, and the editor turns that into one undo step.
"""

from __future__ import annotations

import copy
from typing import Any

from PIL import Image
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from evidence_kit.core import annotations as A
from evidence_kit.gui.annotate.factory import Style, create_item, item_from_dict
from evidence_kit.gui.annotate.handles import CropOverlay, HandleItem
from evidence_kit.gui.annotate.items import AnnotationItem, RedactItem
from evidence_kit.gui.base.qt_image import pil_to_qimage

REDACT_Z = -1e6  # redactions under every other mark, as the renderer burns them in first
CLICK_TOOLS = ("marker", "text")


class AnnotationScene(QGraphicsScene):
    """Holds the marks of one image and turns mouse gestures into whole-list edits."""

    edited = Signal(str, list, str)  # undo text, new annotation list, merge key
    crop_drawn = Signal(list)  # [x, y, w, h] in upright-original pixels
    text_wanted = Signal(QPointF)  # the text tool was clicked here: ask for the words
    text_edit_wanted = Signal(int)  # a text mark was double-clicked (its list index)

    def __init__(self, parent: Any = None) -> None:
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
        self._crop_overlay = CropOverlay(QRectF())
        self.addItem(self._crop_overlay)
        self._handles: list[HandleItem] = []
        self._drawing: AnnotationItem | None = None
        self._crop_start: QPointF | None = None
        self._patches: dict[str, tuple[QImage, QRectF]] = {}
        self._press_snapshot: list[dict[str, Any]] | None = None
        self._proposals: list[QGraphicsItem] = []
        self.selectionChanged.connect(self._rebuild_handles)

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
        self._crop_overlay.image_rect = rect
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
        """Replace every mark with these (after an undo, or another item)."""
        self._clear_handles()
        for item in self.marks:
            self.removeItem(item)
        self.marks = []
        self._patches.clear()
        for ann in anns:
            try:
                item = item_from_dict(ann)
            except Exception:  # noqa: BLE001 - a bad mark from a hand-edited case is skipped, not fatal
                continue
            self._add(item)
        for index in selected or []:
            if 0 <= index < len(self.marks):
                self.marks[index].setSelected(True)

    def busy(self) -> bool:
        """True in the middle of a gesture (drawing, dragging a mark, a handle or the crop)."""
        return (
            self._drawing is not None
            or self._crop_start is not None
            or self.mouseGrabberItem() is not None
        )

    def set_crop(self, crop: list[float] | None) -> None:
        """Show the item's crop frame."""
        self._crop_overlay.set_crop(QRectF(*crop) if crop else QRectF())

    def annotations(self) -> list[dict[str, Any]]:
        """Every mark as stored, in list order."""
        return [item.to_dict() for item in self.marks]

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

    # --- proposals (suggested redactions shown while the shopper decides) ---------------

    def show_proposals(self, rects: list[list[float]]) -> None:
        """Dashed, numbered boxes over the picture; nothing is masked by showing them."""
        from PySide6.QtGui import QColor, QPen
        from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

        self.clear_proposals()
        for n, (x, y, w, h) in enumerate(rects, start=1):
            box = QGraphicsRectItem(x, y, w, h)
            pen = QPen(QColor("#00e5ff"), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            box.setPen(pen)
            box.setZValue(4e8)
            label = QGraphicsSimpleTextItem(str(n), box)
            label.setBrush(QColor("#00e5ff"))
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

    # --- edits the editor asks for -------------------------------------------------------

    def emit_edit(
        self, text: str, anns: list[dict[str, Any]] | None = None, merge_key: str = ""
    ) -> None:
        """Tell the editor the list changed (one undo step)."""
        self.edited.emit(text, self.annotations() if anns is None else anns, merge_key)

    def delete_selected(self) -> bool:
        """Remove the selected marks; markers renumber. Returns False if none was selected."""
        chosen = set(self.selected_indexes())
        if not chosen:
            return False
        anns = [a for i, a in enumerate(self.annotations()) if i not in chosen]
        self.emit_edit(
            "Delete mark" if len(chosen) == 1 else "Delete marks", A.renumber_markers(anns)
        )
        return True

    def selected_dicts(self) -> list[dict[str, Any]]:
        """The selected marks as dicts (for copy)."""
        return [self.marks[i].to_dict() for i in self.selected_indexes()]

    def paste(self, anns: list[dict[str, Any]], offset: float = 20.0) -> None:
        """Add copies of marks, shifted so they do not hide the originals."""
        if not anns:
            return
        current = self.annotations()
        added = [A.translate(a, offset, offset) for a in anns]
        for a in added:
            if a["type"] == "marker":
                a["number"] = A.next_marker_number(current + added)
        self.emit_edit("Paste", current + added)

    def restyle_selected(self, key: str, value: Any, text: str, merge_key: str = "") -> bool:
        """Change one style value on the selected marks that have it."""
        indexes = self.selected_indexes()
        anns = self.annotations()
        changed = False
        for i in indexes:
            if key in anns[i] and anns[i][key] != value:
                anns[i][key] = value
                changed = True
        if changed:
            self.emit_edit(text, anns, merge_key)
        return changed

    def add_text(self, at: QPointF, text: str) -> None:
        """Add a text mark (after the editor asked for the words)."""
        item = create_item("text", at, self.mark_style, text=text)
        self.emit_edit("Add text", self.annotations() + [item.to_dict()])

    def set_text(self, index: int, text: str) -> None:
        """Change the words of a text mark."""
        anns = self.annotations()
        anns[index]["text"] = text
        self.emit_edit("Edit text", anns)

    # --- handles -------------------------------------------------------------------------

    def _clear_handles(self) -> None:
        for h in self._handles:
            self.removeItem(h)
        self._handles = []

    def _rebuild_handles(self) -> None:
        self._clear_handles()
        chosen = [m for m in self.marks if m.isSelected()]
        if len(chosen) != 1 or self.clean:
            return
        owner = chosen[0]
        offset = owner.pos()
        for i, p in enumerate(owner.handle_points()):

            def move(index: int, pos: QPointF, owner: AnnotationItem = owner) -> None:
                owner.move_handle(index, pos - owner.pos())

            handle = HandleItem(i, p + offset, move, lambda: self.emit_edit("Resize mark"))
            self.addItem(handle)
            self._handles.append(handle)

    def _sync_handles(self) -> None:
        # follow the owner while it moves or reshapes; the dragged handle follows the mouse
        owner = next((m for m in self.marks if m.isSelected()), None)
        if owner is None:
            return
        grabber = self.mouseGrabberItem()
        for handle, p in zip(self._handles, owner.handle_points(), strict=False):
            if handle is not grabber:
                handle.setPos(p + owner.pos())

    # --- mouse -----------------------------------------------------------------------------

    def _clamp(self, p: QPointF) -> QPointF:
        # a drag may leave the picture; the mark is kept but its points stay near it
        r = self.image_rect()
        margin = max(r.width(), r.height())
        return QPointF(
            min(max(p.x(), -margin), r.width() + margin),
            min(max(p.y(), -margin), r.height() + margin),
        )

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        p = self._clamp(event.scenePos())
        if self.tool == "select":
            self._press_snapshot = self.annotations()
            super().mousePressEvent(event)
            return
        if self.tool == "crop":
            self._crop_start = p
            self._crop_overlay.set_crop(QRectF(p, p))
            return
        if self.tool == "text":
            self.text_wanted.emit(p)
            return
        if self.tool == "marker":
            item = create_item(
                "marker", p, self.mark_style, number=A.next_marker_number(self.annotations())
            )
            self.emit_edit("Add marker", self.annotations() + [item.to_dict()])
            return
        self.clearSelection()
        self._drawing = create_item(self.tool, p, self.mark_style)
        self._add(self._drawing)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        p = self._clamp(event.scenePos())
        if self._drawing is not None:
            self._drawing.drag_to(p)
            return
        if self._crop_start is not None:
            self._crop_overlay.set_crop(QRectF(self._crop_start, p).normalized())
            return
        super().mouseMoveEvent(event)
        if self._handles:
            self._sync_handles()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._drawing is not None:
            item, self._drawing = self._drawing, None
            if item not in self.marks:  # the scene was reloaded under the gesture
                return
            if item.is_degenerate():
                self.marks.remove(item)
                self.removeItem(item)
                return
            labels = {"pen": "Draw", "highlight": "Highlight", "redact": "Redact"}
            self.emit_edit(labels.get(item.kind, f"Add {item.kind}"))
            return
        if self._crop_start is not None:
            rect = self._crop_overlay.crop.intersected(self.image_rect())
            self._crop_start = None
            if rect.width() >= 4 and rect.height() >= 4:
                self.crop_drawn.emit(
                    [
                        round(rect.x(), 1),
                        round(rect.y(), 1),
                        round(rect.width(), 1),
                        round(rect.height(), 1),
                    ]
                )
            return
        super().mouseReleaseEvent(event)
        moved = [m for m in self.marks if m.pos().x() or m.pos().y()]
        if (
            moved
            and self._press_snapshot is not None
            and self.annotations() != self._press_snapshot
        ):
            self.emit_edit("Move mark" if len(moved) == 1 else "Move marks")
        for m in moved:
            m.bake_position()
        self._press_snapshot = None

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        item = self.itemAt(event.scenePos(), QTransform())
        if self.tool == "select" and isinstance(item, AnnotationItem) and item.kind == "text":
            self.text_edit_wanted.emit(self.marks.index(item))
            return
        super().mouseDoubleClickEvent(event)

    # --- flattening ------------------------------------------------------------------------

    def render_clean(self, width: int, height: int) -> QImage:
        """The picture with its marks, no editor decorations, at width x height pixels."""
        self.clean = True
        hidden = list(self._handles)
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
            for h in self._handles:
                h.setVisible(True)
        return image

    def snapshot(self) -> list[dict[str, Any]]:
        """A deep copy of the current marks."""
        return copy.deepcopy(self.annotations())


def is_mark(item: QGraphicsItem | None) -> bool:
    """True for annotation items (not handles, frames or the photo)."""
    return isinstance(item, AnnotationItem)
