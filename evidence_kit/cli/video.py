"""Command line: `probe`, `frames`, `thumbs`, `sheet`, `clip`, `moments`, and
`case grab` / `case clip` (frames and clips of a case video as new evidence items).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from evidence_kit.core.tasks import ProgressFn
    from evidence_kit.media.video.clip import ClipResult


def _times(values: list[list[str]] | None) -> list[float]:
    from evidence_kit.core.timecode import parse_time

    return [parse_time(v) for group in values or [] for v in group]


def _time(text: str) -> float:
    from evidence_kit.core.timecode import parse_time

    return parse_time(text)


def _progress(enabled: bool) -> ProgressFn:
    """A one-line progress display on stderr when it is a terminal."""
    from evidence_kit.core.tasks import no_progress

    if not enabled or not sys.stderr.isatty():
        return no_progress

    def show(fraction: float, message: str) -> None:
        sys.stderr.write(f"\r{int(fraction * 100):3d}% {message[:60]:<60}")
        if fraction >= 1.0:
            sys.stderr.write("\n")

    return show


def register(sub: argparse._SubParsersAction, case_sub: argparse._SubParsersAction) -> None:
    """Add this group's commands to the parser."""
    p = sub.add_parser("probe", help="what a video is: duration, size, rotation, fps, clock")
    p.add_argument("video", type=Path)
    p.add_argument("--no-hash", action="store_true", help="skip the SHA-256 (faster)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_probe)

    p = sub.add_parser("frames", help="save the exact frames shown at given times")
    p.add_argument("video", type=Path)
    p.add_argument("--at", nargs="+", action="append", required=True, metavar="T")
    p.add_argument("--sharpest", type=float, metavar="SECONDS", help="sharpest within ±S")
    p.add_argument("--no-caption", action="store_true")
    p.add_argument("--format", default="png", choices=("png", "jpg"))
    p.add_argument("-o", "--out", type=Path, required=True, metavar="DIR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_frames)

    p = sub.add_parser("thumbs", help="N labelled thumbnails spread over a video")
    p.add_argument("video", type=Path)
    p.add_argument("--count", type=int, default=12)
    p.add_argument("--size", type=int, default=320, help="longest side in pixels")
    p.add_argument("-o", "--out", type=Path, required=True, metavar="DIR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_thumbs)

    p = sub.add_parser("sheet", help="a contact sheet: frames with real times and a header")
    p.add_argument("video", type=Path)
    p.add_argument("-o", "--out", type=Path, required=True, metavar="SHEET.jpg")
    p.add_argument("--cols", type=int, default=4)
    p.add_argument("--rows", type=int, default=4)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sheet)

    p = sub.add_parser("clip", help="cut [start, end] into a new MP4")
    _clip_args(p)
    p.add_argument("video", type=Path)
    p.add_argument("-o", "--out", type=Path, required=True, metavar="OUT.mp4")
    p.add_argument(
        "--keep-metadata", action="store_true", help="keep creation_time (never location)"
    )
    p.set_defaults(func=cmd_clip)

    p = sub.add_parser("moments", help="suggest times where the picture changes most")
    p.add_argument("video", type=Path)
    p.add_argument("--count", type=int, default=5)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_moments)

    p = case_sub.add_parser("grab", help="add frames of a video item as evidence")
    p.add_argument("case", type=Path)
    p.add_argument("item", help="item id or exhibit number (E1)")
    p.add_argument("--at", nargs="+", action="append", required=True, metavar="T")
    p.add_argument("--sharpest", type=float, metavar="SECONDS")
    p.add_argument("--no-caption", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_case_grab)

    p = case_sub.add_parser("clip", help="add a clip of a video item as evidence")
    p.add_argument("case", type=Path)
    p.add_argument("item", help="item id or exhibit number (E1)")
    _clip_args(p)
    p.set_defaults(func=cmd_case_clip)


def _clip_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--start", type=_time_arg, required=True, metavar="T")
    p.add_argument("--end", type=_time_arg, required=True, metavar="T")
    p.add_argument("--max-mb", type=float, metavar="N", help="re-encode to fit N MB")
    p.add_argument("--json", action="store_true")


def _time_arg(text: str) -> float:
    from evidence_kit.core.errors import InvalidValueError

    try:
        return _time(text)
    except InvalidValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def cmd_probe(args: argparse.Namespace) -> int:
    from evidence_kit.cli.output import print_json
    from evidence_kit.core.hashing import sha256_file
    from evidence_kit.core.timecode import format_time
    from evidence_kit.media.video.probe import probe_video

    info = probe_video(args.video)
    if not args.no_hash:
        info.sha256 = sha256_file(args.video)
    if args.json:
        print_json(info.to_dict())
        return 0
    print(f"{args.video.name}")
    print(f"  duration   {format_time(info.duration_s)} ({info.duration_s:.3f} s)")
    if info.truncated:
        print(f"  TRUNCATED  only the first {info.readable_s:.3f} s can be decoded")
    turn = f"rotation {info.rotation}°" + (f", mirrored ({info.flip})" if info.flip else "")
    print(f"  picture    {info.width}x{info.height} upright, {turn}")
    if info.sample_aspect_ratio:
        print(f"  pixels     {info.sample_aspect_ratio} wide (stored "
              f"{info.coded_width}x{info.coded_height})")  # fmt: skip
    colour = f"{info.color_space or 'not tagged'}, {'full' if info.color_range == 'pc' else 'limited'} range"
    if info.hdr:
        colour += f", HDR {info.hdr.upper()} (pictures are tone-mapped to SDR)"
    print(f"  colour     {colour}")
    vfr = " (variable frame rate)" if info.variable_frame_rate else ""
    print(
        f"  video      {info.video_codec}, {info.fps:g} fps{vfr}, {info.frame_count or '?'} frames"
    )
    print(f"  audio      {info.audio_codec or 'none'}")
    if info.creation_time:
        print(f"  recorded   {info.creation_time} (from {info.creation_source}; first frame "
              f"{info.clock_offset_s:.3f} s later)")  # fmt: skip
    else:
        print("  recorded   no creation time in the file")
    if info.sha256:
        print(f"  sha256     {info.sha256}")
    return 0


def cmd_frames(args: argparse.Namespace) -> int:
    from evidence_kit.cli.output import print_json
    from evidence_kit.core.timecode import format_time
    from evidence_kit.media.video.frames import grab_frames

    results = grab_frames(
        args.video,
        _times(args.at),
        args.out,
        sharpest=args.sharpest,
        caption=not args.no_caption,
        fmt=args.format,
        progress=_progress(not args.json),
    )
    if args.json:
        print_json({"frames": [r.to_dict() for r in results]})
    else:
        for r in results:
            print(f"{format_time(r.requested_s)} -> frame at {format_time(r.pts_s)}  {r.path}")
    return 0


def cmd_thumbs(args: argparse.Namespace) -> int:
    from evidence_kit.cli.output import print_json
    from evidence_kit.core.errors import InvalidValueError
    from evidence_kit.core.timecode import format_time
    from evidence_kit.media.video.thumbs import make_thumbs

    if not 32 <= args.size <= 1920:
        raise InvalidValueError(f"--size must be between 32 and 1920, not {args.size}")
    thumbs = make_thumbs(
        args.video, args.count, args.out, max_side=args.size, progress=_progress(not args.json)
    )
    if args.json:
        print_json({"thumbs": [t.to_dict() for t in thumbs]})
    else:
        for t in thumbs:
            print(f"{format_time(t.pts_s)}  {t.path}")
    return 0


def cmd_sheet(args: argparse.Namespace) -> int:
    from evidence_kit.cli.output import print_json
    from evidence_kit.media.video.sheet import contact_sheet

    out = contact_sheet(
        args.video, args.out, cols=args.cols, rows=args.rows, progress=_progress(not args.json)
    )
    if args.json:
        print_json({"sheet": str(out)})
    else:
        print(out)
    return 0


def _print_clip(result: ClipResult, as_json: bool, extra: dict[str, Any] | None = None) -> None:
    from evidence_kit.cli.output import print_json
    from evidence_kit.core.timecode import format_time

    if as_json:
        print_json({**result.to_dict(), **(extra or {})})
        return
    how = "stream copy (original bits)" if result.stream_copy else "re-encoded H.264/AAC"
    print(
        f"{format_time(result.start_s)}–{format_time(result.end_s)}  {how}  "
        f"{result.bytes / 1e6:.2f} MB  {result.path}"
    )


def cmd_clip(args: argparse.Namespace) -> int:
    from evidence_kit.media.video.clip import cut_clip

    result = cut_clip(
        args.video,
        args.start,
        args.end,
        args.out,
        max_mb=args.max_mb,
        keep_metadata=args.keep_metadata,
        progress=_progress(not args.json),
    )
    _print_clip(result, args.json)
    return 0


def cmd_moments(args: argparse.Namespace) -> int:
    from evidence_kit.cli.output import print_json
    from evidence_kit.core.timecode import format_time
    from evidence_kit.media.video.keymoments import key_moments
    from evidence_kit.media.video.reader import VideoReader

    with VideoReader(args.video) as rd:
        moments = key_moments(rd, args.count, progress=_progress(not args.json))
    if args.json:
        print_json({"moments": [{"pts_s": m.pts_s, "score": m.score} for m in moments]})
    else:
        for m in moments:
            print(f"{format_time(m.pts_s)}  change {m.score:.3f}")
    return 0


def cmd_case_grab(args: argparse.Namespace) -> int:
    from evidence_kit.cli.case_access import open_case
    from evidence_kit.cli.output import print_json
    from evidence_kit.core import case_ops
    from evidence_kit.media.video.case_items import grab_to_case

    store = open_case(args.case, write=True)
    video = store.case.item(args.item)
    items = grab_to_case(
        store,
        video,
        _times(args.at),
        sharpest=args.sharpest,
        caption=not args.no_caption,
        progress=_progress(not args.json),
    )
    case_ops.add_items(store.case, items)
    store.save()
    if args.json:
        print_json(
            {
                "items": [
                    {
                        "id": it.id,
                        "kind": it.kind,
                        "file": it.file,
                        "sha256": it.sha256,
                        "parent": it.parent,
                        "pts_s": it.pts_s,
                    }  # fmt: skip
                    for it in items
                ]
            }
        )
    else:
        for it in items:
            print(f"{it.id}  {it.title}  {it.file}")
    return 0


def cmd_case_clip(args: argparse.Namespace) -> int:
    from evidence_kit.cli.case_access import open_case
    from evidence_kit.cli.output import print_json
    from evidence_kit.core import case_ops
    from evidence_kit.media.video.case_items import clip_to_case

    store = open_case(args.case, write=True)
    video = store.case.item(args.item)
    item = clip_to_case(
        store, video, args.start, args.end, max_mb=args.max_mb, progress=_progress(not args.json)
    )
    case_ops.add_items(store.case, [item])
    store.save()
    if args.json:
        print_json({"item": item.to_dict()})
    else:
        print(f"{item.id}  {item.title}  {item.file}")
    return 0
