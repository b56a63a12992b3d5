"""The pieces the shopper's explanations are made of, in the shopper's language (gettext).

The claim and the messages go out in English (templates.py, dispute/message_texts.py); these
are the same facts said again for the shopper: the order, the problem, the differences, each
exhibit with its "what it shows" line, the amounts, the dates. Only catalog messages are used,
never machine translation: what the shopper typed (titles, "what it shows", notes, the
listing and what arrived, the seller's reply) is quoted as they wrote it.
"""

from __future__ import annotations

from evidence_kit.claim import templates
from evidence_kit.claim.inputs import ClaimInputs
from evidence_kit.claim.refund import shown_money as money  # noqa: F401 - callers import it here
from evidence_kit.core.i18n import N_, _, format_date, translated
from evidence_kit.core.model import Case, ItemKind, exhibit_numbers, is_file_name
from evidence_kit.core.timecode import format_time

#: the problem, per shared reason (the claim's templates.PROBLEM, for the shopper)
PROBLEM = {
    "not_received": N_("The parcel has not arrived."),
    "not_as_described": N_("The item does not match the listing."),
    "defective": N_("The item does not work."),
    "wrong_item": N_("A different item came from the one ordered."),
    "missing_parts": N_("The parcel came with parts missing."),
    "damaged": N_("The item arrived damaged."),
    "counterfeit": N_("The item is a counterfeit, not the listed product."),
    "wrong_size": N_("The item is a different size from the one ordered."),
    "empty_parcel": N_("The parcel came empty: the item was not inside."),
}
REASON_SHORT = {
    "not_received": N_("item not received"),
    "not_as_described": N_("item not as described"),
    "defective": N_("item does not work"),
    "wrong_item": N_("wrong item received"),
    "missing_parts": N_("parts missing"),
    "damaged": N_("item arrived damaged"),
    "counterfeit": N_("counterfeit item"),
    "wrong_size": N_("wrong size"),
    "empty_parcel": N_("empty parcel"),
}
REMEDY = {
    "full_refund": N_("a full refund"),
    "partial_refund": N_("a partial refund"),
    "return_and_refund": N_("return and refund"),
    "replacement": N_("a replacement"),
}
ASPECT = {
    "size": N_("Size"),
    "colour": N_("Colour"),
    "material": N_("Material"),
    "function": N_("Function"),
    "quantity": N_("Quantity"),
    "weight": N_("Weight"),
    "other": N_("Difference"),
}
KIND = {
    ItemKind.VIDEO: N_("video"),
    ItemKind.PHOTO: N_("photo"),
    ItemKind.FRAME: N_("frame"),
    ItemKind.CLIP: N_("clip"),
    ItemKind.DOCUMENT: N_("document"),
}


def quoted(text: str) -> str:
    """The shopper's own words, marked as theirs ('«...»' in Russian, '"..."' in English)."""
    return _("“{text}”").format(text=text.strip())


def order_lines(i: ClaimInputs) -> list[str]:
    """The order's facts, one per line."""
    lines = [_("Platform: {name}").format(name=i.platform_name)] if i.platform_id else []
    if i.order_id:
        lines.append(_("Order number: {order}").format(order=i.order_id))
    if i.ordered:
        lines.append(_("Ordered on: {date}").format(date=format_date(i.ordered)))
    if i.item:
        lines.append(_("Item: {item}").format(item=quoted(i.item)))
    if i.price is not None:
        lines.append(_("Paid: {amount}").format(amount=money(i.price, i.currency)))
    if i.store:
        lines.append(_("Seller: {store}").format(store=i.store))
    if i.tracking:
        lines.append(_("Tracking number: {tracking}").format(tracking=i.tracking))
    if i.delivered and i.reason != "not_received":
        lines.append(_("Delivered on: {date}").format(date=format_date(i.delivered)))
    elif i.expected:
        lines.append(_("Expected by: {date}").format(date=format_date(i.expected)))
    return lines


