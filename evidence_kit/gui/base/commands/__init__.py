"""The undo steps: one small command per kind of edit, each storing only its change.

Views build one and hand it to `CaseController.push`; docs/architecture.md says how to
add a new kind.
"""

from evidence_kit.gui.base.commands.base import CaseCommand, Macro, ValueEdit
from evidence_kit.gui.base.commands.events import AddEvent, EditEvent, RemoveEvent
from evidence_kit.gui.base.commands.items import (
    AddItem,
    MoveItem,
    RemoveItem,
    RenameItem,
    RestoreItem,
    SetItemField,
    add_items,
    remove_items,
)
from evidence_kit.gui.base.commands.marks import AddMarks, ChangeMarks, MoveMarks, RemoveMarks
from evidence_kit.gui.base.commands.values import EditClaim, SetValues

__all__ = [
    "AddEvent",
    "AddItem",
    "AddMarks",
    "CaseCommand",
    "ChangeMarks",
    "EditClaim",
    "EditEvent",
    "Macro",
    "MoveItem",
    "MoveMarks",
    "RemoveEvent",
    "RemoveItem",
    "RemoveMarks",
    "RenameItem",
    "RestoreItem",
    "SetItemField",
    "SetValues",
    "ValueEdit",
    "add_items",
    "remove_items",
]
