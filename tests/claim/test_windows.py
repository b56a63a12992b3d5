"""Defect 4: windows are anchored as their sources say, a missing date is asked for instead of
guessed into "closed", and a claim is not "ready" before the platform takes it."""

from __future__ import annotations

from datetime import date

from evidence_kit.claim.deadlines import compute
from evidence_kit.claim.draft import draft_claim
from tests.factories.claim import make_case, unboxing_items

TODAY = date(2026, 11, 26)


def _by_id(platform: str, facts: dict, claim: dict, today: date = TODAY) -> dict:
    return {d.id: d for d in compute(make_case(platform, facts, claim, []), today)}


def test_card_without_a_delivery_date_is_not_closed() -> None:
    # 120 days after the order was 2026-11-24: the old code said "CLOSED -2 days"
    facts = {"order_id": "1", "ordered": "2026-07-27", "price": 30.0, "currency": "USD"}
    claim = {"received": False, "reason": "not_received", "contacted_seller": "2026-11-10"}
    d = _by_id("card", facts, claim)["open_dispute"]
    assert d.status == "unknown" and d.status != "closed"
    assert d.assumed and "expected" in d.needs and "not set" in d.basis
    draft = draft_claim(make_case("card", facts, claim, []), TODAY)
    deadline = {c.id: c for c in draft.checklist}["deadline"]
    assert deadline.status == "warn" and "Enter" in deadline.detail
    # with the expected delivery date, Visa counts from it: 48 days are left
    d = _by_id("card", facts, claim | {"expected_by": "2026-09-15"})["open_dispute"]
    assert (d.date, d.days_left, d.status) == ("2027-01-13", 48, "ok")
    assert "expected delivery" in d.basis


def test_aliexpress_estimate_uses_the_90_days_its_source_gives_for_russia() -> None:
    facts = {"ordered": "2026-10-01", "currency": "RUB"}
    d = _by_id("aliexpress", facts, {"received": False, "reason": "not_received"})["open_dispute"]
    assert d.date == "2027-01-14"  # 90 + 15 days after the order, not 60 + 15
    assert d.status == "unknown" and d.source == "A13"
    brazil = _by_id("aliexpress", {"ordered": "2026-10-01"}, {"country": "BR"})["open_dispute"]
    assert brazil.date == "2027-02-13"  # 120 + 15
    other = _by_id("aliexpress", {"ordered": "2026-10-01", "currency": "EUR"}, {})
    assert other["open_dispute"].date == "2026-12-15"  # 60 + 15


def test_amazon_not_received_too_early_is_not_marked_ready() -> None:
    facts = {"order_id": "1", "ordered": "2026-11-10", "price": 10.0, "currency": "USD"}
    claim = {"received": False, "reason": "not_received", "remedy": "full_refund",
             "expected_by": "2026-11-30", "contacted_seller": "2026-11-20"}  # fmt: skip
    draft = draft_claim(make_case("amazon", facts, claim, []), date(2026, 11, 24))
    checks = {c.id: c for c in draft.checklist}
    assert checks["reason_matches"].status != "ok"
    early = checks["earliest_earliest_not_received"]
    assert early.status == "missing" and "2026-12-03" in early.detail and "9 days" in early.detail
    assert any("Too early" in w for w in draft.warnings)
    ready = draft_claim(make_case("amazon", facts, claim, []), date(2026, 12, 3))
    assert {c.id: c.status for c in ready.checklist}["reason_matches"] == "ok"


def test_earliest_filing_rules_from_the_reference() -> None:
    facts = {"order_id": "1", "ordered": "2026-11-01", "price": 10.0, "currency": "USD"}
    nr = {"received": False, "reason": "not_received", "expected_by": "2026-11-28"}
    card = {d.id: d for d in draft_claim(make_case("card", facts, nr, []), TODAY).earliest}
    assert card["earliest_not_received"].date == "2026-11-29"  # Visa 13.1: once it has passed
    assert card["earliest_not_received"].status == "wait"
    assert card["mastercard_wait_not_received"].advisory  # Mastercard only: a warning
    ali = {d.id: d for d in draft_claim(make_case("aliexpress", facts, nr, []), TODAY).earliest}
    assert (
        ali["earliest_not_received"].date == "2026-11-29"
        and ali["earliest_not_received"].source == "A6"
    )
    # no expected date: the shopper is asked for it
    amazon = draft_claim(make_case("amazon", facts, {"reason": "not_received"}, []), TODAY)
    (rule,) = [d for d in amazon.earliest if d.id == "earliest_not_received"]
    assert rule.status == "unknown" and "expected" in rule.needs
    # delivered per tracking: Amazon's 3-day wait does not apply
    shown = make_case("amazon", facts | {"delivered": "2026-11-20"}, nr, [])
    assert "earliest_not_received" not in {d.id for d in draft_claim(shown, TODAY).earliest}


def test_received_claims_on_cards_need_no_expected_date() -> None:
    facts = {"order_id": "1", "ordered": "2026-10-01", "delivered": "2026-10-20"}
    d = _by_id("card", facts, {"received": True, "reason": "damaged"})["open_dispute"]
    assert (d.date, d.status, d.assumed) == ("2027-02-17", "ok", False)
    draft = draft_claim(make_case("card", facts, {"received": True, "reason": "damaged"},
                                  unboxing_items()), TODAY)  # fmt: skip
    assert not [e for e in draft.earliest if e.status == "wait" and not e.advisory]
