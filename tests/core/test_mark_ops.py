"""Edits of one item's marks: each checks the schema, logs once, and undoes exactly."""

from __future__ import annotations

import copy

import pytest

from evidence_kit.core import activity_log, case_ops, mark_ops
from evidence_kit.core.errors import InvalidValueError, ItemNotFoundError
from evidence_kit.core.model import Case, Item

RECT = {"type": "rect", "rect": [1, 2, 3, 4]}


def _case(*marks: dict) -> Case:
    case = Case()
    item = Item(id="a1b2c3", kind="photo", file="originals/p.jpg", sha256="ab" * 32, bytes=1,
                imported_at="2026-11-20T10:00:00Z", annotations=[copy.deepcopy(m) for m in marks])  # fmt: skip
    case_ops.add_items(case, [item])
    return case


def _marker(n: int, x: float = 0) -> dict:
    return {"type": "marker", "at": [x, 0], "number": n}


def test_insert_then_remove_without_renumbering_is_exact() -> None:
    odd = [_marker(5), _marker(9, 10)]  # a hand-numbered case keeps its numbers
    case = _case(*odd)
    mark_ops.insert_marks(case, "a1b2c3", {1: RECT, 3: _marker(10, 20)})
    assert [m["type"] for m in case.items[0].annotations] == ["marker", "rect", "marker", "marker"]
    mark_ops.remove_marks(case, "a1b2c3", [1, 3], renumber=False)
    assert case.items[0].annotations == odd
    actions = [e.action for e in case.log][-2:]
    assert actions == ["annotation_added", "annotation_removed"]
    assert case.log[-2].details == {
        "item": "a1b2c3",
        "positions": [1, 3],
        "types": ["rect", "marker"],
    }


def test_remove_renumbers_markers_and_insert_gives_the_numbers_back() -> None:
    marks = [_marker(1), RECT, _marker(2, 5), _marker(3, 9)]
    case = _case(*marks)
    removed, renumbered = mark_ops.remove_marks(case, "a1b2c3", [0])
    assert [m.get("number") for m in case.items[0].annotations] == [None, 1, 2]
    assert removed == {0: marks[0]} and set(renumbered) == {1, 2}
    mark_ops.insert_marks(case, "a1b2c3", removed, renumbered)
    assert case.items[0].annotations == marks
    assert activity_log.verify_chain(case.log) == []


def test_replace_returns_the_old_marks() -> None:
    case = _case(RECT, _marker(1))
    moved = dict(RECT, rect=[11, 12, 3, 4])
    old = mark_ops.replace_marks(case, "a1b2c3", {0: moved}, "moved")
    assert old == {0: RECT} and case.items[0].annotations[0] == moved
    assert case.log[-1].action == "annotation_moved"
    mark_ops.replace_marks(case, "a1b2c3", old)
    assert case.items[0].annotations == [RECT, _marker(1)]


@pytest.mark.parametrize(
    "call",
    [
        lambda c: mark_ops.insert_marks(c, "a1b2c3", {0: {"type": "redact", "rect": [1, 2, 3]}}),
        lambda c: mark_ops.insert_marks(c, "a1b2c3", {5: RECT}),
        lambda c: mark_ops.remove_marks(c, "a1b2c3", [2]),
        lambda c: mark_ops.remove_marks(c, "a1b2c3", []),
        lambda c: mark_ops.replace_marks(c, "a1b2c3", {0: {"type": "rect", "rect": "x"}}),
        lambda c: mark_ops.replace_marks(c, "a1b2c3", {1: RECT}),
        lambda c: case_ops.set_item_fields(c, "a1b2c3", annotations=[{"type": "rect"}]),
        lambda c: case_ops.set_item_fields(c, "a1b2c3", rotate=45),
        lambda c: case_ops.set_item_fields(c, "a1b2c3", crop=[1, 2]),
    ],
)
def test_a_bad_mark_edit_changes_nothing(call) -> None:  # type: ignore[no-untyped-def]
    case = _case(RECT)
    before = case.to_dict()
    with pytest.raises(InvalidValueError):
        call(case)
    assert case.to_dict() == before


def test_marks_of_an_item_that_is_not_there() -> None:
    with pytest.raises(ItemNotFoundError):
        mark_ops.insert_marks(_case(), "nope", {0: RECT})
