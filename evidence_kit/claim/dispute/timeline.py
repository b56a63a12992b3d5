"""Deadlines recomputed from the dispute's events.

Each timer of the platform (dispute_rules.json) starts at the latest event that starts it
and is met once a later event stops it: the seller's 5 days run from the opening until the
seller answers; the 10 days to ship a return run from the agreement until it is shipped.
Before the dispute is opened, the window to open it (claim/deadlines.py) is the one that
counts. Dates are calendar days unless the source says business days.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from evidence_kit.claim import deadlines as claim_deadlines
from evidence_kit.claim import rules as platform_rules
from evidence_kit.claim.dispute import rules as R
from evidence_kit.core.events import Event
from evidence_kit.core.i18n import _, format_date, language, ngettext, pgettext, translated
from evidence_kit.core.model import Case


@dataclass
class DisputeDeadline:
    """One open deadline of the dispute, with where its length comes from."""

    id: str
    name: str
    date: str  # the last day (kind "earliest": the first day)
    days_left: int
    source: str
    confidence: str
    kind: str  # last | wait | earliest
    who: str  # buyer | seller | platform
    status: str  # ok | soon | closed | passed (a wait that ran out) | wait | open (earliest)
    basis: str  # "5 days after the dispute was opened (2026-11-22)"
    miss: str = ""
    event: str = ""  # the id of the event that started it

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _after(kind: str) -> str:
    """The event a timer counts from, as "N days after ..." ends ("after" gives the Russian
    its genitive: "после открытия спора")."""
    return {
        "dispute_opened": pgettext("after", "the dispute was opened"),
        "seller_replied": pgettext("after", "the seller replied"),
        "buyer_countered": pgettext("after", "you countered"),
        "escalated": pgettext("after", "the dispute was escalated"),
        "return_agreed": pgettext("after", "the return was agreed"),
        "return_shipped": pgettext("after", "the return was shipped"),
        "seller_received": pgettext("after", "the seller received the return"),
        "refund_received": pgettext("after", "the refund came"),
        "closed_won": pgettext("after", "the dispute was decided for you"),
        "closed_lost": pgettext("after", "the dispute was decided against you"),
        "appealed": pgettext("after", "you appealed"),
    }[kind]


def _basis(days: int, business: bool, after: str, day: str) -> str:
    """'5 days after the dispute was opened (2026-11-22)' in the current language."""
    if business:
        text = ngettext("{days} business day after {event} ({date})",
                        "{days} business days after {event} ({date})", days)  # fmt: skip
    else:
        text = ngettext("{days} day after {event} ({date})",
                        "{days} days after {event} ({date})", days)  # fmt: skip
    return text.format(days=days, event=after, date=format_date(day))


def matches(event: Event, patterns: tuple[str, ...]) -> bool:
    """True when the event is one of `patterns` ("seller_replied:offer" names a reply)."""
    for pattern in patterns:
        kind, _, reply = pattern.partition(":")
        if event.kind == kind and (not reply or event.reply == reply):
            return True
    return False


def _started(events: list[Event], timer: R.Timer) -> int | None:
    """Index of the event that starts the timer now, or None (never started, or met)."""
    start = next((i for i in range(len(events) - 1, -1, -1) if matches(events[i], timer.starts)), None)  # fmt: skip
    if start is None or any(matches(e, timer.stops) for e in events[start + 1 :]):
        return None
    return start


def payment_method(case: Case) -> str:
    """How the shopper paid (claim key payment_method), or the default."""
    method = str(case.claim.get("payment_method") or "")
    return method if method in R.PAYMENT_METHODS else R.DEFAULT_METHOD


def _length(case: Case, timer: R.Timer) -> tuple[int, bool, str, str, str]:
    """(days, business days?, source, confidence, name) of a timer for this case."""
    if timer.days_from == "refund_arrival":
        t = R.refund_time(case.facts.platform, payment_method(case))
        span = ngettext("{label}, {min}-{max} day", "{label}, {min}-{max} days", t.max_days)
        method = span.format(label=t.label, min=t.min_days, max=t.max_days)
        if not case.claim.get("payment_method"):
            method = _("{method}, if you paid by card").format(method=method)
        name = timer.name.format(method=method)
        return t.max_days, t.business_days, t.source, t.confidence, name
    return timer.days, timer.business_days, timer.source, timer.confidence, timer.name


def _status(kind: str, left: int) -> str:
    if kind == "earliest":
        return "wait" if left > 0 else "open"
    status = claim_deadlines.status_for(left)
    return "passed" if kind == "wait" and status == "closed" else status


def compute(case: Case, today: date | None = None) -> list[DisputeDeadline]:
    """The open deadlines, soonest first. Without a dispute_opened event, the last day to
    open it leads the list."""
    today = today or date.today()
    platform_id = case.facts.platform
    if not platform_id:
        return []
    out: list[DisputeDeadline] = []
    events = case.events
    if not any(e.kind == "dispute_opened" for e in events):
        out += [_from_claim(case, d, today) for d in claim_deadlines.compute(case, today) if d.id == "open_dispute"]  # fmt: skip
    for timer in R.timers(platform_id):
        start = _started(events, timer)
        if start is None:
            continue
        event = events[start]
        days, business, source, confidence, name = _length(case, timer)
        begin = date.fromisoformat(event.date)
        if business:
            end = claim_deadlines.add_business_days(begin, days)
        else:
            end = begin + timedelta(days=days)
        left = (end - today).days
        miss = R.late_refund_advice(platform_id) if timer.miss == "late_refund" else timer.miss
        out.append(
            DisputeDeadline(
                id=timer.id,
                name=name,
                date=end.isoformat(),
                days_left=left,
                source=source,
                confidence=confidence,
                kind=timer.kind,
                who=timer.who,
                status=_status(timer.kind, left),
                basis=_basis(days, business, _after(event.kind), event.date),
                miss=miss,
                event=event.id,
            )
        )
    return sorted(out, key=lambda d: d.date)


def _from_claim(case: Case, d: claim_deadlines.Deadline, today: date) -> DisputeDeadline:
    return DisputeDeadline(
        id=d.id,
        name=translated(d.name),
        date=d.date,
        days_left=d.days_left,
        source=d.source,
        confidence=d.confidence,
        kind="last",
        who="buyer",
        status=d.status,
        basis=d.basis if language() == "en" else _claim_basis(case, d, today),
        miss=d.note if language() == "en" else _claim_note(case, d),
    )


def _claim_anchor(key: str, case: Case) -> str:
    """What a claim deadline counts from, as "N days after ..." ends."""
    if key == "delivered" and not case.facts.delivered:
        key = "expected"  # deadlines.anchors counts from the expected day then
    return {
        "delivered": pgettext("after", "delivery"),
        "expected": pgettext("after", "the latest expected delivery"),
        "ordered": pgettext("after", "the order"),
        "contacted_seller": pgettext("after", "contacting the seller"),
    }.get(key, "")


def _claim_basis(case: Case, d: claim_deadlines.Deadline, today: date) -> str:
    """The basis of the claim's deadline in the current language (claim/deadlines.py writes it
    in English, for the claim): counted again from its rule."""
    rule = next(r for r in platform_rules.deadline_rules(case.facts.platform) if r["id"] == d.id)
    start = claim_deadlines.anchors(case, today).get(rule["from"])
    label = _claim_anchor(rule["from"], case)
    if d.needs:  # an estimate: say what makes it exact
        return _("Enter {needs} to know the real date.").format(needs=translated(d.needs))
    if start is None or not label:
        return d.basis
    return _basis(int(rule["days"]), bool(rule.get("business_days")), label, start[0].isoformat())


def _claim_note(case: Case, d: claim_deadlines.Deadline) -> str:
    """The rule's note in the current language, and what claim/deadlines.py adds to it."""
    rule = next(r for r in platform_rules.deadline_rules(case.facts.platform) if r["id"] == d.id)
    parts = [translated(rule.get("note", ""))]
    if d.needs:
        parts.append(_("Enter {needs} to know the real date.").format(needs=translated(d.needs)))
    if d.source == "default" or d.confidence in ("default", "L"):
        parts.append(_("Not certain: check your order page."))
    return " ".join(p for p in parts if p)


def is_open(case: Case) -> bool:
    """The dispute is opened and not decided (an appeal opens it again)."""
    state = [e for e in case.events if e.kind in ("dispute_opened", "closed_won", "closed_lost", "appealed")]  # fmt: skip
    return bool(state) and state[-1].kind in ("dispute_opened", "appealed")
