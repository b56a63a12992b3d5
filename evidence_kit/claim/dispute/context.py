"""What every message is made of, gathered once: the claim's inputs and exhibit citations,
the events, the amounts and the platform's limits.

The messages reuse the claim layer: the same facts (claim/inputs.py), the same exhibit
citations with their "what it shows" lines (claim/templates.py), the same rule for what the
form takes (claim/attachments.py), and the same ASCII spelling for English-only forms.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from evidence_kit.claim import rules, templates, wording
from evidence_kit.claim.attachments import attachments
from evidence_kit.claim.dispute import amounts
from evidence_kit.claim.draft import DEFAULT_SHORT_LIMIT
from evidence_kit.claim.inputs import ClaimInputs, gather
from evidence_kit.claim.refund import format_money
from evidence_kit.core.events import Event, first_day, last_of
from evidence_kit.core.model import Case


@dataclass
class Context:
    """The inputs of one message."""

    case: Case
    i: ClaimInputs
    exhibits: list[templates.Exhibit]
    events: list[Event]
    counter: amounts.Counter
    owed: float | None
    refunded: float
    limit: int
    limit_is_default: bool
    ascii_only: bool
    today: date
    warnings: list[str] = field(default_factory=list)

    def money(self, value: float | None) -> str:
        """'19.99 USD' in the case's currency ('' without an amount)."""
        return format_money(value, self.i.currency)

    @property
    def paid(self) -> str:
        return self.money(self.i.price)

    @property
    def order(self) -> str:
        return self.i.order_id or "(order number)"

    @property
    def platform(self) -> str:
        return self.i.short_name

    def order_line(self) -> str:
        """'order 8123 ("Mug", paid 19.99 USD)'."""
        parts = [f'"{self.i.item}"'] if self.i.item else []
        if self.paid:
            parts.append(f"paid {self.paid}")
        return f"order {self.order}" + (f" ({', '.join(parts)})" if parts else "")

    def span(self) -> str:
        """'E1-E4' (the attached exhibits first), or '' without exhibits."""
        if not self.exhibits:
            return ""
        first, last = self.exhibits[0].number, self.exhibits[-1].number
        return first if first == last else f"{first}-{last}"

    def evidence(self) -> str:
        """The exhibits with their citations: attached, then available on request."""
        if not self.exhibits:
            return "Evidence: the order and tracking details above; more on request."
        attached = [e for e in self.exhibits if e.attached]
        later = [e for e in self.exhibits if not e.attached]
        lines = ["Evidence:"] + [f"   {e.citation}" for e in attached]
        if later:
            lines += ["   Available on request:"] + [f"   {e.citation}" for e in later]
        return "\n".join(lines)

    def signature(self, closing: str = "Thank you.") -> str:
        return closing + (f"\n{self.i.buyer}" if self.i.buyer else "")


def gather_context(case: Case, today: date | None = None, in_pdf: bool = False) -> Context:
    """Collect everything the messages need from the case. `in_pdf`: the message goes out as
    a PDF that holds every exhibit as a still (a video as its contact sheet)."""
    today = today or date.today()
    platform_id = case.facts.platform
    limits = rules.upload_limits(platform_id) if platform_id else None
    ascii_only = bool(limits and limits.ascii_only)
    warnings: list[str] = []
    review = wording.review_case(case, "")
    i = gather(case, today, review, warnings, ascii_only)
    shipped = last_of(case.events, "return_shipped")
    if shipped is not None and not i.return_attempted:  # the letter to the bank cites the return
        i = replace(i, return_attempted=shipped.date, return_tracking=shipped.tracking)
    opened = first_day(case.events, "dispute_opened")
    if opened:
        i = replace(i, dispute_opened=opened)
    forms = {a.item_id: a.form for a in attachments(case)}
    if in_pdf:
        forms = {it.id: "sheet" if it.is_video else "file" for it in case.items}
    return Context(
        case=case,
        i=i,
        exhibits=templates.exhibits(case, review.texts, forms),
        events=list(case.events),
        counter=amounts.counter(case),
        owed=amounts.owed(case),
        refunded=amounts.refunded(case),
        limit=(limits.text_limit if limits else None) or DEFAULT_SHORT_LIMIT,
        limit_is_default=bool(limits is None or limits.is_default("text_limit")),
        ascii_only=ascii_only,
        today=today,
        warnings=warnings,
    )


def event_sentence(c: Context, e: Event) -> str:
    """One event as a sentence of the dispute's history ('2026-11-13: the seller offered ...')."""
    amount = c.money(e.amount)
    share = ""
    if e.amount is not None and c.i.price:
        share = f" ({100 * e.amount / c.i.price:.0f}% of the price)"
    replies = {
        "offer": f"the seller offered {amount or 'a partial refund'}{share}",
        "refusal": "the seller refused, saying the item is as described",
        "more_evidence": "the seller asked for more evidence",
        "close_first": "the seller asked me to close the dispute first and promised to pay later",
        "none": "the seller did not reply",
    }
    tracking = f", tracking number {e.tracking}" if e.tracking else ""
    where = " (the address was given in the dispute form)" if e.address_in_form else ""
    text = {
        "dispute_opened": f"I opened the dispute with {c.platform}",
        "seller_replied": replies.get(e.reply, "the seller replied"),
        "buyer_countered": f"I proposed {amount}" if amount else "I made a counter-proposal",
        "escalated": f"I asked {c.platform} to step in",
        "return_agreed": f"we agreed that I return the item{where}",
        "return_shipped": f"I shipped the return{tracking}",
        "seller_received": "the seller received the returned item",
        "refund_received": f"I received a refund of {amount}" if amount else "I received a refund",
        "closed_won": "the dispute was decided in my favour",
        "closed_lost": "the dispute was closed against me",
        "appealed": "I appealed the decision",
    }[e.kind]
    return f"{e.date}: {text}."


def history(c: Context, until: str = "") -> str:
    """The dispute so far, one line per event."""
    lines = [f"   {event_sentence(c, e)}" for e in c.events if not until or e.date <= until]
    return "\n".join(lines)
