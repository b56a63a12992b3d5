"""Redaction cannot be undone: the pixels under a box never reach the rendered output."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from evidence_kit.media.image.render import render_image, render_item, save_clean
from tests.factories.render import case_with, noise

STYLES = ["solid", "pixelate"]


def _scene(w: int, h: int, box: tuple[int, int, int, int], secret: np.ndarray) -> Image.Image:
    """A picture with smooth surroundings and `secret` pasted where the box will go."""
    yy, xx = np.mgrid[0:h, 0:w]
    arr = np.stack([xx * 255 // max(1, w - 1), yy * 255 // max(1, h - 1), (xx + yy) % 256], axis=2)
    arr = arr.astype(np.uint8)
    x, y, bw, bh = box
    arr[y : y + bh, x : x + bw] = secret
    return Image.fromarray(arr)


def _inside(img: Image.Image, box: tuple[int, int, int, int], scale: float = 1.0) -> np.ndarray:
    x, y, w, h = (int(round(v * scale)) for v in box)
    return np.asarray(img)[y : y + h, x : x + w].astype(float)


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a.ravel() - a.mean(), b.ravel() - b.mean()
    denom = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return 0.0 if denom == 0 else float((a * b).sum() / denom)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("size", [(320, 240), (24, 18)])  # normal and very low resolution
def test_output_under_the_box_does_not_depend_on_what_was_there(
    style: str, size: tuple[int, int]
) -> None:
    w, h = size
    box = (w // 4, h // 4, w // 2, h // 2)
    ann = {"type": "redact", "rect": list(box), "style": style}
    secret_a = noise(box[2], box[3], seed=1)
    secret_b = 255 - secret_a  # the exact opposite pattern
    out_a = render_image(_scene(w, h, box, secret_a), [ann])
    out_b = render_image(_scene(w, h, box, secret_b), [ann])
    # identical output for opposite secrets: the secret is not an input at all
    assert np.array_equal(np.asarray(out_a), np.asarray(out_b))
    inside = _inside(out_a, box)
    assert abs(_correlation(inside, secret_a.astype(float))) < 0.1
    assert not np.array_equal(inside, secret_a.astype(float))


@pytest.mark.parametrize("style", STYLES)
def test_high_contrast_text_like_pattern_is_gone(tmp_path: Path, style: str) -> None:
    # stripes like printed text, redacted in a real case, rendered through a PNG file
    w, h, box = 200, 120, (40, 30, 120, 60)
    stripes = np.zeros((box[3], box[2], 3), np.uint8)
    stripes[::4] = 255
    src = tmp_path / "label.png"
    _scene(w, h, box, stripes).save(src)
    store, item = case_with(tmp_path, src)
    item.annotations = [{"type": "redact", "rect": list(box), "style": style}]
    out = save_clean(render_item(store, item), tmp_path / "out.png")
    inside = _inside(Image.open(out).convert("RGB"), box)
    # no row-to-row stripe rhythm survives: every pixel row carries the same mean
    row_means = inside.mean(axis=(1, 2))
    stripe_rows = row_means[::4].mean() - np.delete(row_means, np.s_[::4]).mean()
    assert abs(stripe_rows) < 8
    assert abs(_correlation(inside, stripes.astype(float))) < 0.1


@pytest.mark.parametrize("style", STYLES)
def test_preview_scale_is_just_as_safe(style: str) -> None:
    w, h, box = 400, 300, (100, 80, 200, 120)
    ann = {"type": "redact", "rect": list(box), "style": style}
    a = _scene(w, h, box, noise(box[2], box[3], 3)).resize((100, 75))
    b = _scene(w, h, box, noise(box[2], box[3], 4)).resize((100, 75))
    out_a = _inside(render_image(a, [ann], scale=0.25), box, 0.25)
    out_b = _inside(render_image(b, [ann], scale=0.25), box, 0.25)
    assert np.array_equal(out_a, out_b)


def test_solid_is_opaque_even_with_a_translucent_colour() -> None:
    box = (10, 10, 20, 20)
    ann = {"type": "redact", "rect": list(box), "style": "solid", "color": "#ff000010"}
    inside = _inside(render_image(_scene(50, 50, box, noise(20, 20, 5)), [ann]), box)
    assert (inside == (255, 0, 0)).all()


def test_pixelate_is_made_from_the_surroundings() -> None:
    # the fill follows what is around the box (so it looks natural) and shows a block grid
    box = (20, 20, 60, 40)
    ann = {"type": "redact", "rect": list(box), "style": "pixelate"}
    red = Image.new("RGB", (100, 80), (200, 30, 30))
    blue = Image.new("RGB", (100, 80), (30, 30, 200))
    in_red = _inside(render_image(red, [ann]), box)
    in_blue = _inside(render_image(blue, [ann]), box)
    assert in_red[..., 0].mean() > 150 and in_blue[..., 2].mean() > 150
    assert len(np.unique(in_red.reshape(-1, 3), axis=0)) > 4  # cells, not one flat colour


def test_pixelate_never_samples_a_neighbouring_redaction() -> None:
    # a solid box hides a secret right next to a pixelate box: the pixelate fringe would
    # cross it, but changing that secret must not change the pixelated cells
    pix = (40, 20, 40, 40)
    solid = (20, 20, 20, 40)
    anns = [
        {"type": "redact", "rect": list(pix), "style": "pixelate"},
        {"type": "redact", "rect": list(solid), "style": "solid"},
    ]
    outs = []
    for seed in (7, 8):
        img = _scene(120, 80, pix, noise(40, 40, 0))
        arr = np.array(img)
        arr[20:60, 20:40] = noise(20, 40, seed)
        outs.append(np.asarray(render_image(Image.fromarray(arr), anns)))
    assert np.array_equal(outs[0], outs[1])


@pytest.mark.parametrize("style", STYLES)
def test_box_covering_the_whole_image(style: str) -> None:
    ann = {"type": "redact", "rect": [-5, -5, 100, 100], "style": style}
    a = render_image(Image.fromarray(noise(30, 20, 1)), [ann])
    b = render_image(Image.fromarray(noise(30, 20, 2)), [ann])
    assert np.array_equal(np.asarray(a), np.asarray(b))


def test_rendering_is_reproducible() -> None:
    box = (10, 10, 40, 30)
    ann = {"type": "redact", "rect": list(box), "style": "pixelate"}
    img = _scene(80, 60, box, noise(40, 30, 9))
    assert np.array_equal(
        np.asarray(render_image(img, [ann])), np.asarray(render_image(img, [ann]))
    )
