"""Pure edits of the dispute's events. Each checks its input and writes the activity log.

The GUI's undo commands and the CLI both call these. `make_event` refuses what cannot be
true (a day before the order or in the future, an amount below zero or above the price, a
shipped return without its tracking number) before anything changes. Events are kept in
date order; two on the same day keep the order they were recorded in.
"""

from __future__ import annotations

import copy
import secrets
from datetime import date, timedelta
from typing import Any

from evidence_kit.core import activity_log
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.events import KINDS, NOTE_MAX, REPLIES, TRACKING_MAX, Event
from evidence_kit.core.model import Case


def parse_day(value: str, what: str = "date") -> date:
    """A typed date, or a one-line error."""
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidValueError(f"{what} must be a date like 2026-11-20, not '{value}'") from None


def new_event_id(case: Case) -> str:
    """A short id, unique among the case's events."""
    taken = {e.id for e in case.events}
    while True:
        candidate = secrets.token_hex(3)
        if candidate not in taken:
            return candidate


def make_event(
    case: Case,
    kind: str,
    day: str | None = None,
    *,
    amount: float | None = None,
    note: str = "",
    items: list[str] | tuple[str, ...] = (),
    reply: str = "",
    tracking: str = "",
    address_in_form: bool | None = None,
    today: date | None = None,
    event_id: str = "",
) -> Event:
    """A checked event (not yet in the case). `day` defaults to today; items may be ids or
    exhibit numbers."""
    today = today or date.today()
    if kind not in KINDS:
        raise InvalidValueError(f"unknown event kind '{kind}'; known: {', '.join(KINDS)}")
    when = parse_day(day) if day else today
    _check_day(case, when, today)
    _check_amount(case, amount)
    reply = (reply or "").strip()
    if kind == "seller_replied":
        if not reply:
            if amount is None:
                raise InvalidValueError(
                    f"seller_replied needs --reply: one of {', '.join(REPLIES)}"
                )
            reply = "offer"  # an amount from the seller is an offer
        if reply not in REPLIES:
            raise InvalidValueError(f"--reply must be one of {', '.join(REPLIES)}, not '{reply}'")
    elif reply:
        raise InvalidValueError(f"--reply belongs to seller_replied, not to {kind}")
    tracking = (tracking or "").strip()
    if kind == "return_shipped" and not tracking:
        raise InvalidValueError(
            "return_shipped needs the return's tracking number (--tracking): without it the "
            "seller can say the parcel never came"
        )
    if len(tracking) > TRACKING_MAX:
        raise InvalidValueError(f"the tracking number is longer than {TRACKING_MAX} characters")
    if address_in_form is not None and kind != "return_agreed":
        raise InvalidValueError(f"the return address belongs to return_agreed, not to {kind}")
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise InvalidValueError(f"the note is longer than {NOTE_MAX} characters")
    linked = []
    for ref in items:
        item_id = case.item(ref).id  # ItemNotFoundError names a missing one
        if item_id not in linked:
            linked.append(item_id)
    return Event(
        id=event_id or new_event_id(case),
        kind=kind,
        date=when.isoformat(),
        amount=None if amount is None else round(float(amount), 2),
        note=note,
        items=linked,
        reply=reply,
        tracking=tracking,
        address_in_form=address_in_form,
    )


def _check_day(case: Case, when: date, today: date) -> None:
    if when > today + timedelta(days=1):  # a day of slack for time zones, as check_dates
        raise InvalidValueError(f"the event's date ({when}) is in the future")
    ordered = case.facts.ordered
    if ordered:
        try:
            placed = date.fromisoformat(ordered)
        except ValueError:
            return  # a hand-edited order date: case checks report it
        if when < placed:
            raise InvalidValueError(f"the event's date ({when}) is before the order ({placed})")


def _check_amount(case: Case, amount: float | None) -> None:
    if amount is None:
        return
    if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount != amount:
        raise InvalidValueError(f"the amount must be a number, not '{amount}'")
    if amount < 0:
        raise InvalidValueError(f"the amount ({amount:g}) is negative")
    price = case.facts.price
    if price is not None and amount > price + 1e-9:
        raise InvalidValueError(
            f"the amount ({amount:g}) is more than the price ({price:g} {case.facts.currency})".rstrip()
        )


def _position(case: Case, event: Event) -> int:
    """Where an event goes: after every event on or before its day."""
    index = len(case.events)
    while index > 0 and case.events[index - 1].date > event.date:
        index -= 1
    return index


def _logged(event: Event) -> dict[str, Any]:
    return {k: v for k, v in event.to_dict().items() if v not in ("", None, [])}


def add_event(case: Case, event: Event) -> int:
    """Put a made event into the timeline at its date; returns its index."""
    if any(e.id == event.id for e in case.events):
        raise InvalidValueError(f"the case already has an event with the id {event.id}")
    index = _position(case, event)
    case.events.insert(index, copy.deepcopy(event))
    activity_log.append(case, "event_added", **_logged(event))
    return index


def find(case: Case, event_id: str) -> int:
    """The index of an event, or a one-line error."""
    for index, event in enumerate(case.events):
        if event.id == event_id:
            return index
    raise InvalidValueError(f"no event '{event_id}' in this case")


def remove_event(case: Case, event_id: str) -> tuple[int, Event]:
    """Take an event out; returns where it was and what it was (for undo)."""
    index = find(case, event_id)
    event = case.events.pop(index)
    activity_log.append(case, "event_removed", id=event.id, kind=event.kind, date=event.date)
    return index, event


def restore_event(case: Case, index: int, event: Event) -> None:
    """Put a removed event back where it was (undo of remove_event)."""
    case.events.insert(max(0, min(index, len(case.events))), copy.deepcopy(event))
    activity_log.append(case, "event_restored", id=event.id, kind=event.kind, date=event.date)


def replace_event(case: Case, event_id: str, new: Event) -> Event:
    """Change an event (same id), keeping the timeline in date order; returns the old one."""
    index = find(case, event_id)
    old = case.events.pop(index)
    new = copy.deepcopy(new)
    new.id = old.id
    if (index == 0 or case.events[index - 1].date <= new.date) and (
        index == len(case.events) or case.events[index].date >= new.date
    ):
        case.events.insert(index, new)  # still in order: it keeps its place among equals
    else:
        case.events.insert(_position(case, new), new)
    activity_log.append(case, "event_edited", **_logged(new))
    return old
