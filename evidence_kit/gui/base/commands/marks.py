"""Undo steps for the marks on one picture: add, remove, move and change.

Marks are addressed by their position in the item's list (what case.json stores), and a
step keeps only the marks it touches, as kImageAnnotator's undo commands keep only their
items. The core functions are in core/mark_ops.
"""

from __future__ import annotations

from typing import Any

from evidence_kit.core import mark_ops
from evidence_kit.core.model import Case
from evidence_kit.gui.base.commands.base import CaseCommand

Marks = dict[int, dict[str, Any]]


class AddMarks(CaseCommand):
    """New marks (drawn, pasted, accepted suggestions) at these positions."""

    def __init__(self, item_id: str, marks: Marks, text: str) -> None:
        super().__init__(text)
        self.item_id = item_id
        self.marks = marks

    def apply(self, case: Case) -> None:
        mark_ops.insert_marks(case, self.item_id, self.marks)

    def revert(self, case: Case) -> None:
        mark_ops.remove_marks(case, self.item_id, list(self.marks), renumber=False)


class RemoveMarks(CaseCommand):
    """Marks deleted; the markers left renumber, and undo gives them their numbers back."""

    def __init__(self, item_id: str, indexes: list[int], text: str) -> None:
        super().__init__(text)
        self.item_id = item_id
        self.indexes = indexes
        self.removed: Marks = {}
        self.renumbered: Marks = {}

    def apply(self, case: Case) -> None:
        self.removed, self.renumbered = mark_ops.remove_marks(case, self.item_id, self.indexes)

    def revert(self, case: Case) -> None:
        mark_ops.insert_marks(case, self.item_id, self.removed, self.renumbered)


class ChangeMarks(CaseCommand):
    """Marks given new dicts: reshaped with a handle, restyled, their words edited.

    Steps with the same merge key on the same marks fold into one (a width box spun
    through several values is one step).
    """

    change = "edited"

    def __init__(self, item_id: str, marks: Marks, text: str, merge_key: str = "") -> None:
        super().__init__(text, merge_key)
        self.item_id = item_id
        self.new = marks
        self.old: Marks = {}

    def apply(self, case: Case) -> None:
        self.old = mark_ops.replace_marks(case, self.item_id, self.new, self.change)

    def revert(self, case: Case) -> None:
        mark_ops.replace_marks(case, self.item_id, self.old, self.change)

    def absorb(self, other: CaseCommand) -> bool:
        if not (
            isinstance(other, ChangeMarks)
            and other.item_id == self.item_id
            and other.new.keys() == self.new.keys()
        ):
            return False
        self.new = other.new
        return True


class MoveMarks(ChangeMarks):
    """Marks dragged to a new place; the moves of one drag merge into one step."""

    change = "moved"
