"""A card chargeback is a letter to the bank that issued the card, not a message to a seller.

It answers what issuers ask for a Visa 13.1 / 13.3 or Mastercard 4853 dispute (platform-rules
§2.8; Adyen, Increase and Stripe Issuing evidence fields): the transaction, the expected or
actual delivery date, the attempts to resolve it with the merchant and their dates, the
merchant's reply, and for an item not as described the return (or the attempt) and its
tracking number.
"""

from __future__ import annotations

from evidence_kit.claim import templates
from evidence_kit.claim.inputs import ClaimInputs
from evidence_kit.claim.refund import format_money
from evidence_kit.claim.sections import Sections, done_line, evidence_lines, problem_lines
from evidence_kit.core.model import Case


def subject(i: ClaimInputs) -> str:
    """'Card dispute: payment to Example Store, order 8123 - item not received - chargeback'."""
    to = f" to {i.store}" if i.store else ""
    reason = templates.REASON_SHORT.get(i.reason, "problem with my order")
    return (
        f"Card dispute: payment{to}, order {i.order_id or '(order number)'} - {reason} - "
        "request for a chargeback"
    )


def transaction_line(i: ClaimInputs) -> str:
    """What was paid, when, to whom, for what; then the delivery dates the issuer asks for."""
    paid = format_money(i.price, i.currency) or "the amount"
    when = f" on {i.ordered}" if i.ordered else ""
    to = f" to {i.store}" if i.store else " to the merchant"
    order = f"order {i.order_id}" if i.order_id else "my order"
    item = f', "{i.item}"' if i.item else ""
    lines = [f"1. Transaction: I paid {paid}{when}{to} for {order}{item}."]
    if i.reason == "not_received":
        if i.expected:
            lines.append(
                f"The expected delivery date was {i.expected}; it has passed and the item has "
                "not arrived."
            )
        else:
            lines.append("The item has not arrived.")
        if i.tracking:
            lines.append(f"Tracking number: {i.tracking}.")
    elif i.delivered:
        track = f" (tracking {i.tracking})" if i.tracking else ""
        lines.append(f"I received the item on {i.delivered}{track}.")
    return "\n   ".join(lines)


def return_line(i: ClaimInputs) -> str:
    """The return or the attempt to return, which a not-as-described dispute needs."""
    tracking = f", tracking number {i.return_tracking}" if i.return_tracking else ""
    if i.return_attempted:
        return f"4. Return: I sent the item back to the merchant on {i.return_attempted}{tracking}."
    if i.return_tracking:
        return f"4. Return: I sent the item back to the merchant{tracking}."
    return (
        "4. Return: I have not returned the item yet; I will return it as soon as the merchant "
        "gives a return address."
    )


def request_line(i: ClaimInputs) -> str:
    """The chargeback asked for, with its amount."""
    paid = format_money(i.price, i.currency)
    if i.remedy == "partial_refund" and i.amount is not None:
        share = f" ({i.percent:g}% of {paid})" if i.percent is not None and paid else ""
        text = f"please reverse {format_money(i.amount, i.currency)} of this payment{share}"
        text += "; I will keep the item."
    else:
        amount = f" of {paid}" if paid else ""
        text = f"please reverse the payment{amount} (chargeback)."
    return f"Request: {text} I have not received a refund or credit from the merchant."


def build(case: Case, i: ClaimInputs, exhibits: list[templates.Exhibit]) -> Sections:
    """The paragraphs of the letter to the card issuer."""
    number = 3
    sections: Sections = [
        ("greeting", "Dear card disputes team,"),
        ("intro", "I dispute a card payment and ask for a chargeback."),
        ("facts", transaction_line(i)),
        ("problem", "2. Problem: " + "\n   ".join(problem_lines(i))),
        ("done", f"3. Resolving it with the merchant: {done_line(i, 'merchant')}"),
    ]
    if i.can_return:
        number += 1
        sections.append(("return", return_line(i)))
    sections.append(("evidence", f"{number + 1}. {evidence_lines(case, i, exhibits)}"))
    if templates.any_redaction(case):
        sections.append(("privacy", templates.PRIVACY.format(platform="you")))
    sections += [
        ("request", f"{number + 2}. {request_line(i)}"),
        ("closing", "Yours sincerely," + (f"\n{i.buyer}" if i.buyer else "")),
    ]
    return sections
