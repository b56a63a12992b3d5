"""Ending an MP4's presentation at an exact time, in place, through its edit list.

A stream copy must keep the reference frames the kept ones were predicted from, even those
shown after the clip's end (B-pyramids show a reference after the frames using it). The
edit list (`elst`) says which part of the media is shown; FFmpeg's muxer writes one, but
lets it run to the last frame it was given. Here it is shortened to the clip's real end,
with the track and movie durations (`tkhd`, `mvhd`) to match, so players, ffprobe and our
reader all stop where the re-encoded clip stops. Only fixed-size fields change: no
offset moves, and a file that has no edit list is left alone.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

_CONTAINERS = {b"moov", b"trak", b"edts", b"mdia"}


def _children(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int, int]]:
    """(type, box start, header size, box size) of the boxes in data[start:end]."""
    out, pos = [], start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", data[pos + 8 : pos + 16])[0], 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            break
        out.append((kind, pos, header, size))
        pos += size
    return out


def _find(data: bytes, start: int, end: int, kind: bytes) -> list[tuple[int, int, int]]:
    return [(p, h, s) for k, p, h, s in _children(data, start, end) if k == kind]


def _duration_field(data: bytearray, box: int, header: int, v0: int, v1: int) -> tuple[int, str]:
    """(offset, struct format) of a full box's duration field (version 0 or 1)."""
    version = data[box + header]
    return (box + header + (v1 if version == 1 else v0)), (">Q" if version == 1 else ">I")


def _find_moov(fh: Any) -> tuple[int, int] | None:
    """(offset, size) of the top-level moov box, reading only box headers."""
    fh.seek(0, 2)
    end = fh.tell()
    pos = 0
    while pos + 8 <= end:
        fh.seek(pos)
        head = fh.read(16)
        size, kind = struct.unpack(">I4s", head[:8])
        if size == 1:
            size = struct.unpack(">Q", head[8:16])[0]
        elif size == 0:
            size = end - pos
        if size < 8:
            return None
        if kind == b"moov":
            return pos, size
        pos += size
    return None


def end_presentation(path: Path, handler: bytes, seconds: float) -> bool:
    """Make the track of `handler` (b"vide") show only its first `seconds` (never longer
    than it was). True when the file was changed. Only the moov box is read and written
    (a clip can be gigabytes)."""
    with path.open("r+b") as fh:
        found = _find_moov(fh)
        if found is None:
            return False
        offset, size = found
        fh.seek(offset)
        data = bytearray(fh.read(size))
        if not _end_in_moov(data, handler, seconds):
            return False
        fh.seek(offset)
        fh.write(data)
    return True


def _end_in_moov(data: bytearray, handler: bytes, seconds: float) -> bool:
    mhead = 16 if struct.unpack(">I", data[:4])[0] == 1 else 8
    msize = len(data)
    mpos = 0
    mvhd = _find(data, mpos + mhead, mpos + msize, b"mvhd")
    if not mvhd:
        return False
    mv_box, mv_head, _ = mvhd[0]
    version = data[mv_box + mv_head]
    timescale = struct.unpack(">I", data[mv_box + mv_head + (20 if version else 12) :][:4])[0]
    target = max(1, round(seconds * timescale))
    changed = False
    track_ends: list[int] = []
    for tpos, thead, tsize in _find(data, mpos + mhead, mpos + msize, b"trak"):
        inner = (tpos + thead, tpos + tsize)
        tkhd = _find(data, *inner, b"tkhd")
        if not tkhd:
            continue
        at, fmt = _duration_field(data, *tkhd[0][:2], 20, 28)
        track_end = struct.unpack(fmt, data[at : at + struct.calcsize(fmt)])[0]
        if _handler(data, *inner) == handler and track_end > target:
            new_end = _shorten_edits(data, *inner, target)
            if new_end is not None:
                struct.pack_into(fmt, data, at, new_end)
                track_end, changed = new_end, True
        track_ends.append(track_end)
    if changed:
        at, fmt = _duration_field(data, mv_box, mv_head, 16, 24)
        struct.pack_into(fmt, data, at, max(track_ends))
    return changed


def _handler(data: bytearray, start: int, end: int) -> bytes:
    for mpos, mhead, msize in _find(data, start, end, b"mdia"):
        for hpos, hhead, _ in _find(data, mpos + mhead, mpos + msize, b"hdlr"):
            return bytes(data[hpos + hhead + 8 : hpos + hhead + 12])
    return b""


def _shorten_edits(data: bytearray, start: int, end: int, target: int) -> int | None:
    """Cut the track's edit list at `target` (movie time scale); its new total, or None
    when the track has no edit list to cut."""
    for epos, ehead, esize in _find(data, start, end, b"edts"):
        for lpos, lhead, _ in _find(data, epos + ehead, epos + esize, b"elst"):
            version = data[lpos + lhead]
            count = struct.unpack(">I", data[lpos + lhead + 4 : lpos + lhead + 8])[0]
            fmt = ">Qq" if version == 1 else ">Ii"
            step = struct.calcsize(fmt) + 4  # + media rate
            at = lpos + lhead + 8
            total = 0
            for _ in range(count):
                duration, media_time = struct.unpack(fmt, data[at : at + step - 4])
                keep = min(duration, max(target - total, 0))
                struct.pack_into(fmt, data, at, keep, media_time)
                total += keep
                at += step
            return total
    return None
