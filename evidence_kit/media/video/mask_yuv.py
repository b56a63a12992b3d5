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
from evidence_kit.media.image.render import fringe_gap, pixelate_grid, scaled_boxes
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
        boxes = boxes_at(self.masks, t)
        if not boxes:
            return frame
        w, h = frame.width, frame.height
        out, (y, u, v) = _copy(frame)
        scale = w / self.display_width
        even = [(ann, _even(box, w, h)) for ann, box in scaled_boxes(boxes, (w, h), scale)]
        for ann, box in even:
            if ann["style"] == "pixelate":
                self._pixelate(y, u, v, ann, box, [b for _, b in even], scale)
            else:
                self._solid(y, u, v, box, ann["color"])
        return out

    def _solid(
        self, y: np.ndarray, u: np.ndarray, v: np.ndarray, box: redact.Box, color: str
    ) -> None:
        x0, y0, x1, y1 = box
        r, g, b, _ = parse_color(color)
        yy, uu, vv = self._to_yuv(np.array([[[r, g, b]]], np.float32))
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
        # the ring pixel_grid samples (half a cell and the gap), and a little more
        cell = max(1.0, redact.block_size(bw, bh) * scale)
        margin = max(2, int(round(cell / 2))) + fringe_gap(scale) + 3
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
        grid, rows, cols = pixelate_grid(rgb, ann, own, hidden, scale)
        # the few cells to YUV, then spread over the box; chroma is each 2 x 2 pixels' mean
        gy, gu, gv = self._to_yuv(grid)
        y[y0:y1, x0:x1] = gy[rows][:, cols]
        for plane, cells in ((u, gu), (v, gv)):
            full = cells.astype(np.float32)[rows][:, cols]
            four = full[0::2, 0::2] + full[1::2, 0::2] + full[0::2, 1::2] + full[1::2, 1::2]
            plane[y0 // 2 : y1 // 2, x0 // 2 : x1 // 2] = np.rint(four * np.float32(0.25))

    def _to_rgb(self, y: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        """Limited-range YUV (chroma at half size) to full-range RGB, in this clip's matrix
        (float32: a box is converted on every frame it shows in)."""
        kr, kb = self.kr, self.kb
        luma = (y.astype(np.float32) - 16) * np.float32(255 / 219)
        cb = (u.astype(np.float32) - 128) * np.float32(255 / 224)
        cr = (v.astype(np.float32) - 128) * np.float32(255 / 224)
        # r and b from the chroma at its own size, then spread over its 2 x 2 pixels
        rc = np.float32(2 * (1 - kr)) * cr
        bc = np.float32(2 * (1 - kb)) * cb
        gc = (np.float32(kr) * rc + np.float32(kb) * bc) / np.float32(1 - kr - kb)
        rgb = np.empty((*luma.shape, 3), np.float32)
        for i, c in enumerate((rc, -gc, bc)):
            rgb[..., i] = luma + np.repeat(np.repeat(c, 2, 0), 2, 1)
        return np.rint(rgb, out=rgb).clip(0, 255).astype(np.uint8)

    def _to_yuv(self, rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Full-range RGB to limited-range Y, U, V at full size (uint8-ready floats)."""
        kr, kb = np.float32(self.kr), np.float32(self.kb)
        f = rgb.astype(np.float32) * np.float32(1 / 255)
        r, g, b = f[..., 0], f[..., 1], f[..., 2]
        luma = kr * r + (1 - kr - kb) * g + kb * b
        cb = (b - luma) * np.float32(224 / (2 * (1 - self.kb)))
        cr = (r - luma) * np.float32(224 / (2 * (1 - self.kr)))
        return (
            np.rint(16 + 219 * luma).clip(16, 235),
            np.rint(128 + cb).clip(16, 240),
            np.rint(128 + cr).clip(16, 240),
        )


def _copy(frame: Any) -> tuple[Any, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """A new yuv420p frame holding the picture, and its Y, U, V planes as writable arrays
    (copied plane by plane: a whole-frame to_ndarray/from_ndarray costs twice as much)."""
    import av

    out = av.VideoFrame(frame.width, frame.height, "yuv420p")
    views = []
    for src, dst in zip(frame.planes, out.planes, strict=True):
        s = np.frombuffer(memoryview(src), np.uint8).reshape(src.height, src.line_size)
        d = np.frombuffer(memoryview(dst), np.uint8).reshape(dst.height, dst.line_size)
        d = d[:, : dst.width]
        d[:] = s[:, : dst.width]
        views.append(d)
    return out, (views[0], views[1], views[2])


def _even(box: redact.Box, w: int, h: int) -> redact.Box:
    """The box grown to even edges (whole chroma samples), inside the frame."""
    x0, y0, x1, y1 = box
    return x0 // 2 * 2, y0 // 2 * 2, min(w, (x1 + 1) // 2 * 2), min(h, (y1 + 1) // 2 * 2)
