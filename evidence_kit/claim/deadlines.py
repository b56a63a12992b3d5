"""Deadlines from the order and delivery dates and the platform's rules.

Each rule counts N calendar or business days from an anchor: the delivery (or expected
delivery) date, the order date, the day the dispute is opened, or the day a return is
agreed. Dates the shopper has not reached yet (opening the dispute, agreeing a return)
are taken as today, so the shopper sees "if you open it today, the seller has until ...".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from evidence_kit.claim import rules
from evidence_kit.core.model import Case

SOON_DAYS = 3


@dataclass
class Deadline:
    """One dated deadline, with where it comes from."""

    id: str
    name: str
    date: str  # ISO date, the last day
    days_left: int
    source: str  # source id, or "default"
    confidence: str  # H | M | L | default
    status: str  # ok | soon | closed
    basis: str  # "15 days after delivery (2026-11-20)"
    note: str = ""
    assumed: bool = False  # counted from today because the event has not happened yet

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def add_business_days(start: date, days: int) -> date:
    """`days` working days after `start`, skipping Saturdays and Sundays."""
    current = start
    left = days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def _iso(value: Any) -> date | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def anchors(case: Case, today: date) -> dict[str, tuple[date, str]]:
    """Anchor name -> (date, how it was found)."""
    claim = case.claim
    out: dict[str, tuple[date, str]] = {}
    delivered = _iso(case.facts.delivered)
    expected = _iso(claim.get("expected_by"))
    if delivered:
        out["delivered"] = (delivered, f"delivery ({delivered.isoformat()})")
    elif expected:
        out["delivered"] = (expected, f"the latest expected delivery ({expected.isoformat()})")
    ordered = _iso(case.facts.ordered)
    if ordered:
        out["ordered"] = (ordered, f"the order ({ordered.isoformat()})")
    for key, label in (
        ("dispute_opened", "opening the dispute"),
        ("return_agreed", "the agreed return"),
    ):
        day = _iso(claim.get(key))
        out[key] = (day, f"{label} ({day.isoformat()})") if day else (today, f"{label}, if today")
    contacted = _iso(claim.get("contacted_seller"))
    if contacted:
        out["contacted_seller"] = (contacted, f"contacting the seller ({contacted.isoformat()})")
    return out


def _assumed(case: Case, anchor: str) -> bool:
    return anchor in ("dispute_opened", "return_agreed") and not _iso(case.claim.get(anchor))


def status_for(days_left: int) -> str:
    """closed once the day has passed; soon within 3 days; ok otherwise."""
    if days_left < 0:
        return "closed"
    if days_left <= SOON_DAYS:
        return "soon"
    return "ok"


def _applies(rule: dict[str, Any], case: Case) -> bool:
    when = rule.get("when", "always")
    if when == "return":
        return case.claim.get("remedy") == "return_and_refund" or bool(
            case.claim.get("return_agreed")
        )
    return when == "always"


def _dated(rule: dict[str, Any], start: date, days: int) -> date:
    if rule.get("business_days"):
        return add_business_days(start, days)
    return start + timedelta(days=days)


def compute(case: Case, today: date | None = None) -> list[Deadline]:
    """The deadlines that apply to this case, soonest first within the rule order."""
    today = today or date.today()
    platform_id = case.facts.platform
    if not platform_id:
        return []
    found = anchors(case, today)
    out: list[Deadline] = []
    for rule in rules.deadline_rules(platform_id):
        if not _applies(rule, case):
            continue
        days, source, confidence = rule["days"], rule.get("source"), rule.get("confidence")
        anchor = found.get(rule["from"])
        if anchor is None and rule.get("fallback"):
            fb = rule["fallback"]
            anchor = found.get(fb["from"])
            days, source, confidence = fb["days"], fb.get("source"), fb.get("confidence")
        if anchor is None:
            continue
        start, how = anchor
        end = _dated(rule, start, days)
        unit = "business days" if rule.get("business_days") else "days"
        left = (end - today).days
        note = rule.get("note", "")
        if not source or confidence in ("default", "L"):
            note = (note + " " if note else "") + f"Not certain: {rules.CHECK_ORDER_PAGE}."
        out.append(
            Deadline(
                id=rule["id"],
                name=rule["name"],
                date=end.isoformat(),
                days_left=left,
                source=source or "default",
                confidence=confidence or "default",
                status=status_for(left),
                basis=f"{days} {unit} after {how}",
                note=note,
                assumed=_assumed(case, rule["from"]),
            )
        )
    return out


def earliest_filing(case: Case) -> date | None:
    """Platforms that make the shopper wait after contacting the seller (Amazon: 2 business
    days): the first day the claim may be filed, or None when no such rule applies."""
    platform_id = case.facts.platform
    contacted = _iso(case.claim.get("contacted_seller"))
    if not platform_id or not contacted:
        return None
    for rule in rules.deadline_rules(platform_id):
        if rule.get("when") == "earliest" and rule["from"] == "contacted_seller":
            return _dated(rule, contacted, rule["days"])
    return None


def reply_by(case: Case, today: date) -> date:
    """The reply-by date for the claim: the seller's window if the platform has one, else
    7 days, never after the last day to open the dispute."""
    items = {d.id: d for d in compute(case, today)}
    if "seller_response" in items:
        return date.fromisoformat(items["seller_response"].date)
    target = today + timedelta(days=7)
    if "open_dispute" in items:
        last = date.fromisoformat(items["open_dispute"].date)
        if today <= last < target:
            target = last
    return target
