"""Each message draft of the dispute step explained in the shopper's language.

From the same context the English draft is built from (dispute/context.py): to whom it goes,
what it says point by point (the offer, the amounts, the problem, the differences, the
history), the exhibits it cites with their "what it shows" lines, and the warnings to read
before sending. Catalog messages only; the shopper's own words are quoted as written.
"""

from __future__ import annotations

from datetime import date

from evidence_kit.claim import explain_words as words
from evidence_kit.claim.dispute import messages
from evidence_kit.claim.dispute.context import Context, gather_context
from evidence_kit.claim.dispute.message_texts import carrier_variant
from evidence_kit.claim.explain import Explanation
from evidence_kit.core import i18n
from evidence_kit.core.events import Event, last_of
from evidence_kit.core.i18n import N_, _, format_date, translated
from evidence_kit.core.model import Case

TO = {
    "seller": N_("To the seller, in the dispute's messages."),
    "mediator": N_("To the platform's mediator, in the dispute."),
    "carrier": N_("To the carrier (the delivery service)."),
    "bank": N_("To your bank or card issuer."),
}


def explain_message(case: Case, kind: str, language: str, today: date | None = None) -> Explanation:
    """The draft `kind` explained in `language`; InvalidValueError when the message makes no
    sense for the case (as messages.build_message)."""
    draft = messages.build_message(case, kind, today)  # refuses a kind that does not fit
    with i18n.using(language) as lang:
        c = gather_context(case, today)
        intro = [_("This message is sent in English. Here is what it says, from the same "
                   "facts, so that you know exactly what you send.")]  # fmt: skip
        if draft.edited:
            intro.append(_("You edited the English text: this explanation follows the facts "
                           "of the case, not your own changes to the text."))  # fmt: skip
        out = Explanation(lang, translated(draft.title), intro)
        out.sections = [
            (_("To"), [translated(TO.get(draft.to, ""))]),
            (_("What it says"), SAYS[kind](c)),
            (_("Evidence it cites"), words.evidence_lines(case, c.exhibits)),
        ]
        if kind in ("escalate", "appeal", "chargeback") and c.events:
            out.sections.append((_("The dispute so far"), history(c)))
        if draft.warnings:
            out.sections.append((_("Before you send"), [translated(w) for w in draft.warnings]))
        return out


def _money(c: Context, value: float | None) -> str:
    return words.money(value, c.i.currency)


def _paid(c: Context) -> str:
    return _money(c, c.i.price) or "?"


def _owed(c: Context) -> str:
    return _money(c, c.owed) or _paid(c)


def _problem(c: Context) -> list[str]:
    first = translated(words.PROBLEM.get(c.i.reason, N_("There is a problem with the order.")))
    return [first] + [words.difference_line(d) for d in c.i.diffs]


def _request(c: Context) -> str:
    if last_of(c.events, "return_agreed", "return_shipped", "seller_received"):
        return _("A full refund of {amount} for the returned item.").format(amount=_paid(c))
    return words.request_line(c.i)


def _order(c: Context) -> str:
    item = f" {words.quoted(c.i.item)}" if c.i.item else ""
    return _("Order {order}{item}, paid {paid}.").format(order=c.order, item=item, paid=_paid(c))


def counter_offer(c: Context) -> list[str]:
    k = c.counter
    offer = _money(c, k.offer) or "?"
    lines = [_order(c), _("It thanks the seller for the offer of {offer} and declines it: the offer does not cover the problem.").format(offer=offer)]  # fmt: skip
    lines += _problem(c)
    if k.full_only:
        lines.append(_("It asks for the full refund of {paid}: nothing usable arrived.").format(paid=_paid(c)))  # fmt: skip
    else:
        pct = f" ({k.percent:g}%)" if k.percent is not None else ""
        lines.append(_("It offers to accept a partial refund of {amount}{percent} and keep the item; otherwise it asks for a full refund of {paid} after you return the item at the seller's cost.").format(amount=_money(c, k.counter), percent=pct, paid=_paid(c)))  # fmt: skip
    lines.append(_("It asks the seller to send the new offer through the dispute, so that {platform} sees it.").format(platform=c.platform))  # fmt: skip
    return lines


