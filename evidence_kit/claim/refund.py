"""Partial-refund helper: a fair percentage range, and whether sending the item back pays.

The ranges are common practice, not platform rules: about 30-40% for a minor defect when
the item still works, up to 95% for a serious one, 100% when nothing usable arrived.
Platforms do not refund the shopper's return postage, so a return can cost more than it gains.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

MINOR = (30.0, 40.0)
SERIOUS = (50.0, 95.0)
NOTHING_ARRIVED = (100.0, 100.0)
# reasons where nothing usable reached the shopper
_TOTAL_LOSS = ("not_received", "empty_parcel")
# reasons that usually leave the item unusable when the shopper has not said otherwise
_SERIOUS_BY_DEFAULT = ("defective", "counterfeit", "wrong_item")


def money(value: float) -> float:
    """Round to cents the way a receipt does (half up, never banker's rounding)."""
    return float(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def format_money(value: float | None, currency: str = "") -> str:
    """'7.50 USD' (or '7.50' without a currency, '' without an amount)."""
    if value is None:
        return ""
    text = f"{money(value):.2f}"
    return f"{text} {currency}".strip()


def suggest_range(reason: str, still_works: bool | None) -> tuple[float, float]:
    """Percentage range of the price to ask for, by reason and whether the item works."""
    if reason in _TOTAL_LOSS:
        return NOTHING_ARRIVED
    if still_works is True:
        return MINOR
    if still_works is False or reason in _SERIOUS_BY_DEFAULT:
        return SERIOUS
    return MINOR


def partial_amount(price: float | None, percent: float | None) -> float | None:
    """The refund for `percent` of `price`, in cents; None when either is unknown."""
    if price is None or percent is None:
        return None
    return money(Decimal(str(price)) * Decimal(str(percent)) / Decimal(100))  # type: ignore[arg-type]


@dataclass
class RefundAdvice:
    """What to ask for, and whether a return is worth it."""

    low: float
    high: float
    suggested: float
    percent: float  # the shopper's choice, or the suggestion
    amount: float | None  # partial refund for `percent`
    return_net: float | None  # full refund minus the return postage the shopper pays
    recommend: str  # "keep_partial" | "return" | "full_refund" | ""
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def advise(
    reason: str,
    price: float | None,
    currency: str = "",
    still_works: bool | None = None,
    percent: float | None = None,
    return_postage: float | None = None,
) -> RefundAdvice:
    """Suggest a range and compare 'keep it with a partial refund' against 'return it'."""
    low, high = suggest_range(reason, still_works)
    suggested = money((low + high) / 2) if low != high else low
    chosen = percent if percent is not None else suggested
    amount = partial_amount(price, chosen)
    if reason in _TOTAL_LOSS:
        return RefundAdvice(
            low, high, suggested, 100.0, partial_amount(price, 100.0), None, "full_refund",
            "Nothing usable arrived: ask for a full refund.",
        )  # fmt: skip
    if price is None:
        return RefundAdvice(
            low, high, suggested, chosen, None, None, "",
            "Enter the price to see the amounts.",
        )  # fmt: skip
    if return_postage is None:
        return RefundAdvice(
            low, high, suggested, chosen, amount, None, "",
            "Enter what the return postage would cost you to compare keeping and returning."
            + _range_note(chosen, low, high),
        )  # fmt: skip
    net = money(price - return_postage)
    keep = amount or 0.0
    if net <= keep:
        recommend = "keep_partial"
        why = (
            f"Returning costs {format_money(return_postage, currency)} in postage, so it would bring "
            f"you {format_money(net, currency)}; keeping the item with a {chosen:g}% partial refund "
            f"brings {format_money(keep, currency)}. Keep it and ask for the partial refund."
        )
    else:
        recommend = "return"
        why = (
            f"After {format_money(return_postage, currency)} return postage a full refund still brings "
            f"{format_money(net, currency)}, more than the {format_money(keep, currency)} of a "
            f"{chosen:g}% partial refund. A return pays, if you do not want to keep the item."
        )
    return RefundAdvice(
        low, high, suggested, chosen, amount, net, recommend, why + _range_note(chosen, low, high)
    )


def _range_note(chosen: float, low: float, high: float) -> str:
    if chosen > high:
        return f" Note: {chosen:g}% is above the usual {low:g}-{high:g}%; the seller may refuse it."
    if chosen < low:
        return f" Note: {chosen:g}% is below the usual {low:g}-{high:g}%; you could ask for more."
    return ""
