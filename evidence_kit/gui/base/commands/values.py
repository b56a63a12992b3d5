"""Undo steps for the case facts, the claim choices and the claim text.

Each keeps the old and new values of only the keys it changes; typing into one field
merges into one step through the merge key.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from evidence_kit.core import case_ops
from evidence_kit.core.model import Case
from evidence_kit.gui.base.commands.base import CaseCommand


class SetValues(CaseCommand):
    """Facts and claim choices as the shopper typed them (checked before anything changes)."""

    def __init__(self, values: dict[str, Any], text: str, merge_key: str = "") -> None:
        super().__init__(text, merge_key)
        self.values = values
        self.new: tuple[dict[str, Any], dict[str, Any]] | None = None
        self.old: tuple[dict[str, Any], dict[str, Any]] = ({}, {})

    def apply(self, case: Case) -> None:
        if self.new is None:
            facts, claim = case_ops.normalize_values(case, self.values)
            self.old = case_ops.current_values(case, list(facts), list(claim))
            self.new = (facts, claim)
        case_ops.put_values(case, *self.new)

    def revert(self, case: Case) -> None:
        case_ops.put_values(case, *self.old)

    def absorb(self, other: CaseCommand) -> bool:
        if not isinstance(other, SetValues) or self.new is None or other.new is None:
            return False
        self.new = ({**self.new[0], **other.new[0]}, {**self.new[1], **other.new[1]})
        self.old = ({**other.old[0], **self.old[0]}, {**other.old[1], **self.old[1]})
        return True


class EditClaim(CaseCommand):
    """A claim-layer edit (the text, a regenerate, a checklist tick) run through its own
    core function; the step keeps the claim keys it changed, before and after, whichever
    they are (the claim layer adds keys of its own, such as the text's exhibit refs)."""

    def __init__(self, text: str, run: Callable[[Case], object], merge_key: str = "") -> None:
        super().__init__(text, merge_key)
        self.run: Callable[[Case], object] | None = run
        self.old: dict[str, Any] = {}
        self.new: dict[str, Any] = {}

    def apply(self, case: Case) -> None:
        if self.run is None:  # a redo: put back exactly what the edit made
            case_ops.put_values(case, {}, self.new)
            return
        before = copy.deepcopy(case.claim)
        self.run(case)
        changed = sorted(k for k in before.keys() | case.claim.keys()
                         if before.get(k, case_ops.MISSING) != case.claim.get(k, case_ops.MISSING))  # fmt: skip
        self.old = {k: before.get(k, case_ops.MISSING) for k in changed}
        self.new = {k: copy.deepcopy(case.claim.get(k, case_ops.MISSING)) for k in changed}
        self.run = None

    def revert(self, case: Case) -> None:
        case_ops.put_values(case, {}, self.old)

    def absorb(self, other: CaseCommand) -> bool:
        if not isinstance(other, EditClaim):
            return False
        self.new = {**self.new, **other.new}
        self.old = {**other.old, **self.old}
        return True
