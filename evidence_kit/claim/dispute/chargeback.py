"""The chargeback letter to the bank after a platform dispute: the claim layer's card letter
(claim/card_letter.py) with the platform dispute's history and what came back so far."""

from __future__ import annotations

from evidence_kit.claim import card_letter, templates
from evidence_kit.claim.dispute.context import Context, history
from evidence_kit.claim.dispute.message_texts import Words


def chargeback(c: Context) -> Words:
    """The letter, its subject and its short version."""
    sections = card_letter.build(c.case, c.i, c.exhibits)
    paragraphs = [text for _, text in sections]
    if c.events and not c.i.is_card:
        where = next(n for n, (key, _) in enumerate(sections) if key == "done")
        contact = f"I contacted the merchant on {c.i.contacted}. " if c.i.contacted else ""
        paragraphs[where] = (
            f"3. Resolving it with the merchant: {contact}I opened a dispute with {c.platform}; "
            "what happened:\n" + history(c)
        )
    owed = c.money(c.owed) or c.paid
    if c.refunded and c.i.price is not None:
        rest = c.money(max(c.i.price - c.refunded, 0.0))
        request = next(n for n, (key, _) in enumerate(sections) if key == "request")
        number = paragraphs[request].split(".", 1)[0]
        paragraphs[request] = (
            f"{number}. Request: the merchant refunded only {c.money(c.refunded)} of {c.paid}; "
            f"please reverse the remaining {rest} of this payment (chargeback)."
        )
        owed = rest
    store = f" to {c.i.store}" if c.i.store else ""
    return Words(
        "bank",
        card_letter.subject(c.i),
        paragraphs,
        [
            (0, f"Card dispute: payment of {c.paid}{store}, order {c.order}."),
            (1, c.i.reason and f"Problem: {templates.REASON_SHORT.get(c.i.reason, '')}."),
            (2, f"Merchant contacted{f' {c.i.contacted}' if c.i.contacted else ''}; no refund."),
            (0, f"Evidence: {c.span()}." if c.exhibits else ""),
            (0, f"Request: chargeback of {owed}."),
        ],
    )
