"""Command line: `case new/add/set/show/empty-bin/rebuild`, `open` and `demo`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction, case_sub: argparse._SubParsersAction) -> None:
    """Add the case commands, `open` and `demo`."""
    p = case_sub.add_parser("new", help="create a case folder")
    p.add_argument("case", type=Path)
    p.add_argument("--platform", required=True)
    p.add_argument("--order-id", required=True)
    p.add_argument("--item")
    p.add_argument("--price")
    p.add_argument("--currency")
    p.add_argument("--ordered", help="order date YYYY-MM-DD")
    p.add_argument("--delivered", help="delivery date YYYY-MM-DD")
    p.add_argument("--store")
    p.add_argument("--tracking")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_new)

    p = case_sub.add_parser("add", help="import files (copy + hash)")
    p.add_argument("case", type=Path)
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_add)

    p = case_sub.add_parser("set", help="set facts and claim choices: KEY=VALUE ...")
    p.add_argument("case", type=Path)
    p.add_argument("pairs", nargs="+", metavar="KEY=VALUE")
    p.set_defaults(func=cmd_set)

    p = case_sub.add_parser("show", help="print the case")
    p.add_argument("case", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = case_sub.add_parser("empty-bin", help="delete the files of removed items for good")
    p.add_argument("case", type=Path)
    p.set_defaults(func=cmd_empty_bin)

    p = case_sub.add_parser("rebuild", help="make the caches in derived/ again (thumbnails)")
    p.add_argument("case", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_rebuild)

    p = sub.add_parser("open", help="open a case in the desktop app")
    p.add_argument("case", type=Path)
    p.set_defaults(func=cmd_open)

    p = sub.add_parser("demo", help="the sample case: open it, or export it headless")
    p.add_argument(
        "--export",
        type=Path,
        metavar="OUT",
        help="export the sample case into a new folder named by its time inside OUT",
    )
    p.add_argument("--case-dir", type=Path, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_demo)


def cmd_new(args: argparse.Namespace) -> int:
    from evidence_kit.cli.output import print_json
    from evidence_kit.core.store import new_case

    store = new_case(
        args.case,
        platform=args.platform,
        order_id=args.order_id,
        item=args.item,
        price=args.price,
        currency=args.currency,
        ordered=args.ordered,
        delivered=args.delivered,
        store=args.store,
        tracking=args.tracking,
    )
    if args.json:
        print_json({"case": str(store.root)})
    else:
        print(f"Created case {store.root}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    """Exit 0 when everything asked for is now in the case (a file that already was is
    skipped, and says so), 2 when something could not be imported."""
    from evidence_kit.cli import one_line
    from evidence_kit.cli.case_access import open_case
    from evidence_kit.cli.output import print_json
    from evidence_kit.core.errors import MediaError
    from evidence_kit.media.importer import add_files, readable_name

    store = open_case(args.case, write=True)
    report = add_files(store, list(args.files))
    failed = report.failed
    if len(failed) == 1 and not report.items and not report.duplicates:
        raise MediaError(readable_name(failed[0][1]))  # one bad file: one line, exit 2
    for path, reason in report.skipped:
        kind = "skipped" if path in report.duplicates else "not imported"
        sys.stderr.write(f"evidence-kit: {kind}: {one_line(readable_name(reason))}\n")
    if args.json:
        imported = [
            {"id": it.id, "kind": it.kind, "file": it.file, "sha256": it.sha256}
            for it in report.items
        ]

        def listed(pairs: list[tuple[str, str]]) -> list[dict[str, str]]:
            return [{"path": readable_name(p), "reason": readable_name(r)} for p, r in pairs]

        print_json(
            {
                "items": imported,  # DESIGN §6: what is new in the case
                "imported": imported,
                "skipped": listed([s for s in report.skipped if s[0] in report.duplicates]),
                "failed": listed(failed),
            }
        )
    else:
        for it in report.items:
            print(f"{it.id}  {it.kind:<8} {it.sha256[:12]}  {it.file}")
    return 2 if failed else 0


def parse_pairs(pairs: list[str]) -> dict[str, Any]:
    """KEY=VALUE strings to a dict, with a clear error for anything else."""
    from evidence_kit.core.errors import InvalidValueError

    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidValueError(f"'{pair}' is not KEY=VALUE")
        values[key.strip().replace("-", "_")] = value
    return values


def cmd_set(args: argparse.Namespace) -> int:
    from evidence_kit.cli.case_access import open_case
    from evidence_kit.core import case_ops

    store = open_case(args.case, write=True)
    case_ops.set_values(store.case, parse_pairs(args.pairs))
    store.save()
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from evidence_kit.claim.refund import format_money
    from evidence_kit.cli.case_access import open_case
    from evidence_kit.cli.output import print_json
    from evidence_kit.core.model import exhibit_numbers
    from evidence_kit.core.timecode import format_time

    store = open_case(args.case)
    case = store.case
    if args.json:
        print_json(case.to_dict())
        return 0
    f = case.facts
    print(f"Case: {store.name}  ({store.root})")
    print(f"Platform: {f.platform or '-'}   Order: {f.order_id or '-'}   Item: {f.item or '-'}")
    price = format_money(f.price, f.currency) or "-"
    print(f"Price: {price}   Store: {f.store or '-'}   Tracking: {f.tracking or '-'}")
    print(f"Ordered: {f.ordered or '-'}   Delivered: {f.delivered or '-'}")
    numbers = exhibit_numbers(case)
    print(f"Evidence ({len(case.items)} items, {len(case.bin)} in the bin):")
    for it in case.items:
        at = f" @ {format_time(it.pts_s)}" if it.pts_s is not None else ""
        label = numbers.get(it.id, "--")
        marks = f" [{len(it.annotations)} marks]" if it.annotations else ""
        print(f"  {label:<4} {it.id}  {it.kind:<8} {it.sha256[:12]}  {it.title}{at}{marks}")
    return 0


def cmd_empty_bin(args: argparse.Namespace) -> int:
    from evidence_kit.cli.case_access import open_case

    store = open_case(args.case, write=True)
    count = store.empty_bin()
    print(f"Deleted {count} removed item(s).")
    return 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    from evidence_kit.cli.case_access import open_case
    from evidence_kit.cli.output import print_json
    from evidence_kit.media.image.item_thumbs import rebuild_thumbnails

    store = open_case(args.case, write=True)
    made = rebuild_thumbnails(store)
    if args.json:
        print_json({"thumbnails": made, "folder": str(store.derived_dir)})
    else:
        print(f"Rebuilt {made} thumbnail(s) in {store.derived_dir}.")
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    from evidence_kit.cli.case_access import open_case

    open_case(args.case)  # fail here, in one line, if the case is unusable
    return int(args.open_gui(Path(args.case)))


def cmd_demo(args: argparse.Namespace) -> int:
    from evidence_kit.media.sample import make_sample_case

    if args.export:
        from evidence_kit.cli.export import export_for_demo

        return export_for_demo(make_sample_case(args.case_dir), args.export)

    def sample() -> Path:
        # called by the desktop app once its window can open: no display, no copy
        store = make_sample_case(args.case_dir)
        print(f"Sample case: {store.root}", flush=True)
        return store.root

    return int(args.open_gui(sample))
