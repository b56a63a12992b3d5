"""Every message the shopper must write after the dispute opens, long and short.

`build_message(case, kind)` refuses a kind that makes no sense for the case (an appeal with
no lost decision, a reply to an offer nobody made) with a one-line reason; otherwise it
returns the long text, a short version within the platform's text limit (fitted by
priority, never cut through the order, the amounts or the exhibits), the subject, the
warnings the shopper must see, and the exhibits cited. On English-only forms both texts are
spelled in ASCII before they are measured. The shopper's edited text (claim["messages"])
is what is sent when there is one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from evidence_kit.claim import rules
from evidence_kit.claim.dispute import timeline
from evidence_kit.claim.dispute.chargeback import chargeback
from evidence_kit.claim.dispute.context import Context, gather_context
from evidence_kit.claim.dispute.message_texts import BUILDERS, Words
from evidence_kit.claim.short import clip
from evidence_kit.claim.transliterate import to_ascii
from evidence_kit.core import i18n
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.events import last_of
from evidence_kit.core.i18n import N_, _
from evidence_kit.core.model import Case

KINDS = (
    "counter_offer",
    "pushback_as_described",
    "pushback_more_evidence",
    "pushback_close_first",
    "off_platform",
    "escalate",
    "extend_protection",
    "still_not_received",
    "carrier",
    "chargeback",
    "appeal",
)
TITLES = {
    "counter_offer": N_("Reply to the offer"),
    "pushback_as_described": N_("'It is as described'"),
    "pushback_more_evidence": N_("'Send more video'"),
    "pushback_close_first": N_("'Close it first, I'll pay later'"),
    "off_platform": N_("Payment outside the platform"),
    "escalate": N_("Escalate to the mediator"),
    "extend_protection": N_("Extend Buyer Protection"),
    "still_not_received": N_("Parcel still not here"),
    "carrier": N_("Letter to the carrier"),
    "chargeback": N_("Letter to the bank (chargeback)"),
    "appeal": N_("Appeal the decision"),
}
#: what the shopper must know before sending (shown beside the draft, never inside it); titles
#: and warnings are marked for the catalog and translated where shown (i18n.translated)
WARNINGS = {
    "counter_offer": N_(
        "Accepting an offer closes the dispute; it cannot be reopened. Decline "
        "on the dispute page and send this counter."
    ),
    "pushback_close_first": N_(
        "Never close a dispute on a promise of later payment: such "
        "promises are not kept, and a closed dispute cannot be reopened."
    ),
    "off_platform": N_(
        "Never pay a fee, give card details or take a payment outside the "
        "platform: it loses the Buyer Protection."
    ),
}
EXTENDS_PROTECTION = ("aliexpress",)  # the Buyer Protection timer can be extended [A6, M]


@dataclass
class Message:
    """One draft, ready to copy."""

    kind: str
    title: str
    to: str  # seller | mediator | carrier | bank
    subject: str
    text: str  # what to send: the shopper's edited text, or the generated one
    short: str
    limit: int
    limit_is_default: bool
    ascii_only: bool
    generated: str = ""
    edited: bool = False
    exhibits: list[str] = field(default_factory=list)  # the exhibit numbers it cites
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def why_not(case: Case, kind: str, today: date | None = None) -> str:
    """'' when this message makes sense for the case now, else why not (one line)."""
    if kind not in KINDS:
        return f"unknown message kind '{kind}'; known: {', '.join(KINDS)}"
    if not case.facts.platform:
        return _("choose the platform first (case set CASE platform=...)")
    events = case.events
    reason = str(case.claim.get("reason") or "")
    not_received = reason == "not_received" or case.claim.get("received") is False
    opened = timeline.is_open(case)
    # answering the seller makes sense until a return is agreed or the dispute is decided
    talking = (
        opened and last_of(events, "return_agreed", "return_shipped", "seller_received") is None
    )
    if kind == "appeal" and last_of(events, "closed_lost") is None:
        return _("there is no lost decision to appeal (record closed_lost first)")
    if kind == "counter_offer":
        reply = last_of(events, "seller_replied")
        if reply is None or reply.reply != "offer":
            return _(
                "the seller has made no offer (record seller_replied --reply offer --amount N)"
            )
    if kind == "escalate" and not opened:
        return _("the dispute is not open (record dispute_opened, or it is already closed)")
    if kind in ("counter_offer", "pushback_as_described", "pushback_more_evidence",
                "pushback_close_first", "off_platform") and not talking:  # fmt: skip
        if not opened:
            return _("the dispute is not open (record dispute_opened, or it is already closed)")
        return _("a return is agreed: the talks with the seller are over")
    if kind == "pushback_as_described" and not_received:
        return _("'it is as described' answers a received item; this parcel did not arrive")
    if kind == "pushback_more_evidence" and not case.items:
        return _("there is no evidence in the case to send yet")
    if kind in ("extend_protection", "still_not_received") and not not_received:
        return _("{kind} is for a parcel that has not arrived (the claim's reason is {reason})").format(kind=kind, reason=reason or _("not set"))  # fmt: skip
    if kind == "extend_protection":
        if case.facts.platform not in EXTENDS_PROTECTION:
            name = rules.platform_name(case.facts.platform)
            return _("{platform} has no Buyer Protection extension in our sources").format(
                platform=name
            )
        if any(e.kind == "dispute_opened" for e in events):
            return _("the dispute is already opened: Buyer Protection is no longer extended")
    if kind == "carrier" and reason not in ("not_received", "damaged", "missing_parts", "empty_parcel"):  # fmt: skip
        return _("a letter to the carrier is for a parcel not received, damaged or held at customs")
    if kind == "chargeback":
        owed = case.facts.price
        got = sum(e.amount or 0.0 for e in events if e.kind == "refund_received")
        full = any(e.kind == "refund_received" and e.amount is None for e in events)
        if full or (owed is not None and got + 0.005 >= owed):
            return _("the payment has been refunded in full: there is nothing to charge back")
    return ""


def _fit(parts: list[tuple[int, str]], limit: int, ascii_only: bool) -> str:
    """The short version: drop the least important parts until it fits the limit."""
    parts = [(p, t.strip()) for p, t in parts if t and t.strip()]

    def spelled(text: str) -> str:
        return to_ascii(text)[0] if ascii_only else text

    level = max((p for p, _ in parts), default=0)
    while True:
        text = spelled(" ".join(t for p, t in parts if p <= level))
        if len(text) <= limit or level == 0:
            break
        level -= 1
    return text if len(text) <= limit else clip(text, limit)


def _spell(words: Words, ascii_only: bool, warnings: list[str]) -> tuple[str, str]:
    subject, text = words.subject, "\n\n".join(p for p in words.paragraphs if p)
    if not ascii_only:
        return subject, text
    lost: list[str] = []
    for value in (subject, text):
        lost += to_ascii(value)[1]
    if lost:
        warnings.append(
            "This form takes English characters only; these could not be spelled in English "
            f"letters and were left out: {''.join(sorted(set(lost)))}."
        )
    return to_ascii(subject)[0], to_ascii(text)[0]


def build_message(
    case: Case, kind: str, today: date | None = None, in_pdf: bool = False
) -> Message:
    """The draft of one message, or InvalidValueError when it makes no sense for the case.
    `in_pdf`: it is sent as a PDF with every exhibit in it (letter_pdf.py), so none is cited
    as "available on request"."""
    if kind not in KINDS:
        raise InvalidValueError(f"unknown message kind '{kind}'; known: {', '.join(KINDS)}")
    reason = why_not(case, kind, today)
    if reason:
        raise InvalidValueError(f"no {kind} message for this case: {reason}")
    with i18n.using("en"):  # the seller, the platform and the bank read English
        c: Context = gather_context(case, today, in_pdf)
        words = chargeback(c) if kind == "chargeback" else BUILDERS[kind](c)
        warnings = [WARNINGS[kind]] if kind in WARNINGS else []
        if kind == "chargeback":
            warnings += [n for n in rules.notes(case.facts.platform) if "chargeback" in n.lower()]
        subject, generated = _spell(words, c.ascii_only, warnings)
        short = _fit(words.short, c.limit, c.ascii_only)
    edited = _edited(case, kind)
    return Message(
        kind=kind,
        title=TITLES[kind],
        to=words.to,
        subject=subject,
        text=edited or generated,
        short=short,
        limit=c.limit,
        limit_is_default=c.limit_is_default,
        ascii_only=c.ascii_only,
        generated=generated,
        edited=bool(edited) and edited != generated,
        exhibits=[e.number for e in c.exhibits],
        warnings=warnings,
    )


def _edited(case: Case, kind: str) -> str:
    saved = case.claim.get("messages")
    if isinstance(saved, dict) and isinstance(saved.get(kind), str):
        return str(saved[kind])
    return ""


def available(case: Case, today: date | None = None) -> list[str]:
    """The message kinds that make sense for the case now, in the usual order."""
    return [k for k in KINDS if not why_not(case, k, today)]
