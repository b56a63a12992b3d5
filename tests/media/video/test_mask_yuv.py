"""Masks burned into a clip's YUV frames: nothing under a box reaches the output, a
pixelated box is made from its surroundings only, and the source frame is never written."""

from __future__ import annotations

import av
import numpy as np
import pytest

from evidence_kit.media.video.mask_yuv import YuvMasker

W, H = 640, 360
BOX = [200, 100, 180, 120]


def frame_with(inside: int, seed: int = 1) -> tuple[av.VideoFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    arr = rng.integers(40, 200, (H * 3 // 2, W), dtype=np.uint8)
    x, y, w, h = BOX
    arr[y : y + h, x : x + w] = inside  # what the mask must hide (luma)
    return av.VideoFrame.from_ndarray(arr, format="yuv420p"), arr.copy()


@pytest.mark.parametrize("style", ["solid", "pixelate"])
def test_nothing_under_the_box_reaches_the_output(style: str) -> None:
    mask = {"type": "redact", "rect": BOX, "style": style, "color": "#000000", "from": 0.0, "to": 5.0}  # fmt: skip
    masker = YuvMasker([mask], W, 1)
    outs = []
    for inside in (16, 235):  # black or white under the box: the same masked picture
        frame, before = frame_with(inside)
        out = masker.apply(frame, 1.0)
        assert out is not frame
        assert np.array_equal(frame.to_ndarray(), before), "the source frame was written"
        outs.append(out.to_ndarray())
    assert np.array_equal(outs[0], outs[1])
    x, y, w, h = BOX
    luma = outs[0][y : y + h, x : x + w]
    if style == "solid":
        assert luma.max() == luma.min() == 16
    else:  # cells: far fewer distinct values than pixels, near the surroundings' level
        assert len(np.unique(luma)) < 80 and 60 < luma.mean() < 180
    outside = np.ones((H, W), bool)
    outside[y : y + h, x : x + w] = False
    assert np.array_equal(outs[0][:H][outside], frame_with(16)[1][:H][outside])
    assert masker.apply(frame_with(16)[0], 6.0).to_ndarray().tolist() == frame_with(16)[1].tolist()
