"""Deadlines from the order and delivery dates and the platform's rules.

Each rule counts N calendar or business days from the anchor its source names: the delivery
(or expected delivery) date, the order date, the day the dispute is opened, or the day a
return is agreed. Dates the shopper has not reached yet (opening the dispute, agreeing a
return) are taken as today, so the shopper sees "if you open it today, the seller has
until ...". A window whose anchor is missing is never guessed into "closed": it is shown as
an estimate from the order date, with status "unknown" and the date the shopper should enter.

Earliest-filing rules say when a claim may be filed at all (Amazon: 3 days after the latest
estimated delivery for a parcel that did not come; Visa 13.1: once the expected date passed).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from evidence_kit.claim import rules
from evidence_kit.claim.language import home_region
from evidence_kit.core.events import first_day
from evidence_kit.core.i18n import N_, ngettext
from evidence_kit.core.model import Case

SOON_DAYS = 3
#: what to enter when an anchor is missing (marked for the catalog, translated where shown)
NEEDS = {
    "delivered": N_("the delivery date (or, if it has not come, the date it was expected)"),
    "expected": N_("the latest expected delivery date (expected_by)"),
    "ordered": N_("the order date"),
}


@dataclass
class Deadline:
    """One dated deadline, with where it comes from."""

    id: str
    name: str
    date: str  # ISO date: the last day, or for kind "earliest" the first day
    days_left: int
    source: str  # source id, or "default"
    confidence: str  # H | M | L | default
    status: str  # ok | soon | closed | unknown (anchor missing) | wait (earliest not reached)
    basis: str  # "15 days after delivery (2026-11-20)"
    note: str = ""
    assumed: bool = False  # counted from today, or estimated: the anchor is not known yet
    kind: str = "last"  # last | earliest
    needs: str = ""  # what to enter to make it exact
    advisory: bool = False  # applies to some cases only (a Mastercard wait on a "card" case)

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
    if expected:
        out["expected"] = (expected, f"the latest expected delivery ({expected.isoformat()})")
    ordered = _iso(case.facts.ordered)
    if ordered:
        out["ordered"] = (ordered, f"the order ({ordered.isoformat()})")
    for key, label in (
        ("dispute_opened", "opening the dispute"),
        ("return_agreed", "the agreed return"),
    ):
        day = _iso(first_day(case.events, key)) or _iso(claim.get(key))  # a recorded event wins
        out[key] = (day, f"{label} ({day.isoformat()})") if day else (today, f"{label}, if today")
    contacted = _iso(claim.get("contacted_seller"))
    if contacted:
        out["contacted_seller"] = (contacted, f"contacting the seller ({contacted.isoformat()})")
    return out


def _assumed(case: Case, anchor: str) -> bool:
    return (
        anchor in ("dispute_opened", "return_agreed")
        and not _iso(case.claim.get(anchor))
        and not first_day(case.events, anchor)
    )


def status_for(days_left: int) -> str:
    """closed once the day has passed; soon within 3 days; ok otherwise."""
    if days_left < 0:
        return "closed"
    if days_left <= SOON_DAYS:
        return "soon"
    return "ok"


def _applies(rule: dict[str, Any], case: Case, when: str = "always") -> bool:
    reasons = rule.get("reasons")
    if reasons and (case.claim.get("reason") or "") not in reasons:
        return False
    if rule.get("unless") and (
        getattr(case.facts, rule["unless"], "") or case.claim.get(rule["unless"])
    ):
        return False
    kind = rule.get("when", "always")
    if kind == "return" and when == "always":
        return case.claim.get("remedy") == "return_and_refund" or bool(
            case.claim.get("return_agreed") or first_day(case.events, "return_agreed")
        )
    return kind == when


def _fallback(rule: dict[str, Any], case: Case) -> tuple[str, int, Any, Any]:
    """(anchor, days, source, confidence) of a rule's estimate when its anchor is missing."""
    fb = rule["fallback"]
    region = home_region(str(case.claim.get("country") or ""), case.facts.currency)
    by_region = fb.get("by_region", {})
    days = by_region.get(region, fb["days"])
    return fb["from"], days, fb.get("source"), fb.get("confidence")


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
        estimated = anchor is None and bool(rule.get("fallback"))
        if estimated:
            start_from, days, source, confidence = _fallback(rule, case)
            anchor = found.get(start_from)
        if anchor is None:
            continue
        out.append(_deadline(rule, case, anchor, days, source, confidence, today, estimated))
    return out


