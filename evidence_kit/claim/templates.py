"""Deterministic wording of the claim (platform-rules §3.2): sentences per reason and remedy,
the measurable differences, and the exhibit citations ("E3, frame at 00:01:12 (from E1)").

Same case in, same words out: no randomness, no dates other than the ones passed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidence_kit.claim.refund import format_money
from evidence_kit.core.model import Case, Item, ItemKind, exhibit_numbers, is_file_name
from evidence_kit.core.timecode import format_time

PROBLEM = {
    "not_received": "I have not received the parcel.",
    "not_as_described": "The item I received does not match the listing.",
    "defective": "The item does not work.",
    "wrong_item": "I received a different item from the one I ordered.",
    "missing_parts": "The parcel arrived with parts missing.",
    "damaged": "The item arrived damaged.",
    "counterfeit": "The item is not genuine: it is a counterfeit of the listed product.",
    "wrong_size": "The item is a different size from the one I ordered.",
    "empty_parcel": "The parcel arrived empty: the item was not inside.",
}
REASON_SHORT = {
    "not_received": "item not received",
    "not_as_described": "item not as described",
    "defective": "item does not work",
    "wrong_item": "wrong item received",
    "missing_parts": "parts missing",
    "damaged": "item arrived damaged",
    "counterfeit": "counterfeit item",
    "wrong_size": "wrong size",
    "empty_parcel": "empty parcel",
}
REMEDY_SHORT = {
    "full_refund": "a full refund",
    "partial_refund": "a partial refund",
    "return_and_refund": "return and refund",
    "replacement": "a replacement",
}
ASPECT_LABEL = {
    "size": "Size",
    "colour": "Colour",
    "material": "Material",
    "function": "Function",
    "quantity": "Quantity",
    "weight": "Weight",
    "other": "Difference",
}
KIND_LABEL = {
    "video": "video",
    "photo": "photo",
    "frame": "frame",
    "clip": "clip",
    "document": "document",
}
# titles the app gives grabbed frames and cut clips ("Frame 00:00:03.000"): the citation
# already says that, so they are not repeated
AUTO_TITLE = re.compile(r"^(?:frame|clip)\s+\d{1,2}:\d{2}", re.I)
# a reply that says there was none
NO_REPLY = re.compile(
    r"^\s*(?:no|none|nothing|no reply|no answer|no response|not yet|нет|нет ответа|"
    r"не ответил\w*|молчит)\s*\.?\s*$",
    re.I,
)
PRIVACY = (
    "Personal details on the label have been masked for privacy; the original unedited "
    "recording is kept and can be provided to {platform} on request."
)


@dataclass
class Difference:
    """One measurable difference: what the listing says against what arrived."""

    aspect: str
    listing: str
    received: str


@dataclass
class Exhibit:
    """An included evidence item and how the claim cites it."""

    number: str
    item_id: str
    kind: str
    citation: str
    short: str
    form: str = "file"  # how the form gets it (attachments.py): file, sheet, or "" (on request)

    @property
    def attached(self) -> bool:
        return bool(self.form)


def differences(claim: dict) -> list[Difference]:
    """Pair `aspect`, `listing_says` and `received_is`; ';' separates several differences."""
    listing = [p.strip() for p in str(claim.get("listing_says") or "").split(";")]
    received = [p.strip() for p in str(claim.get("received_is") or "").split(";")]
    aspects = [p.strip() for p in str(claim.get("aspect") or "").split(";") if p.strip()]
    if len(listing) != len(received):  # unpaired: keep them as one difference each
        listing, received = ["; ".join(listing)], ["; ".join(received)]
    out = []
    for i, (lst, rec) in enumerate(zip(listing, received, strict=True)):
        if not lst and not rec:
            continue
        aspect = aspects[i] if i < len(aspects) else (aspects[0] if len(aspects) == 1 else "")
        out.append(Difference(aspect, lst, rec))
    return out


def difference_line(diff: Difference) -> str:
    """'Colour - listing says: "red"; received: blue.'"""
    parts = []
    if diff.listing:
        parts.append(f'listing says: "{diff.listing}"')
    if diff.received:
        parts.append(f"received: {diff.received}")
    body = "; ".join(parts)
    label = ASPECT_LABEL.get(diff.aspect, "")
    text = f"{label} - {body}" if label else body[:1].upper() + body[1:]
    return text.rstrip(".") + "."


def _has_redaction(item: Item) -> bool:
    return any(a.get("type") == "redact" for a in item.annotations)


def exhibits(
    case: Case, words: dict[str, str] | None = None, forms: dict[str, str] | None = None
) -> list[Exhibit]:
    """Included items in exhibit order, each with its citation.

    `words` holds the reviewed titles and notes ("items.<id>.title"); without it the item's
    own fields are used as they are. `forms` (item id -> attachments.py form) says how the
    dispute form gets each one; without it, every exhibit is attached as a file.
    """
    numbers = exhibit_numbers(case)
    words = words or {}
    forms = forms or {}
    out = []
    for it in case.items:
        number = numbers.get(it.id)
        if number is None:
            continue
        title = words.get(f"items.{it.id}.title", it.title).strip()
        shows = words.get(f"items.{it.id}.shows", it.shows).strip()
        if AUTO_TITLE.match(title) or is_file_name(title, it):
            title = ""  # "Frame 00:00:03.000", "IMG_2041": the citation says more without it
        title = shows or title
        parent = numbers.get(it.parent or "", "")
        source = f" (from {parent})" if parent else ""
        if it.kind == ItemKind.FRAME and it.pts_s is not None:
            head = f"{number}, frame at {format_time(it.pts_s, millis=False)}{source}"
            short = f"{number} frame {format_time(it.pts_s, millis=False)}"
        elif it.kind == ItemKind.CLIP and it.pts_s is not None:
            end = f"-{format_time(it.end_s, millis=False)}" if it.end_s is not None else ""
            head = f"{number}, clip {format_time(it.pts_s, millis=False)}{end}{source}"
            short = f"{number} clip"
        else:
            duration = it.meta.get("duration_s")
            length = (
                f", {format_time(float(duration), millis=False)}"
                if it.kind == ItemKind.VIDEO and isinstance(duration, (int, float))
                else ""
            )
            head = f"{number} ({KIND_LABEL.get(it.kind, it.kind)}{length})"
            short = f"{number} {KIND_LABEL.get(it.kind, it.kind)}"
        citation = f"{head}: {title}" if title else head
        if _has_redaction(it) and "mask" not in citation.lower():
            citation += " (personal details masked)"
        note = words.get(f"items.{it.id}.note", it.note).strip()
        if note:
            citation += f" - {note}"
        if title:
            short = f"{short} ({_short_title(title)})"
        form = forms.get(it.id, "file")
        citation = citation.rstrip(".")
        if form == "sheet":
            citation += " - attached as a contact sheet of stills; the video itself is available on request"  # fmt: skip
        out.append(Exhibit(number, it.id, it.kind, citation + ".", short, form))
    return out


def _short_title(title: str, size: int = 28) -> str:
    if len(title) <= size:
        return title
    return title[: size - 3].rsplit(" ", 1)[0].rstrip(" ,;:") + "..."


def any_redaction(case: Case) -> bool:
    """True when an included exhibit has a masked area."""
    numbers = exhibit_numbers(case)
    return any(_has_redaction(it) for it in case.items if it.id in numbers)


def amount_text(amount: float | None, currency: str) -> str:
    """' of 7.50 USD', or '' when there is no amount."""
    text = format_money(amount, currency)
    return f" of {text}" if text else ""


def reply_sentence(reply: str, party: str = "seller") -> str:
    """The seller's reply as one sentence that reads on from the one before."""
    text = reply.strip().rstrip(".")
    if not text or NO_REPLY.match(text):
        return "There has been no reply so far."
    if re.match(rf"(?:the {party}|{party}|they|he|she|the store|the shop)\b", text, re.I):
        return text[0].upper() + text[1:] + "."
    return f"Reply from the {party}: {text}."


def request_sentence(
    remedy: str,
    price: float | None,
    currency: str,
    percent: float | None,
    amount: float | None,
    item: str,
    can_return: bool,
) -> str:
    """The one remedy with its amount. `can_return`: there is an item to send back."""
    paid = format_money(price, currency)
    if remedy == "partial_refund":
        of = f" ({percent:g}% of {paid})" if percent is not None and paid else ""
        return f"a partial refund{amount_text(amount, currency)}{of}; I will keep the item."
    if remedy == "return_and_refund":
        return (
            f"a full refund{amount_text(price, currency)} after I return the item. "
            "Please provide the return address or a prepaid return label."
        )
    if remedy == "replacement":
        what = f' of "{item}"' if item else ""
        return f"a replacement{what}, sent at the seller's cost."
    tail = " I am happy to return the item if required." if can_return else ""
    return f"a full refund{amount_text(price, currency)}.{tail}"
