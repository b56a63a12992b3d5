"""Undo commands. Each applies a pure core edit; undo restores a snapshot of the case.

Snapshots cover facts, items and claim (small JSON), never the append-only log: an undo
is itself logged. Items an undo drops go to the bin, so no file is ever orphaned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from evidence_kit.core import case_ops

if TYPE_CHECKING:
    from evidence_kit.gui.base.case_controller import CaseController


class CaseEditCommand(QUndoCommand):
    """One applied edit, stored as the case before and after it.

    The controller applies the edit first (so a failing edit never reaches the stack);
    the first redo() that QUndoStack.push makes is therefore a no-op.
    merge_key: edits with the same non-empty key merge into one step (one drag, one
    typing burst), keeping the first 'before' and the last 'after'.
    """

    _ids: dict[str, int] = {}

    def __init__(
        self,
        controller: CaseController,
        text: str,
        before: dict[str, Any],
        after: dict[str, Any],
        merge_key: str = "",
    ) -> None:
        super().__init__(text)
        self.controller = controller
        self.merge_key = merge_key
        self.before = before
        self.after = after
        self._applied = True

    def id(self) -> int:
        if not self.merge_key:
            return -1
        return CaseEditCommand._ids.setdefault(self.merge_key, len(CaseEditCommand._ids) + 1000)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, CaseEditCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        case_ops.restore_snapshot(self.controller.case, self.after, f"redo: {self.text()}")
        self.controller.after_edit()

    def undo(self) -> None:
        case_ops.restore_snapshot(self.controller.case, self.before, f"undo: {self.text()}")
        self.controller.after_edit()
