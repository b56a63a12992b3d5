"""Partial-refund helper: a fair percentage range, what to ask, and whether a return pays.

The ranges are common practice, not platform rules: about 30-40% for a minor defect when
the item still works, up to 95% for a serious one, 100% when nothing usable arrived. The
suggested ask sits above the middle of the range ("with a reserve"), so there is room to
bargain down to it. Platforms do not refund the shopper's return postage, so a return can
cost more than it gains. Amounts keep the currency's own minor unit: yen and dong have none.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from evidence_kit.core import i18n
from evidence_kit.core.i18n import _

MINOR = (30.0, 40.0)
SERIOUS = (50.0, 95.0)
NOTHING_ARRIVED = (100.0, 100.0)
# reasons where nothing usable reached the shopper
_TOTAL_LOSS = ("not_received", "empty_parcel")
# reasons that usually leave the item unusable when the shopper has not said otherwise
_SERIOUS_BY_DEFAULT = ("defective", "counterfeit", "wrong_item")
RESERVE = 10.0  # percentage points asked above the middle of the range, to leave room


@lru_cache(maxsize=64)
def minor_digits(currency: str) -> int:
    """Digits after the point for a currency (CLDR via Babel): USD 2, JPY 0, VND 0, KWD 3."""
    if not currency:
        return 2
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(currency.upper()))


def money(value: float | Decimal, currency: str = "") -> float:
    """Round to the currency's minor unit the way a receipt does (half up, never banker's)."""
    step = Decimal(1).scaleb(-minor_digits(currency))
    return float(Decimal(str(value)).quantize(step, rounding=ROUND_HALF_UP))


def format_money(value: float | None, currency: str = "") -> str:
    """'7.50 USD', '1500 JPY' (or '7.50' without a currency, '' without an amount)."""
    if value is None:
        return ""
    text = f"{money(value, currency):.{minor_digits(currency)}f}"
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


def partial_amount(price: float | None, percent: float | None, currency: str = "") -> float | None:
    """The refund for `percent` of `price`, in the currency's unit; None when either is unknown."""
    if price is None or percent is None:
        return None
    return money(Decimal(str(price)) * Decimal(str(percent)) / Decimal(100), currency)


def ask_percent(low: float, high: float) -> float:
    """The opening ask: the middle of the range plus a reserve, never above its top."""
    return min(high, round((low + high) / 2 + RESERVE))


def shown_money(value: float | None, currency: str) -> str:
    """Money the shopper reads (advice, explanations, the dispute card), never sent: the
    claim's '7.50 USD' in English, '1 499,90 ₽' in Russian; '' without an amount."""
    if value is None or i18n.language() == "en":
        return format_money(value, currency)
    return i18n.format_amount(money(value, currency), currency)


@dataclass
class RefundAdvice:
    """What to ask for, and whether a return is worth it."""

    low: float
    high: float
    suggested: float  # the middle of the range: the least to settle for
    percent: float  # the shopper's choice, or the suggestion
    amount: float | None  # partial refund for `percent`
    return_net: float | None  # full refund minus the return postage the shopper pays
    recommend: str  # "keep_partial" | "return" | "full_refund" | ""
    explanation: str
    ask: float = 0.0  # the opening ask, with a reserve above `suggested`
    currency: str = ""

    def summary(self, price: float | None) -> str:
        """The range, the ask with its reserve, and keep-or-return, in plain words."""
        if self.low >= 100:
            return self.explanation
        span = f"{self.low:g}-{self.high:g}%"
        amounts = ""
        if price is not None:
            lo, hi = (partial_amount(price, p, self.currency) for p in (self.low, self.high))
            amounts = f" ({shown_money(lo, self.currency)} - {shown_money(hi, self.currency)})"
        ask = partial_amount(price, self.ask, self.currency)
        ask_amount = f", {shown_money(ask, self.currency)}" if ask is not None else ""
        line = _(
            "A partial refund for this is usually {span} of the price{amounts}. Ask for "
            "{ask}%{ask_amount}, to leave room to bargain, and settle for no less than {least}%."
        ).format(span=span, amounts=amounts, ask=f"{self.ask:g}", ask_amount=ask_amount,
                 least=f"{self.suggested:g}")  # fmt: skip
        return f"{line} {self.explanation}"

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
    amount = partial_amount(price, chosen, currency)
    extra: dict[str, Any] = {"ask": ask_percent(low, high), "currency": currency}
    if reason in _TOTAL_LOSS:
        return RefundAdvice(
            low, high, suggested, 100.0, partial_amount(price, 100.0, currency), None,
            "full_refund", _("Nothing usable arrived: ask for a full refund."), **extra,
        )  # fmt: skip
    if price is None:
        return RefundAdvice(
            low, high, suggested, chosen, None, None, "",
            _("Enter the price to see the amounts."), **extra,
        )  # fmt: skip
    if return_postage is None:
        return RefundAdvice(
            low, high, suggested, chosen, amount, None, "",
            _("Enter what the return postage would cost you to compare keeping and returning.")
            + _range_note(chosen, low, high), **extra,
        )  # fmt: skip
    net = money(price - return_postage, currency)
    keep = amount or 0.0
    if net <= keep:
        recommend = "keep_partial"
        why = _(
            "Returning costs {postage} in postage, so it would bring you {net}; keeping the item "
            "with a {percent}% partial refund brings {keep}. Keep it and ask for the partial refund."
        )
    else:
        recommend = "return"
        why = _(
            "After {postage} return postage a full refund still brings {net}, more than the "
            "{keep} of a {percent}% partial refund. A return pays, if you do not want to keep the item."
        )
    why = why.format(postage=shown_money(return_postage, currency), net=shown_money(net, currency),
                     keep=shown_money(keep, currency), percent=f"{chosen:g}")  # fmt: skip
    return RefundAdvice(
        low, high, suggested, chosen, amount, net, recommend,
        why + _range_note(chosen, low, high), **extra,
    )  # fmt: skip


def _range_note(chosen: float, low: float, high: float) -> str:
    if chosen > high:
        note = _("Note: {chosen}% is above the usual {low}-{high}%; the seller may refuse it.")
    elif chosen < low:
        note = _("Note: {chosen}% is below the usual {low}-{high}%; you could ask for more.")
    else:
        return ""
    return " " + note.format(chosen=f"{chosen:g}", low=f"{low:g}", high=f"{high:g}")
