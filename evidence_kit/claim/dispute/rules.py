"""The dispute's rules from dispute_rules.json: each platform's timers and refund arrival times.

A timer that names a `rule` takes its days, calendar or business, source and confidence from
that deadline in platform_rules.json, so one value is written once. Every timer and every
refund time carries a source id and a confidence; one with no source is a design default.

The shopper-facing words (a timer's name and what happens when it runs out, a payment
method's label, the late-refund advice) come in the current language (core.i18n; the
catalog holds them, scripts/update_translations.py extracts them from the JSON).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from evidence_kit.claim import rules as platform_rules
from evidence_kit.core.case_values import PAYMENT_METHODS
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.i18n import translated

__all__ = ["PAYMENT_METHODS"]
DEFAULT_METHOD = "card"  # the longest usual wait, so an unset method is never promised early


@lru_cache(maxsize=1)
def _load() -> dict[str, Any]:
    text = resources.files("evidence_kit.claim").joinpath("dispute_rules.json").read_text("utf-8")
    return json.loads(text)


@dataclass(frozen=True)
class Timer:
    """One clock of the dispute: which events start and stop it, and how long it runs."""

    id: str
    name: str
    days: int
    business_days: bool
    starts: tuple[str, ...]  # event kinds; "seller_replied:offer" matches one reply
    stops: tuple[str, ...]
    kind: str  # last: the shopper must act by then; wait: the other side has until then;
    # earliest: the shopper may act from then
    who: str  # buyer | seller | platform
    source: str  # a source id, or "default"
    confidence: str  # H | M | L | default
    miss: str = ""  # what happens when it runs out
    days_from: str = ""  # "refund_arrival": the days depend on the payment method


def _timer(raw: dict[str, Any], platform_id: str) -> Timer:
    base: dict[str, Any] = {}
    if raw.get("rule"):
        base = next(
            (r for r in platform_rules.deadline_rules(platform_id) if r["id"] == raw["rule"]), {}
        )
        if not base:
            raise InvalidValueError(f"dispute_rules.json: {platform_id} has no rule {raw['rule']}")
    value = {**base, **{k: v for k, v in raw.items() if k != "rule"}}
    return Timer(
        id=value["id"],
        name=translated(value.get("name", value["id"])),
        days=int(value.get("days", 0)),
        business_days=bool(value.get("business_days")),
        starts=tuple(value["starts"]),
        stops=tuple(value.get("stops", ())),
        kind=value.get("kind", "last"),
        who=value.get("who", "buyer"),
        source=value.get("source") or "default",
        confidence=value.get("confidence") or "default",
        miss=_miss(value.get("miss", "")),
        days_from=value.get("days_from", ""),
    )


def _miss(text: str) -> str:
    """What happens when a timer runs out, in the current language ("late_refund" names the
    advice late_refund_advice gives)."""
    return text if text == "late_refund" else translated(text)


def timers(platform_id: str) -> list[Timer]:
    """The platform's timers, then the ones every platform has (the refund's arrival)."""
    data = _load()
    own = data["platforms"].get(platform_id, {}).get("timers", [])
    return [_timer(t, platform_id) for t in [*own, *data["common_timers"]]]


@dataclass(frozen=True)
class RefundTime:
    """How long a refund takes to reach the shopper by one payment method."""

    method: str
    label: str
    min_days: int
    max_days: int
    business_days: bool
    source: str
    confidence: str
    note: str


def refund_time(platform_id: str, method: str) -> RefundTime:
    """The refund's arrival time for this payment method (a platform's own value first)."""
    data = _load()
    method = method if method in PAYMENT_METHODS else DEFAULT_METHOD
    value = {
        **data["refund_arrival"][method],
        **data["refund_arrival_by_platform"].get(platform_id, {}).get(method, {}),
    }
    return RefundTime(
        method=method,
        label=translated(value["label"]),
        min_days=int(value["min_days"]),
        max_days=int(value["max_days"]),
        business_days=bool(value.get("business_days")),
        source=value.get("source") or "default",
        confidence=value.get("confidence") or "default",
        note=translated(value.get("note", "")),
    )


def late_refund_advice(platform_id: str) -> str:
    """What to do when the refund has not come in time."""
    return translated(str(_load()["late_refund"])).format(
        platform=platform_rules.platform_name(platform_id)
    )


def source_title(source_id: str) -> str:
    """The title of a source id from either rules file ('' for a default)."""
    for doc in (_load(), platform_rules.load_rules()):
        entry = doc.get("sources", {}).get(source_id)
        if entry:
            return str(entry["title"])
    return ""