def problem_lines(i: ClaimInputs) -> list[str]:
    """The problem, the platform's reason as the form names it, the differences, the notes."""
    lines = [translated(PROBLEM.get(i.reason, N_("There is a problem with the order.")))]
    if i.reason_label:
        lines.append(_("Reason chosen on the form: “{label}”.").format(label=i.reason_label))
    lines += [difference_line(d) for d in i.diffs]
    if i.notes:
        lines.append(_("Details (your own words): {notes}").format(notes=quoted(i.notes)))
    return lines


def difference_line(diff: templates.Difference) -> str:
    """'Colour: the listing says “red”; received: “blue”.'"""
    parts = []
    if diff.listing:
        parts.append(_("the listing says {text}").format(text=quoted(diff.listing)))
    if diff.received:
        parts.append(_("received: {text}").format(text=quoted(diff.received)))
    body = "; ".join(parts)
    label = translated(ASPECT.get(diff.aspect, ""))
    return (f"{label}: {body}" if label else body[:1].upper() + body[1:]) + "."


def exhibit_line(case: Case, exhibit: templates.Exhibit) -> str:
    """One exhibit as the claim cites it: its number, what it is, its time in the video, what
    it shows (the shopper's words), masked or not, and how the form gets it."""
    item = next((it for it in case.items if it.id == exhibit.item_id), None)
    if item is None:
        return exhibit.number
    parent = exhibit_numbers(case).get(item.parent or "", "")
    source = _(" (from {number})").format(number=parent) if parent else ""
    at = format_time(item.pts_s, millis=False) if item.pts_s is not None else ""
    if item.kind == ItemKind.FRAME and at:
        head = _("{number}, frame at {time}{source}").format(number=exhibit.number, time=at, source=source)  # fmt: skip
    elif item.kind == ItemKind.CLIP and at:
        end = f"-{format_time(item.end_s, millis=False)}" if item.end_s is not None else ""
        head = _("{number}, clip {time}{source}").format(number=exhibit.number, time=at + end, source=source)  # fmt: skip
    else:
        head = f"{exhibit.number} ({translated(KIND.get(item.kind, N_('document')))})"
    title = item.title.strip()
    if templates.AUTO_TITLE.match(title) or is_file_name(title, item):
        title = ""  # "Frame 00:00:03.000", "IMG_2041": the claim leaves these out too
    shows = item.shows.strip() or title
    line = _("{head}: {shows}").format(head=head, shows=quoted(shows)) if shows else head
    if any(a.get("type") == "redact" for a in item.annotations):
        line += _(" (personal details masked)")
    if item.note.strip():
        line += " - " + quoted(item.note)
    if exhibit.form == "sheet":
        line += _(", attached as a contact sheet of stills; the video itself on request")
    return line + "."


def evidence_lines(case: Case, exhibits: list[templates.Exhibit]) -> list[str]:
    """The attached exhibits, then those available on request."""
    if not exhibits:
        return [_("No exhibits: the order and tracking details above; more on request.")]
    attached = [exhibit_line(case, e) for e in exhibits if e.attached]
    later = [exhibit_line(case, e) for e in exhibits if not e.attached]
    lines = [_("Attached:")] + [f"  {line}" for line in attached] if attached else []
    if later:
        lines += [_("Available on request:")] + [f"  {line}" for line in later]
    return lines


def request_line(i: ClaimInputs) -> str:
    """The one remedy with its amount (templates.request_sentence, for the shopper)."""
    paid = money(i.price, i.currency)
    if i.remedy == "partial_refund":
        line = _("A partial refund of {amount}; you keep the item.").format(amount=money(i.amount, i.currency) or "?")  # fmt: skip
        if i.percent is not None and paid:
            line += " " + _("That is {percent}% of {paid}.").format(percent=f"{i.percent:g}", paid=paid)  # fmt: skip
        return line
    if i.remedy == "return_and_refund":
        return _("A full refund of {amount} after you return the item; the seller is asked for the return address or a prepaid label.").format(amount=paid or "?")  # fmt: skip
    if i.remedy == "replacement":
        return _("A replacement, sent at the seller's cost.")
    line = _("A full refund of {amount}.").format(amount=paid or "?")
    if i.can_return:
        line += " " + _("You offer to return the item if asked.")
    return line
