"""Command line: `claim CASE [--short] [--json]`: the draft claim, its deadlines, earliest filing
days, checklist, refund advice, the platform's notes and the wording suggestions to decide;
`--explain ru|en` explains them in the shopper's language."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from evidence_kit.claim.draft import ClaimDraft
    from evidence_kit.core.model import Case
    from evidence_kit.core.store import CaseStore

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
    p.add_argument(
        "--set-text", metavar="FILE", help="store your edited claim text ('-' reads stdin)"
    )
    p.add_argument(
        "--regenerate",
        choices=("keep", "replace"),
        help="rebuild the text from the case, keeping or replacing your own paragraphs",
    )
    p.add_argument(
        "--tick", action="append", default=[], metavar="ID", help="tick a checklist item"
    )
    p.add_argument(
        "--untick", action="append", default=[], metavar="ID", help="untick a checklist item"
    )
    p.add_argument(
        "--accept",
        action="append",
        default=[],
        metavar="ID|all",
        help="accept a wording suggestion (the claim then uses the suggested words)",
    )
    p.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="ID|all",
        help="keep your own words for a wording suggestion",
    )
    p.add_argument(
        "--translate",
        action="store_true",
        help="translate your notes to English (uses the internet); shows them, --apply saves them",
    )
    p.add_argument(
        "--explain",
        choices=("ru", "en"),
        help="the claim, its deadlines and checklist explained in your language (the claim "
        "you send stays English)",
    )
    p.add_argument("--backend", default="google", help="translation service: google or mymemory")
    p.add_argument("--apply", action="store_true", help="with --translate: save the translation")
    p.set_defaults(func=cmd_claim)


def cmd_claim(args: argparse.Namespace) -> int:
    from datetime import date

    from evidence_kit.claim.draft import draft_claim
    from evidence_kit.cli.case_access import open_case
    from evidence_kit.cli.output import print_json
    from evidence_kit.core.errors import InvalidValueError

    try:
        today = date.fromisoformat(args.today) if args.today else None
    except ValueError as exc:
        raise InvalidValueError(
            f"--today must be a date like 2026-11-20, not '{args.today}'"
        ) from exc
    edits = args.set_text or args.regenerate or args.tick or args.untick or args.accept or args.keep
    store = open_case(args.case, write=bool(edits or (args.translate and args.apply)))
    if args.translate:
        return _translate(store, args)
    if _apply_edits(store, args, today):
        store.save()
    if args.explain:
        from evidence_kit.claim.explain import explain_claim

        explained = explain_claim(store.case, args.explain, today, root=store.root)
        if args.json:
            print_json(explained.to_dict())
        else:
            print(explained.text())
        return 0
    draft = draft_claim(store.case, today, root=store.root)
    if args.json:
        print_json(draft.to_dict())
        return 0
    if args.short:
        print(draft.short)
        return 0
    _print_draft(draft)
    return 0


_FLAG = {"soon": "  CLOSES SOON", "closed": "  CLOSED", "unknown": "  ESTIMATE"}


def _print_draft(draft: ClaimDraft) -> None:
    from evidence_kit.claim.deadlines import days_text

    print(f"Subject: {draft.subject}")
    print()
    print(draft.text)
    if draft.stale:
        print()
        print("--- Out of date: your edited text no longer matches the case ---")
        for line in draft.stale:
            print(f"! {line}")
    print()
    print(f"--- Short version ({len(draft.short)}/{draft.limit} characters) ---")
    print(draft.short)
    if draft.deadlines or draft.earliest:
        print()
        print("--- Deadlines ---")
    for d in draft.earliest:
        when = f"from {d.date}" if d.date else "from ?"
        state = {"wait": f"  WAIT {days_text(d.days_left)}", "unknown": "  ENTER THE DATE"}
        print(f"{when:<16} {d.name}  [{d.source}, {d.confidence}]{state.get(d.status, '')}")
        for line in (d.note, f"Enter {d.needs}." if d.status == "unknown" else ""):
            if line:
                print(f"      {line}")
    for d in draft.deadlines:
        left = days_text(d.days_left)
        print(
            f"{d.date}  {left:>9}  {d.name}  [{d.source}, {d.confidence}]{_FLAG.get(d.status, '')}"
        )
        if d.note:
            print(f"      {d.note}")
    if draft.refund and draft.refund.low < 100:
        print()
        print("--- Refund ---")
        print(draft.refund.summary(draft.price))
    print()
    print("--- Before you submit ---")
    for c in draft.checklist:
        detail = f" - {c.detail}" if c.detail else ""
        print(f"{_MARK.get(c.status, '[ ]')} {c.item}{detail}")
    if draft.suggestions:
        print()
        print("--- Wording suggestions (--accept ID or --keep ID; 'all' for every one) ---")
        for s in draft.suggestions:
            change = f"-> {s['suggestion']!r}" if s["suggestion"] else "-> (leave out)"
            print(f"{s['id']}  {s['decision']:<8} {s['label']}: {s['found']!r} {change}")
    if draft.notes:
        print()
        print("--- Good to know ---")
        for note in draft.notes:
            print(f"* {note}")
    if draft.warnings:
        print()
        print("--- Warnings ---")
        for w in draft.warnings:
            print(f"! {w}")


def _apply_edits(store: CaseStore, args: argparse.Namespace, today: date | None) -> bool:
    """--set-text, --regenerate, --tick, --untick. Returns True when the case changed."""
    import sys

    from evidence_kit.claim import edits
    from evidence_kit.core.errors import InvalidValueError

    changed = False
    if args.set_text:
        try:
            text = (
                sys.stdin.read() if args.set_text == "-" else Path(args.set_text).read_text("utf-8")
            )
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidValueError(f"cannot read {args.set_text}: {exc}") from exc
        edits.set_text(store.case, text, today)
        changed = True
    if args.regenerate:
        plan = edits.regenerate(store.case, keep_user=args.regenerate == "keep", today=today)
        if args.regenerate == "replace" and plan.user_paragraphs:
            sys.stderr.write(
                f"evidence-kit: replaced {len(plan.user_paragraphs)} paragraph(s) of yours\n"
            )
        changed = True
    ticks = [(t, True) for t in args.tick] + [(t, False) for t in args.untick]
    if ticks:
        from evidence_kit.claim.draft import draft_claim

        known = [c.id for c in draft_claim(store.case, today).checklist if c.tickable]
        for item_id, _ in ticks:
            if item_id not in known:
                raise InvalidValueError(
                    f"'{item_id}' is not a checklist item to tick; known: {', '.join(known)}"
                )
    for item_id, ticked in ticks:
        edits.set_ticked(store.case, item_id, ticked)
        changed = True
    for decision, ids in (("accept", args.accept), ("keep", args.keep)):
        if ids:
            _decide(store.case, ids, decision, today)
            changed = True
    return changed


def _decide(case: Case, ids: list[str], decision: str, today: date | None) -> None:
    """--accept / --keep: record the shopper's decision on wording suggestions."""
    from evidence_kit.claim.draft import draft_claim
    from evidence_kit.claim.wording import set_decision

    if "all" not in ids:
        known = [s["id"] for s in draft_claim(case, today).suggestions]
        set_decision(case, list(dict.fromkeys(ids)), decision, known)
        return
    # an accepted change can bring up a new one (a calmer sentence once a phone is gone)
    for _ in range(3):
        pending = [s["id"] for s in draft_claim(case, today).pending_suggestions]
        if not pending:
            return
        set_decision(case, pending, decision, pending)


def _translate(store: CaseStore, args: argparse.Namespace) -> int:
    """Translate the shopper's own fields; print them; save only with --apply."""
    from evidence_kit.claim.translate import translate_text
    from evidence_kit.cli.output import print_json
    from evidence_kit.core import case_ops

    claim = store.case.claim
    fields = {
        k: str(claim.get(k) or "") for k in ("notes", "listing_says", "received_is", "seller_reply")
    }
    results = {k: translate_text(v, args.backend) for k, v in fields.items() if v.strip()}
    if args.apply and results:
        case_ops.set_values(store.case, {k: r.text for k, r in results.items()})
        store.save()
    if args.json:
        print_json(
            {k: {"original": r.original, "english": r.text} for k, r in results.items()}
            | {"applied": args.apply}
        )
        return 0
    if not results:
        print("Nothing to translate: the notes are empty.")
    for key, r in results.items():
        print(f"{key}:\n  yours:   {r.original}\n  English: {r.text}")
    if results and not args.apply:
        print("Check the English, then run again with --apply to save it.")
    return 0
