"""Pre-submit checklist and mismatch warnings, computed from the case where possible."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import cv2
import numpy as np

from evidence_kit.claim.checklist import BLUR_THRESHOLD, sharpness
from evidence_kit.claim.draft import draft_claim
from evidence_kit.claim.edits import set_ticked
from tests.factories.claim import item, make_case, unboxing_items

TODAY = date(2026, 11, 26)
FACTS = {"order_id": "1", "price": 10.0, "currency": "USD", "delivered": "2026-11-20"}


def _status(draft, item_id: str) -> str:
    return {c.id: c.status for c in draft.checklist}[item_id]


def test_defective_without_video_warns_and_marks_missing() -> None:
    case = make_case("shopee", FACTS, {"received": True, "reason": "defective", "remedy": "full_refund"},
                     [item("p1", "photo", "Front", fmt="jpeg")])  # fmt: skip
    draft = draft_claim(case, TODAY)
    assert any("video" in w and "does not work" in w for w in draft.warnings)
    assert _status(draft, "video_sealed") == "missing"
    assert _status(draft, "reason_matches") == "warn"
    assert _status(draft, "label_photo") == "missing"


def test_complete_case_has_no_mismatch() -> None:
    claim = {"received": True, "reason": "damaged", "remedy": "full_refund", "contacted_seller": "2026-11-21",
             "listing_says": "intact", "received_is": "cracked"}  # fmt: skip
    draft = draft_claim(make_case("shopee", FACTS, claim, unboxing_items()), TODAY)
    assert draft.warnings == []
    statuses = {c.id: c.status for c in draft.checklist}
    assert statuses["reason_matches"] == "ok" and statuses["label_photo"] == "ok"
    assert statuses["video_sealed"] == "todo" and statuses["contact_seller"] == "ok"
    assert statuses["within_limits"] == "ok"
    # Shopee's 7-day window after delivery on 2026-11-20 closes tomorrow
    deadline = {c.id: c for c in draft.checklist}["deadline"]
    assert deadline.status == "warn" and "2026-11-27 (1 day left)" in deadline.detail


def test_reason_contradicts_received() -> None:
    case = make_case("ebay", FACTS, {"received": True, "reason": "not_received"}, [])
    assert any("arrived" in w for w in draft_claim(case, TODAY).warnings)
    case = make_case("ebay", FACTS, {"received": False, "reason": "damaged"}, [])
    assert any("did not arrive" in w for w in draft_claim(case, TODAY).warnings)


def test_remedy_the_platform_does_not_offer() -> None:
    case = make_case("amazon", FACTS, {"received": True, "reason": "damaged", "remedy": "replacement"},
                     unboxing_items())  # fmt: skip
    assert any("does not offer" in w for w in draft_claim(case, TODAY).warnings)


def test_files_over_the_limits() -> None:
    items = [
        item("v1", "video", "Unboxing", duration_s=150.0, size=80_000_000, fmt="mp4"),
        item("p1", "photo", "Label", size=3_500_000, fmt="heif", redact=True),
    ]
    draft = draft_claim(
        make_case("aliexpress", FACTS, {"received": True, "reason": "damaged"}, items), TODAY
    )
    detail = {c.id: c.detail for c in draft.checklist}["within_limits"]
    assert _status(draft, "within_limits") == "warn"
    assert "E1 is 150 s long; the limit is 60 s" in detail
    assert "E1 is 80.0 MB; the limit is 50.0 MB" in detail
    assert "E2 is heif" in detail and "E2 is 3.5 MB; the limit is 2.0 MB" in detail
    card = draft_claim(
        make_case("card", FACTS, {"received": True, "reason": "damaged"}, items), TODAY
    )
    assert "takes no video" in {c.id: c.detail for c in card.checklist}["within_limits"]


def test_amazon_asks_to_wait_after_contacting_the_seller() -> None:
    # contacted Friday 2026-11-27: earliest filing Tuesday 2026-12-01
    claim = {"received": True, "reason": "damaged", "contacted_seller": "2026-11-27"}
    case = make_case("amazon", FACTS, claim, unboxing_items())
    checks = {c.id: c for c in draft_claim(case, date(2026, 11, 28)).checklist}
    early = checks["earliest_contact_wait"]
    assert early.status == "missing" and "2026-12-01" in early.detail
    assert checks["contact_seller"].status == "ok"
    later = {c.id for c in draft_claim(case, date(2026, 12, 1)).checklist}
    assert "earliest_contact_wait" not in later
    no_contact = make_case("card", FACTS, {"received": True, "reason": "damaged"}, [])
    assert _status(draft_claim(no_contact, TODAY), "contact_seller") == "missing"


def test_ticking_a_manual_item() -> None:
    case = make_case("ebay", FACTS, {"received": True, "reason": "damaged"}, unboxing_items())
    assert _status(draft_claim(case, TODAY), "no_confirm") == "todo"
    set_ticked(case, "no_confirm", True)
    assert _status(draft_claim(case, TODAY), "no_confirm") == "ok"
    set_ticked(case, "no_confirm", False)
    assert _status(draft_claim(case, TODAY), "no_confirm") == "todo"


def test_closed_deadline_is_missing() -> None:
    case = make_case("shopee", FACTS, {"received": True, "reason": "damaged"}, unboxing_items())
    assert _status(draft_claim(case, date(2026, 12, 20)), "deadline") == "missing"


def _write_pattern(path: Path, blur: bool) -> Path:
    img = np.zeros((400, 400), np.uint8)
    img[::20, :] = 255
    img[:, ::20] = 255
    cv2.putText(img, "LP00123456789CN", (20, 200), cv2.FONT_HERSHEY_SIMPLEX, 1, 255, 2)
    if blur:
        img = cv2.GaussianBlur(img, (0, 0), 6)
    cv2.imwrite(str(path), img)
    return path


def test_blur_check_uses_laplacian_variance(tmp_path: Path) -> None:
    (tmp_path / "originals").mkdir()
    sharp = _write_pattern(tmp_path / "originals" / "sharp.jpg", blur=False)
    blurry = _write_pattern(tmp_path / "originals" / "blurry.jpg", blur=True)
    assert sharpness(sharp, "a") > BLUR_THRESHOLD > sharpness(blurry, "b")
    items = [item("s", "photo", "Label", redact=True), item("b", "photo", "Crack")]
    items[0].file, items[1].file = "originals/sharp.jpg", "originals/blurry.jpg"
    case = make_case("ebay", FACTS, {"received": True, "reason": "damaged"}, items)
    check = {c.id: c for c in draft_claim(case, TODAY, root=tmp_path).checklist}["sharp_photos"]
    assert check.status == "warn" and "Blurry: E2." in check.detail
    assert "sharp_photos" not in {
        c.id for c in draft_claim(case, TODAY).checklist
    }  # no folder, no check
