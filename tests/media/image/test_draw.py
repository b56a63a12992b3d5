"""Each kind of mark lands where its coordinates say, in its colour."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from evidence_kit.media.image.render import render_image


def test_every_shape_draws_where_it_says(tmp_path: Path) -> None:
    base = Image.new("RGB", (200, 160), "white")
    red = (229, 57, 53)
    cases = [
        ({"type": "arrow", "points": [[10, 80], [190, 80]], "width": 6}, (100, 80), red),
        ({"type": "line", "points": [[100, 10], [100, 150]], "width": 6}, (100, 40), red),
        ({"type": "rect", "rect": [20, 20, 100, 100], "width": 6}, (20, 70), red),
        ({"type": "ellipse", "rect": [20, 20, 100, 100], "width": 6}, (70, 20), red),
        ({"type": "marker", "at": [100, 80], "number": 1}, (100 - 20, 80), red),
        ({"type": "text", "at": [10, 10], "text": "x", "box": "#000000"}, (12, 12), (0, 0, 0)),
    ]
    for ann, (x, y), colour in cases:
        px = np.asarray(render_image(base, [ann]))[y, x]
        assert np.abs(px.astype(int) - colour).max() <= 3, (ann["type"], px)
        assert (np.asarray(render_image(base, [ann]))[155, 5] == 255).all()


def test_highlighter_is_translucent(tmp_path: Path) -> None:
    base = Image.new("RGB", (100, 60), (255, 255, 255))
    base.paste((0, 0, 0), (0, 0, 50, 60))
    ann = {"type": "pen", "points": [[5, 30], [95, 30]], "highlight": True}
    out = np.asarray(render_image(base, [ann]))
    assert out[30, 20].max() < 140  # black shows through
    assert out[30, 70, 2] < 200 and out[30, 70, 0] > 240  # white turns yellow
