"""What a fact or a claim value may be: the shared vocabularies (reasons, remedies, payment
methods, aspects), numbers and dates as people type them, and the dates that cannot be true.

`normalize_fact` and `normalize_claim` check and convert one value as typed, in the CLI, the
GUI and the claim drafting alike; the case edits in case_ops call them before they set it.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from evidence_kit.core import case_checks
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.model import CLAIM_KEYS, FACT_KEYS, PLATFORMS

REASONS = (
    "not_received",
    "not_as_described",
    "defective",
    "wrong_item",
    "missing_parts",
    "damaged",
    "counterfeit",
    "wrong_size",
    "empty_parcel",
)
REMEDIES = ("full_refund", "partial_refund", "return_and_refund", "replacement")
PAYMENT_METHODS = ("card", "e_wallet", "bank_transfer", "alipay")  # claim/dispute/rules.py
ASPECTS = ("size", "colour", "material", "function", "quantity", "weight", "other")


def _parse_date(key: str, value: str) -> str:
    if not value:
        return ""
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InvalidValueError(f"{key} must be a date like 2026-11-20, not '{value}'") from exc
    if not case_checks.day_in_range(parsed):
        raise InvalidValueError(
            f"{key} must be between {case_checks.FIRST_DAY} and {case_checks.LAST_DAY}"
        )
    return parsed.isoformat()


@lru_cache(maxsize=1)
def currencies() -> frozenset[str]:
    """ISO 4217 codes that are legal tender somewhere today (CLDR data, through Babel)."""
    from babel import Locale
    from babel.numbers import get_territory_currencies

    today = date.today()
    territories = [str(t) for t in Locale("en").territories]
    return frozenset(
        code
        for territory in territories
        if len(territory) == 2 and territory.isalpha()
        for code in get_territory_currencies(territory, today, tender=True)
    )


def parse_number(key: str, value: Any) -> float | None:
    """A number as people type it: "1499.90", "1 499,90", "1,499.90", "1.499,90", "12,5"."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    compact = re.sub(r"[\s\u00a0\u202f']", "", text).rstrip("%")
    if "," in compact and "." in compact:  # the later mark is the decimal one
        thousands = "," if compact.rfind(",") < compact.rfind(".") else "."
        compact = compact.replace(thousands, "").replace(",", ".")
    elif re.fullmatch(r"[1-9]\d{0,2}([.,])\d{3}(\1\d{3})*", compact):
        compact = re.sub(r"[.,]", "", compact)  # "1,499" or "1.499.000": digit groups
    else:
        compact = compact.replace(",", ".")
    try:
        number = float(compact)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or not re.fullmatch(r"-?\d+(\.\d+)?", compact):
        raise InvalidValueError(
            f"{key} must be a number like 1499.90 (1 499,90 and 1,499.90 work too), not '{value}'"
        )
    return number


def normalize_fact(key: str, value: Any) -> Any:
    """Check and convert one fact as typed by a user."""
    if key not in FACT_KEYS:
        raise InvalidValueError(f"'{key}' is not a fact; known: {', '.join(FACT_KEYS)}")
    text = "" if value is None else str(value).strip()
    if key == "platform":
        text = text.lower()
        if text and text not in PLATFORMS:
            raise InvalidValueError(f"platform must be one of {', '.join(PLATFORMS)}")
        return text
    if key == "price":
        price = parse_number(key, text)
        if price is not None and not 0 < price <= 1e9:
            raise InvalidValueError(f"price must be more than 0 (what you paid), not '{value}'")
        return None if price is None else round(price, 2)
    if key == "currency":
        if text and text.upper() not in currencies():
            raise InvalidValueError(
                f"currency must be an ISO 4217 code like USD, EUR or RUB, not '{value}'"
            )
        return text.upper()
    if key in ("ordered", "delivered"):
        return _parse_date(key, text)
    return text


def normalize_claim(key: str, value: Any) -> Any:
    """Check and convert one claim choice as typed by a user."""
    if key not in CLAIM_KEYS:
        raise InvalidValueError(f"'{key}' is not a claim key; known: {', '.join(CLAIM_KEYS)}")
    text = "" if value is None else str(value).strip()
    if key in ("received", "still_works"):
        low = text.lower()
        if low in ("yes", "y", "true", "1"):
            return True
        if low in ("no", "n", "false", "0"):
            return False
        if not low:
            return None
        raise InvalidValueError(f"{key} must be yes or no")
    choices = {"reason": REASONS, "remedy": REMEDIES, "payment_method": PAYMENT_METHODS}
    if key in choices:
        if text and text not in choices[key]:
            raise InvalidValueError(f"{key} must be one of {', '.join(choices[key])}")
        return text
    if key == "refund_percent":
        pct = parse_number(key, text)
        if pct is not None and pct >= 100:
            raise InvalidValueError(
                f"refund_percent={value} is a full refund, not a partial one: set remedy=full_refund"
            )
        if pct is not None and pct < 1:
            raise InvalidValueError(
                f"refund_percent must be from 1 to 99 (a share of the price), not '{value}'"
            )
        return pct
    if key == "country":
        from babel import Locale

        code = text.upper()
        if code and (len(code) != 2 or code not in Locale("en").territories):
            raise InvalidValueError(
                f"country must be a 2-letter code like RU, DE or US, not '{value}'"
            )
        return code
    if key in DATE_CLAIM_KEYS:
        return _parse_date(key, text)
    if key == "aspect":
        # one or more, separated by ';' to pair with listing_says/received_is parts
        parts = [p.strip().lower().replace("color", "colour") for p in text.split(";")]
        bad = [p for p in parts if p and p not in ASPECTS]
        if bad:
            raise InvalidValueError(f"aspect must be one of {', '.join(ASPECTS)}, not '{bad[0]}'")
        return "; ".join(p for p in parts if p)
    if key == "return_postage":
        postage = parse_number(key, text)
        if postage is not None and not 0 <= postage <= 1e9:
            raise InvalidValueError("return_postage must be between 0 and 1e9")
        return None if postage is None else round(postage, 2)
    return text


DATE_CLAIM_KEYS = (
    "contacted_seller", "expected_by", "dispute_opened", "return_agreed", "return_attempted",
)  # fmt: skip
_NOT_BEFORE_ORDER = ("delivered", "expected_by", *DATE_CLAIM_KEYS)
_NOT_IN_FUTURE = ("ordered", "delivered", "contacted_seller", "dispute_opened", "return_agreed",
                  "return_attempted")  # fmt: skip


def check_dates(
    facts: dict[str, Any], claim: dict[str, Any], changed: set[str], today: date | None = None
) -> None:
    """Refuse dates that cannot be true: a delivery before the order, a contact in the future.

    Only rules that involve a `changed` key are checked, so an old hand-edited value never
    blocks an unrelated edit. A day of slack allows for time zones.
    """
    latest = (today or date.today()) + timedelta(days=1)
    dates = {**{k: facts.get(k) for k in ("ordered", "delivered")}, **claim}
    ordered = _iso(dates.get("ordered"))
    for key in changed:
        day = _iso(dates.get(key))
        if day is None:
            continue
        if key in _NOT_IN_FUTURE and day > latest:
            hint = ": for a date still to come, set expected_by" if key == "delivered" else ""
            raise InvalidValueError(f"{key} ({day}) is in the future{hint}")
        if key in _NOT_BEFORE_ORDER and ordered and day < ordered:
            raise InvalidValueError(f"{key} ({day}) is before the order date ({ordered})")
    if "ordered" in changed and ordered:
        for key in _NOT_BEFORE_ORDER:
            day = _iso(dates.get(key))
            if day and day < ordered:
                raise InvalidValueError(f"ordered ({ordered}) is after {key} ({day})")


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None
