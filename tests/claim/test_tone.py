"""Defect 2: the tone filter flags and suggests; it never deletes facts or damages names."""

from __future__ import annotations

from datetime import date

from evidence_kit.claim.draft import draft_claim
from tests.factories.claim import make_case, unboxing_items

TODAY = date(2026, 11, 26)
FACTS = {"order_id": "77", "price": 20.0, "currency": "USD", "delivered": "2026-11-20"}
CLAIM = {"received": True, "reason": "damaged", "remedy": "full_refund"}


def _draft(notes: str, platform: str = "ebay", item: str = "Desk lamp"):
    case = make_case(platform, FACTS | {"item": item}, CLAIM | {"notes": notes}, unboxing_items())
    return case, draft_claim(case, TODAY)


def _accept_all(case) -> None:
    from evidence_kit.claim.wording import set_decision

    ids = [s["id"] for s in draft_claim(case, TODAY).pending_suggestions]
    set_decision(case, ids, "accept", ids)


def test_facts_with_lying_police_report_and_court_survive() -> None:
    notes = ("I measured it lying flat: 27 cm, not 42 cm. The courier left it in the court of the "
             "building. A police report (No. 4411) is attached.")  # fmt: skip
    _, draft = _draft(notes)
    assert notes in draft.text
    assert draft.to_dict()["suggestions"] == []


def test_rude_words_are_flagged_with_a_calmer_suggestion_not_deleted() -> None:
    case, draft = _draft("The seller sent junk. It stopped working after 2 days.")
    assert "The seller sent junk." in draft.text  # kept until the shopper decides
    (s,) = draft.to_dict()["suggestions"]
    assert s["kind"] == "insult" and s["suggestion"] == "The seller sent a poor-quality item."
    _accept_all(case)
    after = draft_claim(case, TODAY).text
    assert "The seller sent a poor-quality item. It stopped working after 2 days." in after


def test_threats_are_flagged_and_leave_only_when_accepted() -> None:
    case, draft = _draft("The lamp is cracked. I will sue you and leave a bad review.")
    assert "I will sue you" in draft.text
    kinds = [s["kind"] for s in draft.to_dict()["suggestions"]]
    assert kinds == ["threat"]
    _accept_all(case)
    after = draft_claim(case, TODAY).text
    assert "Details: The lamp is cracked.\n" in after and "sue" not in after


def test_brands_and_acronyms_keep_their_case() -> None:
    notes = "The ASUS ROG charger, the RGB strip of the LEGO set and the TWS earbuds are broken."
    _, draft = _draft(notes, item="JBL Tune 510BT headphones")
    assert notes in draft.text and '"JBL Tune 510BT headphones"' in draft.text
    assert "JBL Tune" in draft.short
    assert draft.to_dict()["suggestions"] == []


def test_cyrillic_capitals_are_shouting_and_calm_down_before_transliteration() -> None:
    case, draft = _draft("ТОВАР НЕ РАБОТАЕТ!!!", platform="aliexpress")
    (s,) = draft.to_dict()["suggestions"]
    assert s["kind"] == "shouting" and s["suggestion"] == "Товар не работает."
    _accept_all(case)
    after = draft_claim(case, TODAY)
    assert "Tovar ne rabotaet." in after.text and "TOVAR" not in after.text


def test_a_shouted_sentence_keeps_the_items_own_name() -> None:
    case, draft = _draft("MY JBL SPEAKER DOES NOT WORK AT ALL", item="JBL Flip 6")
    (s,) = draft.to_dict()["suggestions"]
    assert s["suggestion"] == "My JBL speaker does not work at all"
