"""Undo steps for the dispute's events: add one, change one, remove one.

Each keeps only its change: the event it added, the old and new versions, or the removed
event and where it was. The core functions (core/event_ops.py) keep the timeline in date
order and write the activity log.
"""

from __future__ import annotations

import copy

from evidence_kit.core import event_ops
from evidence_kit.core.events import Event
from evidence_kit.core.model import Case
from evidence_kit.gui.base.commands.base import CaseCommand


class AddEvent(CaseCommand):
    """Put a checked event (event_ops.make_event) into the timeline."""

    def __init__(self, event: Event, text: str = "Add event") -> None:
        super().__init__(text)
        self.event = copy.deepcopy(event)

    def apply(self, case: Case) -> None:
        event_ops.add_event(case, self.event)

    def revert(self, case: Case) -> None:
        event_ops.remove_event(case, self.event.id)


class EditEvent(CaseCommand):
    """Replace an event by a checked new version with the same id."""

    def __init__(self, new: Event, text: str = "Edit event") -> None:
        super().__init__(text)
        self.new = copy.deepcopy(new)
        self.old: Event | None = None

    def apply(self, case: Case) -> None:
        old = event_ops.replace_event(case, self.new.id, self.new)
        if self.old is None:
            self.old = old

    def revert(self, case: Case) -> None:
        assert self.old is not None
        event_ops.replace_event(case, self.new.id, self.old)


class RemoveEvent(CaseCommand):
    """Take an event out of the timeline; undo puts it back where it was."""

    def __init__(self, event_id: str, text: str = "Remove event") -> None:
        super().__init__(text)
        self.event_id = event_id
        self.index = 0
        self.removed: Event | None = None

    def apply(self, case: Case) -> None:
        self.index, self.removed = event_ops.remove_event(case, self.event_id)

    def revert(self, case: Case) -> None:
        assert self.removed is not None
        event_ops.restore_event(case, self.index, self.removed)
