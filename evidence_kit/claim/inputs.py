"""The inputs of the claim text, gathered once from the case: facts, choices, amounts, words.

Everything the shopper typed comes through the wording review (findings.py), so the text
uses exactly the words the shopper accepted or kept. On forms that take English characters
only, the buyer's name is spelled by its own standard (Ukrainian names: Hryhorii, Yuliia).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from evidence_kit.claim import deadlines, rules, templates
from evidence_kit.claim.refund import RefundAdvice, advise
from evidence_kit.claim.transliterate import name_to_ascii
from evidence_kit.claim.wording import Review
from evidence_kit.core.model import Case

#: reasons where nothing arrived that could be sent back
NOTHING_TO_RETURN = ("not_received", "empty_parcel")


@dataclass
class ClaimInputs:
    """What the text is made of."""

    platform_id: str
    platform_name: str
    short_name: str  # "AliExpress", "the card issuer"
    subject_name: str  # "AliExpress order", "Card dispute for order"
    order_id: str
    item: str
    price: float | None
    currency: str
    store: str
    tracking: str
    ordered: str
    delivered: str
    expected: str
    reason: str
    reason_label: str
    remedy: str
    percent: float | None
    amount: float | None
    received: bool
    notes: str
    contacted: str
    seller_reply: str
    dispute_opened: str
    return_attempted: str
    return_tracking: str
    reply_by: str
    buyer: str
    diffs: list[templates.Difference] = field(default_factory=list)
    refund: RefundAdvice | None = None
    ascii_only: bool = False

    @property
    def can_return(self) -> bool:
        """True when there is an item the shopper could send back."""
        return self.received and self.reason not in NOTHING_TO_RETURN

    @property
    def is_card(self) -> bool:
        return self.platform_id == "card"


def _text(claim: dict, key: str) -> str:
    value = claim.get(key)
    return "" if value is None else str(value).strip()


def gather(
    case: Case, today: date, review: Review, warnings: list[str], ascii_only: bool
) -> ClaimInputs:
    """Collect the inputs; adds a warning when a choice had to be assumed."""
    claim, facts = case.claim, case.facts
    platform_id = facts.platform
    reason = _text(claim, "reason")
    received = claim.get("received") is not False and reason != "not_received"
    remedy = _text(claim, "remedy")
    if not remedy:
        remedy = "full_refund"
        warnings.append("No remedy chosen: the draft asks for a full refund.")
    if remedy == "partial_refund" and reason in NOTHING_TO_RETURN:
        remedy = "full_refund"  # nothing usable arrived: a share of nothing is no remedy
        warnings.append("Nothing usable arrived, so the draft asks for a full refund.")
    entry = rules.reason(platform_id, reason) if platform_id and reason else None
    advice = None
    if reason:
        advice = advise(
            reason,
            facts.price,
            facts.currency,
            claim.get("still_works"),
            claim.get("refund_percent"),
            claim.get("return_postage"),
        )
    percent = amount = None
    if remedy == "partial_refund" and advice is not None:
        percent, amount = advice.percent, advice.amount
    elif remedy in ("full_refund", "return_and_refund"):
        amount = facts.price
    reviewed = {
        "listing_says": review.text("listing_says"),
        "received_is": review.text("received_is"),
        "aspect": claim.get("aspect"),
    }
    buyer = review.text("buyer_name").strip()
    if ascii_only and buyer:
        buyer = name_to_ascii(buyer, ukrainian=str(claim.get("country") or "").upper() == "UA")
    return ClaimInputs(
        platform_id=platform_id,
        platform_name=rules.platform_name(platform_id),
        short_name=rules.platform_field(platform_id, "short_name", "the platform"),
        subject_name=rules.platform_field(platform_id, "subject_name", "Order"),
        order_id=facts.order_id,
        item=review.text("item").strip(),
        price=facts.price,
        currency=facts.currency,
        store=review.text("store").strip(),
        tracking=facts.tracking,
        ordered=facts.ordered,
        delivered=facts.delivered,
        expected=_text(claim, "expected_by"),
        reason=reason,
        reason_label=entry["label"] if entry else "",
        remedy=remedy,
        percent=percent,
        amount=amount,
        received=received,
        notes=review.text("notes").strip(),
        contacted=_text(claim, "contacted_seller"),
        seller_reply=review.text("seller_reply").strip(),
        dispute_opened=_text(claim, "dispute_opened"),
        return_attempted=_text(claim, "return_attempted"),
        return_tracking=_text(claim, "return_tracking"),
        reply_by=deadlines.reply_by(case, today).isoformat(),
        buyer=buyer,
        diffs=templates.differences(reviewed),
        refund=advice,
        ascii_only=ascii_only,
    )
