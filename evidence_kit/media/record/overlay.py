"""The clock burned into a take: date, time and UTC offset in a dark box, bottom left.

It is drawn straight into the I420 planes, so no colour conversion is paid per frame; the
text patch is rendered once per second and pasted into every frame of that second.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np

#: width in pixels, at font scale 1, of the longest clock text ("2026-11-26 14:03:27 UTC+05:30")
SAMPLE_TEXT_WIDTH = 560


def clock_text(when: datetime) -> str:
    """'2026-11-26 14:03:27 UTC+01:00' (local time with its offset, so it is unambiguous)."""
    offset = when.strftime("%z")
    offset = f"{offset[:3]}:{offset[3:]}" if offset else ""
    return when.strftime("%Y-%m-%d %H:%M:%S") + f" UTC{offset}"


class ClockOverlay:
    """Stamps `clock_text` onto I420 frames of one size."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        # readable on small frames too, but never wider than 90 % of the picture
        self.scale = min(max(0.9 * height / 720.0, 0.45), 0.9 * width / SAMPLE_TEXT_WIDTH)
        self.thickness = max(1, round(2 * height / 720.0))
        self.margin = max(4, height // 60) & ~1
        self._text = ""
        self._mask: np.ndarray | None = None  # text pixels of the box, True = ink

    def _render(self, text: str) -> np.ndarray:
        import cv2

        font = cv2.FONT_HERSHEY_SIMPLEX
        (tw, th), base = cv2.getTextSize(text, font, self.scale, self.thickness)
        pad = max(4, self.height // 90)
        box_w = min(tw + 2 * pad, self.width - 2 * self.margin) & ~1
        box_h = min(th + base + 2 * pad, self.height - 2 * self.margin) & ~1
        canvas = np.zeros((box_h, box_w), np.uint8)
        cv2.putText(
            canvas, text, (pad, pad + th), font, self.scale, 255, self.thickness, cv2.LINE_AA
        )
        return canvas

    def apply(self, i420: np.ndarray, when: datetime) -> None:
        """Draw the clock for `when` into the frame, in place."""
        text = clock_text(when)
        if text != self._text or self._mask is None:
            self._text = text
            self._mask = self._render(text)
        mask = self._mask
        bh, bw = mask.shape
        w, h = self.width, self.height
        x0 = self.margin
        y0 = (h - self.margin - bh) & ~1
        # luma: near-black box (16), text blended towards white (235) by its antialiasing
        luma = i420[y0 : y0 + bh, x0 : x0 + bw]
        luma[:] = (16 + (mask.astype(np.uint16) * 219) // 255).astype(np.uint8)
        # chroma planes (quarter size each) made neutral so the box is grey, not tinted
        chroma = i420[h:].reshape(-1)  # U then V, each (h/2, w/2), packed after the luma
        size = (h // 2) * (w // 2)
        for plane in (chroma[:size], chroma[size : 2 * size]):
            rows = plane.reshape(h // 2, w // 2)
            rows[y0 // 2 : (y0 + bh) // 2, x0 // 2 : (x0 + bw) // 2] = 128
