"""Command line for the dispute after it opens: `case event`, `case events`, `message` (with
`--explain ru|en`, the draft in the shopper's language), `calendar`. Recording an event holds the case lock; the others only read the case."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction, case_sub: argparse._SubParsersAction) -> None:
    """Add `case event`, `case events`, `message` and `calendar`."""
    p = case_sub.add_parser("event", help="record one step of the dispute")
    p.add_argument("case", type=Path)
    p.add_argument("kind", metavar="KIND", help="dispute_opened, seller_replied, ... appealed")
    p.add_argument("--date", help="the day it happened, YYYY-MM-DD (default: today)")
    p.add_argument("--amount", help="an offer, a counter or a refund, in the order's currency")
    p.add_argument("--reply", help="seller_replied: offer|refusal|more_evidence|close_first|none")
    p.add_argument("--note", default="")
    p.add_argument("--item", nargs="+", action="extend", default=[], metavar="ID",
                   help="link evidence items (a screenshot of the message)")  # fmt: skip
    p.add_argument("--tracking", default="", help="return_shipped: the return's tracking number")
    p.add_argument("--address-in-form", choices=("yes", "no"),
                   help="return_agreed: the return address was given inside the dispute form")  # fmt: skip
    p.add_argument("--json", action="store_true")
    p.add_argument("--today", help=argparse.SUPPRESS)  # fixed date for tests and examples
    p.set_defaults(func=cmd_event)

    p = case_sub.add_parser("events", help="the timeline, the next action and open deadlines")
    p.add_argument("case", type=Path)
    p.add_argument("--json", action="store_true")
    p.add_argument("--today", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("message", help="draft a message of the dispute (reply, escalation, ...)")
    p.add_argument("case", type=Path)
    p.add_argument("kind", metavar="KIND", help="counter_offer, escalate, chargeback, appeal, ...")
    p.add_argument("--short", action="store_true", help="only the short version (fits the limit)")
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", type=Path, metavar="FILE.pdf",
                   help="also write the letter as a PDF with its exhibits as stills")  # fmt: skip
    p.add_argument("--explain", choices=("ru", "en"),
                   help="the draft explained in your language (what you send stays English)")  # fmt: skip
    p.add_argument("--today", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_message)

    p = sub.add_parser("calendar", help="write the open deadlines as an .ics calendar file")
    p.add_argument("case", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.ics")
    p.add_argument("--today", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_calendar)


def _today(args: argparse.Namespace) -> date:
    from evidence_kit.core.event_ops import parse_day

    return parse_day(args.today, "--today") if args.today else date.today()


def status(case: Any, today: date) -> dict[str, Any]:
    """The JSON of `case events --json`: events, next action, open deadlines."""
    from evidence_kit.claim.dispute import next_action, timeline

    return {
        "events": [e.to_dict() for e in case.events],
        "next_action": next_action.compute(case, today).to_dict(),
        "deadlines": [d.to_dict() for d in timeline.compute(case, today)],
    }


def cmd_event(args: argparse.Namespace) -> int:
    from evidence_kit.cli.case_access import open_case
    from evidence_kit.cli.output import print_json
    from evidence_kit.core import case_values, event_ops

    today = _today(args)
    store = open_case(args.case, write=True)
    case = store.case
    amount = case_values.parse_number("--amount", args.amount) if args.amount else None
    address = None if args.address_in_form is None else args.address_in_form == "yes"
    event = event_ops.make_event(
        case, args.kind, args.date, amount=amount, note=args.note, items=args.item,
        reply=args.reply or "", tracking=args.tracking, address_in_form=address, today=today,
    )  # fmt: skip
    event_ops.add_event(case, event)
    store.save()
    if args.json:
        print_json({"event": event.to_dict(), **status(case, today)})
        return 0
    print(f"Recorded {event.date}  {_describe(case, event)}  [{event.id}]")
    _print_next(case, today)
    return 0


def _describe(case: Any, e: Any) -> str:
    from evidence_kit.claim.refund import format_money

    text = e.kind.replace("_", " ")
    if e.reply:
        text += f": {e.reply.replace('_', ' ')}"
    if e.amount is not None:
        text += f" {format_money(e.amount, case.facts.currency)}"
    if e.tracking:
        text += f" (tracking {e.tracking})"
    if e.address_in_form is not None:
        text += " (address in the form)" if e.address_in_form else " (address NOT in the form)"
    if e.items:
        text += f" items {', '.join(e.items)}"
    return text + (f' - "{e.note}"' if e.note else "")


def _print_next(case: Any, today: date) -> None:
    from evidence_kit.claim.deadlines import days_text
    from evidence_kit.claim.dispute import next_action

    act = next_action.compute(case, today)
    due = ""
    if act.due and act.days_left is not None:
        left = f"{days_text(act.days_left)} left" if act.days_left >= 0 else f"{days_text(-act.days_left)} ago"  # fmt: skip
        due = f"  (by {act.due}, {left})"
    print(f"Next: {act.text}{due}")
    if act.why:
        print(f"      {act.why}")


def cmd_events(args: argparse.Namespace) -> int:
    from evidence_kit.claim.deadlines import days_text
    from evidence_kit.claim.dispute import timeline
    from evidence_kit.cli.case_access import open_case
    from evidence_kit.cli.output import print_json

    today = _today(args)
    case = open_case(args.case).case
    if args.json:
        print_json(status(case, today))
        return 0
    print(
        "Timeline:" if case.events else "Timeline: no events yet (case event CASE dispute_opened)"
    )
    for e in case.events:
        print(f"  {e.date}  {_describe(case, e)}  [{e.id}]")
    _print_next(case, today)
    deadlines = timeline.compute(case, today)
    if deadlines:
        print("Open deadlines:")
    for d in deadlines:
        left = days_text(d.days_left) if d.days_left >= 0 else f"-{days_text(-d.days_left)}"
        print(f"  {d.date}  {left:>9}  {d.name}  [{d.source}, {d.confidence}]  {d.status.upper()}")
    return 0


def cmd_message(args: argparse.Namespace) -> int:
    import sys

    from evidence_kit.claim.dispute.messages import build_message
    from evidence_kit.cli.case_access import open_case
    from evidence_kit.cli.output import print_json

    today = _today(args)
    store = open_case(args.case)
    if args.explain:
        from evidence_kit.claim.explain_messages import explain_message

        explained = explain_message(store.case, args.kind, args.explain, today)
        if args.json:
            print_json(explained.to_dict())
        else:
            print(explained.text())
        return 0
    message = build_message(store.case, args.kind, today, in_pdf=args.output is not None)
    problems: list[str] = []
    if args.output:
        from evidence_kit.export.letter_pdf import write_letter_pdf

        problems = write_letter_pdf(store, message, args.output)
        for problem in problems:
            sys.stderr.write(f"evidence-kit: warning: {problem}\n")
    if args.json:
        print_json(message.to_dict() | {"pdf": str(args.output) if args.output else None})
        return 0
    if args.short:
        print(message.short)
        return 0
    print(f"Subject: {message.subject}\n")
    print(message.text)
    print(f"\n--- Short version ({len(message.short)}/{message.limit} characters) ---")
    print(message.short)
    for warning in message.warnings:
        print(f"! {warning}")
    if args.output:
        print(f"PDF: {args.output}")
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    from evidence_kit.cli.case_access import open_case
    from evidence_kit.export.calendar import write_calendar

    case = open_case(args.case).case
    count = write_calendar(case, args.output, _today(args))
    print(f"Wrote {count} deadline(s) with a reminder the day before to {args.output}")
    return 0