def pushback_as_described(c: Context) -> list[str]:
    lines = [_order(c), _("It answers the seller, who says the item is as described: it is not.")]  # fmt: skip
    lines += _problem(c)
    lines.append(_("It asks for: {request}").format(request=_request(c)))
    lines.append(_("It says that otherwise you will ask {platform} to review the evidence.").format(platform=c.platform))  # fmt: skip
    return lines


def pushback_more_evidence(c: Context) -> list[str]:
    lines = [_order(c), _("It sends the evidence the seller asked for; each exhibit says what it shows, and a frame its moment in the video.")]  # fmt: skip
    lines += _problem(c)
    video = next((e for e in c.exhibits if e.kind in ("video", "clip")), None)
    if video:
        lines.append(_("It says that {number} is one continuous recording that starts with the sealed parcel, and that the original file is kept for {platform} on request.").format(number=video.number, platform=c.platform))  # fmt: skip
    else:
        lines.append(_("It says that the original files are kept for {platform} on request.").format(platform=c.platform))  # fmt: skip
    lines.append(_("It asks for: {request}").format(request=_request(c)))
    return lines


def pushback_close_first(c: Context) -> list[str]:
    return [
        _order(c),
        _(
            "It refuses to close the dispute before the refund: a closed dispute cannot be reopened."
        ),  # fmt: skip
        _(
            "It asks for the refund of {amount} through the dispute, or as an offer there; then {platform} closes the case."
        ).format(amount=_owed(c), platform=c.platform),  # fmt: skip
    ]


def off_platform(c: Context) -> list[str]:
    return [
        _order(c),
        _(
            "It thanks the seller for offering to pay outside {platform} and declines: you accept a refund only through the dispute, which protects you both."
        ).format(platform=c.platform),  # fmt: skip
        _("It asks the seller to send the refund of {amount} as an offer in the dispute.").format(
            amount=_owed(c)
        ),  # fmt: skip
    ]


def _falls_short(c: Context) -> str:
    reply = last_of(c.events, "seller_replied")
    k = c.counter
    if reply is not None and reply.reply == "offer" and k.offer is not None:
        return _("the seller offered only {offer}, which does not cover the problem the evidence shows.").format(offer=_money(c, k.offer))  # fmt: skip
    return translated({
        "refusal": N_("the seller says the item is as described, but does not answer the differences the evidence shows."),  # fmt: skip
        "more_evidence": N_("the seller asked for more evidence; it is all listed, and the originals are available on request."),  # fmt: skip
        "close_first": N_("the seller asked you to close the dispute before any payment."),
    }.get(reply.reply if reply else "", N_("the seller has not answered.")))  # fmt: skip


def escalate(c: Context) -> list[str]:
    lines = [_order(c), _("It asks the {platform} mediator to review the dispute.").format(platform=c.platform)]  # fmt: skip
    lines += _problem(c)
    lines.append(_("Why the seller's answer falls short: {why}").format(why=_falls_short(c)))
    lines.append(_("It asks for: {request}").format(request=_request(c)))
    if c.refunded:
        lines.append(_("It says you have received {amount} so far.").format(amount=_money(c, c.refunded)))  # fmt: skip
    return lines


def extend_protection(c: Context) -> list[str]:
    lines = [_order(c), _("It tells the seller that the parcel has not arrived yet.")]
    if c.i.tracking:
        lines.append(_("Tracking {tracking} shows no delivery yet.").format(tracking=c.i.tracking))  # fmt: skip
    lines.append(_("It asks the seller to extend the Buyer Protection time, so that the parcel can still arrive; otherwise you will have to open a dispute before it ends."))  # fmt: skip
    return lines


def still_not_received(c: Context) -> list[str]:
    lines = [_order(c), _("It tells the seller that the parcel has still not arrived.")]
    if c.i.expected:
        lines.append(_("It was expected by {date}.").format(date=format_date(c.i.expected)))
    if c.i.tracking:
        lines.append(_("Tracking number: {tracking}").format(tracking=c.i.tracking))
    lines.append(_("It asks the seller to check with the carrier and say where the parcel is, or to refund {paid}.").format(paid=_paid(c)))  # fmt: skip
    return lines


