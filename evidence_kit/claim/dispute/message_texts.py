"""The words of each message after the dispute opens: polite, specific, citing the exhibits.

Each kind gives its subject, its long text as paragraphs, and the parts of its short version
with a priority (0 always stays: the order, the amounts, the exhibits, the request; higher
numbers give way first). Same case in, same words out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from evidence_kit.claim import templates
from evidence_kit.claim.dispute.context import Context, history
from evidence_kit.core.events import last_of


@dataclass
class Words:
    """One message before it is fitted and spelled."""

    to: str  # seller | mediator | carrier | bank
    subject: str
    paragraphs: list[str]
    short: list[tuple[int, str]] = field(default_factory=list)  # (priority, part)


def _problem(c: Context) -> str:
    return templates.PROBLEM.get(c.i.reason, "There is a problem with my order.")


def _diffs(c: Context) -> list[str]:
    return [templates.difference_line(d) for d in c.i.diffs]


def _request(c: Context) -> str:
    """What the shopper asks for now: after a return is agreed, the full price."""
    i = c.i
    if last_of(c.events, "return_agreed", "return_shipped", "seller_received"):
        return f"a full refund of {c.paid} for the returned item."
    return templates.request_sentence(i.remedy, i.price, i.currency, i.percent, i.amount, i.item, i.can_return)  # fmt: skip


def _want(c: Context) -> str:
    """The short form of what the shopper asks for."""
    owed = c.money(c.owed)
    return f"a refund of {owed}" if owed else "a refund"


def _head(c: Context) -> str:
    return f"{c.i.subject_name} {c.order}"


def _evidence_short(c: Context) -> tuple[int, str]:
    return (0, f"Evidence: {c.span()}.") if c.exhibits else (0, "")


def _titles_short(c: Context) -> tuple[int, str]:
    attached = [e for e in c.exhibits if e.attached] or c.exhibits
    return (3, "; ".join(e.short for e in attached) + ".") if attached else (3, "")


def counter_offer(c: Context) -> Words:
    k = c.counter
    offer = c.money(k.offer) or "your offer"
    share = f" ({k.offer_percent:g}% of the {c.paid} I paid)" if k.offer_percent is not None else ""
    if k.full_only:
        ask = f"I ask for the full refund of {c.paid}: nothing usable arrived."
        ask_short = f"I ask for the full refund of {c.paid}."
    else:
        pct = f" ({k.percent:g}% of the price)" if k.percent is not None else ""
        ask = (
            f"I can accept a partial refund of {c.money(k.counter)}{pct} and keep the item. "
            f"Otherwise I ask for a full refund of {c.paid} after I return the item at your cost."
        )
        ask_short = f"I can accept {c.money(k.counter)}{pct} and keep the item, or a full refund after a return."  # fmt: skip
    return Words(
        "seller",
        f"{_head(c)} - reply to your offer of {offer}",
        [
            "Hello,",
            f"Thank you for your offer of {offer}{share} for {c.order_line()}. I cannot accept "
            f"it, because it does not cover the problem. {_problem(c)}",
            *(["\n".join(_diffs(c))] if _diffs(c) else []),
            c.evidence(),
            ask,
            f"Please send the new offer through the dispute, so that {c.platform} can see it.",
            c.signature(),
        ],
        [
            (0, f"{_head(c)}: I decline your offer of {offer}."),
            (2, _problem(c)),
            _evidence_short(c),
            _titles_short(c),
            (0, ask_short),
            (1, "Please send it in the dispute."),
        ],
    )


def pushback_as_described(c: Context) -> Words:
    diffs = _diffs(c) or [c.i.notes or "The evidence below shows the problem."]
    return Words(
        "seller",
        f"{_head(c)} - the item is not as described",
        [
            "Hello,",
            f"You say the item of {c.order_line()} is as described. It is not. {_problem(c)}",
            "\n".join(diffs),
            c.evidence(),
            f"I ask for {_request(c)}",
            f"If we cannot agree, I will ask {c.platform} to review the evidence.",
            c.signature(),
        ],
        [
            (0, f"{_head(c)}: the item is not as described."),
            (2, diffs[0]),
            _evidence_short(c),
            _titles_short(c),
            (0, f"I ask for {_want(c)} (paid {c.paid})."),
            (1, f"Otherwise I will ask {c.platform} to review it."),
        ],
    )


def pushback_more_evidence(c: Context) -> Words:
    video = next((e for e in c.exhibits if e.kind in ("video", "clip")), None)
    continuous = (
        f"{video.number} is one continuous recording that starts with the sealed parcel; the "
        f"original, unedited file is kept and I can give it to {c.platform} on request."
        if video
        else f"The original files are kept and I can give them to {c.platform} on request."
    )
    return Words(
        "seller",
        f"{_head(c)} - the evidence you asked for",
        [
            "Hello,",
            f"You asked for more evidence about {c.order_line()}. {_problem(c)} The evidence "
            "below shows it; each exhibit says what it shows and, for a frame, the moment in "
            "the video.",
            c.evidence(),
            continuous,
            f"I ask for {_request(c)}",
            c.signature(),
        ],
        [
            (0, f"{_head(c)}: here is the evidence you asked for."),
            _evidence_short(c),
            _titles_short(c),
            (2, continuous.split(";")[0] + "."),
            (0, f"I ask for {_want(c)} (paid {c.paid})."),
        ],
    )


def pushback_close_first(c: Context) -> Words:
    return Words(
        "seller",
        f"{_head(c)} - I will not close the dispute before the refund",
        [
            "Hello,",
            f"You asked me to close the dispute for {c.order_line()} first and promised to pay "
            f"later. I will not close it before the refund is made: a closed dispute cannot be "
            "reopened.",
            f"Please make the refund of {c.money(c.owed) or c.paid} through the dispute, or "
            f"send it as an offer there, and {c.platform} will close the case.",
            c.evidence(),
            c.signature(),
        ],
        [
            (0, f"{_head(c)}: I will not close the dispute before the refund."),
            (0, f"Please refund {c.money(c.owed) or c.paid} through the dispute."),
            _evidence_short(c),
            _titles_short(c),
            (1, "A closed dispute cannot be reopened."),
        ],
    )


def off_platform(c: Context) -> Words:
    return Words(
        "seller",
        f"{_head(c)} - refund through {c.platform} only",
        [
            "Hello,",
            f"Thank you for offering to pay me outside {c.platform} for {c.order_line()}. I "
            f"accept a refund only through {c.platform}'s dispute, which protects both of us.",
            f"Please send the refund of {c.money(c.owed) or c.paid} as an offer in the dispute.",
            c.evidence(),
            c.signature(),
        ],
        [
            (0, f"{_head(c)}: I accept a refund only through {c.platform}."),
            (0, f"Please send {c.money(c.owed) or c.paid} as an offer in the dispute."),
            _evidence_short(c),
            _titles_short(c),
        ],
    )


def _falls_short(c: Context) -> str:
    reply = last_of(c.events, "seller_replied")
    if reply is None:
        return "The seller has not answered."
    k = c.counter
    if reply.reply == "offer" and k.offer is not None:
        share = f", {k.offer_percent:g}% of the price" if k.offer_percent is not None else ""
        return (
            f"The seller offered only {c.money(k.offer)}{share}, which does not cover the "
            f"problem the evidence shows."
        )
    return {
        "refusal": "The seller says the item is as described, but does not answer the "
        "differences the evidence shows.",
        "more_evidence": "The seller asked for more evidence; it is all listed below and the "
        "originals are available on request.",
        "close_first": "The seller asked me to close the dispute before any payment.",
        "none": "The seller has not answered.",
    }.get(reply.reply, "The seller's answer does not resolve the problem.")


def escalate(c: Context) -> Words:
    owed, paid = c.money(c.owed), c.paid
    got = f" I have received {c.money(c.refunded)} so far." if c.refunded else ""
    return Words(
        "mediator",
        f"{_head(c)} - please review this dispute",
        [
            f"Dear {c.platform} mediator,",
            f"I ask you to review the dispute for {c.order_line()}. {_problem(c)}",
            "What happened since the dispute was opened:\n" + history(c),
            f"Why the seller's answer falls short: {_falls_short(c)}",
            c.evidence(),
            f"Request: {_request(c)}{got}",
            c.signature(),
        ],
        [
            (0, f"{_head(c)}: please review."),
            (1, _problem(c)),
            (2, _falls_short(c)),
            _evidence_short(c),
            _titles_short(c),
            (0, f"Request: a refund of {owed or paid} (paid {paid}).{got}"),
        ],
    )


def extend_protection(c: Context) -> Words:
    track = f" Tracking {c.i.tracking} shows no delivery yet." if c.i.tracking else ""
    return Words(
        "seller",
        f"{_head(c)} - please extend the Buyer Protection",
        [
            "Hello,",
            f"My {c.order_line()} has not arrived yet.{track}",
            "Please extend the Buyer Protection time so that the parcel can still arrive; "
            "otherwise I will have to open a dispute before it ends.",
            c.evidence(),
            c.signature(),
        ],
        [
            (0, f"{_head(c)} (paid {c.paid}) has not arrived.{track}"),
            (0, "Please extend the Buyer Protection time."),
            _evidence_short(c),
            (1, "Otherwise I must open a dispute."),
        ],
    )


def still_not_received(c: Context) -> Words:
    expected = f" It was expected by {c.i.expected}." if c.i.expected else ""
    track = f" Tracking: {c.i.tracking}." if c.i.tracking else ""
    return Words(
        "seller",
        f"{_head(c)} - the parcel has still not arrived",
        [
            "Hello,",
            f"The parcel for {c.order_line()} has still not arrived.{expected}{track}",
            f"Please check with the carrier and tell me where it is, or refund {c.paid}.",
            c.evidence(),
            c.signature(),
        ],
        [
            (0, f"{_head(c)}: the parcel has not arrived.{expected}"),
            (1, track.strip()),
            (0, f"Please find it or refund {c.paid}."),
            _evidence_short(c),
        ],
    )


def carrier_variant(c: Context) -> str:
    """delivered (but not received), damaged (in transit) or customs (held there)."""
    if c.i.reason in ("damaged", "missing_parts", "empty_parcel"):
        return "damaged"
    words = " ".join([c.i.notes, *(e.note for e in c.events)]).lower()
    if "customs" in words or "таможн" in words:
        return "customs"
    return "delivered"


def carrier(c: Context) -> Words:
    variant = carrier_variant(c)
    track = c.i.tracking or "(tracking number)"
    body = {
        "delivered": (
            f"The tracking shows the parcel as delivered{f' on {c.i.delivered}' if c.i.delivered else ''}, "
            "but I have not received it. Please investigate the delivery and send me the proof "
            "of delivery: the time, the place, the signature or photo, and who received it.",
            "it shows delivered, but I have not received it. Please send the proof of delivery.",
        ),
        "damaged": (
            "The parcel reached me damaged. Please open a damage report for it and tell me what "
            "you need from me; I keep the packaging for your inspection.",
            "it arrived damaged. Please open a damage report.",
        ),
        "customs": (
            "The parcel is held at customs. Please tell me why it is held, which documents are "
            "needed to release it, and by when.",
            "it is held at customs. Please tell me what is needed to release it.",
        ),
    }[variant]
    return Words(
        "carrier",
        f"Parcel {track} - {'proof of delivery' if variant == 'delivered' else variant}",
        [
            "Dear Sir or Madam,",
            f"I write about the parcel with tracking number {track}, my {c.order_line()} from "
            f"{c.i.store or 'the seller'}.",
            body[0],
            c.evidence(),
            f"I need your written answer for my dispute with {c.platform}.",
            c.signature("Thank you for your help."),
        ],
        [
            (0, f"Parcel {track} ({c.order_line()}): {body[1]}"),
            _evidence_short(c),
            (1, f"I need a written answer for my {c.platform} dispute."),
        ],
    )


def appeal(c: Context) -> Words:
    lost = last_of(c.events, "closed_lost")
    day = lost.date if lost else ""
    reason = f' The decision said: "{lost.note}".' if lost and lost.note else ""
    return Words(
        "mediator",
        f"{_head(c)} - appeal of the decision of {day}",
        [
            f"Dear {c.platform} team,",
            f"I appeal the decision of {day} on {c.order_line()}.{reason} {_problem(c)}",
            "\n".join(_diffs(c)) if _diffs(c) else "The evidence below shows the problem.",
            "The dispute so far:\n" + history(c),
            c.evidence(),
            f"Request: please review the evidence again and grant {_request(c)}",
            c.signature(),
        ],
        [
            (0, f"{_head(c)}: I appeal the decision of {day}."),
            (1, _problem(c)),
            _evidence_short(c),
            _titles_short(c),
            (
                0,
                f"Please review it and grant a refund of {c.money(c.owed) or c.paid} (paid {c.paid}).",
            ),  # fmt: skip
        ],
    )


BUILDERS: dict[str, Callable[[Context], Words]] = {
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
}
