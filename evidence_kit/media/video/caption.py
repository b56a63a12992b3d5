"""The caption strip under a grabbed frame (DESIGN §4), and the fonts the video images use.

`source file · 00:01:12.533 · 2026-11-20 14:03:27 UTC (recording clock, from file metadata)
· sha256 3f9a…`. The wall-clock part appears only when the file carries a creation time.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from evidence_kit.core.timecode import format_time

if TYPE_CHECKING:
    import numpy as np

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


def caption_text(name: str, pts_s: float, creation_time: str | None, sha256: str | None) -> str:
    """The one-line caption of a frame."""
    parts = [name, format_time(pts_s)]
    clock = wall_clock(creation_time, pts_s)
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
    img = Image.new("RGB", (w, h + strip_h), (0, 0, 0))
    img.paste(Image.fromarray(rgb), (0, 0))
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((size // 2, h + size // 4 + 2 + i * line_h), line, font=fnt, fill=(255, 255, 255))
    return np.asarray(img)
