"""Undo steps for evidence items: add, remove, rename, reorder and plain fields.

An item an undo takes away goes to the bin, never away for good, so no file is orphaned;
its redo brings it back from the bin.
"""

from __future__ import annotations

from typing import Any

from evidence_kit.core import case_ops
from evidence_kit.core.model import Case, Item
from evidence_kit.gui.base.commands.base import CaseCommand, Macro, ValueEdit


class AddItem(CaseCommand):
    """A new item (imported, recorded, grabbed, compared) at the end of the list."""

    def __init__(self, item: Item, text: str = "Add evidence") -> None:
        super().__init__(text)
        self.item: Item | None = item  # only until it is in the case
        self.item_id = item.id
        self.index = -1

    def apply(self, case: Case) -> None:
        if self.item is not None:
            self.index = len(case.items)
            case_ops.add_items(case, [self.item])
            self.item = None
        else:
            case_ops.restore_items(case, [self.item_id], index=self.index)

    def revert(self, case: Case) -> None:
        case_ops.remove_items(case, [self.item_id])


class RemoveItem(CaseCommand):
    """One item to the bin; undo puts it back where it was."""

    def __init__(self, item_id: str, text: str = "Remove item") -> None:
        super().__init__(text)
        self.item_id = item_id
        self.index = -1

    def apply(self, case: Case) -> None:
        self.index = case.items.index(case.live(self.item_id))
        case_ops.remove_items(case, [self.item_id])

    def revert(self, case: Case) -> None:
        case_ops.restore_items(case, [self.item_id], index=self.index)


class RestoreItem(CaseCommand):
    """One item back from the bin, to the end of the list; undo returns it to the bin."""

    def __init__(self, item_id: str, text: str = "Restore item") -> None:
        super().__init__(text)
        self.item_id = item_id
        self.bin_index = -1

    def apply(self, case: Case) -> None:
        self.bin_index = next((n for n, b in enumerate(case.bin) if b.id == self.item_id), -1)
        case_ops.restore_items(case, [self.item_id])

    def revert(self, case: Case) -> None:
        case_ops.remove_items(case, [self.item_id], bin_index=self.bin_index)


def add_items(items: list[Item], text: str) -> CaseCommand:
    """One step that adds all these items."""
    return Macro(text, [AddItem(it, text) for it in items])


def remove_items(item_ids: list[str], text: str) -> CaseCommand:
    """One step that moves all these items to the bin."""
    return Macro(text, [RemoveItem(item_id, text) for item_id in item_ids])


class RenameItem(ValueEdit):
    """An item's title."""

    def __init__(self, item_id: str, title: str, text: str = "Rename item") -> None:
        super().__init__(text, title.strip())
        self.item_id = item_id

    def target(self) -> Any:
        return self.item_id

    def read(self, case: Case) -> Any:
        return case.live(self.item_id).title

    def write(self, case: Case, value: Any) -> None:
        case_ops.rename_item(case, self.item_id, value)


class MoveItem(ValueEdit):
    """An item's place in the exhibit order."""

    def __init__(self, item_id: str, index: int, text: str = "Reorder evidence") -> None:
        super().__init__(text, index)
        self.item_id = item_id

    def target(self) -> Any:
        return self.item_id

    def read(self, case: Case) -> Any:
        return case.items.index(case.live(self.item_id))

    def write(self, case: Case, value: Any) -> None:
        case_ops.move_item(case, self.item_id, value)


class SetItemField(ValueEdit):
    """One plain item field: include, crop, rotate or note."""

    def __init__(
        self, item_id: str, field: str, value: Any, text: str, merge_key: str = ""
    ) -> None:
        super().__init__(text, value, merge_key)
        self.item_id = item_id
        self.field = field

    def target(self) -> Any:
        return (self.item_id, self.field)

    def read(self, case: Case) -> Any:
        return getattr(case.live(self.item_id), self.field)

    def write(self, case: Case, value: Any) -> None:
        case_ops.set_item_fields(case, self.item_id, **{self.field: value})
