"""The PDF's "Dispute timeline" page: the events since the dispute opened, the next action and
the open deadlines with their sources, as of the export. The mediator reads English, so the
next action and the deadlines are drafted `using("en")` whatever language the window shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from evidence_kit.claim.dispute import next_action, timeline
from evidence_kit.claim.refund import format_money
from evidence_kit.core import i18n
from evidence_kit.core.model import Case, exhibit_numbers

KIND_LABELS = {
    "dispute_opened": "Dispute opened",
    "seller_replied": "Seller replied",
    "buyer_countered": "Buyer countered",
    "escalated": "Escalated to the platform",
    "return_agreed": "Return agreed",
    "return_shipped": "Return shipped",
    "seller_received": "Seller received the return",
    "refund_received": "Refund received",
    "closed_won": "Closed in the buyer's favour",
    "closed_lost": "Closed against the buyer",
    "appealed": "Appealed",
}
REPLY_LABELS = {
    "offer": "an offer",
    "refusal": "refused (as described)",
    "more_evidence": "asked for more evidence",
    "close_first": "asked to close first, pay later",
    "none": "no reply",
}


@dataclass
class TimelinePage:
    """What the page prints."""

    events: list[tuple[str, str, str]]  # (date, what, details)
    next_action: str
    deadlines: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # date, name, left, source


def timeline_page(case: Case, today: date | None = None) -> TimelinePage | None:
    """The page's content, or None for a case with no dispute events."""
    if not case.events:
        return None
    today = today or date.today()
    numbers = exhibit_numbers(case)
    rows = []
    for e in case.events:
        what = KIND_LABELS[e.kind]
        if e.reply:
            what += f": {REPLY_LABELS[e.reply]}"
        details = []
        if e.amount is not None:
            details.append(format_money(e.amount, case.facts.currency))
        if e.tracking:
            details.append(f"tracking {e.tracking}")
        if e.address_in_form is not None:
            details.append("address in the dispute form" if e.address_in_form else "address given outside the form")  # fmt: skip
        linked = [numbers.get(i, i) for i in e.items]
        if linked:
            details.append("evidence " + ", ".join(linked))
        if e.note:
            details.append(e.note)
        rows.append((e.date, what, "; ".join(details)))
    with i18n.using("en"):  # the card's words, in the mediator's language
        act = next_action.compute(case, today)
        open_ones = timeline.compute(case, today)
    due = f" (by {act.due})" if act.due else ""
    deadlines = [(d.date, d.name, str(d.days_left), f"{d.source}, {d.confidence}") for d in open_ones]  # fmt: skip
    return TimelinePage(rows, f"{act.text}{due}", deadlines)


def timeline_story(
    page: TimelinePage, st: dict[str, Any], lost: Any, table: Any, width: float
) -> list[Any]:
    """The page's flowables; `lost` and `table` are the summary's paragraph and table makers."""
    from reportlab.platypus import PageBreak, Spacer

    story: list[Any] = [PageBreak(), lost.p("Dispute timeline", st["h1"], bold=True)]
    story.append(lost.p("What happened after the dispute was opened, as the buyer recorded it.", st["small"]))  # fmt: skip
    story.append(Spacer(1, 4))
    rows = [[lost.p(h, st["cell"], bold=True) for h in ("Date", "Event", "Details")]]
    for day, what, details in page.events:
        rows.append(
            [lost.p(day, st["cell"]), lost.p(what, st["cell"]), lost.p(details, st["small"])]
        )
    story += [table(rows, [width * 0.15, width * 0.33, width * 0.52]), Spacer(1, 10)]
    story += [lost.p("Next action", st["h2"], bold=True), lost.p(page.next_action, st["body"])]
    if page.deadlines:
        story += [Spacer(1, 8), lost.p("Open deadlines", st["h2"], bold=True)]
        rows = [
            [lost.p(h, st["cell"], bold=True) for h in ("Date", "Deadline", "Days left", "Source")]
        ]
        rows += [[lost.p(v, st["cell"]) for v in row] for row in page.deadlines]
        story.append(table(rows, [width * 0.15, width * 0.55, width * 0.12, width * 0.18]))
    return story
