"""The annotation editor for photos, frames and image documents (right pane).

Tools with single keys (A R E L P H T M X C, S to select), colour and width pickers, redact
style, rotate, crop, zoom, copy/paste and Delete. Every finished gesture becomes one small
undo step (gui/base/commands) pushed through the controller, so Ctrl+Z in the main window
undoes it; undo/redo come back through `controller.case_changed` and the scene follows the
case. Big photos are edited on a preview copy opened off the GUI thread (export renders them
full size)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QVBoxLayout, QWidget

from evidence_kit.core import annotations as A
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.model import Item
from evidence_kit.gui.annotate import assist
from evidence_kit.gui.annotate.factory import TOOLS
from evidence_kit.gui.annotate.mouse_tools import MarkEdit
from evidence_kit.gui.annotate.picture_loader import Picture, PictureLoader
from evidence_kit.gui.annotate.scene import AnnotationScene
from evidence_kit.gui.annotate.toolbar import EditorToolbars
from evidence_kit.gui.annotate.video_mask_offer import offer_video_mask
from evidence_kit.gui.annotate.view import AnnotationView
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import (
    AddMarks,
    CaseCommand,
    ChangeMarks,
    MoveMarks,
    RemoveMarks,
    SetItemField,
)
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.base.tr_marks import QT_TRANSLATE_NOOP

PREVIEW_SIDE = 2048  # edit on a copy this big at most; export renders the full original
CLIPBOARD_MIME = "application/x-evidence-kit-annotations"


class AnnotationEditor(QWidget):
    """Right-pane editor for one item. Contract: __init__(controller, runner), show_item(id)."""

    def __init__(
        self, controller: CaseController, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runner = runner
        self.item_id = ""
        self._file = ""  # the file shown, or being opened
        self.scene = AnnotationScene(self)
        self.view = AnnotationView(self)
        self.view.setScene(self.scene)
        self.loader = PictureLoader(runner, self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.bars = EditorToolbars(self, self.scene.mark_style)
        bars = self.bars
        view = bars.add_view_button
        self.act_rotate = view(
            "rotate-cw", self.tr("Turn 90° clockwise"), self.rotate, "Ctrl+Shift+R"
        )
        self.act_reset_crop = view("expand", self.tr("Undo the crop"), self.reset_crop)
        self.act_fit = view("maximize", self.tr("Fit to the window"), self.view.fit, "Ctrl+9")
        self.act_actual = view(
            "zoom-in", self.tr("Actual size (100%)"), lambda: self.view.set_zoom(1.0), "Ctrl+0"
        )
        self.act_suggest = bars.add_button(
            "scan-face", self.tr("Find personal data…"), self.suggest
        )
        self.act_compare = bars.add_button("columns-2", self.tr("Compare…"), self.compare)
        self.act_compare.setToolTip(
            self.tr(
                'Put the listing screenshot and this photo side by side ("As listed / As received")'
            )
        )
        bars.finish()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bars.tools)
        layout.addWidget(bars.options)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self._shortcuts()

        bars.tool_chosen.connect(self.set_tool)
        bars.color_chosen.connect(self.set_color)
        bars.width_chosen.connect(self.set_width)
        bars.size_chosen.connect(self.set_size)
        bars.redact_style_chosen.connect(self.set_redact_style)
        self.scene.edit_wanted.connect(self._on_mark_edit)
        self.scene.crop_drawn.connect(self._on_crop)
        self.scene.text_wanted.connect(self._ask_text)
        self.scene.text_edit_wanted.connect(self._edit_text)
        self.scene.selectionChanged.connect(self._sync_pickers)
        self.view.zoom_changed.connect(bars.show_zoom)
        self.loader.loaded.connect(self._show_picture)
        self.loader.failed.connect(self._picture_failed)
        controller.case_changed.connect(self._on_case_changed)
        self.set_tool("select")

    @property
    def loading(self) -> bool:
        """True while the picture is being opened."""
        return self.loader.busy

    def _shortcuts(self) -> None:
        def add(
            key: QKeySequence | QKeySequence.StandardKey | str,
            slot: Callable[[], object],
            window_wide: bool = False,
        ) -> None:
            shortcut = QShortcut(QKeySequence(key), self)
            # copy and paste work as soon as a photo is picked in the list, like the tools
            context = Qt.ShortcutContext.WindowShortcut if window_wide else None
            shortcut.setContext(context or Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        keys = QKeySequence.StandardKey
        add(QKeySequence(keys.Delete), self.delete_selected)
        add("Backspace", self.delete_selected)
        add(QKeySequence(keys.Copy), self.copy_selected, window_wide=True)
        add(QKeySequence(keys.Paste), self.paste, window_wide=True)
        add(QKeySequence(keys.ZoomIn), lambda: self.view.set_zoom(self.view.zoom * 1.25))
        add(QKeySequence(keys.ZoomOut), lambda: self.view.set_zoom(self.view.zoom * 0.8))
        add("Escape", self._escape)

    def _escape(self) -> None:
        self.scene.clearSelection()
        self.set_tool("select")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        # keys the shortcuts did not take (e.g. the window is not the active one) still work
        # while the view has focus: the view passes unhandled keys up to us
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selected()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier:
            key = event.key()
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.delete_selected()
                return
            if key == Qt.Key.Key_Escape:
                self._escape()
                return
            for tool in TOOLS:
                if key == getattr(Qt.Key, f"Key_{tool.key}"):
                    self.set_tool(tool.id)
                    return
        super().keyPressEvent(event)

    # --- showing an item -----------------------------------------------------------------

    def show_item(self, item_id: str) -> None:
        """Show the item with this id (a photo, frame or image document)."""
        item = self.controller.item(item_id)
        if item is None:
            self._show_nothing()
            return
        if item_id != self.item_id or item.file != self._file:
            self.item_id = item_id
            self._open(item)
        else:
            self._follow_case(item)

    def _show_nothing(self) -> None:
        self.item_id = self._file = ""
        self.loader.drop()
        self.scene.load([])

    def _open(self, item: Item) -> None:
        # nothing of the previous picture stays on show, its selection least of all
        self.scene.load([])
        self.scene.clear_image()
        self.view.setEnabled(False)
        self._file = item.file
        self._say(self.tr("Opening the picture…"))
        self.loader.request(
            self.controller.root, item, PREVIEW_SIDE, self.tr("Opening the picture")
        )

    def _show_picture(self, picture: Picture) -> None:
        item = self.controller.item(picture.item_id)
        if item is None or picture.item_id != self.item_id or item.file != picture.file:
            return
        self._say("")
        self.view.setEnabled(True)
        self.scene.set_image(picture.preview, picture.scale, picture.full_size)
        self.scene.load(item.annotations)
        self.scene.set_crop(item.crop)
        self.view.set_rotation(item.rotate)
        self.view.fit()

    def _picture_failed(self, item_id: str, message: str) -> None:
        if item_id == self.item_id:
            self.scene.load([])
            self.scene.clear_image()
            self._say(message)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _follow_case(self, item: Item) -> None:
        """Show the case's marks, crop and turn for the item on show (after an edit or undo)."""
        if self.loading or self.scene.preview is None:
            return  # the picture is still opening (or cannot be shown)
        if not self.scene.busy() and self.scene.stored_marks() != item.annotations:
            # mid-gesture, another part of the case changed; this item's marks did not, and
            # the gesture's own edit follows at mouse release
            keep = [i for i in self.scene.selected_indexes() if i < len(item.annotations)]
            self.scene.load(item.annotations, keep)
        self.scene.set_crop(item.crop)
        if item.rotate != self.view.rotation:
            self.view.set_rotation(item.rotate)

    def _on_case_changed(self) -> None:
        if self.item_id:
            self.show_item(self.item_id)

    # --- edits -----------------------------------------------------------------------------

    def _push(self, command: CaseCommand) -> bool:
        ok = self.controller.push(command)
        if not ok and (item := self.controller.item(self.item_id)) is not None:
            self.scene.load(item.annotations)  # refused: show what the case holds
        return ok

    def _on_mark_edit(self, edit: MarkEdit) -> None:
        if not self.item_id:
            return
        text = self.tr(edit.text)
        command: CaseCommand
        if edit.kind == "add":
            command = AddMarks(self.item_id, edit.marks, text)
        elif edit.kind == "remove":
            command = RemoveMarks(self.item_id, edit.indexes, text)
        elif edit.kind == "move":
            command = MoveMarks(self.item_id, edit.marks, text, edit.merge_key)
        else:
            command = ChangeMarks(self.item_id, edit.marks, text, edit.merge_key)
        if self._push(command) and edit.kind == "add":
            offer_video_mask(self, self.controller, self.item_id, edit.marks)

    def _set_field(self, field: str, value: Any, text: str) -> None:
        if self.item_id:
            self._push(SetItemField(self.item_id, field, value, text))

    def _on_crop(self, rect: list) -> None:
        self._set_field("crop", rect, self.tr("Crop"))

    def reset_crop(self) -> None:
        """Remove the crop (one undo step)."""
        item = self.controller.item(self.item_id)
        if item is not None and item.crop:
            self._set_field("crop", None, self.tr("Reset crop"))

    def rotate(self) -> None:
        """Turn the item 90° clockwise (one undo step; marks keep their coordinates)."""
        item = self.controller.item(self.item_id)
        if item is not None:
            self._set_field("rotate", (item.rotate + 90) % 360, self.tr("Rotate 90°"))

    def delete_selected(self) -> None:
        """Delete the selected marks (markers renumber)."""
        self.scene.delete_selected()

    def copy_selected(self) -> None:
        """Copy the selected marks (as JSON, so they paste into another photo too); with no
        mark selected, the picture as it will be exported (Flameshot and ksnip do the same)."""
        marks = self.scene.selected_dicts()
        if not marks:
            assist.copy_picture(self)
            return
        data = QMimeData()
        payload = json.dumps(marks)
        data.setData(CLIPBOARD_MIME, payload.encode())
        data.setText(payload)
        QApplication.clipboard().setMimeData(data)

    def paste(self) -> None:
        """Paste marks copied from this or another photo."""
        data = QApplication.clipboard().mimeData()
        if data is None or not data.hasFormat(CLIPBOARD_MIME) or self.scene.preview is None:
            return
        try:
            marks = A.validate_all(json.loads(bytes(data.data(CLIPBOARD_MIME).data()).decode()))
        except (ValueError, EvidenceKitError):
            return
        self.scene.paste(marks)

    # --- tools and style -------------------------------------------------------------------

    def set_tool(self, tool: str) -> None:
        """Pick a tool by id (see factory.TOOLS)."""
        self.scene.tool = tool
        self.bars.show_tool(tool)
        select = tool == "select"
        self.view.setDragMode(
            AnnotationView.DragMode.RubberBandDrag if select else AnnotationView.DragMode.NoDrag
        )
        self.view.viewport().setCursor(
            Qt.CursorShape.ArrowCursor if select else Qt.CursorShape.CrossCursor
        )
        if not select:
            self.scene.clearSelection()

    def set_color(self, value: str) -> None:
        """Colour for new marks and the selected ones."""
        self.scene.mark_style.color = value
        self.bars.show_color(value)
        self.scene.restyle_selected(
            "color", value, QT_TRANSLATE_NOOP("AnnotationEditor", "Change colour")
        )

    def set_width(self, value: int) -> None:
        """Width for new marks and the selected ones (one undo step per selection)."""
        self.scene.mark_style.width = float(value)
        if self.bars.width_spin.value() != value:
            self.bars.width_spin.setValue(value)
        key = f"width:{self.scene.selected_indexes()}"
        self.scene.restyle_selected(
            "width",
            float(value),
            QT_TRANSLATE_NOOP("AnnotationEditor", "Change width"),
            merge_key=key,
        )

    def set_size(self, value: int) -> None:
        """Size for new texts/markers and the selected ones (one undo step per selection)."""
        self.scene.mark_style.text_size = float(value)
        self.scene.mark_style.marker_size = float(value)
        if self.bars.size_spin.value() != value:
            self.bars.size_spin.setValue(value)
        key = f"size:{self.scene.selected_indexes()}"
        self.scene.restyle_selected(
            "size",
            float(value),
            QT_TRANSLATE_NOOP("AnnotationEditor", "Change size"),
            merge_key=key,
        )

    def set_redact_style(self, style: str) -> None:
        """Solid or pixelate, for new redactions and the selected ones."""
        self.scene.mark_style.redact_style = style
        self.scene.restyle_selected(
            "style", style, QT_TRANSLATE_NOOP("AnnotationEditor", "Change redaction")
        )

    def _sync_pickers(self) -> None:
        # show the selected mark's style, without turning that into an edit
        indexes = self.scene.selected_indexes()
        if len(indexes) != 1:
            return
        data = self.scene.marks[indexes[0]].ann
        self.bars.show_style(data)
        if "width" in data:
            self.scene.mark_style.width = float(data["width"])
        if "color" in data and data.get("type") != "redact":
            self.scene.mark_style.color = data["color"]

    # --- text --------------------------------------------------------------------------------

    def _ask_text(self, at: QPointF) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Text"), self.tr("Words to show on the photo:")
        )
        if ok and text.strip():
            self.scene.add_text(at, text.strip())

    def _edit_text(self, index: int) -> None:
        current = self.scene.marks[index].ann.get("text", "")
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Text"), self.tr("Words to show on the photo:"), current
        )
        if ok and text.strip() and text.strip() != current:
            self.scene.set_text(index, text.strip())

    # --- helpers on the task runner ----------------------------------------------------------

    def suggest(self) -> None:
        """Look for faces, codes and text lines in the background; offer them as redactions."""
        assist.find_personal_data(self)

    def compare(self) -> None:
        """Make an "As listed / As received" exhibit from a listing screenshot and this photo."""
        assist.compare_with_listing(self)
