"""The open case as the GUI sees it: the store, the undo stack, autosave and signals.

Views never change the case directly: they call `edit()` with a pure core function, which
becomes one undoable step and is saved at once (no "did you save?" moments).
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from evidence_kit.core import case_ops
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.model import Case, Item
from evidence_kit.core.store import CaseStore
from evidence_kit.gui.base.undo_commands import CaseEditCommand

logger = logging.getLogger(__name__)


class CaseController(QObject):
    """Owns the open CaseStore and its QUndoStack."""

    case_changed = Signal()  # anything in the case may have changed
    selection_changed = Signal(str)  # item id, or "" for none
    save_state_changed = Signal(bool, str)  # saved?, message
    error_raised = Signal(str)  # a message the window shows in a dialog

    def __init__(self, store: CaseStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
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

    # --- edits -----------------------------------------------------------------------------

    def edit(self, text: str, mutate: Callable[[Case], Any], merge_key: str = "") -> bool:
        """Apply a pure edit as one undo step and save. Returns False if it was refused."""
        case = self.case
        full_before = copy.deepcopy(case.to_dict())
        before = case_ops.snapshot(case)
        try:
            mutate(case)
        except EvidenceKitError as exc:
            self._reset_to(full_before)
            self.error_raised.emit(str(exc))
            return False
        except Exception:
            self._reset_to(full_before)
            raise
        after = case_ops.snapshot(case)
        if not self.save():
            # nothing reached the disk (read-only or full): keep memory equal to the disk
            self._reset_to(full_before)
            self.case_changed.emit()
            return False
        self.undo_stack.push(CaseEditCommand(self, text, before, after, merge_key))
        self.case_changed.emit()
        return True

    def _reset_to(self, doc: dict[str, Any]) -> None:
        restored = Case.from_dict(doc)
        for name in ("facts", "items", "claim", "log", "bin"):
            setattr(self.case, name, getattr(restored, name))

    def after_edit(self) -> None:
        """Save, then tell the views."""
        self.save()
        self.case_changed.emit()

    def save(self) -> bool:
        """Write case.json now. A failure is reported and the edit stays in memory."""
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

    def add_items(self, items: list[Item], text: str = "Add evidence") -> None:
        """Add new items (from import, record, grab, clip) as one undo step."""
        if items:
            self.edit(text, lambda case: case_ops.add_items(case, items))
