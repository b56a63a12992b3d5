"""The shopper's edited text: stored, printed, and kept (or replaced) on regenerate."""

from __future__ import annotations

from datetime import date

import pytest

from evidence_kit.claim.draft import draft_claim
from evidence_kit.claim.edits import clear_text, plan_regenerate, regenerate, set_text
from evidence_kit.core.errors import InvalidValueError
from tests.factories.claim import make_case, unboxing_items

TODAY = date(2026, 11, 26)
MY_PARAGRAPH = "I bought this as a gift and need it before the 10th."


def _case():
    return make_case(
        "ebay",
        {"order_id": "77", "price": 20.0, "currency": "USD", "delivered": "2026-11-20"},
        {"received": True, "reason": "damaged", "remedy": "partial_refund", "refund_percent": 50},
        unboxing_items(),
    )


def _with_my_paragraph(case) -> str:
    parts = draft_claim(case, TODAY).text.split("\n\n")
    parts.insert(2, MY_PARAGRAPH)  # after the order facts
    return "\n\n".join(parts)


def test_edited_text_is_what_the_draft_returns() -> None:
    case = _case()
    text = _with_my_paragraph(case)
    set_text(case, text, TODAY)
    draft = draft_claim(case, TODAY)
    assert draft.text == text and draft.edited
    assert case.log[-1].action == "claim_text_edited"


def test_setting_the_generated_text_clears_the_edit() -> None:
    case = _case()
    set_text(case, draft_claim(case, TODAY).generated, TODAY)
    assert "text" not in case.claim
    assert not draft_claim(case, TODAY).edited


def test_regenerate_keeps_own_paragraph_and_updates_the_rest() -> None:
    case = _case()
    set_text(case, _with_my_paragraph(case), TODAY)
    case.claim["refund_percent"] = 25.0  # the facts change after the edit
    assert any("Regenerate" in w for w in draft_claim(case, TODAY).warnings)
    plan = plan_regenerate(case, TODAY)
    assert plan.needs_confirmation and plan.user_paragraphs == [MY_PARAGRAPH]
    regenerate(case, keep_user=True, today=TODAY)
    text = draft_claim(case, TODAY).text
    assert "a partial refund of 5.00 USD (25% of 20.00 USD)" in text
    assert "10.00 USD (50%" not in text
    paras = text.split("\n\n")
    assert paras[2] == MY_PARAGRAPH and paras[1].startswith("1. Order facts")
    assert not any("Regenerate" in w for w in draft_claim(case, TODAY).warnings)


def test_regenerate_keeps_an_edited_section_over_the_new_one() -> None:
    case = _case()
    text = draft_claim(case, TODAY).text.replace(
        "The item arrived damaged.", "The handle fell off."
    )
    set_text(case, text, TODAY)
    case.facts.price = 30.0
    plan = plan_regenerate(case, TODAY)
    assert (
        "problem" not in plan.kept_sections
    )  # the problem paragraph did not change in the fresh draft
    regenerate(case, keep_user=True, today=TODAY)
    out = draft_claim(case, TODAY).text
    assert "The handle fell off." in out and "The item arrived damaged." not in out
    assert "15.00 USD (50% of 30.00 USD)" in out


def test_regenerate_replacing_everything() -> None:
    case = _case()
    set_text(case, _with_my_paragraph(case), TODAY)
    regenerate(case, keep_user=False, today=TODAY)
    draft = draft_claim(case, TODAY)
    assert MY_PARAGRAPH not in draft.text and not draft.edited
    assert "text" not in case.claim and "text_base" not in case.claim


def test_regenerate_without_edits_needs_no_confirmation() -> None:
    assert not plan_regenerate(_case(), TODAY).needs_confirmation


def test_clear_and_limits() -> None:
    case = _case()
    set_text(case, "Only my words.", TODAY)
    clear_text(case)
    assert not draft_claim(case, TODAY).edited
    with pytest.raises(InvalidValueError):
        set_text(case, "x" * 20_001, TODAY)


def test_ascii_platform_transliterates_the_edited_text() -> None:
    case = _case()
    case.facts.platform = "aliexpress"
    set_text(case, draft_claim(case, TODAY).text + "\n\nРучка отломана.", TODAY)
    assert draft_claim(case, TODAY).text.endswith("Ruchka otlomana.")


def test_edited_text_with_a_phone_number_is_flagged() -> None:
    case = _case()
    set_text(case, draft_claim(case, TODAY).text + "\n\nCall me on +44 7700 900123.", TODAY)
    draft = draft_claim(case, TODAY)
    assert any("edited claim text" in w and "phone number" in w for w in draft.warnings)
    (found,) = draft.pending_suggestions
    assert found["field"] == "text" and found["found"] == "Call me on +44 7700 900123."
