"""Deadlines on fixed dates: calendar and business days, anchors, fallbacks, statuses."""

from __future__ import annotations

from datetime import date

from evidence_kit.claim.deadlines import add_business_days, compute, reply_by, status_for
from tests.factories.claim import make_case


def _by_id(platform: str, facts: dict, claim: dict, today: date) -> dict:
    return {d.id: d for d in compute(make_case(platform, facts, claim, []), today)}


def test_aliexpress_from_delivery() -> None:
    d = _by_id("aliexpress", {"delivered": "2026-11-20"}, {"received": True}, date(2026, 11, 26))
    assert d["open_dispute"].date == "2026-12-05" and d["open_dispute"].days_left == 9
    assert d["open_dispute"].status == "ok" and d["open_dispute"].source == "A6"
    # not opened yet: counted as if opened today
    assert d["seller_response"].date == "2026-12-01"
    assert "return_ship" not in d


def test_return_window_once_agreed() -> None:
    d = _by_id("aliexpress", {"delivered": "2026-11-20"},
               {"remedy": "return_and_refund", "return_agreed": "2026-11-25"}, date(2026, 11, 26))  # fmt: skip
    assert d["return_ship"].date == "2026-12-05" and d["return_ship"].days_left == 9


def test_ebay_business_days() -> None:
    # opened Friday 2026-11-27: 3 business days -> Wednesday 2026-12-02
    d = _by_id(
        "ebay", {"delivered": "2026-11-01"}, {"dispute_opened": "2026-11-27"}, date(2026, 11, 28)
    )
    assert d["seller_response"].date == "2026-12-02"
    assert d["open_dispute"].date == "2026-12-01" and d["open_dispute"].status == "soon"
    assert add_business_days(date(2026, 11, 27), 5) == date(2026, 12, 4)


def test_paypal_from_payment_and_closed_status() -> None:
    d = _by_id("paypal", {"ordered": "2026-01-10"}, {}, date(2026, 7, 10))
    assert d["open_dispute"].date == "2026-07-09"
    assert d["open_dispute"].days_left == -1 and d["open_dispute"].status == "closed"


def test_fallback_to_order_date_is_marked_uncertain() -> None:
    d = _by_id("aliexpress", {"ordered": "2026-10-01"}, {"received": False}, date(2026, 11, 26))
    assert d["open_dispute"].date == "2026-12-15"  # 75 days after the order
    assert d["open_dispute"].confidence == "L" and "check your order page" in d["open_dispute"].note


def test_expected_delivery_anchors_amazon() -> None:
    d = _by_id(
        "amazon", {"ordered": "2026-10-01"}, {"expected_by": "2026-10-20"}, date(2026, 11, 26)
    )
    assert d["open_dispute"].date == "2027-01-18"


def test_no_platform_no_deadlines() -> None:
    assert compute(make_case("", {"delivered": "2026-11-20"}, {}, []), date(2026, 11, 26)) == []


def test_status_boundaries() -> None:
    assert [status_for(n) for n in (-1, 0, 3, 4)] == ["closed", "soon", "soon", "ok"]


def test_reply_by() -> None:
    case = make_case("shopee", {"delivered": "2026-11-20"}, {}, [])
    assert reply_by(case, date(2026, 11, 21)) == date(2026, 11, 23)  # seller has 2 days
    case = make_case("temu", {"ordered": "2026-11-01"}, {}, [])
    assert reply_by(case, date(2026, 11, 21)) == date(2026, 11, 28)


def test_windows_counted_from_today_are_marked_assumed() -> None:
    d = _by_id("ebay", {"delivered": "2026-11-20"}, {}, date(2026, 11, 26))
    assert d["seller_response"].assumed and not d["open_dispute"].assumed
    d = _by_id(
        "ebay", {"delivered": "2026-11-20"}, {"dispute_opened": "2026-11-25"}, date(2026, 11, 26)
    )
    assert not d["seller_response"].assumed