def carrier(c: Context) -> list[str]:
    track = c.i.tracking or "?"
    lines = [_("It is about the parcel with tracking number {tracking}: {order}").format(tracking=track, order=_order(c))]  # fmt: skip
    variant = carrier_variant(c)
    if variant == "damaged":
        lines.append(_("It says the parcel arrived damaged and asks for a damage report; you keep the packaging for their inspection."))  # fmt: skip
    elif variant == "customs":
        lines.append(_("It asks why the parcel is held at customs, which documents release it, and by when."))  # fmt: skip
    else:
        on = _(" on {date}").format(date=format_date(c.i.delivered)) if c.i.delivered else ""
        lines.append(_("It says the tracking shows the parcel as delivered{on}, but you have not received it, and asks for an investigation and the proof of delivery: the time, the place, the signature or photo, and who received it.").format(on=on))  # fmt: skip
    lines.append(_("It asks for a written answer for your dispute with {platform}.").format(platform=c.platform))  # fmt: skip
    return lines


def appeal(c: Context) -> list[str]:
    lost = last_of(c.events, "closed_lost")
    lines = [_order(c), _("It appeals the decision of {date}.").format(date=format_date(lost.date if lost else ""))]  # fmt: skip
    if lost and lost.note:
        lines.append(_("The decision said (your words): {text}").format(text=words.quoted(lost.note)))  # fmt: skip
    lines += _problem(c)
    lines.append(_("It asks to review the evidence again and grant: {request}").format(request=_request(c)))  # fmt: skip
    return lines


def chargeback(c: Context) -> list[str]:
    lines = [_order(c), _("It asks your bank to reverse the card payment (a chargeback).")]
    lines += _problem(c)
    if c.i.contacted:
        lines.append(_("It says you contacted the merchant on {date}.").format(date=format_date(c.i.contacted)))  # fmt: skip
    if c.refunded and c.i.price is not None:
        rest = _money(c, max(c.i.price - c.refunded, 0.0))
        lines.append(_("The merchant refunded only {refunded} of {paid}: it asks to reverse the remaining {rest}.").format(refunded=_money(c, c.refunded), paid=_paid(c), rest=rest))  # fmt: skip
    else:
        lines.append(_("It asks to reverse the payment of {amount}.").format(amount=_owed(c)))
    return lines


SAYS = {
    "counter_offer": counter_offer,
    "pushback_as_described": pushback_as_described,
    "pushback_more_evidence": pushback_more_evidence,
    "pushback_close_first": pushback_close_first,
    "off_platform": off_platform,
    "escalate": escalate,
    "extend_protection": extend_protection,
    "still_not_received": still_not_received,
    "carrier": carrier,
    "appeal": appeal,
    "chargeback": chargeback,
}

#: what each event means, for the history (context.event_sentence, for the shopper)
EVENTS = {
    "dispute_opened": N_("you opened the dispute"),
    "buyer_countered": N_("you made a counter-proposal"),
    "escalated": N_("you asked the platform to step in"),
    "return_agreed": N_("you agreed to return the item"),
    "return_shipped": N_("you shipped the return"),
    "seller_received": N_("the seller received the returned item"),
    "refund_received": N_("you received a refund"),
    "closed_won": N_("the dispute was decided in your favour"),
    "closed_lost": N_("the dispute was closed against you"),
    "appealed": N_("you appealed the decision"),
}
REPLIES = {
    "offer": N_("the seller offered a partial refund"),
    "refusal": N_("the seller refused, saying the item is as described"),
    "more_evidence": N_("the seller asked for more evidence"),
    "close_first": N_(
        "the seller asked you to close the dispute first and promised to pay later"
    ),  # fmt: skip
    "none": N_("the seller did not reply"),
}


def event_line(c: Context, e: Event) -> str:
    """'13.11.2026: the seller offered a partial refund: 3,00 $.'"""
    if e.kind == "seller_replied":
        text = translated(REPLIES.get(e.reply, N_("the seller replied")))
    else:
        text = translated(EVENTS.get(e.kind, e.kind))
    amount = _money(c, e.amount)
    if amount:
        text += f": {amount}"
    if e.tracking:
        text += ", " + _("tracking number {tracking}").format(tracking=e.tracking)
    return f"{format_date(e.date)}: {text}."


def history(c: Context) -> list[str]:
    """The dispute so far, one line per event."""
    return [event_line(c, e) for e in c.events]
