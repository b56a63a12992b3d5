"""The Edit menu's actions on evidence items: rename, remove, reorder, include in the export,
copy the hash, restore from the bin and empty the bin.

Each one is a single controller edit (one undo step); the main window only places them in its
menus and in the evidence list's context menu.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox

from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import (
    MoveItem,
    RenameItem,
    RestoreItem,
    SetItemField,
    remove_items,
)
from evidence_kit.gui.shell.case_view import CaseView


class ItemActions(QObject):
    """Actions on the selected items of the open case."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller: CaseController | None = None
        self.case_view: CaseView | None = None
        self.act_rename = self._action(self.tr("Re&name item…"), self.rename, "F2")
        self.act_shows = self._action(self.tr("What it &shows…"), self.edit_shows, "Shift+F2")
        # Delete removes an item only while the evidence list has focus (it is in the list's
        # context menu, not window-wide): the editors use Delete for their own marks and grabs
        self.act_remove = self._action(
            self.tr("&Remove item"), self.remove, None, window_wide=False
        )
        self.act_remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.act_remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_up = self._action(self.tr("Move &up"), lambda: self.move(-1), "Ctrl+Up")
        self.act_down = self._action(self.tr("Move &down"), lambda: self.move(1), "Ctrl+Down")
        self.act_include = self._action(self.tr("&Include in export"), self.toggle_include, None)
        self.act_include.setCheckable(True)
        self.act_copy_hash = self._action(self.tr("&Copy SHA-256"), self.copy_hash, "Ctrl+Shift+C")
        self.act_restore = self._action(self.tr("Restore from the bi&n…"), self.restore, None)
        self.act_empty_bin = self._action(self.tr("Empty the &bin…"), self.empty_bin, None)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | None,
        window_wide: bool = True,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if window_wide:
            self.window.addAction(action)  # its shortcut works anywhere in the window
        return action

    @property
    def menu_actions(self) -> list[QAction | None]:
        """The Edit menu's item section, None for a separator."""
        return [self.act_rename, self.act_shows, self.act_remove, self.act_up, self.act_down, self.act_include,
                self.act_copy_hash, None, self.act_restore, self.act_empty_bin]  # fmt: skip

    @property
    def context_actions(self) -> list[QAction]:
        """What the evidence list's context menu offers."""
        return [
            self.act_rename,
            self.act_shows,
            self.act_remove,
            self.act_include,
            self.act_copy_hash,
        ]

    def attach(self, controller: CaseController | None, case_view: CaseView | None) -> None:
        """Act on this case (None: no case is open)."""
        self.controller, self.case_view = controller, case_view
        for a in self.menu_actions:
            if a is not None:
                a.setEnabled(controller is not None)
        if controller is not None:
            controller.selection_changed.connect(self._on_selection)

    def _on_selection(self, item_id: str) -> None:
        item = self.controller.item(item_id) if self.controller and item_id else None
        self.act_include.setChecked(bool(item and item.include))

    def selected(self) -> list[str]:
        """The ids the actions apply to: the list's selection, else the current item."""
        if self.case_view is None or self.controller is None:
            return []
        return self.case_view.list.selected_ids() or (
            [self.controller.selected_id] if self.controller.selected_id else []
        )

    # --- the actions ----------------------------------------------------------------------

    def rename(self) -> None:
        ids = self.selected()
        if not ids or self.controller is None or (item := self.controller.item(ids[0])) is None:
            return
        title, ok = QInputDialog.getText(
            self.window, self.tr("Rename"), self.tr("Title"), text=item.title
        )
        if ok and title.strip() and title.strip() != item.title:
            self.controller.push(RenameItem(item.id, title, self.tr("Rename item")))

    def edit_shows(self) -> None:
        """One line on what the exhibit proves; the claim and the PDF cite it."""
        ids = self.selected()
        if not ids or self.controller is None or (item := self.controller.item(ids[0])) is None:
            return
        text, ok = QInputDialog.getText(
            self.window,
            self.tr("What it shows"),
            self.tr("What does this exhibit show? e.g. the crack, 6 cm, seen right after opening"),
            text=item.shows,
        )
        if ok and " ".join(text.split()) != item.shows:
            self.controller.push(
                SetItemField(item.id, "shows", " ".join(text.split()), self.tr("Say what it shows"))
            )

    def remove(self) -> None:
        ids = self.selected()
        if ids and self.controller is not None:
            self.controller.push(remove_items(ids, self.tr("Remove %n item(s)", "", len(ids))))
            self.window.statusBar().showMessage(
                self.tr(
                    "Removed. The files stay in the case until you empty the bin (Ctrl+Z brings them back)."
                ),
                6000,
            )

    def move(self, delta: int) -> None:
        ids = self.selected()
        if not ids or self.controller is None:
            return
        index = [it.id for it in self.controller.case.items].index(ids[0])
        self.move_to(ids[0], index + delta)

    def move_to(self, item_id: str, index: int) -> None:
        """Put an item at a position in the exhibit order (a drag in the list)."""
        if self.controller is None:
            return
        current = [it.id for it in self.controller.case.items].index(item_id)
        index = max(0, min(index, len(self.controller.case.items) - 1))
        if index != current:
            self.controller.push(MoveItem(item_id, index, self.tr("Reorder evidence")))

    def toggle_include(self) -> None:
        ids = self.selected()
        if not ids or self.controller is None or (item := self.controller.item(ids[0])) is None:
            return
        value = not item.include
        text = self.tr("Include in export") if value else self.tr("Leave out of export")
        self.controller.push(SetItemField(item.id, "include", value, text))

    def copy_hash(self) -> None:
        ids = self.selected()
        if ids and self.controller is not None and (item := self.controller.item(ids[0])):
            QGuiApplication.clipboard().setText(item.sha256)
            self.window.statusBar().showMessage(
                self.tr("SHA-256 copied: {0}").format(item.sha256), 4000
            )

    def restore(self) -> None:
        """Bring a removed item back from the bin, to the end of the exhibit order."""
        if self.controller is None:
            return
        removed = list(self.controller.case.bin)
        if not removed:
            QMessageBox.information(self.window, self.tr("Bin"), self.tr("The bin is empty."))
            return
        labels = [
            f"{it.title or it.original_name or it.id}  ({it.kind}, {it.id})" for it in removed
        ]
        choice, ok = QInputDialog.getItem(
            self.window, self.tr("Restore from the bin"), self.tr("Item"), labels, 0, False
        )
        if ok and choice in labels:
            item_id = removed[labels.index(choice)].id
            self.controller.push(RestoreItem(item_id, self.tr("Restore item")))

    def empty_bin(self) -> None:
        if self.controller is None:
            return
        count = len(self.controller.case.bin)
        if not count:
            QMessageBox.information(self.window, self.tr("Bin"), self.tr("The bin is empty."))
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Empty the bin"),
            self.tr(
                "Delete the files of %n removed item(s) for good? This cannot be undone.", "", count
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.controller.empty_bin()  # a failure shows its one dialog and changes nothing
