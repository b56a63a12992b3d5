"""Command line: `case item CASE ITEM [title=…] [shows=…] [include=yes|no] [order=N]`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

ITEM_KEYS = ("title", "shows", "include", "order")


def register(sub: argparse._SubParsersAction, case_sub: argparse._SubParsersAction) -> None:
    """Add `case item`."""
    p = case_sub.add_parser(
        "item", help="an exhibit's title, what it shows, whether it is exported, its place"
    )
    p.add_argument("case", type=Path)
    p.add_argument("item", help="item id or exhibit number (E2)")
    p.add_argument("pairs", nargs="*", metavar="KEY=VALUE", help=f"keys: {' '.join(ITEM_KEYS)}")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_item)


def _parse(pairs: dict[str, str], count: int) -> dict[str, Any]:
    """Check every value before anything changes."""
    from evidence_kit.core.errors import InvalidValueError
    from evidence_kit.core.model import SHOWS_MAX

    out: dict[str, Any] = {}
    for key, value in pairs.items():
        if key not in ITEM_KEYS:
            raise InvalidValueError(f"'{key}' is not an item key; known: {', '.join(ITEM_KEYS)}")
        if key == "include":
            low = value.strip().lower()
            if low not in ("yes", "no", "true", "false", "1", "0"):
                raise InvalidValueError("include must be yes or no")
            out[key] = low in ("yes", "true", "1")
        elif key == "order":
            if not value.strip().isdigit() or not 1 <= int(value) <= count:
                raise InvalidValueError(f"order must be a place from 1 to {count}, not '{value}'")
            out[key] = int(value) - 1
        elif key == "shows":
            text = " ".join(value.split())
            if len(text) > SHOWS_MAX:
                raise InvalidValueError(f"shows is at most {SHOWS_MAX} characters")
            out[key] = text
        else:
            out[key] = value.strip()
    return out


def cmd_item(args: argparse.Namespace) -> int:
    from evidence_kit.cli.case import parse_pairs
    from evidence_kit.cli.case_access import open_case
    from evidence_kit.cli.output import print_json
    from evidence_kit.core import case_ops
    from evidence_kit.core.model import exhibit_numbers

    store = open_case(args.case, write=bool(args.pairs))
    case = store.case
    item = case.item(args.item)
    values = _parse(parse_pairs(args.pairs), len(case.items))
    if "title" in values:
        case_ops.rename_item(case, item.id, values["title"])
    fields = {k: values[k] for k in ("shows", "include") if k in values}
    if fields:
        case_ops.set_item_fields(case, item.id, **fields)
    if "order" in values:
        case_ops.move_item(case, item.id, values["order"])
    if values:
        store.save()
    number = exhibit_numbers(case).get(item.id, "")
    if args.json:
        print_json({"id": item.id, "number": number or None, "title": item.title,
                    "shows": item.shows, "include": item.include,
                    "order": case.items.index(item) + 1})  # fmt: skip
    else:
        print(f"{number or '--':<4} {item.id}  {item.kind:<8} {item.title}")
        print(f"     shows: {item.shows or '(not said yet)'}")
    return 0
