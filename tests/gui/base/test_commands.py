"""The undo steps: each stores only its change, undoes exactly, and merges where it should."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evidence_kit.claim import edits
from evidence_kit.core.model import Item
from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import (
    AddMarks,
    ChangeMarks,
    EditClaim,
    MoveItem,
    MoveMarks,
    RemoveMarks,
    RenameItem,
    RestoreItem,
    SetItemField,
    SetValues,
    add_items,
    remove_items,
)


def _item(item_id: str) -> Item:
    return Item(id=item_id, kind="photo", file=f"originals/{item_id}.jpg", sha256="ab" * 32,
                bytes=10, imported_at="2026-11-20T10:00:00Z")  # fmt: skip


@pytest.fixture
def controller(tmp_path: Path, qtbot: Any) -> CaseController:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    controller = CaseController(store)
    assert controller.push(add_items([_item("a"), _item("b"), _item("c")], "Import"))
    return controller


def _state(controller: CaseController) -> dict[str, Any]:
    doc = controller.case.to_dict()
    del doc["log"]  # undo is logged too: the log only grows
    return json.loads(json.dumps(doc))


def _round_trip(controller: CaseController, *steps: Any) -> None:
    """Each step, then all undone (back to the start), then all redone (same end)."""
    start = _state(controller)
    for step in steps:
        assert controller.push(step)
    end = _state(controller)
    for _ in steps:
        controller.undo()
    assert _state(controller) == start
    for _ in steps:
        controller.redo()
    assert _state(controller) == end
    assert CaseStore.open(controller.root).case.to_dict() == controller.case.to_dict()


def test_every_kind_of_item_edit_undoes_and_redoes_exactly(controller: CaseController) -> None:
    _round_trip(
        controller,
        RenameItem("b", "The crack"),
        MoveItem("c", 0),
        SetItemField("a", "include", False, "Leave out"),
        SetItemField("a", "crop", [1, 2, 30, 40], "Crop"),
        SetItemField("a", "rotate", 90, "Rotate"),
        remove_items(["a", "c"], "Remove 2"),
        RestoreItem("a"),
    )


def test_every_kind_of_mark_edit_undoes_and_redoes_exactly(controller: CaseController) -> None:
    marker = {"type": "marker", "at": [5, 5], "number": 1}
    rect = {"type": "rect", "rect": [1, 2, 3, 4]}
    _round_trip(
        controller,
        AddMarks("a", {0: marker, 1: rect, 2: dict(marker, number=2)}, "Add"),
        MoveMarks("a", {1: dict(rect, rect=[11, 12, 3, 4])}, "Move"),
        ChangeMarks("a", {1: dict(rect, color="#1e88e5")}, "Colour"),
        RemoveMarks("a", [0], "Delete"),  # the second marker becomes number 1
    )
    controller.undo()
    assert [m.get("number") for m in controller.item("a").annotations] == [1, None, 2]


def test_values_and_claim_text_undo_to_exactly_what_was_there(
    controller: CaseController,
) -> None:
    _round_trip(
        controller,
        SetValues({"price": "12,50", "reason": "damaged"}, "Facts"),
        EditClaim("Text", lambda case: edits.set_text(case, "My own words.")),
        EditClaim("Tick", lambda case: edits.set_ticked(case, "photos", True)),
    )
    controller.undo()
    controller.undo()
    assert "text" not in controller.case.claim and "ticked" not in controller.case.claim


def test_typing_and_drags_merge_into_one_step(controller: CaseController) -> None:
    stack = controller.undo_stack
    before = stack.count()
    for text in ("Ла", "Лам", "Лампа"):
        controller.push(SetValues({"notes": text}, "Edit notes", merge_key="claim:notes"))
    rect = {"type": "rect", "rect": [1, 2, 3, 4]}
    controller.push(AddMarks("a", {0: rect}, "Add"))
    for x in (10, 20, 30):
        controller.push(MoveMarks("a", {0: dict(rect, rect=[x, 2, 3, 4])}, "Move", "move"))
    assert stack.count() == before + 3  # notes, add, one move
    assert controller.item("a").annotations[0]["rect"] == [30, 2, 3, 4]
    controller.undo()
    assert controller.item("a").annotations[0]["rect"] == [1, 2, 3, 4]
    controller.undo()
    controller.undo()
    assert "notes" not in controller.case.claim


def test_moves_of_other_marks_stay_apart(controller: CaseController) -> None:
    rect = {"type": "rect", "rect": [1, 2, 3, 4]}
    controller.push(AddMarks("a", {0: rect, 1: rect}, "Add"))
    count = controller.undo_stack.count()
    controller.push(MoveMarks("a", {0: dict(rect, rect=[9, 2, 3, 4])}, "Move", "move"))
    controller.push(MoveMarks("a", {1: dict(rect, rect=[9, 2, 3, 4])}, "Move", "move"))
    assert controller.undo_stack.count() == count + 2


def test_a_refused_step_in_a_macro_changes_nothing(controller: CaseController) -> None:
    errors: list[str] = []
    controller.error_raised.connect(errors.append)
    before, log = _state(controller), len(controller.case.log)
    assert not controller.push(remove_items(["a", "nope"], "Remove 2"))
    assert _state(controller) == before and len(controller.case.log) == log
    assert controller.undo_stack.count() == 1 and len(errors) == 1 and "nope" in errors[0]
    assert not controller.push(AddMarks("b", {0: {"type": "redact", "rect": [1, 2]}}, "Bad"))
    assert _state(controller) == before and len(errors) == 2


def test_undone_items_wait_in_the_bin(controller: CaseController) -> None:
    controller.push(add_items([_item("d")], "Add"))
    controller.undo()
    assert [b.id for b in controller.case.bin] == ["d"]  # its file is never orphaned
    controller.redo()
    assert [it.id for it in controller.case.items][-1] == "d" and controller.case.bin == []
