"""Case edits that undo steps call both ways: exact positions, exact values, the bin."""

from __future__ import annotations

import pytest

from evidence_kit.core import activity_log, case_ops
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.model import Case, Item


def _item(item_id: str) -> Item:
    return Item(id=item_id, kind="photo", file=f"originals/{item_id}.jpg", sha256="ab" * 32,
                bytes=10, imported_at="2026-11-20T10:00:00Z")  # fmt: skip


def test_an_item_removed_comes_back_where_it_was() -> None:
    case = Case()
    case_ops.add_items(case, [_item("a"), _item("b"), _item("c")])
    case_ops.remove_items(case, ["b"])
    assert [(i.id, i.order) for i in case.items] == [("a", 0), ("c", 1)]
    case_ops.restore_items(case, ["b"], index=1)
    assert [(i.id, i.order) for i in case.items] == [("a", 0), ("b", 1), ("c", 2)]
    assert case.bin == [] and activity_log.verify_chain(case.log) == []


def test_emptying_the_bin_forgets_its_items_and_logs_each() -> None:
    case = Case()
    case_ops.add_items(case, [_item("a"), _item("b")])
    case_ops.remove_items(case, ["a", "b"])
    gone = case_ops.empty_bin(case)
    assert [i.id for i in gone] == ["a", "b"] and case.bin == []
    assert [e.action for e in case.log][-2:] == ["bin_emptied_item", "bin_emptied_item"]


def test_values_put_back_exactly_including_unset_claim_keys() -> None:
    case = Case()
    case.claim["notes"] = "old"
    facts, claim = case_ops.normalize_values(
        case, {"price": "12,5", "notes": "new", "received": "no"}
    )
    old = case_ops.current_values(case, list(facts), list(claim))
    assert old == ({"price": None}, {"notes": "old", "received": case_ops.MISSING})
    case_ops.put_values(case, facts, claim)
    assert case.facts.price == 12.5 and case.claim == {"notes": "new", "received": False}
    case_ops.put_values(case, *old)
    assert case.facts.price is None and case.claim == {"notes": "old"}


def test_a_bad_value_is_refused_before_anything_changes() -> None:
    with pytest.raises(InvalidValueError):
        case_ops.normalize_values(Case(), {"item": "ok", "price": "lots"})
    with pytest.raises(InvalidValueError):
        case_ops.put_values(Case(), {"colour": "red"}, {})
