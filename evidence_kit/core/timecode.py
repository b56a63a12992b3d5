"""Video times as users type them (SS.fff, MM:SS.fff, HH:MM:SS.fff) and as we print them."""

from __future__ import annotations

import math
import re

from evidence_kit.core.errors import InvalidValueError

_TIME = re.compile(r"^(?:(?:(\d+):)?(\d+):)?(\d+(?:\.\d+)?)$")


def parse_time(text: str) -> float:
    """Parse `SS(.fff)`, `MM:SS(.fff)` or `HH:MM:SS(.fff)` into seconds."""
    match = _TIME.match(text.strip())
    if not match:
        raise InvalidValueError(f"'{text}' is not a time; use SS.fff, MM:SS.fff or HH:MM:SS.fff")
    hours, minutes, seconds = match.groups()
    value = float(seconds) + 60 * int(minutes or 0) + 3600 * int(hours or 0)
    if minutes is not None and float(seconds) >= 60:
        raise InvalidValueError(f"'{text}': seconds must be below 60")
    return value


def format_time(seconds: float, millis: bool = True) -> str:
    """Format seconds as HH:MM:SS.fff (or HH:MM:SS when millis is False)."""
    if not math.isfinite(seconds) or seconds < 0:
        seconds = 0.0
    total_ms = int(round(seconds * 1000))
    if not millis:
        total_ms = (total_ms // 1000) * 1000
    h, rest = divmod(total_ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    text = f"{h:02d}:{m:02d}:{s:02d}"
    return f"{text}.{ms:03d}" if millis else text
