"""The dispute's events in the case: checked when made, kept in date order, logged, saved,
loaded with the bad field named, and migrated into older cases."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from evidence_kit.core import event_ops
from evidence_kit.core.activity_log import verify_chain
from evidence_kit.core.errors import CaseCorruptError, InvalidValueError, ItemNotFoundError
from evidence_kit.core.events import Event
from evidence_kit.core.model import SCHEMA_VERSION, Case, Facts
from evidence_kit.core.store import CaseStore, new_case

TODAY = date(2026, 11, 20)


def _case() -> Case:
    return Case(facts=Facts(platform="ebay", order_id="1", price=20.0, currency="USD",
                            ordered="2026-11-01"))  # fmt: skip


def _make(case: Case, kind: str, day: str, **kw: object) -> Event:
    return event_ops.make_event(case, kind, day, today=TODAY, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "day", "kw", "says"),
    [
        ("dispute_opened", "2026-10-31", {}, "before the order"),
        ("dispute_opened", "2026-11-22", {}, "in the future"),
        ("nonsense", "2026-11-10", {}, "unknown event kind"),
        ("refund_received", "2026-11-10", {"amount": -1.0}, "negative"),
        ("refund_received", "2026-11-10", {"amount": 20.01}, "more than the price"),
        ("return_shipped", "2026-11-10", {}, "tracking number"),
        ("seller_replied", "2026-11-10", {}, "needs --reply"),
        ("seller_replied", "2026-11-10", {"reply": "maybe"}, "--reply must be one of"),
        ("escalated", "2026-11-10", {"reply": "offer"}, "belongs to seller_replied"),
        ("escalated", "2026-11-10", {"address_in_form": True}, "belongs to return_agreed"),
        ("escalated", "20.11.2026", {}, "must be a date"),
    ],
)
def test_bad_events_are_refused(kind: str, day: str, kw: dict, says: str) -> None:
    case = _case()
    with pytest.raises(InvalidValueError, match=says):
        _make(case, kind, day, **kw)
    assert case.events == [] and case.log == []


def test_a_day_of_slack_for_time_zones() -> None:
    assert _make(_case(), "escalated", "2026-11-21").date == "2026-11-21"


def test_linked_items_must_exist() -> None:
    with pytest.raises(ItemNotFoundError):
        _make(_case(), "seller_replied", "2026-11-10", reply="refusal", items=["nope"])


def test_an_amount_alone_is_an_offer() -> None:
    assert _make(_case(), "seller_replied", "2026-11-10", amount=2.0).reply == "offer"


def test_date_order_log_and_undo_steps() -> None:
    case = _case()
    late = _make(case, "escalated", "2026-11-15")
    event_ops.add_event(case, late)
    first = _make(case, "dispute_opened", "2026-11-10")
    assert event_ops.add_event(case, first) == 0  # goes before the later one
    same_day = _make(case, "seller_replied", "2026-11-15", reply="none")
    assert event_ops.add_event(case, same_day) == 2  # after the one recorded first that day
    assert [e.kind for e in case.events] == ["dispute_opened", "escalated", "seller_replied"]
    index, removed = event_ops.remove_event(case, late.id)
    assert index == 1 and removed.kind == "escalated"
    event_ops.restore_event(case, index, removed)
    assert [e.id for e in case.events] == [first.id, late.id, same_day.id]
    moved = _make(case, "escalated", "2026-11-09", event_id=late.id)
    old = event_ops.replace_event(case, late.id, moved)
    assert old.date == "2026-11-15" and case.events[0].id == late.id
    event_ops.replace_event(case, late.id, old)
    assert case.events[1].date == "2026-11-15"
    actions = [e.action for e in case.log]
    assert (
        actions == ["event_added"] * 3 + ["event_removed", "event_restored"] + ["event_edited"] * 2
    )
    assert verify_chain(case.log) == []


def test_saved_and_loaded(tmp_path: Path) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1", price="20", currency="USD")
    event_ops.add_event(store.case, event_ops.make_event(store.case, "return_agreed", "2026-11-10", address_in_form=False, today=TODAY))  # fmt: skip
    store.save()
    again = CaseStore.open(tmp_path / "c")
    assert again.case.events == store.case.events
    assert again.case.events[0].address_in_form is False
    doc = json.loads((tmp_path / "c" / "case.json").read_text())
    assert (
        doc["schema_version"] == SCHEMA_VERSION == 4 and doc["events"][0]["kind"] == "return_agreed"
    )


@pytest.mark.parametrize(
    ("event", "field"),
    [
        ({"id": "a1", "kind": "won", "date": "2026-11-10"}, "events[0].kind"),
        ({"id": "a1", "kind": "escalated", "date": "10/11/2026"}, "events[0].date"),
        (
            {"id": "a1", "kind": "escalated", "date": "2026-11-10", "amount": "5"},
            "events[0].amount",
        ),
        ({"id": "a1", "kind": "escalated", "date": "2026-11-10", "colour": 1}, "events[0].colour"),
        (
            {"id": "a1", "kind": "seller_replied", "date": "2026-11-10", "reply": "yes"},
            "events[0].reply",
        ),  # fmt: skip
        ({"kind": "escalated", "date": "2026-11-10"}, "events[0].id"),
    ],
)
def test_hand_edited_events_name_the_field(tmp_path: Path, event: dict, field: str) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    path = tmp_path / "c" / "case.json"
    doc = json.loads(path.read_text())
    doc["events"] = [event]
    path.write_text(json.dumps(doc))
    before = path.read_bytes()
    with pytest.raises(CaseCorruptError) as err:
        CaseStore.open(store.root)
    assert err.value.field == field and field in str(err.value)
    assert path.read_bytes() == before


def test_a_version_3_case_gets_an_empty_timeline(tmp_path: Path) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    path = tmp_path / "c" / "case.json"
    doc = json.loads(path.read_text())
    doc["schema_version"] = 3
    del doc["events"]
    path.write_text(json.dumps(doc))
    again = CaseStore.open(store.root, lock=True)
    again.close()
    assert again.case.events == []
    assert json.loads(path.read_text())["schema_version"] == 4
    assert json.loads((tmp_path / "c" / "case.json.bak").read_text())["schema_version"] == 3
