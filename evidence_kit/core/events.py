"""The dispute after it opens: what happened, on which day (case.json "events").

An event is one step of the dispute as the shopper records it: the day it happened, an
optional amount and note, the evidence items it links (a screenshot of the seller's message
imported as a document), and the details its kind has (the seller's reply, the return's
tracking number, whether the return address came inside the dispute form). Loading checks
the shape and names the bad field; event_ops.py checks the meaning when an event is made.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from evidence_kit.core.errors import CaseCorruptError

KINDS = (
    "dispute_opened",
    "seller_replied",
    "buyer_countered",
    "escalated",
    "return_agreed",
    "return_shipped",
    "seller_received",
    "refund_received",
    "closed_won",
    "closed_lost",
    "appealed",
)
#: how the seller answered (seller_replied --reply)
REPLIES = ("offer", "refusal", "more_evidence", "close_first", "none")
#: kinds that end the dispute (an appeal may open it again)
CLOSING = ("closed_won", "closed_lost")
NOTE_MAX = 2000
TRACKING_MAX = 64
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(r"^[0-9a-z_-]{1,32}$")


def _fail(path: str, message: str) -> CaseCorruptError:
    return CaseCorruptError(f"case.json: {path} {message}", field=path)


@dataclass
class Event:
    """One step of the dispute. Only the fields its kind uses are set."""

    id: str
    kind: str
    date: str  # YYYY-MM-DD, the day it happened
    amount: float | None = None  # an offer, a counter, a refund
    note: str = ""
    items: list[str] = field(default_factory=list)  # linked evidence item ids
    reply: str = ""  # seller_replied: one of REPLIES
    tracking: str = ""  # return_shipped: the return's tracking number
    address_in_form: bool | None = None  # return_agreed: the address came inside the form

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with every field."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Event:
        """Check the shape of one stored event; the first bad field is named."""
        if not isinstance(data, dict):
            raise _fail(path, "must be an object")
        known = {"id", "kind", "date", "amount", "note", "items", "reply", "tracking",
                 "address_in_form"}  # fmt: skip
        unknown = set(data) - known
        if unknown:
            raise _fail(f"{path}.{sorted(unknown)[0]}", "is not a known event field")
        for req in ("id", "kind", "date"):
            if not isinstance(data.get(req), str):
                raise _fail(f"{path}.{req}", "is missing or not text")
        if not _ID.match(data["id"]):
            raise _fail(f"{path}.id", "must be a short id of letters and digits")
        if data["kind"] not in KINDS:
            raise _fail(f"{path}.kind", f"must be one of {', '.join(KINDS)}")
        if not _DAY.match(data["date"]):
            raise _fail(f"{path}.date", "must be a date YYYY-MM-DD")
        amount = data.get("amount")
        if amount is not None and (
            isinstance(amount, bool)
            or not isinstance(amount, (int, float))
            or not 0 <= amount <= 1e9
        ):
            raise _fail(f"{path}.amount", "must be a number from 0 to 1e9")
        for key, size in (("note", NOTE_MAX), ("reply", 20), ("tracking", TRACKING_MAX)):
            value = data.get(key, "")
            if not isinstance(value, str) or len(value) > size:
                raise _fail(f"{path}.{key}", f"must be text of at most {size} characters")
        if data.get("reply") and data["reply"] not in REPLIES:
            raise _fail(f"{path}.reply", f"must be one of {', '.join(REPLIES)}")
        items = data.get("items", [])
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise _fail(f"{path}.items", "must be a list of item ids")
        address = data.get("address_in_form")
        if address is not None and not isinstance(address, bool):
            raise _fail(f"{path}.address_in_form", "must be true, false or null")
        return cls(
            id=data["id"],
            kind=data["kind"],
            date=data["date"],
            amount=None if amount is None else float(amount),
            note=data.get("note", ""),
            items=list(items),
            reply=data.get("reply", ""),
            tracking=data.get("tracking", ""),
            address_in_form=address,
        )


def load_events(raw: Any) -> list[Event]:
    """The case's events from case.json (a missing key is an empty timeline)."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise _fail("events", "must be a list")
    events = [Event.from_dict(e, f"events[{i}]") for i, e in enumerate(raw)]
    ids = [e.id for e in events]
    twice = next((i for i in ids if ids.count(i) > 1), None)
    if twice is not None:
        raise _fail("events", f"has the id {twice} twice")
    return events


def last_of(events: list[Event], *kinds: str) -> Event | None:
    """The latest event of one of these kinds (events are kept in date order)."""
    return next((e for e in reversed(events) if e.kind in kinds), None)


def first_day(events: list[Event], kind: str) -> str:
    """The date of the first event of this kind, or ''."""
    return next((e.date for e in events if e.kind == kind), "")
