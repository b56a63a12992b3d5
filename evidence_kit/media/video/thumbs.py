"""Thumbnails spread over a video, fast: a keyframe where one is close enough, the exact
frame otherwise (decoded in one forward pass when keyframes are sparse, as in a browser's
MediaRecorder files); each labelled with its real time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress
from evidence_kit.core.timecode import format_time
from evidence_kit.media.video.reader import VideoReader

MAX_THUMBS = 500


@dataclass
class Thumb:
    """One thumbnail: the time aimed at, the shown frame's real time, and its pixels."""

    requested_s: float
    pts_s: float
    keyframe: bool
    rgb: np.ndarray = field(repr=False)
    path: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (without pixels)."""
        return {
            "requested_s": self.requested_s,
            "pts_s": self.pts_s,
            "keyframe": self.keyframe,
            "path": str(self.path) if self.path else None,
        }


def spread_times(end_s: float, count: int) -> list[float]:
    """`count` times spread evenly over [0, end], centred in equal slices."""
    return [end_s * (i + 0.5) / count for i in range(count)]


def check_count(count: int, limit: int = MAX_THUMBS) -> None:
    """Refuse absurd counts with a clear message."""
    if count < 1 or count > limit:
        raise InvalidValueError(f"count must be between 1 and {limit}, not {count}")


def thumbnails(
    reader: VideoReader,
    count: int,
    max_side: int = 320,
    times: list[float] | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    exact: bool = True,
) -> list[Thumb]:
    """Thumbnails in memory (upright RGB), spread over the video or at the given times.

    A keyframe is used when it lies within half a slice of the time aimed at, so neighbours
    never swap; otherwise the exact frame is decoded. Either way the label is the real pts.
    exact=False (scrub previews) takes keyframes only and drops repeats: fewer, faster.
    """
    check_count(count if times is None else len(times))
    targets = times if times is not None else spread_times(reader.end_s, count)
    slack = reader.end_s / max(len(targets), 1) / 2
    # where a seek would land for each target, from the packets alone: it decides between
    # a keyframe (decoded on its own) and the exact frame (decoded forward from there)
    keys = [reader.keyframe_before(t) for t in targets]
    out: list[Thumb] = []
    used: set[float] = set()
    for i, (t, key) in enumerate(zip(targets, keys, strict=True)):
        if cancel is not None:
            cancel.check()
        progress(i / len(targets), "")  # the caller's label says what is being made
        near = 0 <= t - key <= slack and round(key, 6) not in used
        if near or not exact:
            decoded = reader.keyframe_at(t)
            if not exact and round(decoded.pts_s, 6) in used:
                continue
        else:
            decoded = reader.frame_at(t, key_s=key)
        used.add(round(decoded.pts_s, 6))
        rgb = reader.to_rgb(decoded, max_side=max_side)
        out.append(Thumb(t, decoded.pts_s, decoded.key, rgb))
    progress(1.0, "")
    return out


def label(rgb: np.ndarray, text: str) -> np.ndarray:
    """The picture with a small time label in its bottom-left corner."""
    from PIL import Image, ImageDraw

    from evidence_kit.media.video.caption import font

    img = Image.fromarray(rgb)
    size = max(10, img.height // 12)
    fnt = font(size)
    draw = ImageDraw.Draw(img)
    x0, y0, x1, y1 = draw.textbbox((0, 0), text, font=fnt)
    pad = max(2, size // 4)
    box = (0, img.height - (y1 - y0) - 2 * pad - y0, x1 - x0 + 2 * pad, img.height)
    draw.rectangle(box, fill=(0, 0, 0))
    draw.text((pad, box[1] + pad - y0 // 2), text, font=fnt, fill=(255, 255, 255))
    return np.asarray(img)


def make_thumbs(
    path: Path | str,
    count: int,
    out_dir: Path | str,
    *,
    max_side: int = 320,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> list[Thumb]:
    """Write `count` labelled JPEG thumbnails spread over the video into out_dir."""
    from evidence_kit.media.video.frames import check_out_dir, encode_image, write_atomic

    check_count(count)
    path, out_dir = Path(path), Path(out_dir)
    with VideoReader(path) as rd:
        check_out_dir(out_dir)
        thumbs = thumbnails(rd, count, max_side, progress=progress, cancel=cancel)
    for n, th in enumerate(thumbs, start=1):
        stamp = format_time(th.pts_s)
        target = out_dir / f"{path.stem}_thumb{n:03d}_{stamp.replace(':', '-')}.jpg"
        write_atomic(target, encode_image(label(th.rgb, stamp), "jpg"))
        th.path = target
    return thumbs
