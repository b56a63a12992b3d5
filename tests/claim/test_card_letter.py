"""Build 4: a card chargeback is a letter to the bank, with the issuer's fields."""

from __future__ import annotations

from datetime import date

from evidence_kit.claim.draft import draft_claim
from tests.factories.claim import make_case, unboxing_items

TODAY = date(2026, 11, 26)
FACTS = {"order_id": "8123", "price": 45.0, "currency": "USD", "ordered": "2026-10-01",
         "store": "Example Store", "item": "USB desk fan", "tracking": "LP1"}  # fmt: skip


def test_not_received_letter_has_the_issuers_fields() -> None:
    claim = {"received": False, "reason": "not_received", "remedy": "full_refund",
             "expected_by": "2026-10-30", "contacted_seller": "2026-11-02",
             "seller_reply": "asked me to wait two more weeks", "buyer_name": "Anna K."}  # fmt: skip
    draft = draft_claim(make_case("card", FACTS, claim, []), TODAY)
    text = draft.text
    assert text.startswith("Dear card disputes team,\n\nI dispute a card payment")
    assert "I paid 45.00 USD on 2026-10-01 to Example Store for order 8123" in text
    assert "The expected delivery date was 2026-10-30; it has passed" in text
    assert "I contacted the merchant on 2026-11-02." in text
    assert "Reply from the merchant: asked me to wait two more weeks." in text
    assert "please reverse the payment of 45.00 USD (chargeback)" in text
    assert "Visa 13.1" in text and text.rstrip().endswith("Yours sincerely,\nAnna K.")
    for word in ("Hello,", "seller", "platform's messages", "Please reply by", "dispute on"):
        assert word not in text, word
    assert draft.subject.startswith("Card dispute: payment to Example Store, order 8123")
    assert "Card dispute, order 8123" in draft.short and "chargeback of 45.00 USD" in draft.short


def test_not_as_described_letter_states_the_return_and_its_tracking() -> None:
    claim = {"received": True, "reason": "not_as_described", "remedy": "return_and_refund",
             "listing_says": "metal blades", "received_is": "plastic blades",
             "contacted_seller": "2026-10-22", "return_attempted": "2026-10-25",
             "return_tracking": "RR123456789CN"}  # fmt: skip
    facts = FACTS | {"delivered": "2026-10-20"}
    draft = draft_claim(make_case("card", facts, claim, unboxing_items()), TODAY)
    assert "I received the item on 2026-10-20 (tracking LP1)." in draft.text
    assert "4. Return: I sent the item back to the merchant on 2026-10-25, tracking number RR123456789CN." in draft.text  # fmt: skip
    assert {c.id: c.status for c in draft.checklist}["card_return"] == "ok"
    no_return = {k: v for k, v in claim.items() if not k.startswith("return_")}
    draft = draft_claim(make_case("card", facts, no_return, unboxing_items()), TODAY)
    assert "I have not returned the item yet" in draft.text
    assert {c.id: c.status for c in draft.checklist}["card_return"] == "missing"


def test_a_chargeback_warns_that_it_can_void_the_platforms_guarantee() -> None:
    draft = draft_claim(make_case("card", FACTS, {"reason": "damaged"}, []), TODAY)
    assert any("void the platform's own guarantee" in n for n in draft.notes)
    assert any("void" in n for n in draft.to_dict()["notes"])
    amazon = draft_claim(make_case("amazon", FACTS, {"reason": "damaged"}, []), TODAY)
    assert any("chargeback voids the A-to-z claim" in n for n in amazon.notes)
