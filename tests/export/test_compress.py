"""fit_jpeg and strip_jpeg_metadata: budgets, least loss, lossless metadata removal."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from evidence_kit.export import compress


def _noise(w: int, h: int, seed: int = 1) -> Image.Image:
    rng = np.random.default_rng(seed)
    return Image.fromarray(rng.integers(0, 255, (h, w, 3), dtype=np.uint8))


def test_small_image_keeps_top_quality() -> None:
    img = Image.new("RGB", (800, 600), "#446688")
    fitted = compress.fit_jpeg(img, 2_000_000)
    assert fitted is not None and fitted.quality == compress.Q_MAX and not fitted.scaled


def test_budget_met_by_quality_alone_when_possible() -> None:
    img = _noise(1200, 900)
    top = len(compress.encode_jpeg(img, compress.Q_MAX))
    low = len(compress.encode_jpeg(img, compress.Q_MIN))
    budget = (top + low) // 2
    fitted = compress.fit_jpeg(img, budget)
    assert fitted is not None and not fitted.scaled
    assert len(fitted.data) <= budget
    assert compress.Q_MIN <= fitted.quality < compress.Q_MAX
    # least loss: a clearly higher quality would not have fitted
    assert len(compress.encode_jpeg(img, min(fitted.quality + 8, compress.Q_MAX))) > budget


def test_scales_only_below_the_lowest_quality() -> None:
    img = _noise(2000, 1500)
    low = len(compress.encode_jpeg(img, compress.Q_MIN))
    fitted = compress.fit_jpeg(img, low // 3)
    assert fitted is not None and fitted.scaled
    assert len(fitted.data) <= low // 3
    assert max(fitted.width, fitted.height) >= compress.MIN_SIDE


def test_impossible_budget_gives_none() -> None:
    assert compress.fit_jpeg(_noise(1000, 800), 5_000) is None


def test_rgba_is_flattened_on_white() -> None:
    img = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    fitted = compress.fit_jpeg(img, None)
    assert fitted is not None
    with Image.open(io.BytesIO(fitted.data)) as out:
        assert out.getpixel((50, 50))[0] > 240


def test_strip_keeps_pixels_and_icc_drops_exif_and_comments() -> None:
    img = _noise(64, 48)
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    exif.get_ifd(0x8825)[1] = "N"
    buf = io.BytesIO()
    icc = b"\0" * 128  # any bytes: only its survival is checked
    img.save(buf, "JPEG", exif=exif, icc_profile=icc, comment=b"my address", quality=90)
    raw = buf.getvalue()
    clean = compress.strip_jpeg_metadata(raw)
    assert clean is not None
    assert b"SecretCam" not in clean and b"my address" not in clean
    with Image.open(io.BytesIO(clean)) as a, Image.open(io.BytesIO(raw)) as b:
        assert not a.getexif()
        assert a.info.get("icc_profile") == icc
        assert np.array_equal(np.asarray(a), np.asarray(b))


@pytest.mark.parametrize("data", [b"", b"not a jpeg", b"\xff\xd8\xff\xe1\x00\xff"])
def test_strip_refuses_broken_data(data: bytes) -> None:
    assert compress.strip_jpeg_metadata(data) is None
