"""Command line: `case annotate`, `render`, `case compare` and `case suggest`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_kit.core.timecode import format_time

if TYPE_CHECKING:
    from evidence_kit.core.model import Item
    from evidence_kit.core.store import CaseStore


def register(sub: argparse._SubParsersAction, case_sub: argparse._SubParsersAction) -> None:
    """Add the annotation commands."""
    p = case_sub.add_parser(
        "annotate", help="add one annotation (DESIGN section 3 JSON) to an item"
    )
    p.add_argument("case", type=Path)
    p.add_argument("item", help="item id or exhibit number (E2)")
    p.add_argument(
        "annotation",
        metavar="JSON",
        help='e.g. \'{"type": "arrow", "points": [[10, 10], [80, 60]]}\'',
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_annotate)

    p = sub.add_parser("render", help="one item flattened: annotations, redactions, no metadata")
    p.add_argument("case", type=Path)
    p.add_argument("item", help="item id or exhibit number (E2)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.png")
    p.add_argument("--max-side", type=int, help="shrink so the longer side is at most this")
    p.add_argument("--quality", type=int, default=90, help="JPEG quality (default 90)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_render)

    p = case_sub.add_parser("compare", help='add an "As listed / As received" side-by-side exhibit')
    p.add_argument("case", type=Path)
    p.add_argument("listing", help="the listing screenshot (item id or E-number)")
    p.add_argument("received", help="the photo of what arrived (item id or E-number)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_compare)

    p = case_sub.add_parser(
        "suggest", help="propose redactions: faces, text lines, QR/DataMatrix codes, barcodes"
    )
    p.add_argument("case", type=Path)
    p.add_argument("item", help="item id or exhibit number (E2)")
    p.add_argument("--accept", metavar="N,N|all", help="add these suggestions as redact boxes")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_suggest)


def _open(case: Path, write: bool = True) -> CaseStore:
    from evidence_kit.cli.case_access import open_case

    return open_case(case, write=write)


def cmd_annotate(args: argparse.Namespace) -> int:
    from evidence_kit.cli.output import print_json
    from evidence_kit.core import annotations, case_ops
    from evidence_kit.core.errors import InvalidValueError
    from evidence_kit.media.image.render import check_renderable

    try:
        raw = json.loads(args.annotation)
    except ValueError as exc:
        raise InvalidValueError(f"the annotation is not valid JSON: {exc}") from exc
    store = _open(args.case)
    item = store.case.item(args.item)
    if not item.is_video:  # a video takes masks (mark_ops checks); a PDF takes nothing
        check_renderable(item)
    if isinstance(raw, dict) and raw.get("type") == "marker" and "number" not in raw:
        raw = dict(raw, number=annotations.next_marker_number(item.annotations))
    ann = annotations.validate(raw)
    case_ops.add_annotation(store.case, item.id, ann)
    store.save()
    index = len(item.annotations)
    if args.json:
        print_json({"item": item.id, "index": index, "annotation": ann})
    else:
        print(f"Added {ann['type']} to {item.id} (annotation {index} of {index}).")
        hint = video_mask_hint(store, item, ann)
        if hint:
            print(hint)
    return 0


def video_mask_hint(store: CaseStore, item: Item, ann: dict[str, Any]) -> str:
    """After a mask on a frame: how to mask the same box in its video around that time."""
    from evidence_kit.media.video.mask_follow import frame_mask_for_video

    proposal = frame_mask_for_video(store.case, item, ann)
    if proposal is None:
        return ""
    video, mask = proposal
    return (
        f"This frame comes from {video.id}: to mask the same box in the video around"
        f" {format_time(float(item.pts_s or 0.0))}, run\n  evidence-kit case annotate"
        f" {store.root} {video.id} '{json.dumps(mask)}'"
    )


def cmd_render(args: argparse.Namespace) -> int:
    from evidence_kit.cli.output import print_json
    from evidence_kit.core.errors import InvalidValueError
    from evidence_kit.media.image.render import render_item, save_clean

    suffix = args.output.suffix.lower()
    fmt = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}.get(suffix)
    if fmt is None:
        raise InvalidValueError(
            f"the output must end in .png, .jpg or .jpeg, not '{suffix or args.output.name}'"
        )
    if args.max_side is not None and args.max_side < 16:
        raise InvalidValueError("--max-side must be at least 16")
    if not 1 <= args.quality <= 100:
        raise InvalidValueError("--quality must be between 1 and 100")
    if not args.output.parent.is_dir():
        raise InvalidValueError(f"the folder {args.output.parent} does not exist")
    store = _open(args.case, write=False)
    item = store.case.item(args.item)
    img = render_item(store, item, max_side=args.max_side)
    out = save_clean(img, args.output, fmt=fmt, quality=args.quality)
    if args.json:
        print_json({"item": item.id, "path": str(out), "width": img.width, "height": img.height})
    else:
        print(f"Wrote {out} ({img.width}x{img.height})")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from evidence_kit.cli.output import print_json
    from evidence_kit.core import case_ops
    from evidence_kit.media.image.compare import make_comparison

    store = _open(args.case)
    listing = store.case.item(args.listing)
    received = store.case.item(args.received)
    item = make_comparison(store, listing, received, new_id=case_ops.new_item_id(store.case))
    case_ops.add_items(store.case, [item])
    store.save()
    if args.json:
        print_json(
            {"item": item.id, "file": item.file, "sha256": item.sha256, "parent": item.parent}
        )
    else:
        print(f"{item.id}  photo    {item.sha256[:12]}  {item.file}  (As listed / As received)")
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from evidence_kit.cli.output import print_json
    from evidence_kit.core import case_ops
    from evidence_kit.core.errors import InvalidValueError
    from evidence_kit.media.image.suggest import suggest_for_item

    store = _open(args.case, write=bool(args.accept))
    item = store.case.item(args.item)
    found = suggest_for_item(store, item)
    accepted: list[int] = []
    if args.accept:
        if args.accept.strip().lower() == "all":
            accepted = [i for i, s in enumerate(found, 1) if not s.keep]
        else:
            try:
                accepted = [int(v) for v in args.accept.split(",") if v.strip()]
            except ValueError as exc:
                raise InvalidValueError("--accept takes numbers like 1,3 or 'all'") from exc
            bad = [n for n in accepted if not 1 <= n <= len(found)]
            if bad:
                raise InvalidValueError(f"there is no suggestion {bad[0]} (found {len(found)})")
        if accepted:
            anns = item.annotations + [found[n - 1].annotation() for n in accepted]
            case_ops.set_item_fields(store.case, item.id, annotations=anns)
            store.save()
    if args.json:
        print_json(
            {
                "item": item.id,
                "suggestions": [dict(s.to_dict(), number=i) for i, s in enumerate(found, 1)],
                "accepted": accepted,
            }
        )
        return 0
    if not found:
        print("No faces, codes or text lines found.")
    for i, s in enumerate(found, 1):
        mark = "added" if i in accepted else ("keep" if s.keep else "suggested")
        x, y, w, h = (int(v) for v in s.rect)
        print(f"{i:>2}. {s.kind:<10} [{x}, {y}, {w}, {h}]  {mark:<9} {s.reason}")
    return 0