def _deadline(
    rule: dict[str, Any],
    case: Case,
    anchor: tuple[date, str],
    days: int,
    source: str | None,
    confidence: str | None,
    today: date,
    estimated: bool,
) -> Deadline:
    start, how = anchor
    end = _dated(rule, start, days)
    unit = "business days" if rule.get("business_days") else "days"
    left = (end - today).days
    note = rule.get("note", "")
    needs = NEEDS.get(rule["from"], "") if estimated else ""
    status = status_for(left)
    basis = f"{days} {unit} after {how}"
    if estimated:
        status = "unknown"  # an estimate is never "closed": ask for the real date instead
        basis = f"about {basis}, because {needs} is not set"
        note = (note + " " if note else "") + f"Enter {needs} to know this date."
    if not source or confidence in ("default", "L"):
        note = (note + " " if note else "") + f"Not certain: {rules.CHECK_ORDER_PAGE}."
    return Deadline(
        id=rule["id"],
        name=rule["name"],
        date=end.isoformat(),
        days_left=left,
        source=source or "default",
        confidence=confidence or "default",
        status=status,
        basis=basis,
        note=note,
        assumed=estimated or _assumed(case, rule["from"]),
        needs=needs,
    )


def earliest(case: Case, today: date | None = None) -> list[Deadline]:
    """The first days this claim may be filed, by the platform's rules for its reason.

    status "wait" until that day, "ok" from it, "unknown" when the anchor date is missing.
    """
    today = today or date.today()
    platform_id = case.facts.platform
    if not platform_id:
        return []
    found = anchors(case, today)
    out: list[Deadline] = []
    for rule in rules.deadline_rules(platform_id):
        if not _applies(rule, case, "earliest"):
            continue
        source, confidence = rule.get("source"), rule.get("confidence")
        anchor = found.get(rule["from"])
        if anchor is None:
            out.append(
                Deadline(
                    id=rule["id"],
                    name=rule["name"],
                    date="",
                    days_left=0,
                    source=source or "default",
                    confidence=confidence or "default",
                    status="unknown",
                    basis=f"{rule['days']} days after {rule['from']}",
                    note=rule.get("note", ""),
                    assumed=True,
                    kind="earliest",
                    needs=NEEDS.get(rule["from"], rule["from"]),
                )  # fmt: skip
            )
            continue
        item = _deadline(rule, case, anchor, rule["days"], source, confidence, today, False)
        item.kind, item.advisory = "earliest", bool(rule.get("advisory"))
        item.status = "wait" if item.days_left > 0 else "ok"
        out.append(item)
    return out


def days_text(n: int) -> str:
    """'1 day', '5 days' ('1 день', '2 дня', '5 дней')."""
    return ngettext("{n} day", "{n} days", abs(n)).format(n=n)


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


@dataclass
class Headline:
    """The one deadline a shopper acts on first, or what to enter before it has a date."""

    kind: str  # needs (no date yet) | estimate (about, from the order) | open | closed
    deadline: Deadline | None = None
    needs: str = ""  # the missing anchor: "platform", "delivered", "ordered", "expected"


def headline(case: Case, deadlines: list[Deadline]) -> Headline:
    """The last day to open the dispute, once it can be dated from the delivery; until then,
    which date to enter. A window counted "as if the dispute were opened today" is never the
    headline: before a dispute is opened it is not a deadline yet."""
    if not case.facts.platform:
        return Headline("needs", needs="platform")
    main = next((d for d in deadlines if d.id == "open_dispute"), None)
    rule = next(
        (r for r in rules.deadline_rules(case.facts.platform) if r["id"] == "open_dispute"), None
    )
    anchor = str(rule["from"]) if rule else "delivered"
    if main is None and rule is not None:
        return Headline("needs", needs=anchor)
    if main is not None and main.status == "unknown":
        return Headline("estimate", main, needs=anchor)
    real = [d for d in deadlines if not d.assumed]
    if not real:
        return Headline("needs", needs=anchor)
    upcoming = sorted(real, key=lambda d: d.days_left)
    open_ones = [d for d in upcoming if d.days_left >= 0]
    if open_ones:
        return Headline("open", open_ones[0])
    return Headline("closed", upcoming[-1])
