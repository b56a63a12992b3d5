"""Which messages make sense when, and how they read for a parcel that never came."""

from __future__ import annotations

from datetime import date

import pytest

from evidence_kit.claim.dispute import messages
from evidence_kit.core import event_ops
from evidence_kit.core.errors import InvalidValueError
from tests.factories.claim import item, make_case

TODAY = date(2026, 11, 20)
FACTS = {"order_id": "ORD-55", "item": "Кожаная сумка", "price": 40.0, "currency": "EUR",
         "ordered": "2026-09-20", "tracking": "LV123456789CN"}  # fmt: skip
NOT_RECEIVED = {"received": False, "reason": "not_received", "remedy": "full_refund",
                "expected_by": "2026-11-10"}  # fmt: skip


def _case(platform: str, claim: dict | None = None):  # type: ignore[no-untyped-def]
    return make_case(platform, FACTS, claim or NOT_RECEIVED, [item("doc001", "document", "Tracking page")])  # fmt: skip


def test_before_the_dispute_only_the_waiting_messages() -> None:
    assert messages.available(_case("aliexpress"), TODAY) == [
        "extend_protection", "still_not_received", "carrier", "chargeback"
    ]  # fmt: skip
    assert "extend_protection" not in messages.available(_case("ebay"), TODAY)


def test_parcel_not_here_texts() -> None:
    case = _case("aliexpress")
    extend = messages.build_message(case, "extend_protection", TODAY)
    assert "extend the Buyer Protection" in extend.text and "LV123456789CN" in extend.text
    assert "Kozhanaya sumka" in extend.text and extend.text.isascii()  # English-only form
    late = messages.build_message(case, "still_not_received", TODAY)
    assert "expected by 2026-11-10" in late.text and "40.00 EUR" in late.short
    letter = messages.build_message(case, "carrier", TODAY)
    assert "proof of delivery" in letter.text and letter.to == "carrier"
    case.claim["notes"] = "The tracking says the parcel is held at customs"
    assert "held at customs" in messages.build_message(case, "carrier", TODAY).text


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("pushback_as_described", "not open"),
        ("counter_offer", "no offer"),
        ("appeal", "no lost decision"),
    ],
)
def test_refused_kinds(kind: str, says: str) -> None:
    with pytest.raises(InvalidValueError, match=says):
        messages.build_message(_case("paypal"), kind, TODAY)


def test_opened_dispute_changes_what_fits() -> None:
    case = _case("aliexpress")
    event_ops.add_event(case, event_ops.make_event(case, "dispute_opened", "2026-11-15", today=TODAY))  # fmt: skip
    kinds = messages.available(case, TODAY)
    assert "extend_protection" not in kinds  # too late once the dispute is open
    assert "pushback_as_described" not in kinds  # nothing arrived to be "as described"
    assert {"escalate", "pushback_close_first", "off_platform"} <= set(kinds)
    event_ops.add_event(case, event_ops.make_event(case, "refund_received", "2026-11-19", today=TODAY))  # fmt: skip
    assert "chargeback" not in messages.available(case, TODAY)  # refunded in full


def test_partly_refunded_chargeback_asks_for_the_rest() -> None:
    case = _case("ebay", {"received": True, "reason": "damaged", "remedy": "full_refund"})
    for kind, day, kw in [("dispute_opened", "2026-11-10", {}), ("refund_received", "2026-11-15", {"amount": 10.0}),
                          ("closed_lost", "2026-11-18", {})]:  # fmt: skip
        event_ops.add_event(case, event_ops.make_event(case, kind, day, today=TODAY, **kw))  # type: ignore[arg-type]
    letter = messages.build_message(case, "chargeback", TODAY)
    assert "refunded only 10.00 EUR of 40.00 EUR" in letter.text
    assert "remaining 30.00 EUR" in letter.text and "chargeback of 30.00 EUR" in letter.short
    assert "2026-11-18: the dispute was closed against me." in letter.text
    assert any("chargeback" in w.lower() for w in letter.warnings)  # eBay: not covered twice


def test_edited_message_is_sent_and_regenerate_drops_it() -> None:
    from evidence_kit.claim.dispute import message_edits

    case = _case("aliexpress")
    message_edits.set_text(case, "carrier", "My own letter, E1.", TODAY)
    m = messages.build_message(case, "carrier", TODAY)
    assert m.text == "My own letter, E1." and m.edited and m.generated != m.text
    message_edits.regenerate(case, "carrier")
    assert not messages.build_message(case, "carrier", TODAY).edited
    assert "messages" not in case.claim
