"""Masks burned into a clip's YUV 4:2:0 frames on their way into the encoder.

Only the boxes are touched, so a masked re-encode costs about what an unmasked one does
(benchmarks/bench_masks.py). Each box is widened to even coordinates first: a chroma sample
covers 2 x 2 pixels, and one that straddled the edge would carry colour from under the box.
A solid box is its colour in the clip's own YUV; a pixelated one is made exactly as on a
photo (render.pixelate_box, from the pixels around it only), in an RGB copy of the box and
its surroundings, and written back.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from evidence_kit.core.annotations import parse_color
from evidence_kit.media.image import redact
from evidence_kit.media.image.render import fringe_gap, pixelate_box, scaled_boxes
from evidence_kit.media.video.masks import Mask, boxes_at

#: (Kr, Kb) of the matrices a clip may be tagged with (FFmpeg's colorspace enum values)
_KRB = {1: (0.2126, 0.0722), 4: (0.30, 0.11), 6: (0.299, 0.114), 7: (0.212, 0.087)}


class YuvMasker:
    """Masks one clip's frames: its masks in the source's display pixels and clock."""

    def __init__(self, masks: list[Mask], display_width: int, colorspace: int) -> None:
        self.masks = masks
        self.display_width = max(int(display_width), 1)
        self.kr, self.kb = _KRB.get(colorspace, _KRB[6])

    def __bool__(self) -> bool:
        return bool(self.masks)

    def apply(self, frame: Any, t: float) -> Any:
        """The yuv420p frame shown at t, with its masks burned in (a new frame, so a buffer
        the decoder still refers to is never written); the same frame when none shows."""
        import av

        boxes = boxes_at(self.masks, t)
        if not boxes:
            return frame
        w, h = frame.width, frame.height
        arr = frame.to_ndarray()  # (3h/2, w): Y, then U and V at quarter size
        y = arr[:h]
        u = arr[h : h + h // 4].reshape(h // 2, w // 2)
        v = arr[h + h // 4 :].reshape(h // 2, w // 2)
        scale = w / self.display_width
        even = [(ann, _even(box, w, h)) for ann, box in scaled_boxes(boxes, (w, h), scale)]
        for ann, box in even:
            if ann["style"] == "pixelate":
                self._pixelate(y, u, v, ann, box, [b for _, b in even], scale)
            else:
                self._solid(y, u, v, box, ann["color"])
        return av.VideoFrame.from_ndarray(arr, format="yuv420p")

    def _solid(
        self, y: np.ndarray, u: np.ndarray, v: np.ndarray, box: redact.Box, color: str
    ) -> None:
        x0, y0, x1, y1 = box
        r, g, b, _ = parse_color(color)
        yy, uu, vv = self._to_yuv(np.array([[[r, g, b]]], np.float64))
        y[y0:y1, x0:x1] = yy[0, 0]
        u[y0 // 2 : y1 // 2, x0 // 2 : x1 // 2] = uu[0, 0]
        v[y0 // 2 : y1 // 2, x0 // 2 : x1 // 2] = vv[0, 0]

    def _pixelate(
        self,
        y: np.ndarray,
        u: np.ndarray,
        v: np.ndarray,
        ann: Mask,
        box: redact.Box,
        every: list[redact.Box],
        scale: float,
    ) -> None:
        h, w = y.shape
        bw, bh = ann["rect"][2], ann["rect"][3]
        margin = int(redact.block_size(bw, bh) * scale) + fringe_gap(scale) + 4
        x0, y0, x1, y1 = box
        # the region: the box and its ring, on even coordinates like the box itself
        rx0, ry0 = max(0, x0 - margin) // 2 * 2, max(0, y0 - margin) // 2 * 2
        rx1, ry1 = min(w, x1 + margin + 1) // 2 * 2, min(h, y1 + margin + 1) // 2 * 2
        rgb = self._to_rgb(
            y[ry0:ry1, rx0:rx1], u[ry0 // 2 : ry1 // 2, rx0 // 2 : rx1 // 2],
            v[ry0 // 2 : ry1 // 2, rx0 // 2 : rx1 // 2],
        )  # fmt: skip
        local = [(b[0] - rx0, b[1] - ry0, b[2] - rx0, b[3] - ry0) for b in every]
        hidden = redact.union_mask(rgb.shape[:2], local, fringe_gap(scale))
        own = (x0 - rx0, y0 - ry0, x1 - rx0, y1 - ry0)
        pixelate_box(rgb, ann, own, hidden, scale)
        patch = rgb[own[1] : own[3], own[0] : own[2]].astype(np.float64)
        yy, uu, vv = self._to_yuv(patch)
        y[y0:y1, x0:x1] = yy
        ph, pw = patch.shape[:2]
        quarter = (ph // 2, 2, pw // 2, 2)
        u[y0 // 2 : y1 // 2, x0 // 2 : x1 // 2] = uu.reshape(quarter).mean(axis=(1, 3)).round()
        v[y0 // 2 : y1 // 2, x0 // 2 : x1 // 2] = vv.reshape(quarter).mean(axis=(1, 3)).round()

    def _to_rgb(self, y: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        """Limited-range YUV (chroma at half size) to full-range RGB, in this clip's matrix."""
        kr, kb = self.kr, self.kb
        luma = (y.astype(np.float64) - 16) / 219
        cb = np.repeat(np.repeat((u.astype(np.float64) - 128) / 224, 2, 0), 2, 1)
        cr = np.repeat(np.repeat((v.astype(np.float64) - 128) / 224, 2, 0), 2, 1)
        r = luma + 2 * (1 - kr) * cr
        b = luma + 2 * (1 - kb) * cb
        g = (luma - kr * r - kb * b) / (1 - kr - kb)
        return (np.stack([r, g, b], axis=-1) * 255).clip(0, 255).round().astype(np.uint8)

    def _to_yuv(self, rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Full-range RGB to limited-range Y, U, V at full size (uint8-ready floats)."""
        kr, kb = self.kr, self.kb
        r, g, b = (rgb[..., i] / 255 for i in range(3))
        luma = kr * r + (1 - kr - kb) * g + kb * b
        cb = (b - luma) / (2 * (1 - kb))
        cr = (r - luma) / (2 * (1 - kr))
        return (
            (16 + 219 * luma).round().clip(16, 235),
            (128 + 224 * cb).round().clip(16, 240),
            (128 + 224 * cr).round().clip(16, 240),
        )


def _even(box: redact.Box, w: int, h: int) -> redact.Box:
    """The box grown to even edges (whole chroma samples), inside the frame."""
    x0, y0, x1, y1 = box
    return x0 // 2 * 2, y0 // 2 * 2, min(w, (x1 + 1) // 2 * 2), min(h, (y1 + 1) // 2 * 2)
