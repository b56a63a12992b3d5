"""The long claim text for a marketplace or PayPal, paragraph by paragraph (platform-rules §3.2).

Each paragraph has a key, so the shopper's edits can be merged with a fresh draft later
(edits.py). The subject line is not a paragraph: it goes into the form's subject field, if
there is one, and never into the text box. Card chargebacks are letters to the bank
(card_letter.py reuses the helpers here).
"""

from __future__ import annotations

from evidence_kit.claim import templates
from evidence_kit.claim.inputs import ClaimInputs
from evidence_kit.claim.refund import format_money
from evidence_kit.core.model import Case

Sections = list[tuple[str, str]]


def subject(i: ClaimInputs) -> str:
    """'AliExpress order 8123 - item arrived damaged - request for a full refund'."""
    remedy = templates.REMEDY_SHORT.get(i.remedy, "a refund")
    reason = templates.REASON_SHORT.get(i.reason, "problem with my order")
    return f"{i.subject_name} {i.order_id or '(order number)'} - {reason} - request for {remedy}"


def order_line(i: ClaimInputs) -> str:
    """'1. Order facts: ...' with the shipping line under it, each a full sentence."""
    order = [f"Order {i.order_id}" if i.order_id else "My order"]
    if i.ordered:
        order.append(f"placed {i.ordered}")
    if i.item:
        order.append(f'item "{i.item}"')
    if i.price is not None:
        order.append(f"paid {format_money(i.price, i.currency)}")
    if i.store:
        order.append(f"seller {i.store}")
    line = "1. Order facts: " + ", ".join(order) + "."
    shipping = shipping_line(i)
    return f"{line}\n   {shipping}" if shipping else line


def shipping_line(i: ClaimInputs) -> str:
    """'Tracking LP001...; delivered 2026-11-20.' or 'Delivered 2026-11-20.' or ''."""
    parts = []
    if i.tracking:
        parts.append(f"tracking {i.tracking}")
    if i.delivered and i.reason != "not_received":
        parts.append(f"delivered {i.delivered}")
    elif i.expected:
        parts.append(f"expected by {i.expected}")
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def problem_lines(i: ClaimInputs) -> list[str]:
    """The problem sentence, the platform's reason, the differences and the notes."""
    lines = [templates.PROBLEM.get(i.reason, "There is a problem with my order.")]
    if i.reason_label:
        lines.append(f'Reason chosen on the form: "{i.reason_label}".')
    lines += [templates.difference_line(d) for d in i.diffs]
    if i.notes:
        lines.append(f"Details: {i.notes}")
    return lines


def done_line(i: ClaimInputs, party: str = "seller") -> str:
    """What the shopper has done so far, in full sentences."""
    parts = []
    if i.contacted:
        channel = "" if i.is_card else " through the platform's messages"
        parts.append(f"I contacted the {party} on {i.contacted}{channel}.")
        parts.append(templates.reply_sentence(i.seller_reply, party))
    if i.dispute_opened and not i.is_card:
        parts.append(f"I opened this dispute on {i.dispute_opened}.")
    if not parts:
        if i.is_card:
            return "I have not been able to resolve this with the merchant."
        return "I am opening this dispute to resolve the problem with the seller."
    return " ".join(parts)


def evidence_lines(case: Case, i: ClaimInputs, exhibits: list[templates.Exhibit]) -> str:
    """'Evidence (attached):' with the exhibits the form takes, then the ones available on
    request (over the form's file count, or a form that takes no files)."""
    if not exhibits:
        return "Evidence: the order and tracking details above; more on request."
    attached = [e for e in exhibits if e.attached]
    later = [e for e in exhibits if not e.attached]
    if not attached:
        where = "" if i.is_card else "sent in the messages with the seller; "
        head = f"Evidence ({where}available on request):"
        return "\n".join([head] + [f"   {e.citation}" for e in later])
    lines = ["Evidence (attached):"] + [f"   {e.citation}" for e in attached]
    if later:
        lines += ["   Available on request:"] + [f"   {e.citation}" for e in later]
    return "\n".join(lines)


def build(case: Case, i: ClaimInputs, exhibits: list[templates.Exhibit]) -> Sections:
    """The paragraphs of the long text, in order."""
    problem = problem_lines(i)
    request = templates.request_sentence(
        i.remedy, i.price, i.currency, i.percent, i.amount, i.item, i.can_return
    )
    sections: Sections = [
        ("greeting", "Hello,"),
        ("facts", order_line(i)),
        ("problem", "2. Problem: " + "\n   ".join(problem)),
        ("done", f"3. What I have done: {done_line(i)}"),
        ("evidence", f"4. {evidence_lines(case, i, exhibits)}"),
    ]
    if templates.any_redaction(case):
        sections.append(("privacy", templates.PRIVACY.format(platform=i.short_name)))
    sections += [
        ("request", f"5. Request: {request}"),
        ("reply", f"6. Please reply by {i.reply_by}."),
        ("closing", "Thank you for your help." + (f"\n{i.buyer}" if i.buyer else "")),
    ]
    return sections
