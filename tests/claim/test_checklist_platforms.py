"""Build 5 and 6: a checklist per platform and reason; notes in another language are flagged."""

from __future__ import annotations

from datetime import date

from evidence_kit.claim.draft import draft_claim
from tests.factories.claim import item, make_case, unboxing_items

TODAY = date(2026, 11, 26)
FACTS = {"order_id": "1", "price": 10.0, "currency": "USD", "ordered": "2026-11-01",
         "delivered": "2026-11-20"}  # fmt: skip


def _checks(platform: str, claim: dict, items=None, facts=None) -> dict:
    case = make_case(platform, FACTS | (facts or {}), claim, unboxing_items() if items is None else items)  # fmt: skip
    return {c.id: c for c in draft_claim(case, TODAY).checklist}


def test_temu_is_not_told_to_avoid_confirming_receipt() -> None:
    claim = {"received": True, "reason": "damaged"}
    assert "no_confirm" not in _checks("temu", claim)
    assert "no_confirm" in _checks("aliexpress", claim)


def test_no_video_demand_where_the_form_takes_no_video() -> None:
    photos = [item("p1", "photo", "Label", redact=True), item("p2", "photo", "Crack")]
    for platform in ("ebay", "card", "paypal", "amazon"):
        case = make_case(platform, FACTS, {"received": True, "reason": "defective"}, photos)
        draft = draft_claim(case, TODAY)
        video = {c.id: c for c in draft.checklist}["video_sealed"]
        assert video.status != "missing" and "takes none" in video.item, platform
        assert not [w for w in draft.warnings if "Record or import a video" in w], platform
    shopee = _checks("shopee", {"received": True, "reason": "defective"}, photos)
    assert shopee["video_sealed"].status == "missing"


def test_aliexpress_extend_protection_while_it_is_open() -> None:
    claim = {"received": False, "reason": "not_received", "expected_by": "2026-11-25"}
    open_now = _checks("aliexpress", claim, [], {"delivered": ""})
    assert open_now["extend_protection"].status == "todo"
    assert "2026-12-10" in open_now["extend_protection"].detail  # expected + 15 days
    closed = _checks("aliexpress", claim | {"expected_by": "2026-11-01"}, [], {"delivered": ""})
    assert "extend_protection" not in closed
    assert "Ask the platform to extend" not in closed["deadline"].detail


def test_evidence_checks_by_reason() -> None:
    nad = _checks("ebay", {"received": True, "reason": "not_as_described"})
    assert nad["listing_screenshot"].status == "todo"
    with_listing = unboxing_items() + [item("s1", "document", "Listing screenshot", fmt="png")]
    assert _checks("ebay", {"received": True, "reason": "wrong_item"}, with_listing)["listing_screenshot"].status == "ok"  # fmt: skip
    size = _checks("ebay", {"received": True, "reason": "wrong_size"},
                   [item("p1", "photo", "Label", redact=True), item("p2", "photo", "Sole")])  # fmt: skip
    assert size["size_photo"].status == "missing"
    assert _checks("ebay", {"received": True, "reason": "wrong_size"})["size_photo"].status == "ok"  # "Close-up with ruler"  # fmt: skip
    nr = _checks("ebay", {"received": False, "reason": "not_received"}, [])
    assert nr["tracking_screenshot"].status == "todo" and "video_sealed" not in nr
    tracked = [item("t1", "document", "Tracking page", fmt="png")]
    assert _checks("ebay", {"received": False, "reason": "not_received"}, tracked)["tracking_screenshot"].status == "ok"  # fmt: skip


def test_amazon_asks_for_a_return_request_first() -> None:
    assert _checks("amazon", {"received": True, "reason": "not_as_described"})["amazon_return_request"].tickable  # fmt: skip
    assert "amazon_return_request" not in _checks("amazon", {"received": False, "reason": "not_received"}, [])  # fmt: skip


def test_notes_in_russian_are_flagged_for_translation_not_spelled_out() -> None:
    claim = {"received": True, "reason": "damaged", "notes": "Ручка треснула, коробка была мокрая."}
    ali = draft_claim(make_case("aliexpress", FACTS, claim, unboxing_items()), TODAY)
    flag = {c.id: c for c in ali.checklist}["english_notes"]
    assert flag.status == "missing" and "in Russian: translate them or write them in English" in flag.detail  # fmt: skip
    assert any("notes are in Russian" in w and "Translate to English" in w for w in ali.warnings)
    ebay = _checks("ebay", claim)
    assert ebay["english_notes"].status == "warn"
    assert "english_notes" not in _checks("ebay", claim | {"notes": "The handle cracked."})


def test_ukrainian_names_follow_the_national_standard_on_english_only_forms() -> None:
    claim = {"received": True, "reason": "damaged", "buyer_name": "Григорій Згурський"}
    text = draft_claim(make_case("aliexpress", FACTS, claim, []), TODAY).text
    assert text.rstrip().endswith("Hryhorii Zghurskyi")
    text = draft_claim(
        make_case("aliexpress", FACTS, claim | {"buyer_name": "Юлія"}, []), TODAY
    ).text
    assert text.rstrip().endswith("Yuliia")
