"""The shopper's calendar: every open deadline of the dispute as an iCalendar (.ics) file.

Each deadline is an all-day event on its last day (an "earliest" one on its first day) with
a reminder the day before, so a phone or desktop calendar reminds the shopper while the app
is closed. The UIDs are stable per case and deadline, so importing a newer file updates the
events instead of doubling them. Written with the `icalendar` library.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from evidence_kit.claim import rules as platform_rules
from evidence_kit.claim.dispute import next_action, timeline
from evidence_kit.claim.dispute.timeline import DisputeDeadline
from evidence_kit.core import i18n
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.model import Case
from evidence_kit.media.video.files import write_atomic

PRODID = "-//Evidence Kit//Dispute deadlines//EN"


def _uid(case: Case, d: DisputeDeadline) -> str:
    key = f"{case.facts.platform}|{case.facts.order_id}|{d.id}|{d.event}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24] + "@evidence-kit"


def calendar_bytes(case: Case, today: date | None = None, stamp: datetime | None = None) -> bytes:
    """The .ics document of the case's open deadlines (those not yet past)."""
    from icalendar import Alarm, Calendar, Event

    today = today or date.today()
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    with i18n.using("en"):  # the file's own words are English; its deadlines follow them
        open_ones = [d for d in timeline.compute(case, today) if d.days_left >= 0]
        action = next_action.compute(case, today)
    if not open_ones:
        raise InvalidValueError(
            "no open deadline to put in a calendar: record the dispute's events first "
            "(case event CASE dispute_opened)"
        )
    name = platform_rules.platform_name(case.facts.platform)
    order = case.facts.order_id or "(order)"
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{name} order {order}: dispute deadlines")
    for d in open_ones:
        day = date.fromisoformat(d.date)
        event = Event()
        event.add("uid", _uid(case, d))
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", f"{name} {order}: {d.name}")
        source = "a default, check your dispute page" if d.source == "default" else f"source {d.source}, confidence {d.confidence}"  # fmt: skip
        lines = [d.basis + ".", d.miss, f"({source})"]
        if action.deadline == d.id:
            lines.insert(0, f"Next: {action.text}")
        event.add("description", "\n".join(line for line in lines if line))
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Tomorrow: {d.name} ({name} order {order})")
        alarm.add("trigger", timedelta(days=-1))
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


def write_calendar(case: Case, out: Path, today: date | None = None) -> int:
    """Write the .ics file atomically; returns how many deadlines it holds."""
    data = calendar_bytes(case, today)
    if out.suffix.lower() != ".ics":
        raise InvalidValueError(f"the calendar file must end in .ics, not '{out.name}'")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidValueError(f"the folder {folder} does not exist")
    write_atomic(out, data)
    return data.count(b"BEGIN:VEVENT")
