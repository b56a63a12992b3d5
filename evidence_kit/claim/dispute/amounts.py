"""The money of the dispute: the seller's offer, the counter-figure with a reserve, the refund
the shopper is owed.

The counter sits at the claim's opening ask (refund.py: the middle of the usual range plus a
reserve), so the shopper has room to come down to the least they settle for; it is never
below the seller's own offer. When nothing usable arrived, only a full refund is fair.
"""

from __future__ import annotations

from dataclasses import dataclass

from evidence_kit.claim.refund import advise, partial_amount
from evidence_kit.core.events import Event, last_of
from evidence_kit.core.model import Case

_TOTAL_LOSS = ("not_received", "empty_parcel")


@dataclass
class Counter:
    """The answer to an offer: what the seller offered and what to ask instead."""

    price: float | None
    currency: str
    offer: float | None
    offer_percent: float | None
    counter: float | None  # what to ask
    percent: float | None
    floor: float | None  # the least to settle for (shown in the app, never in the message)
    floor_percent: float | None
    full_only: bool  # nothing usable arrived: a full refund, no partial

    @property
    def acceptable(self) -> bool:
        """The offer reaches the least the shopper should settle for."""
        return self.offer is not None and self.floor is not None and self.offer >= self.floor


def _percent(amount: float | None, price: float | None) -> float | None:
    if amount is None or not price:
        return None
    return round(100 * amount / price, 1)


def latest_offer(case: Case) -> Event | None:
    """The seller's latest offer, or None."""
    offers = [e for e in case.events if e.kind == "seller_replied" and e.reply == "offer"]
    return offers[-1] if offers else None


def counter(case: Case) -> Counter:
    """The counter-figure for the seller's latest offer."""
    facts, claim = case.facts, case.claim
    price, currency = facts.price, facts.currency
    offer_event = latest_offer(case)
    offer = offer_event.amount if offer_event else None
    reason = str(claim.get("reason") or "")
    if reason in _TOTAL_LOSS or claim.get("received") is False:
        return Counter(price, currency, offer, _percent(offer, price), price, 100.0, price,
                       100.0, True)  # fmt: skip
    advice = advise(reason or "not_as_described", price, currency, claim.get("still_works"),
                    claim.get("refund_percent"))  # fmt: skip
    ask = max(advice.ask, float(claim.get("refund_percent") or 0))
    amount = partial_amount(price, ask, currency)
    floor = partial_amount(price, advice.suggested, currency)
    if offer is not None and amount is not None and amount <= offer:
        amount, ask = offer, _percent(offer, price) or ask  # never ask for less than offered
    return Counter(price, currency, offer, _percent(offer, price), amount, ask, floor,
                   advice.suggested, False)  # fmt: skip


def owed(case: Case) -> float | None:
    """The refund the shopper should get now: an amount decided or agreed, else the claim's."""
    decided = last_of(case.events, "closed_won")
    if decided is not None and decided.amount is not None:
        return decided.amount
    if last_of(case.events, "return_agreed", "return_shipped", "seller_received"):
        return case.facts.price  # a return is for the full price
    claim = case.claim
    if claim.get("remedy") == "partial_refund" and claim.get("refund_percent") is not None:
        return partial_amount(case.facts.price, float(claim["refund_percent"]), case.facts.currency)
    return case.facts.price


def refunded(case: Case) -> float:
    """What has come back so far (the refund events' amounts)."""
    return sum(e.amount or 0.0 for e in case.events if e.kind == "refund_received")
