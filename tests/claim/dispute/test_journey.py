"""The scripted journey of issue 12 on AliExpress, eBay and PayPal: open, the seller offers
10%, counter, no agreement, escalate; return agreed, shipped with tracking, received, refund.

At each step the open deadlines and the next action are checked against dates worked out by
hand from the sources (2026-11-12 is a Thursday), every message that makes sense names the
order, the amounts and the exhibits and fits the platform's limit, and the .ics parses back.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from icalendar import Calendar

from evidence_kit.claim.dispute import messages, next_action, timeline
from evidence_kit.core import event_ops
from evidence_kit.core.model import Case
from evidence_kit.export.calendar import calendar_bytes
from tests.factories.claim import make_case, unboxing_items

FACTS = {"order_id": "8123456789", "item": "Ceramic mug", "price": 19.99, "currency": "USD",
         "ordered": "2026-10-01", "delivered": "2026-11-10", "tracking": "LP00123456CN"}  # fmt: skip
CLAIM = {"received": True, "reason": "damaged", "remedy": "full_refund", "buyer_name": "Анна"}

# (kind, date, details)
STEPS = [
    ("dispute_opened", "2026-11-12", {}),
    ("seller_replied", "2026-11-13", {"reply": "offer", "amount": 2.0}),  # 10% of 19.99
    ("buyer_countered", "2026-11-14", {"amount": 15.0}),
    ("escalated", "2026-11-18", {}),
    ("return_agreed", "2026-11-20", {"address_in_form": True}),
    ("return_shipped", "2026-11-23", {"tracking": "RR987654321CN"}),
    ("seller_received", "2026-11-30", {}),
    ("refund_received", "2026-12-05", {"amount": 19.99}),
]

# per platform, per step (index -1: before opening): {deadline id: date} and the next
# action's (due, message kind, a phrase of its text)
EXPECTED = {
    "aliexpress": [
        ({"open_dispute": "2026-11-25"}, ("2026-11-25", "", "Open the dispute")),  # 15 d [A6]
        ({"seller_response": "2026-11-17", "platform_steps_in": "2026-11-19"},  # 5 d, 7 d [A9]
         ("2026-11-17", "", "seller's answer")),
        ({"platform_steps_in": "2026-11-19"}, ("2026-11-19", "counter_offer", "counter with")),
        ({"platform_steps_in": "2026-11-19"}, ("2026-11-19", "escalate", "counter")),
        ({}, (None, "", "decision")),
        ({"return_ship": "2026-11-30"}, ("2026-11-30", "", "Ship the return")),  # 10 d [A9]
        ({}, (None, "", "RR987654321CN")),
        ({"refund_arrival": "2026-12-21"}, ("2026-12-21", "", "refund of 19.99 USD")),  # 15 wd [A6]
        ({}, (None, "", "Done")),
    ],
    "ebay": [
        ({"open_dispute": "2026-12-10"}, ("2026-12-10", "", "Open the dispute")),  # 30 d [E4]
        ({"seller_response": "2026-11-17", "ask_ebay": "2026-11-17"},  # 3 business days [E5]
         ("2026-11-17", "", "seller's answer")),
        ({"ask_ebay": "2026-11-17"}, ("2026-11-17", "counter_offer", "counter with")),
        ({"ask_ebay": "2026-11-17"}, ("2026-11-17", "escalate", "counter")),
        ({"ebay_decision": "2026-11-20"}, ("2026-11-20", "", "decision")),  # 48 h [E5]
        ({"return_ship": "2026-11-27"}, ("2026-11-27", "", "Ship the return")),  # 5 bd [E6]
        ({}, (None, "", "RR987654321CN")),
        ({"refund_arrival": "2026-12-15"}, ("2026-12-15", "", "refund of 19.99 USD")),  # default
        ({}, (None, "", "Done")),
    ],
    "paypal": [
        ({"open_dispute": "2027-03-30"}, ("2027-03-30", "", "Open the dispute")),  # 180 d [P4]
        ({"escalate": "2026-12-02"}, ("2026-12-02", "", "escalate")),  # 20 d [P4]
        ({"escalate": "2026-12-02"}, ("2026-12-02", "counter_offer", "counter with")),
        ({"escalate": "2026-12-02"}, ("2026-12-02", "escalate", "counter")),
        ({}, (None, "", "decision")),
        ({"return_ship": "2026-11-30"}, ("2026-11-30", "", "Ship the return")),  # 10 d [P4]
        ({}, (None, "", "RR987654321CN")),
        ({"refund_arrival": "2026-12-15"}, ("2026-12-15", "", "refund of 19.99 USD")),
        ({}, (None, "", "Done")),
    ],
}  # fmt: skip


def _case(platform: str) -> Case:
    return make_case(platform, FACTS, CLAIM, unboxing_items())


def _check_step(case: Case, today: date, expected: tuple) -> None:
    deadlines, (due, message, phrase) = expected
    found = {d.id: d.date for d in timeline.compute(case, today)}
    assert found == deadlines
    for d in timeline.compute(case, today):
        assert d.source and d.confidence  # every deadline names its source (or "default")
        assert d.days_left == (date.fromisoformat(d.date) - today).days
    act = next_action.compute(case, today)
    assert act.due == due, act
    assert act.message == message, act
    assert phrase.lower() in act.text.lower(), act.text
    if due:
        assert act.days_left == (date.fromisoformat(due) - today).days


def _check_messages(case: Case, today: date) -> set[str]:
    kinds = messages.available(case, today)
    for kind in kinds:
        m = messages.build_message(case, kind, today)
        for text in (m.text, m.short):
            assert "8123456789" in text, (kind, text)
            assert "USD" in text, (kind, text)  # an amount
            assert "E1" in text, (kind, text)  # the exhibits
        assert "19.99 USD" in m.text, kind  # the price paid
        assert "E4" in m.text and "Shipping label" in m.text, kind  # every exhibit, by its title
        assert len(m.short) <= m.limit, (kind, len(m.short))
        assert m.limit == 500
        if m.ascii_only:
            assert m.text.isascii() and m.short.isascii(), kind
    return set(kinds)


def _check_calendar(case: Case, today: date) -> None:
    open_ones = [d for d in timeline.compute(case, today) if d.days_left >= 0]
    if not open_ones:
        return
    cal = Calendar.from_ical(calendar_bytes(case, today))
    events = [c for c in cal.walk("VEVENT")]
    assert sorted(e.decoded("dtstart") for e in events) == sorted(
        date.fromisoformat(d.date) for d in open_ones
    )
    for e in events:
        assert "8123456789" in str(e["summary"])
        alarms = e.walk("VALARM")
        assert len(alarms) == 1 and alarms[0].decoded("trigger") == timedelta(days=-1)
    assert len({str(e["uid"]) for e in events}) == len(events)


@pytest.mark.parametrize("platform", ["aliexpress", "ebay", "paypal"])
def test_journey(platform: str) -> None:
    case = _case(platform)
    expected = EXPECTED[platform]
    _check_step(case, date(2026, 11, 11), expected[0])
    seen: set[str] = set(_check_messages(case, date(2026, 11, 11)))
    for n, (kind, day, details) in enumerate(STEPS, start=1):
        today = date.fromisoformat(day)
        event_ops.add_event(case, event_ops.make_event(case, kind, day, today=today, **details))
        _check_step(case, today, expected[n])
        seen |= _check_messages(case, today)
        _check_calendar(case, today)
    assert [e.kind for e in case.events] == [s[0] for s in STEPS]
    # the messages of this journey: the offer, the pushbacks, the escalation, the bank, carrier
    assert {"counter_offer", "pushback_as_described", "escalate", "chargeback", "carrier"} <= seen


def test_journey_counter_and_escalation_words() -> None:
    case = _case("aliexpress")
    for kind, day, details in STEPS[:3]:
        event_ops.add_event(case, event_ops.make_event(case, kind, day, today=date(2026, 11, 14), **details))  # fmt: skip
    today = date(2026, 11, 14)
    counter = messages.build_message(case, "counter_offer", today)
    assert "offer of 2.00 USD (10% of the 19.99 USD I paid)" in counter.text
    # damaged, no word on whether it works: 30-40% (refund.py), ask 40%, settle for 35%
    assert "partial refund of 8.00 USD (40% of the price)" in counter.text
    assert "full refund of 19.99 USD after I return" in counter.text
    assert "7.00" not in counter.text  # the least to settle for stays in the app
    assert "closes the dispute" in counter.warnings[0]
    assert counter.text.rstrip().endswith("Anna")  # English-only form: the name spelled out
    up = messages.build_message(case, "escalate", today)
    assert "2026-11-13: the seller offered 2.00 USD (10% of the price)." in up.text
    assert "2026-11-14: I proposed 15.00 USD." in up.text
    assert "offered only 2.00 USD" in up.text


def test_late_refund_says_what_to_do() -> None:
    case = _case("paypal")
    for kind, day, details in STEPS[:7]:
        event_ops.add_event(case, event_ops.make_event(case, kind, day, today=date(2026, 11, 30), **details))  # fmt: skip
    act = next_action.compute(case, date(2026, 12, 20))  # expected by 2026-12-15
    assert act.text.startswith("The refund is late")
    assert "ARN" in act.why and act.days_left == -5
    case.claim["payment_method"] = "alipay"  # Alipay: about a day
    assert timeline.compute(case, date(2026, 11, 30))[0].date == "2026-12-01"


def test_short_refund_is_flagged() -> None:
    case = _case("ebay")
    for kind, day, details in STEPS[:7]:
        event_ops.add_event(case, event_ops.make_event(case, kind, day, today=date(2026, 11, 30), **details))  # fmt: skip
    event_ops.add_event(case, event_ops.make_event(case, "refund_received", "2026-12-01", amount=9.99, today=date(2026, 12, 1)))  # fmt: skip
    act = next_action.compute(case, date(2026, 12, 1))
    assert "10.00 USD short" in act.text and not act.done
