"""Defect 3: the short text is fitted by priority; a difference keeps both of its halves, and
on English-only forms the limit holds after transliteration."""

from __future__ import annotations

from datetime import date

from evidence_kit.claim.draft import draft_claim
from tests.factories.claim import make_case, unboxing_items

TODAY = date(2026, 11, 26)
FACTS = {"order_id": "8123456789012345", "price": 59.0, "currency": "USD",
         "delivered": "2026-11-20", "item": "Running shoes, EU 42, blue and white"}  # fmt: skip
LISTING = ["EU 42, insole 27 cm as in the size chart of the listing",
           "blue mesh upper with white sole and reflective stripes",
           "breathable mesh lining and a padded tongue"]  # fmt: skip
RECEIVED = ["EU 40, insole 25.5 cm measured with a ruler on the floor",
            "grey upper with a yellow sole and no stripes",
            "plastic lining that does not breathe at all"]  # fmt: skip


def _case(platform: str = "ebay", **claim):
    base = {"received": True, "reason": "not_as_described", "aspect": "size; colour; material",
            "listing_says": "; ".join(LISTING), "received_is": "; ".join(RECEIVED),
            "remedy": "partial_refund", "refund_percent": 40,
            "contacted_seller": "2026-11-21", "seller_reply": "asked for more photos"}  # fmt: skip
    return make_case(platform, FACTS, base | claim, unboxing_items())


def test_a_difference_is_never_cut_in_half() -> None:
    short = draft_claim(_case(), TODAY).short
    assert len(short) <= 500
    kept = 0
    for listing, received in zip(LISTING, RECEIVED, strict=True):
        has_listing = listing[:12] in short
        has_received = received[:12] in short
        assert has_listing == has_received, (listing, short)
        kept += has_listing
    assert kept >= 1  # the first difference, with both halves, always stays
    assert short.endswith("Please reply by 2026-12-01.")
    assert "8123456789012345" in short and "40% of 59.00 USD" in short


def test_whole_low_value_parts_go_before_differences() -> None:
    two = _case(aspect="size; colour", listing_says="; ".join(LISTING[:2]),
                received_is="; ".join(RECEIVED[:2]))  # fmt: skip
    short = draft_claim(two, TODAY).short
    # the seller's reply and the evidence titles give way; both differences stay whole
    for text in LISTING[:2] + RECEIVED[:2]:
        assert text in short, text
    assert "asked for more photos" not in short and "Close-up with ruler" not in short


def test_ascii_forms_measure_after_transliteration() -> None:
    # each Cyrillic letter can become up to 4 Latin ones (Щ -> Shch): measure what is pasted
    cyrillic = "Щётка щипцы щит; Жёлтая щётка"
    case = _case("aliexpress", listing_says="щёлк " * 20 + "; " + cyrillic,
                 received_is="хрущ " * 20 + "; " + cyrillic)  # fmt: skip
    case.facts.item = "Щёткодержатель ЩЖЧШ щёточный " * 3
    short = draft_claim(case, TODAY).short
    assert short.isascii() and len(short) <= 500
    assert short.endswith("Please reply by 2026-12-01."), short
