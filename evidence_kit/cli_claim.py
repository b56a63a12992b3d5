"""Command line: `claim CASE [--short] [--json]` prints the draft claim, its deadlines and checklist."""

from __future__ import annotations

import argparse
from pathlib import Path

_MARK = {"ok": "[x]", "todo": "[ ]", "warn": "[!]", "missing": "[-]"}


def register(sub: argparse._SubParsersAction, case_sub: argparse._SubParsersAction) -> None:
    """Add `claim`."""
    p = sub.add_parser("claim", help="print the draft claim, deadlines and checklist")
    p.add_argument("case", type=Path)
    p.add_argument(
        "--short", action="store_true", help="only the short variant (fits the text limit)"
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("--today", help=argparse.SUPPRESS)  # fixed date for tests and examples
    p.set_defaults(func=cmd_claim)


def cmd_claim(args: argparse.Namespace) -> int:
    from datetime import date

    from evidence_kit.claim.draft import draft_claim
    from evidence_kit.cli import print_json
    from evidence_kit.core.errors import InvalidValueError
    from evidence_kit.core.store import CaseStore

    try:
        today = date.fromisoformat(args.today) if args.today else None
    except ValueError as exc:
        raise InvalidValueError(
            f"--today must be a date like 2026-11-20, not '{args.today}'"
        ) from exc
    store = CaseStore.open(args.case)
    draft = draft_claim(store.case, today, root=store.root)
    if args.json:
        print_json(draft.to_dict())
        return 0
    if args.short:
        print(draft.short)
        return 0
    print(draft.text)
    print()
    print(f"--- Short version ({len(draft.short)}/{draft.limit} characters) ---")
    print(draft.short)
    if draft.deadlines:
        print()
        print("--- Deadlines ---")
        for d in draft.deadlines:
            flag = {"ok": "", "soon": "  CLOSES SOON", "closed": "  CLOSED"}[d.status]
            print(f"{d.date}  {d.days_left:>4} days  {d.name}  [{d.source}, {d.confidence}]{flag}")
            if d.note:
                print(f"      {d.note}")
    print()
    print("--- Before you submit ---")
    for c in draft.checklist:
        detail = f" - {c.detail}" if c.detail else ""
        print(f"{_MARK.get(c.status, '[ ]')} {c.item}{detail}")
    if draft.warnings:
        print()
        print("--- Warnings ---")
        for w in draft.warnings:
            print(f"! {w}")
    return 0
