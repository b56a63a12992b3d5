"""The short claim for a small text box: fitted to the limit by priority, never by clipping.

The order id, the problem, the request and the reply-by date always stay. The rest gives way
whole and least valuable first: the privacy note, the wording of the evidence list, the
seller's reply, the item name, then differences beyond the first. A listing-versus-received
pair is shortened on both halves alike or dropped whole, never cut in half. On forms that take
English characters only, the text is spelled in ASCII before it is measured, so the limit
holds for what is actually pasted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from evidence_kit.claim import templates
from evidence_kit.claim.inputs import ClaimInputs
from evidence_kit.claim.refund import format_money
from evidence_kit.claim.transliterate import ascii_text


def clip(text: str, size: int) -> str:
    """Shorten at a word boundary with '...'."""
    if len(text) <= size:
        return text
    cut = text[: max(size - 3, 0)].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "..."


@dataclass(frozen=True)
class _Level:
    """How much of each optional part the text holds (0 = all of it)."""

    masked: bool = True
    evidence: int = 0  # 0 titles, 1 kinds and times, 2 a range, 3 none
    contact: int = 0  # 0 with the reply, 1 the date only, 2 none
    item: int = 0  # 0 up to 60 characters, 1 up to 30, 2 none
    diffs: int = 3  # how many differences
    half: int = 0  # each half of a difference at most this long (0: as typed, up to the limit)


# each step gives up a little more; the first ones cost the mediator least
_STEPS: list[Callable[[_Level], _Level]] = [
    lambda lv: replace(lv, masked=False),
    lambda lv: replace(lv, evidence=1),
    lambda lv: replace(lv, contact=1),
    lambda lv: replace(lv, item=1),
    lambda lv: replace(lv, evidence=2),
    lambda lv: replace(lv, half=90),
    lambda lv: replace(lv, contact=2),
    lambda lv: replace(lv, item=2),
    lambda lv: replace(lv, diffs=2),
    lambda lv: replace(lv, half=50),
    lambda lv: replace(lv, diffs=1),
    lambda lv: replace(lv, evidence=3),
    lambda lv: replace(lv, half=30),
    lambda lv: replace(lv, half=15),
    lambda lv: replace(lv, diffs=0),
]


def _span(exhibits: list[templates.Exhibit]) -> str:
    first, last = exhibits[0].number, exhibits[-1].number
    return f"{first}-{last}" if first != last else first


def _evidence(exhibits: list[templates.Exhibit], level: int) -> str:
    """The attached exhibits (titles, then kinds, then a range); the rest 'on request'."""
    if not exhibits or level >= 3:
        return ""
    attached = [e for e in exhibits if e.attached]
    later = [e for e in exhibits if not e.attached]
    on_request = f" On request: {_span(later)}." if later else ""
    if not attached:
        return f"Evidence on request: {_span(later)}."
    if level == 0:
        return "Evidence: " + "; ".join(e.short for e in attached) + "." + on_request
    if level == 1:
        return "Evidence: " + "; ".join(e.short.split(" (")[0] for e in attached) + "." + on_request
    return f"Evidence: {_span(attached)}." + on_request


def _contact(i: ClaimInputs, level: int) -> str:
    if not i.contacted or level >= 2:
        return ""
    party = "Merchant" if i.is_card else "Seller"
    if level == 1:
        return f"{party} contacted {i.contacted}."
    reply = templates.reply_sentence(i.seller_reply, party.lower())
    return f"{party} contacted {i.contacted}. {reply}"


def _diff(d: templates.Difference, half: int) -> str:
    return templates.difference_line(
        templates.Difference(d.aspect, clip(d.listing, half), clip(d.received, half))
    )


def _tail(i: ClaimInputs) -> str:
    if i.is_card:
        paid = format_money(i.amount if i.amount is not None else i.price, i.currency)
        return f"Request: chargeback of {paid}." if paid else "Request: chargeback."
    request = templates.request_sentence(
        i.remedy, i.price, i.currency, i.percent, i.amount, i.item, False
    )
    return f"Request: {request.split('. Please')[0].rstrip('.')}. Please reply by {i.reply_by}."


def fit(i: ClaimInputs, exhibits: list[templates.Exhibit], limit: int, masked: bool) -> str:
    """The short text, at most `limit` characters as pasted."""
    order = i.order_id or "(order number)"
    head = f"Card dispute, order {order}" if i.is_card else f"{i.subject_name} {order}"
    problem = templates.PROBLEM.get(i.reason, "There is a problem with my order.")
    tail = _tail(i)
    note = "Personal details masked; original available on request." if masked else ""

    def build(lv: _Level) -> str:
        size = (60, 30)[lv.item] if lv.item < 2 else 0
        item = f' ("{clip(i.item, size)}")' if i.item and size else ""
        half = lv.half or limit
        diffs = " ".join(_diff(d, half) for d in i.diffs[: lv.diffs])
        extra = note if lv.masked else ""
        parts = [
            f"{head}{item}: {problem}",
            diffs,
            _evidence(exhibits, lv.evidence),
            _contact(i, lv.contact),
            extra,
            tail,
        ]
        text = " ".join(p for p in parts if p)
        return ascii_text(text) if i.ascii_only else text

    level = _Level()
    text = build(level)
    for step in _STEPS:
        if len(text) <= limit:
            return text
        level = step(level)
        text = build(level)
    if len(text) <= limit:
        return text
    # an order id or item so long that even the bare claim does not fit: keep the request
    tail = ascii_text(tail) if i.ascii_only else tail
    room = limit - len(tail) - 1
    return clip(tail, limit) if room < 20 else clip(text[: -len(tail)].strip(), room) + " " + tail
