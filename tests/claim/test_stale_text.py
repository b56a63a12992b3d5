"""Defect 5: an edited claim follows its exhibits by id, and what no longer matches is marked."""

from __future__ import annotations

from datetime import date

from evidence_kit.claim.draft import draft_claim
from evidence_kit.claim.edits import regenerate, set_text
from evidence_kit.core import case_ops
from tests.factories.claim import item, make_case, unboxing_items

TODAY = date(2026, 11, 26)
FACTS = {"order_id": "77", "price": 20.0, "currency": "USD", "delivered": "2026-11-20"}
CLAIM = {"received": True, "reason": "damaged", "remedy": "full_refund"}
MINE = "The close-up E3 shows the crack; the label E4 has the tracking number."


def _edited():
    case = make_case("shopee", FACTS, CLAIM, unboxing_items())
    set_text(case, draft_claim(case, TODAY).text + "\n\n" + MINE, TODAY)
    return case


def test_references_follow_the_items_after_a_reorder() -> None:
    case = _edited()
    case_ops.move_item(case, "pho003", 0)  # the close-up becomes E1, the video E2
    draft = draft_claim(case, TODAY)
    assert "The close-up E1 shows the crack; the label E4 has the tracking number." in draft.text
    assert "E2 (video, 00:00:45): Unboxing video." in draft.text
    assert "E3, frame at 00:01:12 (from E2): Defect visible." in draft.text
    # the order of the evidence list itself is out of date until a regenerate
    assert any("evidence paragraph no longer matches" in m for m in draft.stale)
    regenerate(case, keep_user=True, today=TODAY)
    after = draft_claim(case, TODAY)
    assert not after.stale and "The close-up E1 shows the crack" in after.text
    lines = [ln.strip() for ln in after.text.splitlines() if ln.strip()[:2] in ("E1", "E2")]
    assert lines[0].startswith("E1 (photo): Close-up with ruler")


def test_a_new_exhibit_and_a_removed_one_are_reported() -> None:
    case = _edited()
    case_ops.add_items(case, [item("new005", "photo", "Box corner")])
    draft = draft_claim(case, TODAY)
    assert (
        "E5 (photo (Box corner)) was added after you edited the text and is not cited."
        in draft.stale
    )
    assert {c.id: c.status for c in draft.checklist}["claim_current"] == "missing"
    case_ops.remove_items(case, ["pho003"])
    draft = draft_claim(case, TODAY)
    assert "The close-up (an exhibit since removed) shows the crack" in draft.text
    assert any("E3, which is no longer an exhibit" in m for m in draft.stale)
    assert any("an exhibit since removed" in p for p in draft.stale_paragraphs)


def test_switching_to_not_arrived_marks_the_old_problem_paragraph() -> None:
    case = _edited()
    case_ops.set_values(case, {"received": "no", "reason": "not_received"})
    draft = draft_claim(case, TODAY)
    assert "The item arrived damaged." in draft.text  # the shopper's text is never rewritten unseen
    assert any("problem paragraph no longer matches" in m for m in draft.stale)
    assert any("The item arrived damaged." in p for p in draft.stale_paragraphs)
    assert draft.to_dict()["stale"] == draft.stale
    regenerate(case, keep_user=True, today=TODAY)
    after = draft_claim(case, TODAY)
    assert "arrived damaged" not in after.text and "I have not received the parcel." in after.text
    assert MINE in after.text and not after.stale


def test_an_unedited_claim_is_never_stale() -> None:
    case = make_case("shopee", FACTS, CLAIM, unboxing_items())
    case_ops.move_item(case, "pho003", 0)
    assert draft_claim(case, TODAY).stale == []
