"""Which way up a video is shown: the display matrix (phones' rotation and mirroring, as
the MP4 track header or HEVC SEI carries it), read exactly as ffmpeg's autorotation reads
it, so our pictures match what ffmpeg and players show.

PyAV exposes the matrix (`frame.rotation` keeps only its angle, which turns a mirror into a
half turn), so the matrix itself is read from the frame's side data.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class Orientation:
    """Mirror first (if any), then turn clockwise: what makes the coded picture upright."""

    rotation: int = 0  # clockwise degrees: 0, 90, 180, 270
    flip: str | None = None  # "horizontal" or "vertical", applied before the turn

    @property
    def swaps(self) -> bool:
        """A quarter turn: the display is the coded picture's height wide."""
        return self.rotation in (90, 270)

    def upright_size(self, w: int, h: int) -> tuple[int, int]:
        """Display (width, height) of a picture coded w x h."""
        return (h, w) if self.swaps else (w, h)

    def filters(self) -> list[tuple[str, str]]:
        """FFmpeg filters (name, args) doing the same to a frame."""
        out: list[tuple[str, str]] = []
        if self.flip == "vertical" and self.swaps:
            # one transpose does both: ffmpeg's own choice for these matrices
            return [("transpose", "dir=cclock_flip" if self.rotation == 90 else "dir=clock_flip")]
        if self.flip:
            out.append(("hflip" if self.flip == "horizontal" else "vflip", ""))
        if self.rotation == 90:
            out.append(("transpose", "dir=clock"))
        elif self.rotation == 270:
            out.append(("transpose", "dir=cclock"))
        elif self.rotation == 180:
            out += [("hflip", ""), ("vflip", "")]
        return out

    def apply(self, arr: np.ndarray) -> np.ndarray:
        """The same on an (H, W, ...) array."""
        import numpy as np

        if self.flip:
            arr = arr[:, ::-1] if self.flip == "horizontal" else arr[::-1]
        turns = (self.rotation // 90) % 4
        if turns:
            arr = np.rot90(arr, -turns)
        return np.ascontiguousarray(arr) if self.flip or turns else arr

    def describe(self) -> str:
        """Words for the probe and the contact sheet header ("" when upright as coded)."""
        parts = []
        if self.flip:
            parts.append(f"mirrored ({self.flip})")
        if self.rotation:
            parts.append(f"rotated {self.rotation}°")
        return ", ".join(parts)


UPRIGHT = Orientation()


def from_matrix(m: tuple[int, ...] | list[int] | None) -> Orientation:
    """ffmpeg's autorotate (fftools, `get_rotation` and the transpose/flip choice) applied
    to a 3x3 display matrix in 16.16 fixed point."""
    if not m or len(m) < 9:
        return UPRIGHT
    s0 = math.hypot(m[0], m[3])
    s1 = math.hypot(m[1], m[4])
    if not s0 or not s1:
        return UPRIGHT
    angle = -math.degrees(math.atan2(m[1] / s1, m[0] / s0))  # av_display_rotation_get
    theta = -round(angle)
    theta -= 360 * math.floor(theta / 360 + 0.9 / 360)
    if abs(theta - 90) < 1:
        return Orientation(90, "vertical" if m[3] > 0 else None)
    if abs(theta - 180) < 1:
        h, v = m[0] < 0, m[4] < 0
        if h and v:
            return Orientation(180)
        return Orientation(0, "horizontal" if h else ("vertical" if v else None))
    if abs(theta - 270) < 1:
        return Orientation(270, "vertical" if m[3] < 0 else None)
    if abs(theta) < 1:
        return Orientation(0, "vertical" if m[4] < 0 else None)
    # an odd angle (ffmpeg would rotate and pad): the nearest quarter turn
    return Orientation(int(round(theta / 90.0)) * 90 % 360)


def display_matrix(frame: Any) -> tuple[int, ...] | None:
    """The 3x3 display matrix attached to a decoded frame, if any."""
    for sd in getattr(frame, "side_data", None) or []:
        if str(getattr(sd, "type", "")).endswith("DISPLAYMATRIX"):
            raw = bytes(sd)
            if len(raw) >= 36:
                return struct.unpack("<9i", raw[:36])
    return None


def of_stream(stream: Any, first_frame: Any | None) -> Orientation:
    """The orientation of a stream, from its first frame's matrix or the legacy tag."""
    matrix = display_matrix(first_frame) if first_frame is not None else None
    if matrix is not None:
        return from_matrix(matrix)
    tag = stream.metadata.get("rotate") if stream is not None else None
    try:
        # the legacy tag already means "turn clockwise by this much"
        return Orientation(int(round(float(tag) / 90.0)) * 90 % 360) if tag else UPRIGHT
    except ValueError:
        return UPRIGHT
