"""Command line: `record` — one continuous take from a camera or a video file played as one.

Ctrl+C (or SIGTERM) is the Stop button: the take is sealed and kept. With --case the take is
hashed and added to the case as a recorded original, and its start and stop are logged.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import FrameType

    from evidence_kit.core.store import CaseStore
    from evidence_kit.media.record.take import Take, TakeResult


def register(sub: argparse._SubParsersAction, case_sub: argparse._SubParsersAction) -> None:
    """Add the `record` command."""
    p = sub.add_parser("record", help="record an unboxing video (one continuous take)")
    p.add_argument("-o", "--output", type=Path, help="the MP4 to write (must not exist)")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--camera", type=int, metavar="N", help="camera number (see --list)")
    src.add_argument(
        "--source", type=Path, metavar="FILE", help="play a video file in real time as the camera"
    )
    p.add_argument("--seconds", metavar="S", help="stop after S (SS, MM:SS); default: Ctrl+C")
    p.add_argument("--no-clock", action="store_true", help="do not burn the date and time in")
    p.add_argument("--case", type=Path, help="add the take to this case as a recorded original")
    p.add_argument(
        "--microphone",
        metavar="NAME",
        help="microphone name (see --list), or 'none' for no sound; default: the system one",
    )
    p.add_argument("--size", default="1280x720", metavar="WxH", help="camera resolution")
    p.add_argument("--fps", type=float, default=30.0, help="camera frame rate")
    p.add_argument("--list", action="store_true", help="list cameras and microphones, then exit")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_record)


def _size(text: str) -> tuple[int, int]:
    from evidence_kit.core.errors import InvalidValueError

    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise InvalidValueError(f"--size '{text}' is not WIDTHxHEIGHT (e.g. 1280x720)") from None
    if not (16 <= w <= 7680 and 16 <= h <= 4320):
        raise InvalidValueError(f"--size {text} is out of range")
    return w, h


def _list(as_json: bool) -> int:
    from evidence_kit.cli.output import print_json
    from evidence_kit.media.record.camera import list_cameras, list_microphones

    cams, mics = list_cameras(probe_indices=4), list_microphones()
    if as_json:
        print_json(
            {
                "cameras": [{"name": c.name, "index": c.index, "file": c.file} for c in cams],
                "microphones": [
                    {"name": m.name, "format": m.fmt, "device": m.device} for m in mics
                ],
            }
        )
        return 0
    print("Cameras:" if cams else "Cameras: none found")
    for c in cams:
        print(f"  {c.index if c.index is not None else '-':>2}  {c.name}")
    print("Microphones:" if mics else "Microphones: none found (takes will have no sound)")
    for m in mics:
        print(f"      {m.name}")
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    import signal

    from evidence_kit.core.errors import CameraError, InvalidValueError
    from evidence_kit.core.timecode import parse_time
    from evidence_kit.media.record.camera import (
        NO_CAMERA,
        CameraInfo,
        list_cameras,
        list_microphones,
    )
    from evidence_kit.media.record.session import record
    from evidence_kit.media.record.take import check_free_space

    if args.list:
        return _list(args.json)
    if args.output is None:
        raise InvalidValueError("record needs -o OUT.mp4")
    out: Path = args.output
    if out.suffix.lower() != ".mp4":
        raise InvalidValueError(
            f"{out.name}: the recording is an MP4, so the name must end in .mp4"
        )
    if out.exists():
        raise InvalidValueError(f"{out} already exists; a recording never overwrites a file")
    seconds = parse_time(args.seconds) if args.seconds else None
    if seconds is not None and seconds <= 0:
        raise InvalidValueError("--seconds must be more than 0")
    if args.fps <= 0 or args.fps > 240:
        raise InvalidValueError("--fps must be between 1 and 240")
    width, height = _size(args.size)

    store = None
    if args.case:
        from evidence_kit.cli.case_access import open_case

        store = open_case(args.case, write=True)
        store.check_writable()

    mic = None
    result_notes: list[str] = []  # told after the take, so a missing camera is the only line
    if args.source:
        camera = CameraInfo(f"{args.source.name} (video file as camera)", file=str(args.source))
    elif args.camera is not None:
        camera = CameraInfo(f"Camera {args.camera}", index=args.camera)
    else:
        found = [c for c in list_cameras(probe_indices=4) if c.index is not None]
        if not found:
            raise CameraError(NO_CAMERA)
        camera = found[0]
    # a file played as a camera brings its own sound; a real camera takes the microphone
    wanted = (args.microphone or "").strip()
    if wanted.lower() != "none" and (wanted or not args.source):
        mics = list_microphones()
        matches = [m for m in mics if wanted.lower() in m.name.lower()] if wanted else mics
        if wanted and not matches:
            raise InvalidValueError(f"no microphone called '{wanted}' (see 'record --list')")
        mic = matches[0] if matches else None
        if mic is None:
            result_notes.append("No microphone was found: the take has no sound.")
    out.parent.mkdir(parents=True, exist_ok=True)
    check_free_space(out.parent)

    def on_started(take: Take) -> None:
        if not args.json:
            limit = f"for {seconds:g} s" if seconds else "until Ctrl+C"
            sys.stderr.write(f"Recording from {camera.name} {limit} ...\n")
        if store is not None:
            from evidence_kit.core import activity_log

            activity_log.append(
                store.case,
                "recording_started",
                file=out.name,
                camera=camera.name,
                microphone=mic.name if mic else None,
                clock=not args.no_clock,
            )
            store.save()

    def on_term(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        result = record(
            out,
            camera,
            mic,
            seconds=seconds,
            clock=not args.no_clock,
            width=width,
            height=height,
            fps=args.fps,
            on_started=on_started,
        )
    finally:
        signal.signal(signal.SIGTERM, previous)
    result.notes[:0] = result_notes
    return _finish(args, store, result)


def _finish(args: argparse.Namespace, store: CaseStore | None, result: TakeResult) -> int:
    from evidence_kit.cli.output import print_json

    for note in result.notes:
        sys.stderr.write(f"evidence-kit: {note}\n")
    if result.message:
        sys.stderr.write(f"evidence-kit: {result.message}\n")
    added = None
    if store is not None:
        from evidence_kit.media.importer import add_files
        from evidence_kit.media.record.take import log_take_stopped

        log_take_stopped(store.case, result)
        store.save()
        report = add_files(store, [result.path], source="recorded")
        if report.skipped:
            sys.stderr.write(f"evidence-kit: the take was not added: {report.skipped[0][1]}\n")
            return 2
        added = report.items[0]
    if args.json:
        doc = result.to_dict()
        if added is not None:
            doc["item"] = {"id": added.id, "file": added.file, "sha256": added.sha256}
        print_json(doc)
        return 0
    sound = "with sound" if result.has_audio else "no sound"
    print(
        f"Recorded {result.path}: {result.duration_s:.1f} s, {result.frames} frames, "
        f"{result.dropped} dropped, {sound}."
    )
    if added is not None:
        print(f"Added to the case as {added.id}  sha256 {added.sha256}")
    return 0
