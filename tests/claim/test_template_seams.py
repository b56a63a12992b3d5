"""Defect 7: every seam the scenarios found, one assertion each, on the text as sent."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from evidence_kit.claim.draft import draft_claim
from tests.factories.claim import item, make_case, unboxing_items

TODAY = date(2026, 11, 26)
FACTS = {"order_id": "8123", "price": 20.0, "currency": "USD", "ordered": "2026-11-02",
         "delivered": "2026-11-20"}  # fmt: skip
CLAIM = {"received": True, "reason": "damaged", "remedy": "full_refund"}


def _draft(platform="ebay", facts=None, claim=None, items=None, today=TODAY):
    case = make_case(platform, FACTS | (facts or {}), CLAIM | (claim or {}),
                     unboxing_items() if items is None else items)  # fmt: skip
    return draft_claim(case, today)


def test_no_lower_case_delivery_line_without_tracking() -> None:
    text = _draft().text
    assert "\n   Delivered 2026-11-20.\n" in text and "   delivered" not in text
    assert "Tracking LP1; delivered 2026-11-20." in _draft(facts={"tracking": "LP1"}).text


def test_the_sellers_reply_reads_as_its_own_sentence() -> None:
    text = _draft(claim={"contacted_seller": "2026-11-21", "seller_reply": "The seller offered 1 USD."}).text  # fmt: skip
    assert "; The seller" not in text
    assert "messages. The seller offered 1 USD." in text
    text = _draft(claim={"contacted_seller": "2026-11-21", "seller_reply": "offered 1 USD"}).text
    assert "messages. Reply from the seller: offered 1 USD." in text
    text = _draft(claim={"contacted_seller": "2026-11-21", "seller_reply": "no reply"}).text
    assert "There has been no reply so far." in text


def test_frames_and_clips_do_not_repeat_their_own_time_as_a_title() -> None:
    items = [item("v1", "video", "Unboxing", duration_s=30.0),
             item("f1", "frame", "Frame 00:00:03.000", pts_s=3.0, parent="v1"),
             item("c1", "clip", "Clip 00:00:05.000–00:00:20.000", pts_s=5.0, end_s=20.0, parent="v1")]  # fmt: skip
    draft = _draft("shopee", items=items)  # Shopee takes video, so nothing stands in for it
    assert "E2, frame at 00:00:03 (from E1).\n" in draft.text
    assert ": Frame 00:00:03" not in draft.text and "(Clip" not in draft.short
    assert "E3, clip 00:00:05-00:00:20 (from E1)." in draft.text


def test_no_subject_line_in_the_text_for_the_form() -> None:
    draft = _draft()
    assert "Subject" not in draft.text and "Subject" not in draft.short
    assert draft.subject == "eBay order 8123 - item arrived damaged - request for a full refund"
    assert draft.text.startswith("Hello,")


def test_a_reason_label_with_a_colon_is_quoted() -> None:
    text = _draft("aliexpress", claim={"reason": "wrong_size", "aspect": "size",
                  "listing_says": "EU 42", "received_is": "EU 40"}).text  # fmt: skip
    assert "Dispute reason: Not as described: size differs" not in text
    assert 'Reason chosen on the form: "Not as described: size differs".' in text


def test_warnings_name_the_field_properly() -> None:
    draft = _draft(claim={"listing_says": "GREAT QUALITY GUARANTEED FOREVER!!!", "received_is": "cracked"})  # fmt: skip
    joined = " ".join(draft.warnings)
    assert "listing says had" not in joined and "Your listing says" not in joined
    assert "'listing says' text" in joined


def test_one_day_is_not_one_days(tmp_path: Path) -> None:
    # Shopee: 7 days after delivery on 2026-11-20 -> 2026-11-27, one day after TODAY
    draft = _draft("shopee")
    details = " ".join(c.detail for c in draft.checklist)
    assert "1 day left" in details and "1 days" not in details
    from evidence_kit.core.store import new_case

    store = new_case(tmp_path / "c", platform="shopee", order_id="1", delivered="2026-11-20")
    out = subprocess.run([sys.executable, "-m", "evidence_kit", "claim", str(store.root),
                          "--today", "2026-11-26"], capture_output=True, text=True, timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "1 days" not in out.stdout and "    1 day  " in out.stdout


def test_currencies_without_cents_print_without_cents() -> None:
    assert "paid 1500 JPY" in _draft(facts={"price": 1500.0, "currency": "JPY"}).text
    text = _draft(facts={"price": 250000.0, "currency": "VND"},
                  claim={"remedy": "partial_refund", "refund_percent": 33}).text  # fmt: skip
    assert "a partial refund of 82500 VND (33% of 250000 VND)" in text
    assert "82500.00" not in text


def test_nothing_to_return_from_an_empty_parcel() -> None:
    text = _draft(claim={"reason": "empty_parcel"}).text
    assert "happy to return" not in text
    assert "happy to return the item" in _draft().text


def test_after_opening_the_text_no_longer_says_it_is_opening() -> None:
    draft = _draft(claim={"dispute_opened": "2026-11-24"})
    assert "I am opening this dispute" not in draft.text
    assert "I opened this dispute on 2026-11-24." in draft.text
    assert "I am opening this dispute" in _draft().text
