"""The editor's mouse tools: drawing a new mark, placing markers and texts, dragging the crop
frame, moving marks and reshaping the selected one with its handles.

A finished gesture is reported once, as a MarkEdit, and only when it changed something:
a click, a rubber band over nothing, or a handle pressed and let go in place is no edit.
Handles belong to the one selected mark of the picture on show, and go with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from evidence_kit.core import annotations as A
from evidence_kit.gui.annotate.factory import create_item
from evidence_kit.gui.annotate.handles import HandleItem
from evidence_kit.gui.annotate.marks.base import AnnotationItem
from evidence_kit.gui.base.tr_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from evidence_kit.gui.annotate.scene import AnnotationScene

#: the undo step's words for each drawn mark (translated by the editor, AnnotationEditor)
DRAW_LABELS = {
    "arrow": QT_TRANSLATE_NOOP("AnnotationEditor", "Add arrow"),
    "rect": QT_TRANSLATE_NOOP("AnnotationEditor", "Add rectangle"),
    "ellipse": QT_TRANSLATE_NOOP("AnnotationEditor", "Add ellipse"),
    "line": QT_TRANSLATE_NOOP("AnnotationEditor", "Add line"),
    "pen": QT_TRANSLATE_NOOP("AnnotationEditor", "Draw"),
    "highlight": QT_TRANSLATE_NOOP("AnnotationEditor", "Highlight"),
    "redact": QT_TRANSLATE_NOOP("AnnotationEditor", "Redact"),
}


@dataclass(frozen=True)
class MarkEdit:
    """One finished change to the marks, as the scene reports it to the editor.

    kind: "add", "remove", "move" or "change"; marks: list position -> the mark's new dict
    (add, move, change); indexes: the positions removed. The editor makes it one undo step.
    """

    kind: str
    text: str
    marks: dict[int, dict[str, Any]] = field(default_factory=dict)
    indexes: list[int] = field(default_factory=list)
    merge_key: str = ""


class MouseTools:
    """The gestures of one scene, and the handles of its selected mark."""

    def __init__(self, scene: AnnotationScene) -> None:
        self.scene = scene
        self.handles: list[HandleItem] = []
        self.drawing: AnnotationItem | None = None
        self.crop_start: QPointF | None = None

    def busy(self) -> bool:
        """True in the middle of a gesture (drawing, dragging a mark, a handle or the crop)."""
        return (
            self.drawing is not None
            or self.crop_start is not None
            or self.scene.mouseGrabberItem() is not None
        )

    def reset(self) -> None:
        """Forget every gesture and handle (another picture, or the marks reloaded)."""
        if self.drawing is not None:
            self.scene.drop_new(self.drawing)
        self.drawing = None
        self.crop_start = None
        self.clear_handles()

    # --- handles ---------------------------------------------------------------------------

    def clear_handles(self) -> None:
        for handle in self.handles:
            self.scene.removeItem(handle)
        self.handles = []

    def rebuild_handles(self) -> None:
        """Handles for the one selected mark of this scene (none for several, or none)."""
        self.clear_handles()
        scene = self.scene
        chosen = [m for m in scene.marks if m.isSelected() and m.scene() is scene]
        if len(chosen) != 1 or scene.clean:
            return
        owner = chosen[0]
        for i, p in enumerate(owner.handle_points()):

            def move(index: int, pos: QPointF, owner: AnnotationItem = owner) -> None:
                owner.move_handle(index, pos - owner.pos())

            handle = HandleItem(i, p + owner.pos(), move, partial(self._reshaped, owner))
            scene.addItem(handle)
            self.handles.append(handle)

    def _reshaped(self, owner: AnnotationItem) -> None:
        scene = self.scene
        if owner in scene.marks and owner.changed():
            scene.report_change(
                "change",
                QT_TRANSLATE_NOOP("AnnotationEditor", "Resize mark"),
                [owner],
                merge_key="reshape",
            )

    def follow_handles(self) -> None:
        # follow the owner while it moves or reshapes; the dragged handle follows the mouse
        owner = next((m for m in self.scene.marks if m.isSelected()), None)
        if owner is None:
            return
        grabber = self.scene.mouseGrabberItem()
        for handle, p in zip(self.handles, owner.handle_points(), strict=False):
            if handle is not grabber:
                handle.setPos(p + owner.pos())

    # --- mouse -----------------------------------------------------------------------------

    def _clamp(self, p: QPointF) -> QPointF:
        # a drag may leave the picture; the mark is kept but its points stay near it
        r = self.scene.image_rect()
        margin = max(r.width(), r.height())
        return QPointF(
            min(max(p.x(), -margin), r.width() + margin),
            min(max(p.y(), -margin), r.height() + margin),
        )

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        """Start a gesture. False: the scene's own handling (select, move) goes on."""
        scene = self.scene
        if event.button() != Qt.MouseButton.LeftButton or scene.tool == "select":
            return False
        p = self._clamp(event.scenePos())
        if scene.tool == "crop":
            self.crop_start = p
            scene.crop_overlay.set_crop(QRectF(p, p))
        elif scene.tool == "text":
            scene.text_wanted.emit(p)
        elif scene.tool == "marker":
            number = A.next_marker_number(scene.stored_marks())
            scene.add_marks(
                QT_TRANSLATE_NOOP("AnnotationEditor", "Add marker"),
                [create_item("marker", p, scene.mark_style, number)],
            )
        else:
            scene.clearSelection()
            self.drawing = create_item(scene.tool, p, scene.mark_style)
            scene.show_new(self.drawing)
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        p = self._clamp(event.scenePos())
        if self.drawing is not None:
            self.drawing.drag_to(p)
            return True
        if self.crop_start is not None:
            self.scene.crop_overlay.set_crop(QRectF(self.crop_start, p).normalized())
            return True
        return False

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        scene = self.scene
        if self.drawing is not None:
            item, self.drawing = self.drawing, None
            if item.is_degenerate() or item.scene() is not scene:  # nothing, or reloaded
                scene.drop_new(item)
            else:
                scene.add_marks(
                    DRAW_LABELS.get(item.kind, QT_TRANSLATE_NOOP("AnnotationEditor", "Add mark")),
                    [item],
                )
            return True
        if self.crop_start is not None:
            rect = scene.crop_overlay.crop.intersected(scene.image_rect())
            self.crop_start = None
            if rect.width() >= 4 and rect.height() >= 4:
                scene.crop_drawn.emit(
                    [round(v, 1) for v in (rect.x(), rect.y(), rect.width(), rect.height())]
                )
            return True
        return False

    def moved(self) -> None:
        """After the scene's own release: a drag of marks becomes one move."""
        scene = self.scene
        moved = [m for m in scene.marks if m.pos().x() or m.pos().y()]
        for m in moved:
            m.bake_position()
        moved = [m for m in moved if m.changed()]
        if moved:
            one, many = (
                QT_TRANSLATE_NOOP("AnnotationEditor", "Move mark"),
                QT_TRANSLATE_NOOP("AnnotationEditor", "Move marks"),
            )
            text = one if len(moved) == 1 else many
            scene.report_change("move", text, moved, merge_key="move")

    def double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        scene = self.scene
        item = scene.itemAt(event.scenePos(), QTransform())
        if scene.tool == "select" and isinstance(item, AnnotationItem) and item.kind == "text":
            scene.text_edit_wanted.emit(scene.marks.index(item))
            return True
        return False
