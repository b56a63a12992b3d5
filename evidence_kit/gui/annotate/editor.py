"""The annotation editor for photos, frames and image documents (right pane).

Tools with single keys (A R E L P H T M X C, S to select), colour and width pickers, redact
style, rotate, crop, zoom, copy/paste and Delete. Every finished gesture becomes one step
on the case's undo stack through `controller.edit`, so Ctrl+Z in the main window undoes it;
undo/redo come back through `controller.case_changed` and reload the scene. Big photos are
edited on a preview-resolution copy; the export renders the original at full resolution.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QComboBox,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QSpinBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.core import case_ops
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.model import Item, ItemKind
from evidence_kit.gui.annotate.factory import TOOLS
from evidence_kit.gui.annotate.scene import AnnotationScene
from evidence_kit.gui.annotate.view import AnnotationView
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.tasks import TaskRunner

PREVIEW_SIDE = 2048  # edit on a copy this big at most; export renders the full original
CLIPBOARD_MIME = "application/x-evidence-kit-annotations"
PRESET_COLORS = ("#e53935", "#fdd835", "#43a047", "#1e88e5", "#ffffff", "#000000")


class AnnotationEditor(QWidget):
    """Right-pane editor for one item. Contract: __init__(controller, runner), show_item(id)."""

    def __init__(
        self, controller: CaseController, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runner = runner
        self.item_id = ""
        self._loaded_file = ""
        self._drag_serial = 0
        self.scene = AnnotationScene(self)
        self.view = AnnotationView(self)
        self.view.setScene(self.scene)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.toolbar = QToolBar(self)  # the tools
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.options = QToolBar(self)  # style pickers, rotate, crop, zoom
        self.options.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.tool_actions: dict[str, QAction] = {}
        self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.options)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self._shortcuts()

        self.scene.edited.connect(self._on_scene_edit)
        self.scene.crop_drawn.connect(self._on_crop)
        self.scene.text_wanted.connect(self._ask_text)
        self.scene.text_edit_wanted.connect(self._edit_text)
        self.scene.selectionChanged.connect(self._sync_pickers)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f}%"))
        controller.case_changed.connect(self._on_case_changed)
        self.set_tool("select")

    # --- building ---------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        group = QActionGroup(self)
        group.setExclusive(True)
        for tool in TOOLS:
            action = QAction(self.tr(tool.label), self)
            action.setCheckable(True)
            action.setToolTip(self.tr("{0} ({1})").format(self.tr(tool.label), tool.key))
            action.setShortcut(QKeySequence(tool.key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, t=tool.id: self.set_tool(t))
            group.addAction(action)
            self.addAction(action)
            self.toolbar.addAction(action)
            self.tool_actions[tool.id] = action
        self.color_button = QToolButton(self)
        self.color_button.setToolTip(self.tr("Colour of new and selected marks"))
        self.color_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.color_button)
        names = (
            self.tr("Red"),
            self.tr("Yellow"),
            self.tr("Green"),
            self.tr("Blue"),
            self.tr("White"),
            self.tr("Black"),
        )
        for value, name in zip(PRESET_COLORS, names, strict=True):
            menu.addAction(_swatch(value), name, lambda v=value: self.set_color(v))
        menu.addSeparator()
        menu.addAction(self.tr("Other colour…"), self._pick_color)
        self.color_button.setMenu(menu)
        self.options.addWidget(self.color_button)
        self.width_spin = QSpinBox(self)
        self.width_spin.setRange(1, 200)
        self.width_spin.setPrefix(self.tr("Line "))
        self.width_spin.setValue(int(self.scene.mark_style.width))
        self.width_spin.setToolTip(self.tr("Line width of new and selected marks"))
        self.width_spin.valueChanged.connect(self.set_width)
        self.options.addWidget(self.width_spin)
        self.size_spin = QSpinBox(self)
        self.size_spin.setRange(8, 400)
        self.size_spin.setPrefix(self.tr("Size "))
        self.size_spin.setValue(int(self.scene.mark_style.text_size))
        self.size_spin.setToolTip(self.tr("Size of new and selected texts and markers"))
        self.size_spin.valueChanged.connect(self.set_size)
        self.options.addWidget(self.size_spin)
        self.redact_combo = QComboBox(self)
        self.redact_combo.addItem(self.tr("Solid"), "solid")
        self.redact_combo.addItem(self.tr("Pixelate (secure)"), "pixelate")
        self.redact_combo.setToolTip(
            self.tr("How redactions hide: an opaque box, or pixels made only from the surroundings")
        )
        self.redact_combo.currentIndexChanged.connect(
            lambda _: self.set_redact_style(self.redact_combo.currentData())
        )
        self.options.addWidget(self.redact_combo)
        self.options.addSeparator()
        self.act_rotate = self._button(self.tr("Rotate 90°"), self.rotate, "Ctrl+Shift+R")
        self.act_reset_crop = self._button(self.tr("Uncrop"), self.reset_crop)
        self.act_fit = self._button(self.tr("Fit"), self.view.fit, "Ctrl+9")
        self.act_actual = self._button(self.tr("100%"), lambda: self.view.set_zoom(1.0), "Ctrl+0")
        self.act_suggest = self._button(self.tr("Find personal data…"), self.suggest)
        self.act_compare = self._button(self.tr("Compare…"), self.compare)
        self.act_compare.setToolTip(
            self.tr(
                'Put the listing screenshot and this photo side by side ("As listed / As received")'
            )
        )
        self.zoom_label = QLabel("100%", self)
        self.options.addWidget(self.zoom_label)
        self._update_color_button()

    def _button(self, text: str, slot: Any, key: str = "") -> QAction:
        action = QAction(text, self)
        if key:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({key})")
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        self.options.addAction(action)
        return action

    def _shortcuts(self) -> None:
        def add(key: QKeySequence | str, slot: Any) -> None:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        keys = QKeySequence.StandardKey
        add(QKeySequence(keys.Delete), self.delete_selected)
        add("Backspace", self.delete_selected)
        add(QKeySequence(keys.Copy), self.copy_selected)
        add(QKeySequence(keys.Paste), self.paste)
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
            self.item_id = ""
            self.scene.load([])
            return
        changed_item = item_id != self.item_id or item.file != self._loaded_file
        self.item_id = item_id
        if changed_item:
            if not self._load_image(item):
                return
            self.scene.load(item.annotations)
        else:
            self._sync_from_case(item)
        self.scene.set_crop(item.crop)
        self.view.set_rotation(item.rotate)
        if changed_item:
            self.view.fit()

    def _load_image(self, item: Any) -> bool:
        from evidence_kit.media.image.render import load_base, upright_size

        try:
            preview, scale = load_base(self.controller.store, item, PREVIEW_SIDE)
            full = upright_size(self.controller.store, item)
        except EvidenceKitError as exc:
            self._loaded_file = ""
            self.scene.load([])
            self.scene.clear_image()
            self.message.setText(str(exc))
            self.message.setVisible(True)
            self.view.setEnabled(False)
            return False
        self.message.setVisible(False)
        self.view.setEnabled(True)
        self._loaded_file = item.file
        self.scene.set_image(preview, scale, full)
        return True

    def _sync_from_case(self, item: Any) -> None:
        if self.scene.busy():
            # another part of the case changed mid-gesture; this item's marks did not, and
            # the gesture's own edit will follow at mouse release
            return
        if self.scene.annotations() != item.annotations:
            keep = [i for i in self.scene.selected_indexes() if i < len(item.annotations)]
            self.scene.load(item.annotations, keep)

    def _on_case_changed(self) -> None:
        if not self.item_id:
            return
        item = self.controller.item(self.item_id)
        if item is None:  # removed (or its adding undone)
            self.item_id = ""
            self._loaded_file = ""
            self.scene.load([])
            return
        if item.file != self._loaded_file:
            self.show_item(self.item_id)
            return
        self._sync_from_case(item)
        self.scene.set_crop(item.crop)
        if item.rotate != self.view.rotation:
            self.view.set_rotation(item.rotate)

    # --- edits -----------------------------------------------------------------------------

    def _commit(self, text: str, mutate: Any, merge_key: str = "") -> bool:
        item_id = self.item_id
        if not item_id:
            return False
        ok = self.controller.edit(text, lambda case: mutate(case, item_id), merge_key=merge_key)
        if not ok:  # refused: put the scene back the way the case is
            item = self.controller.item(item_id)
            if item is not None:
                self.scene.load(item.annotations)
        return ok

    def _on_scene_edit(self, text: str, anns: list, merge_key: str) -> None:
        new = copy.deepcopy(anns)
        self._commit(
            self.tr(text),
            lambda case, item_id: case_ops.set_item_fields(case, item_id, annotations=new),
            merge_key,
        )

    def _on_crop(self, rect: list) -> None:
        self._commit(
            self.tr("Crop"),
            lambda case, item_id: case_ops.set_item_fields(case, item_id, crop=rect),
        )

    def reset_crop(self) -> None:
        """Remove the crop (one undo step)."""
        item = self.controller.item(self.item_id)
        if item is not None and item.crop:
            self._commit(
                self.tr("Reset crop"),
                lambda case, item_id: case_ops.set_item_fields(case, item_id, crop=None),
            )

    def rotate(self) -> None:
        """Turn the item 90° clockwise (one undo step; marks keep their coordinates)."""
        item = self.controller.item(self.item_id)
        if item is None:
            return
        turned = (item.rotate + 90) % 360
        self._commit(
            self.tr("Rotate 90°"),
            lambda case, item_id: case_ops.set_item_fields(case, item_id, rotate=turned),
        )

    def delete_selected(self) -> None:
        """Delete the selected marks (markers renumber)."""
        self.scene.delete_selected()

    def copy_selected(self) -> None:
        """Copy the selected marks (as JSON, so they paste into another photo too)."""
        from PySide6.QtCore import QMimeData

        marks = self.scene.selected_dicts()
        if not marks:
            return
        data = QMimeData()
        payload = json.dumps(marks)
        data.setData(CLIPBOARD_MIME, payload.encode())
        data.setText(payload)
        QApplication.clipboard().setMimeData(data)

    def paste(self) -> None:
        """Paste marks copied from this or another photo."""
        from evidence_kit.core import annotations as A

        data = QApplication.clipboard().mimeData()
        if data is None or not data.hasFormat(CLIPBOARD_MIME):
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
        self.tool_actions[tool].setChecked(True)
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
        self._update_color_button()
        self.scene.restyle_selected("color", value, "Change colour")

    def set_width(self, value: int) -> None:
        """Width for new marks and the selected ones (one undo step per selection)."""
        self.scene.mark_style.width = float(value)
        if self.width_spin.value() != value:
            self.width_spin.setValue(value)
        key = f"width:{self.item_id}:{self.scene.selected_indexes()}"
        self.scene.restyle_selected("width", float(value), "Change width", merge_key=key)

    def set_size(self, value: int) -> None:
        """Size for new texts/markers and the selected ones (one undo step per selection)."""
        self.scene.mark_style.text_size = float(value)
        self.scene.mark_style.marker_size = float(value)
        if self.size_spin.value() != value:
            self.size_spin.setValue(value)
        key = f"size:{self.item_id}:{self.scene.selected_indexes()}"
        self.scene.restyle_selected("size", float(value), "Change size", merge_key=key)

    def set_redact_style(self, style: str) -> None:
        """Solid or pixelate, for new redactions and the selected ones."""
        self.scene.mark_style.redact_style = style
        self.scene.restyle_selected("style", style, "Change redaction")

    def _pick_color(self) -> None:
        color = QColorDialog.getColor(
            QColor(self.scene.mark_style.color), self, self.tr("Mark colour")
        )
        if color.isValid():
            self.set_color(color.name())

    def _update_color_button(self) -> None:
        self.color_button.setIcon(_swatch(self.scene.mark_style.color))

    def _sync_pickers(self) -> None:
        # show the selected mark's style, without turning that into an edit
        indexes = self.scene.selected_indexes()
        if len(indexes) != 1:
            return
        data = self.scene.marks[indexes[0]].ann
        if "width" in data:
            self.width_spin.blockSignals(True)
            self.width_spin.setValue(int(round(data["width"])))
            self.width_spin.blockSignals(False)
            self.scene.mark_style.width = float(data["width"])
        if "size" in data:
            self.size_spin.blockSignals(True)
            self.size_spin.setValue(int(round(data["size"])))
            self.size_spin.blockSignals(False)
        if "color" in data and data["type"] != "redact":
            self.scene.mark_style.color = data["color"]
            self._update_color_button()

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

    # --- suggestions -------------------------------------------------------------------------

    def suggest(self) -> None:
        """Look for faces, codes and text blocks in the background; offer them as redactions."""
        item = self.controller.item(self.item_id)
        if item is None:
            return
        from evidence_kit.media.image.suggest import suggest_for_item

        store = self.controller.store
        self.act_suggest.setEnabled(False)

        def done(found: list) -> None:
            self.act_suggest.setEnabled(True)
            self._offer(found)

        def failed(exc: Exception) -> None:
            self.act_suggest.setEnabled(True)
            QMessageBox.warning(self, self.tr("Find personal data"), str(exc))

        self.runner.start(
            self.tr("Looking for personal data"),
            lambda progress, cancel: suggest_for_item(store, item, progress, cancel),
            on_done=done,
            on_error=failed,
            on_cancel=lambda: self.act_suggest.setEnabled(True),
        )

    # --- comparison exhibit ----------------------------------------------------------------

    def compare(self) -> None:
        """Make an "As listed / As received" exhibit from a listing screenshot and this photo."""
        received = self.controller.item(self.item_id)
        if received is None:
            return
        others = _image_items(self.controller, received.id)
        if not others:
            QMessageBox.information(
                self,
                self.tr("Compare with listing"),
                self.tr("Import the listing screenshot first."),
            )
            return
        labels = [f"{it.title or it.original_name} ({it.id})" for it in others]
        # screenshots (documents) are the likely listing: offer them first
        order = sorted(range(len(others)), key=lambda i: others[i].kind != ItemKind.DOCUMENT)
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Compare with listing"),
            self.tr("Which item shows the listing?"),
            [labels[i] for i in order],
            0,
            False,
        )
        if not ok:
            return
        listing = others[labels.index(choice)]
        from evidence_kit.core.case_ops import new_item_id
        from evidence_kit.media.image.compare import make_comparison

        store, new_id = self.controller.store, new_item_id(self.controller.case)
        self.runner.start(
            self.tr("Making the comparison"),
            lambda progress, cancel: make_comparison(
                store, listing, received, new_id, progress, cancel
            ),
            on_done=lambda item: self.controller.add_items([item], self.tr("Add comparison")),
            on_error=self._compare_failed,
        )

    def _compare_failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Compare with listing"), str(exc))

    def _offer(self, found: list) -> None:
        from evidence_kit.gui.annotate.suggest_dialog import SuggestDialog

        if not found:
            QMessageBox.information(
                self,
                self.tr("Find personal data"),
                self.tr("No faces, codes or text blocks were found."),
            )
            return
        dialog = SuggestDialog(found, self)
        self.scene.show_proposals([s.rect for s in found])
        try:
            accepted = dialog.exec() and dialog.accepted_annotations()
        finally:
            self.scene.clear_proposals()
        if accepted:
            self.scene.emit_edit("Mask personal data", self.scene.annotations() + accepted)


def _image_items(controller: CaseController, exclude: str) -> list[Item]:
    return [it for it in controller.case.items if it.id != exclude and it.is_image]


def _swatch(value: str) -> QIcon:
    pix = QPixmap(16, 16)
    pix.fill(QColor(value))
    return QIcon(pix)
