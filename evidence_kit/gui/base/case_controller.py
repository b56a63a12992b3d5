"""The open case as the GUI sees it: the store, the undo stack, autosave and signals.

Views never write the case themselves. An edit is a small command (gui/base/commands)
given to `push`; a log entry that is not an edit goes through `log`; the bin is emptied
with `empty_bin`. All of them follow one rule: the change is saved at once, and if the
save fails, memory returns to what is on disk, the undo index does not move, and the
window shows one dialog (`error_raised`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from evidence_kit.core import activity_log, case_ops
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.model import Case, Item
from evidence_kit.core.store import CaseStore
from evidence_kit.gui.base.commands import CaseCommand, add_items

logger = logging.getLogger(__name__)

Change = Callable[[Case], object]


class CaseUndoStack(QUndoStack):
    """A QUndoStack whose undo and redo move the index only once the change is on disk.

    Use its undo()/redo() (or the controller's); QUndoStack.createUndoAction would call
    the C++ slots, which move the index without changing the case.
    """

    def __init__(self, controller: CaseController) -> None:
        super().__init__(controller)
        self._controller = controller

    def undo(self) -> None:
        if self.canUndo():
            step = self.command(self.index() - 1)
            if isinstance(step, CaseCommand) and self._controller.change(step.revert, step.apply):
                super().undo()
                self._controller.case_changed.emit()

    def redo(self) -> None:
        if self.canRedo():
            step = self.command(self.index())
            if isinstance(step, CaseCommand) and self._controller.change(step.apply, step.revert):
                super().redo()
                self._controller.case_changed.emit()


class CaseController(QObject):
    """Owns the open CaseStore and its undo stack."""

    case_changed = Signal()  # anything in the case may have changed
    selection_changed = Signal(str)  # item id, or "" for none
    save_state_changed = Signal(bool, str)  # saved?, message
    error_raised = Signal(str)  # a message the window shows in a dialog

    def __init__(self, store: CaseStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = CaseUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.selected_id = ""
        self.saved = True

    # --- access --------------------------------------------------------------------------

    @property
    def case(self) -> Case:
        return self.store.case

    @property
    def root(self) -> Path:
        return self.store.root

    def item(self, item_id: str) -> Item | None:
        """Live item by id."""
        return self.case.find(item_id)

    def path_of(self, item: Item) -> Path:
        """Absolute path of an item's file."""
        return self.store.path_of(item)

    def select(self, item_id: str) -> None:
        """Make an item the selected one (the right pane follows)."""
        if item_id != self.selected_id:
            self.selected_id = item_id
            self.selection_changed.emit(item_id)

    # --- changes ---------------------------------------------------------------------------

    def push(self, command: CaseCommand) -> bool:
        """Make an edit, save it, and put it on the undo stack. False if it was not made."""
        ok = self.change(command.apply, command.revert)
        if ok:
            self.undo_stack.push(command)  # its redo() hook is empty: the change is made
        self.case_changed.emit()  # on a refusal too: views drop what they showed early
        return ok

    def add_items(self, items: list[Item], text: str = "Add evidence") -> bool:
        """Add new items (from import, record, grab, clip) as one undo step."""
        return bool(items) and self.push(add_items(items, text))

    def undo(self) -> None:
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    def log(self, action: str, **details: Any) -> bool:
        """Add one activity-log entry that is not an edit (recording started, ...) and save."""
        return self.log_with(lambda case: activity_log.append(case, action, **details))

    def log_with(self, write: Change) -> bool:
        """Like log(), for a core function that appends the entries itself (it must not
        change anything else: log entries are never undone)."""
        ok = self.change(write, lambda case: None)
        if ok:
            self.case_changed.emit()
        return ok

    def empty_bin(self) -> bool:
        """Forget the removed items, then delete their files; the undo history goes too,
        as those items can no longer come back. Nothing changes if the save fails."""
        kept: list[Item] = []

        def forget(case: Case) -> None:
            kept[:] = case_ops.empty_bin(case)

        def remember(case: Case) -> None:
            case.bin = kept + case.bin

        if not self.change(forget, remember):
            return False
        self.undo_stack.clear()
        try:
            self.store.delete_files(kept)
        except EvidenceKitError as exc:
            self.error_raised.emit(f"The bin is emptied, but a file could not be deleted: {exc}")
        self.case_changed.emit()
        return True

    def change(self, do: Change, undo: Change) -> bool:
        """Run `do` on the case and save. If `do` is refused, or the save fails, memory
        goes back to what is on disk (via `undo`, and by cutting the log back) and one
        error is raised. The views are not told: the caller decides."""
        case = self.case
        mark = len(case.log)
        try:
            do(case)
        except EvidenceKitError as exc:
            del case.log[mark:]
            self.error_raised.emit(str(exc))
            return False
        except Exception:
            del case.log[mark:]
            raise
        if self.save():
            return True
        undo(case)
        del case.log[mark:]
        return False

    def save(self) -> bool:
        """Write case.json now. A failure is reported once and returns False."""
        try:
            self.store.save()
        except EvidenceKitError as exc:
            self.saved = False
            self.save_state_changed.emit(False, str(exc))
            self.error_raised.emit(f"Could not save the case: {exc}")
            return False
        self.saved = True
        self.save_state_changed.emit(True, "")
        return True
