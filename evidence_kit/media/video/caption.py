"""The caption strip under a grabbed frame (DESIGN §4), and the fonts the video images use.

`source file · 00:01:12.533 · 2026-11-20 15:03:27 +0100 (recording clock, from file metadata)
· sha256 3f9a…`. The wall-clock part appears only when the file carries a creation time; it
is the recording's start (the phone's local clock when the file has it) plus the time from
that start to the frame: the frame's pts and the picture track's own start offset.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from evidence_kit.core.timecode import format_time

if TYPE_CHECKING:
    import numpy as np

    from evidence_kit.media.video.probe import VideoInfo

_FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "DejaVuSans.ttf",
    "Arial.ttf",
)


@lru_cache(maxsize=16)
def font(size: int) -> Any:
    """A TrueType font that covers Latin and Cyrillic file names when one is installed."""
    from PIL import ImageFont

    for name in _FONT_FILES:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def parse_creation(value: str | None) -> datetime | None:
    """ISO 8601 creation time from the container, or None when absent/unreadable."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def wall_clock(creation_time: str | None, pts_s: float) -> str | None:
    """Recording clock at a frame: creation time + the frame's offset, or None."""
    start = parse_creation(creation_time)
    if start is None:
        return None
    when = start + timedelta(seconds=pts_s)
    zone = " UTC" if when.utcoffset() == timedelta(0) else when.strftime(" %z")
    return when.strftime("%Y-%m-%d %H:%M:%S") + zone


def frame_clock(info: VideoInfo, pts_s: float) -> str | None:
    """The recording clock when the frame at pts_s was shown, as the caption prints it."""
    return wall_clock(info.creation_time, info.clock_offset_s + pts_s)


def frame_clock_iso(info: VideoInfo | None, pts_s: float) -> str | None:
    """The same clock in ISO 8601 (an item's captured_at, a clip's creation_time)."""
    start = parse_creation(info.creation_time) if info is not None else None
    if info is None or start is None:
        return None
    when = start + timedelta(seconds=info.clock_offset_s + pts_s)
    return when.isoformat().replace("+00:00", "Z")


def caption_text(name: str, pts_s: float, clock: str | None, sha256: str | None) -> str:
    """The one-line caption of a frame; `clock` is frame_clock's text, or None."""
    parts = [name, format_time(pts_s)]
    if clock:
        parts.append(f"{clock} (recording clock, from file metadata)")
    if sha256:
        parts.append(f"sha256 {sha256[:12]}…")
    return " · ".join(parts)


def _wrap(text: str, fnt: Any, width: float, draw: Any) -> list[str]:
    """Split at the ' · ' separators so each line fits (a narrow frame gets several)."""
    lines: list[str] = []
    current = ""
    parts: list[str] = []
    for part in text.split(" · "):
        head, sep, tail = part.partition(" (")
        if sep and draw.textlength(part, font=fnt) > width:
            parts += [head, "(" + tail]  # the clock's note goes on its own line
        else:
            parts.append(part)
    for part in parts:
        trial = f"{current} · {part}" if current else part
        if current and draw.textlength(trial, font=fnt) > width:
            lines.append(current)
            current = part
        else:
            current = trial
    lines.append(current)
    return lines


def add_caption(rgb: np.ndarray, text: str) -> np.ndarray:
    """The frame with a black strip below it carrying `text`, wrapped to the frame's width."""
    import numpy as np
    from PIL import Image, ImageDraw

    h, w = rgb.shape[:2]
    size = max(11, min(40, int(w * 0.018)))
    draw = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    fnt = font(size)
    while size > 11 and draw.textlength(text, font=fnt) > w - 2 * size:
        size -= 1
        fnt = font(size)
    lines = _wrap(text, fnt, w - size, draw)
    line_h = int(size * 1.35)
    strip_h = line_h * len(lines) + size // 2 + 4
    # only the strip is drawn; the picture is copied once, by the concatenation (a 4K
    # frame is 25 MB: pasting it into a new image would cost three copies)
    strip = Image.new("RGB", (w, strip_h), (0, 0, 0))
    draw = ImageDraw.Draw(strip)
    for i, line in enumerate(lines):
        draw.text((size // 2, size // 4 + 2 + i * line_h), line, font=fnt, fill=(255, 255, 255))
    return np.concatenate([rgb, np.asarray(strip)], axis=0)
