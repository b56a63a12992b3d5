"""Drafting with missing or hand-damaged claim data never fails; it warns instead."""

from __future__ import annotations

from datetime import date

from evidence_kit.claim.draft import draft_claim
from tests.factories.claim import make_case, unboxing_items

TODAY = date(2026, 11, 26)


def test_empty_case_drafts_with_warnings() -> None:
    draft = draft_claim(make_case("", {}, {}, []), TODAY)
    assert draft.subject.startswith("Order (order number)") and draft.text.startswith("Hello,")
    assert draft.deadlines == [] and len(draft.short) <= draft.limit
    assert any("Choose the platform" in w for w in draft.warnings)
    assert {c.id: c.status for c in draft.checklist}["reason_matches"] == "missing"


def test_bad_saved_values_are_ignored_with_a_warning() -> None:
    claim = {"received": "perhaps", "reason": "angry", "refund_percent": "lots", "remedy": "partial_refund",
             "return_postage": -3, "contacted_seller": "yesterday", "text_base": {"facts": 5},
             "ticked": "no_confirm", "still_works": [1]}  # fmt: skip
    case = make_case(
        "temu", {"order_id": "9", "price": 10.0, "currency": "USD"}, claim, unboxing_items()
    )
    draft = draft_claim(case, TODAY)
    bad = [w for w in draft.warnings if "is not valid and was ignored" in w]
    assert (
        len(bad) == 6
    )  # received, reason, refund_percent, return_postage, contacted_seller, still_works
    assert "5. Request: a partial refund" in draft.text
    assert case.claim["refund_percent"] == "lots"  # the case itself is untouched


def test_no_remedy_defaults_to_full_refund_and_says_so() -> None:
    case = make_case("ebay", {"order_id": "9", "price": 10.0, "currency": "USD"},
                     {"received": True, "reason": "damaged"}, unboxing_items())  # fmt: skip
    draft = draft_claim(case, TODAY)
    assert "a full refund of 10.00 USD" in draft.text
    assert any("No remedy chosen" in w for w in draft.warnings)
