"""Changing a video's mask the way the video panel does (Qt-free, so the CLI and the tests
share it): a new box over a time range, the box moved at a time (a key position, the box
interpolated between keys), its range set from the in and out points.

Every function returns a new, validated mark; the caller stores it as an undo step.
"""

from __future__ import annotations

from typing import Any

from evidence_kit.core import annotations as A
from evidence_kit.core.timecode import format_time
from evidence_kit.media.video.masks import Mask, rect_at

SAME_KEY_S = 0.02  # a key this close to another one replaces it (about a frame)


def new_mask(rect: list[float], style: str, start: float, end: float) -> Mask:
    """A box hidden from `start` to `end` (seconds of the video's own clock)."""
    lo, hi = sorted((max(0.0, start), max(0.0, end)))
    return A.validate(
        {"type": "redact", "rect": rect, "style": style, "from": round(lo, 3), "to": round(hi, 3)}
    )


def with_key(mask: Mask, t: float, rect: list[float]) -> Mask:
    """The mask with its box at `rect` at time t; between keys the box moves in a straight
    line. A mask with no keys yet keeps its old box at its start."""
    keys: list[list[Any]] = [[float(k[0]), list(k[1])] for k in mask.get("keys") or []]
    if not keys:
        start = float(mask.get("from", 0.0))
        if abs(t - start) > SAME_KEY_S:
            keys.append([start, list(mask["rect"])])
    keys = [k for k in keys if abs(k[0] - t) > SAME_KEY_S]
    keys.append([round(t, 3), rect])
    keys.sort(key=lambda k: k[0])
    out = dict(mask, keys=keys, rect=list(keys[0][1]))
    if len(keys) == 1:
        out.pop("keys")
        out["rect"] = rect
    return A.validate(out)


def with_range(mask: Mask, start: float, end: float) -> Mask:
    """The mask hidden from `start` to `end` instead (its key positions stay)."""
    lo, hi = sorted((max(0.0, start), max(0.0, end)))
    return A.validate(dict(mask, **{"from": round(lo, 3), "to": round(hi, 3)}))


def row_text(mask: Mask, number: int) -> str:
    """One line for the panel's list: 'Mask 2 · pixelate · 00:00:03.000–00:00:08.000 · 3 positions'."""
    start = format_time(float(mask.get("from", 0.0)))
    end = format_time(float(mask["to"])) if "to" in mask else "end"
    keys = len(mask.get("keys") or [])
    moves = f" · {keys} positions" if keys > 1 else ""
    return f"Mask {number} · {mask.get('style', 'solid')} · {start}–{end}{moves}"


def shown_at(masks: list[tuple[int, Mask]], t: float) -> list[tuple[int, list[float]]]:
    """(index, box) of each mask shown at t."""
    from evidence_kit.media.video.masks import active

    return [(i, rect_at(m, t)) for i, m in masks if active(m, t)]
