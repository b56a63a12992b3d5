"""What every undo step is: a small command that stores only its change.

A command makes its change with `apply(case)` and takes it back with `revert(case)`, both
through pure Qt-free functions in core (which also write the activity log). It never
touches the disk: CaseController runs apply/revert, saves, and if the save fails runs the
other one and cuts the log back, so memory always equals the disk. That is why the Qt
hooks `redo()`/`undo()` are empty: QUndoStack keeps the list, the index and the merging,
and only CaseController (or its CaseUndoStack) may move the index.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from evidence_kit.core.model import Case

_merge_ids: dict[tuple[str, str], int] = {}
_UNREAD: Any = object()


class CaseCommand(QUndoCommand):
    """One undoable edit of the open case.

    merge_key: a step with the same class and the same non-empty key as the step before it
    folds into that one (one drag, one typing burst, one spin of a width box) when the
    subclass's `absorb` agrees.
    """

    def __init__(self, text: str, merge_key: str = "") -> None:
        super().__init__(text)
        self.merge_key = merge_key

    def apply(self, case: Case) -> None:
        """Make the change (the first time, and on redo)."""
        raise NotImplementedError

    def revert(self, case: Case) -> None:
        """Take the change back (on undo)."""
        raise NotImplementedError

    def absorb(self, other: CaseCommand) -> bool:
        """Fold `other`, applied just after this step, into it. False: keep them apart."""
        return False

    # --- the QUndoCommand side -------------------------------------------------------------

    def id(self) -> int:
        if not self.merge_key:
            return -1
        key = (type(self).__qualname__, self.merge_key)
        return _merge_ids.setdefault(key, len(_merge_ids) + 1000)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        return (
            type(other) is type(self)
            and isinstance(other, CaseCommand)
            and other.merge_key == self.merge_key
            and self.absorb(other)
        )

    def redo(self) -> None:
        """Empty on purpose: CaseController applies the change (see the module docstring)."""

    def undo(self) -> None:
        """Empty on purpose: CaseController reverts the change (see the module docstring)."""


class ValueEdit(CaseCommand):
    """An edit that replaces one value (a title, a field, a position).

    Subclasses say how to `read` the value and how to `write` one through core. The old
    value is read when the change is first made; merged steps keep the first old value
    and the last new one.
    """

    def __init__(self, text: str, new: Any, merge_key: str = "") -> None:
        super().__init__(text, merge_key)
        self.new = new
        self.old = _UNREAD

    def read(self, case: Case) -> Any:
        raise NotImplementedError

    def write(self, case: Case, value: Any) -> None:
        raise NotImplementedError

    def apply(self, case: Case) -> None:
        if self.old is _UNREAD:
            self.old = copy.deepcopy(self.read(case))
        self.write(case, self.new)

    def revert(self, case: Case) -> None:
        self.write(case, self.old)

    def absorb(self, other: CaseCommand) -> bool:
        if not isinstance(other, ValueEdit) or other.target() != self.target():
            return False
        self.new = other.new
        return True

    def target(self) -> Any:
        """What the value belongs to; steps merge only when this is the same."""
        return None


class Macro(CaseCommand):
    """Several steps as one (removing three items, adding a whole import)."""

    def __init__(self, text: str, steps: Sequence[CaseCommand]) -> None:
        super().__init__(text)
        self.steps = list(steps)

    def apply(self, case: Case) -> None:
        done: list[CaseCommand] = []
        try:
            for step in self.steps:
                step.apply(case)
                done.append(step)
        except Exception:
            for step in reversed(done):  # all or nothing
                step.revert(case)
            raise

    def revert(self, case: Case) -> None:
        for step in reversed(self.steps):
            step.revert(case)
