"""The one thing to do now, why, and by when: read from the latest event and the open clocks.

The card in the app and `case events` show it. It names the message draft that fits, and
the deadline it is due by (or none, when the next step is the other side's and no source
gives it a length).

The texts come in the current language (core.i18n): the card in the window's, `case events`
and the mediator's PDF in English (the CLI is English; pdf_timeline drafts `using("en")`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from evidence_kit.claim import rules as platform_rules
from evidence_kit.claim.dispute import amounts, timeline
from evidence_kit.claim.dispute.timeline import DisputeDeadline
from evidence_kit.claim.explain_words import money as format_money
from evidence_kit.core.events import Event, last_of
from evidence_kit.core.i18n import _, format_date
from evidence_kit.core.model import Case

#: event kinds that say where the dispute stands (a refund or a note does not move it back)
_STAGE = ("dispute_opened", "seller_replied", "buyer_countered", "escalated", "return_agreed",
          "return_shipped", "seller_received", "closed_won", "closed_lost", "appealed")  # fmt: skip


@dataclass
class NextAction:
    """What to do now."""

    text: str
    why: str
    due: str | None  # ISO date, or None when no clock applies
    days_left: int | None
    message: str = ""  # the message kind whose draft fits this step
    deadline: str = ""  # the id of the deadline it is due by
    done: bool = False  # nothing left to do
    kind: str = "last"  # of the deadline: last (the shopper's), wait (the other side's), earliest

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _by(deadlines: list[DisputeDeadline], *ids: str) -> DisputeDeadline | None:
    for wanted in ids:
        for d in deadlines:
            if d.id == wanted:
                return d
    return None


def _action(
    text: str, why: str, d: DisputeDeadline | None, message: str = "", done: bool = False
) -> NextAction:
    if d is None:
        return NextAction(text, why, None, None, message, "", done)
    return NextAction(text, why, d.date, d.days_left, message, d.id, done, d.kind)


def compute(case: Case, today: date | None = None) -> NextAction:
    """The next action for the case as its events stand today."""
    today = today or date.today()
    dl = timeline.compute(case, today)
    name = platform_rules.platform_name(case.facts.platform) if case.facts.platform else ""
    short = platform_rules.platform_field(case.facts.platform, "short_name", "") or _(
        "the platform"
    )
    money = case.facts.currency
    stage = last_of(case.events, *_STAGE)
    refund = last_of(case.events, "refund_received")
    if refund is not None and (stage is None or stage.kind not in ("closed_lost", "appealed")):
        return _after_refund(case, refund, money)
    late = next((d for d in dl if d.id == "refund_arrival" and d.days_left < 0), None)
    if late is not None:
        return _action(_("The refund is late: trace it."), late.miss, late, "escalate")
    if stage is None:
        if not case.facts.platform:
            return _action(_("Choose the platform in Facts."), _("Its rules decide every deadline."), None)  # fmt: skip
        return _action(
            _(
                "Open the dispute on {platform}, paste the claim and attach the evidence; then "
                "record 'dispute opened' here."
            ).format(platform=name),
            _("Every clock of the dispute starts when it is opened."),
            _by(dl, "open_dispute"),
        )
    return _STEPS[stage.kind](case, stage, dl, short, money)


def _after_refund(case: Case, refund: Event, currency: str) -> NextAction:
    owed = amounts.owed(case)
    got = amounts.refunded(case)
    if refund.amount is not None and owed is not None and got + 0.005 < owed:
        short = format_money(owed - got, currency)
        return _action(
            _("The refund is {amount} short: ask for the rest before the dispute closes.").format(
                amount=short
            ),
            _("You were owed {owed} and {got} came back.").format(
                owed=format_money(owed, currency), got=format_money(got, currency)
            ),
            None,
            "escalate",
        )
    return _action(
        _("Done: the refund arrived. Keep the evidence until the dispute shows as closed."),
        _("Nothing else is due."),
        None,
        done=True,
    )


def _opened(case: Case, e: Event, dl: list[DisputeDeadline], short: str, cur: str) -> NextAction:
    d = _by(dl, "seller_response", "escalate", "atoz_decision")
    if d is not None and d.who == "seller":
        return _action(
            _("Wait for the seller's answer and record it here when it comes."),
            d.miss or _("The seller has until {date} to answer.").format(date=format_date(d.date)),
            d,
        )
    if d is not None and d.id == "escalate":
        return _action(
            _(
                "Wait for the seller's answer; if you do not agree, escalate to a {platform} claim "
                "before the window ends."
            ).format(platform=short),
            d.miss,
            d,
        )
    return _action(_("Wait for {platform}'s decision; answer every question quickly.").format(platform=short), "", d)  # fmt: skip


def _escalation(dl: list[DisputeDeadline]) -> DisputeDeadline | None:
    return _by(dl, "offer_reply", "escalate", "dispute_after_reject", "ask_ebay", "platform_steps_in")  # fmt: skip


def _replied(case: Case, e: Event, dl: list[DisputeDeadline], short: str, cur: str) -> NextAction:
    d = _escalation(dl)
    if e.reply == "offer":
        c = amounts.counter(case)
        offer = format_money(c.offer, cur) or _("the offer")
        if c.acceptable and not c.full_only:
            return _action(
                _(
                    "The seller offers {offer}: within what is fair. Accept it on the dispute page "
                    "only if you are content: accepting closes the dispute for good."
                ).format(offer=offer),
                _("The least to settle for is {amount}.").format(amount=format_money(c.floor, cur)),
                d,
                "counter_offer",
            )
        return _action(
            _(
                "Decline the offer of {offer} and counter with {counter} (draft: Reply to the "
                "offer). Do not accept it: accepting closes the dispute."
            ).format(offer=offer, counter=format_money(c.counter, cur)),
            _("The least to settle for is {amount}; the counter keeps a reserve above it.").format(
                amount=format_money(c.floor, cur)
            ),
            d,
            "counter_offer",
        )
    answers = {
        "refusal": (_("The seller refuses: answer with the evidence (draft: 'It is as described')."),
                    "pushback_as_described"),
        "more_evidence": (_("Send what the seller asked for, citing the exhibits (draft: "
                            "'Send more video')."), "pushback_more_evidence"),
        "close_first": (_("Do not close the dispute: refuse, politely (draft: 'Close it first'). "
                          "Such promises are not kept."), "pushback_close_first"),
        "none": (_("The seller has not answered: escalate to the mediator (draft: Escalate)."),
                 "escalate"),
    }  # fmt: skip
    text, message = answers.get(e.reply, answers["refusal"])
    why = d.miss if d is not None and d.miss else ""
    if d is not None and d.kind == "earliest":
        why = _("You can escalate from {date}.").format(date=format_date(d.date)) + " " + why
    return _action(text, why.strip(), d, message)


def _countered(case: Case, e: Event, dl: list[DisputeDeadline], short: str, cur: str) -> NextAction:
    d = _escalation(dl)
    why = d.miss if d is not None else ""
    return _action(
        _(
            "Wait for the seller's answer to your counter; without an agreement, escalate "
            "(draft: Escalate)."
        ),
        why,
        d,
        "escalate",
    )


def _escalated(case: Case, e: Event, dl: list[DisputeDeadline], short: str, cur: str) -> NextAction:
    d = _by(dl, "ebay_decision", "atoz_decision", "investigation")
    return _action(
        _(
            "Wait for {platform}'s decision. Answer the mediator's questions the same day, citing "
            "the exhibits."
        ).format(platform=short),
        _("Claims are closed when asked-for evidence does not come in time."),
        d,
    )


def _return_agreed(
    case: Case, e: Event, dl: list[DisputeDeadline], short: str, cur: str
) -> NextAction:
    d = _by(dl, "return_ship")
    if e.address_in_form is False:
        return _action(
            _(
                "Ask the seller to put the return address into the dispute form before you ship; "
                "then ship it with tracking."
            ),
            (
                _("An address sent only in chat is not one {platform} can check.").format(
                    platform=short
                )
                + " "
                + (d.miss if d else "")
            ).strip(),
            d,
        )
    return _action(
        _("Ship the return with tracking, then record 'return shipped' with the tracking number."),
        d.miss if d else "",
        d,
    )


def _shipped(case: Case, e: Event, dl: list[DisputeDeadline], short: str, cur: str) -> NextAction:
    return _action(
        _(
            "Follow the return's tracking ({tracking}); record 'seller received' when it is delivered."
        ).format(tracking=e.tracking),
        _("The refund follows once the seller has the parcel back."),
        None,
    )


def _waiting_refund(
    case: Case, e: Event, dl: list[DisputeDeadline], short: str, cur: str
) -> NextAction:
    d = _by(dl, "refund_arrival")
    owed = format_money(amounts.owed(case), cur)
    return _action(
        (
            _("Wait for the refund of {amount}; record it here when it arrives.").format(
                amount=owed
            )
            if owed
            else _("Wait for the refund; record it here when it arrives.")
        ),
        _("If it has not come by then, trace it with the platform's support."),
        d,
    )


def _lost(case: Case, e: Event, dl: list[DisputeDeadline], short: str, cur: str) -> NextAction:
    d = _by(dl, "appeal")
    why = d.miss if d else _("Check the dispute page for {platform}'s appeal window.").format(platform=short)  # fmt: skip
    return _action(
        _(
            "Appeal the decision with the evidence (draft: Appeal); if that fails, your card "
            "issuer can reverse the payment (draft: Letter to the bank)."
        ),
        why,
        d,
        "appeal",
    )


def _appealed(case: Case, e: Event, dl: list[DisputeDeadline], short: str, cur: str) -> NextAction:
    return _action(_("Wait for the answer to your appeal from {platform}.").format(platform=short), "", None)  # fmt: skip


_STEPS = {
    "dispute_opened": _opened,
    "seller_replied": _replied,
    "buyer_countered": _countered,
    "escalated": _escalated,
    "return_agreed": _return_agreed,
    "return_shipped": _shipped,
    "seller_received": _waiting_refund,
    "closed_won": _waiting_refund,
    "closed_lost": _lost,
    "appealed": _appealed,
}
