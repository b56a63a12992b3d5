"""Build 2: the claim cites as attached only what the form takes, in the shopper's order."""

from __future__ import annotations

from datetime import date

from evidence_kit.claim.attachments import attached_numbers, attachments
from evidence_kit.claim.draft import draft_claim
from tests.factories.claim import item, make_case, unboxing_items

TODAY = date(2026, 11, 26)
FACTS = {"order_id": "1", "price": 10.0, "currency": "USD", "delivered": "2026-11-20"}
CLAIM = {"received": True, "reason": "damaged", "remedy": "full_refund"}


def _five():
    return unboxing_items() + [item("doc005", "document", "Listing screenshot", fmt="png")]


def test_the_first_n_in_the_shoppers_order_are_attached_the_rest_on_request() -> None:
    case = make_case("aliexpress", FACTS, CLAIM, _five())  # AliExpress: at most 3 files
    assert attached_numbers(case) == {"E1", "E2", "E3"}
    draft = draft_claim(case, TODAY)
    attached, later = draft.text.split("Evidence (attached):")[1].split("Available on request:")
    assert "E1 (video" in attached and "E3 (photo)" in attached and "E4" not in attached
    assert "E4 (photo)" in later and "E5 (document)" in later
    assert "On request: E4-E5." in draft.short
    # the shopper's order decides: put the listing screenshot first
    case.items.insert(0, case.items.pop())
    assert attached_numbers(case) == {"E1", "E2", "E3"}
    assert [a.item_id for a in attachments(case) if a.attached] == ["doc005", "vid001", "frm002"]


def test_video_is_never_cited_as_attached_where_the_form_takes_none() -> None:
    for platform in ("ebay", "card", "paypal"):
        draft = draft_claim(make_case(platform, FACTS, CLAIM, unboxing_items()), TODAY)
        (line,) = [ln for ln in draft.text.splitlines() if ln.strip().startswith("E1 (video")]
        assert "attached as a contact sheet of stills; the video itself is available on request" in line, platform  # fmt: skip
    shopee = draft_claim(make_case("shopee", FACTS, CLAIM, unboxing_items()), TODAY)
    assert "contact sheet" not in shopee.text


def test_a_form_without_files_gets_everything_on_request() -> None:
    case = make_case("amazon", FACTS, CLAIM, unboxing_items())
    assert attached_numbers(case) == set()
    draft = draft_claim(case, TODAY)
    assert "Evidence (sent in the messages with the seller; available on request):" in draft.text
    assert "Evidence on request: E1-E4." in draft.short
    assert "(attached)" not in draft.text
