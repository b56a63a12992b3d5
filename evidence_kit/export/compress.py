"""Fit an image under a byte budget with the least loss, and strip metadata losslessly.

Quality is searched first (on a quarter-size proxy, so a 12 MP photo costs two or three
full encodes instead of six); the picture is scaled down only when even the lowest
sensible quality is too big. Encodes never carry EXIF, XMP, GPS or maker notes.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Any

from evidence_kit.core.tasks import CancelToken

Q_MAX = 92  # above this JPEG grows fast for no visible gain
Q_MIN = 55  # below this blocks show; scale down instead
MIN_SIDE = 800  # smaller than this a mediator cannot read a label
_PROXY_PIXELS = 2_000_000


@dataclass
class Fitted:
    """The encoded bytes and how they were made."""

    data: bytes
    fmt: str  # "jpeg" | "png"
    quality: int | None
    width: int
    height: int
    scaled: bool


def flatten(img: Any) -> Any:
    """RGB on white: JPEG has no alpha, and a transparent screenshot must stay readable."""
    from PIL import Image

    if img.mode == "RGB":
        return img
    if "A" in img.getbands():
        base = Image.new("RGB", img.size, (255, 255, 255))
        base.paste(img, mask=img.getchannel("A"))
        return base
    return img.convert("RGB")


def encode_jpeg(img: Any, quality: int) -> bytes:
    """Baseline JPEG without any metadata block."""
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, optimize=False)
    return buf.getvalue()


def encode_png(img: Any) -> bytes:
    """PNG without text, time or EXIF chunks."""
    buf = io.BytesIO()
    img.save(buf, "PNG", compress_level=6)
    return buf.getvalue()


def _search_quality(img: Any, top: int, budget: int, cancel: CancelToken | None) -> int | None:
    """Highest quality in [Q_MIN, Q_MAX) predicted to fit, from a proxy when the image is big."""
    proxy, ratio = img, 1.0
    if img.width * img.height > _PROXY_PIXELS:
        proxy = img.reduce(2)
        ratio = top / max(len(encode_jpeg(proxy, Q_MAX)), 1)  # top: img's size at Q_MAX
    lo, hi, best = Q_MIN, Q_MAX - 1, None
    while lo <= hi:
        if cancel is not None:
            cancel.check()
        mid = (lo + hi) // 2
        if len(encode_jpeg(proxy, mid)) * ratio <= budget * 0.97:
            best, lo = mid, mid + 1
        else:
            hi = mid - 1
    return best


def _fit_at_size(img: Any, max_bytes: int, cancel: CancelToken | None) -> tuple[bytes, int] | None:
    data = encode_jpeg(img, Q_MAX)
    if len(data) <= max_bytes:
        return data, Q_MAX
    if cancel is not None:
        cancel.check()
    quality = _search_quality(img, len(data), max_bytes, cancel)
    if quality is None:
        quality = Q_MIN
    while True:
        if cancel is not None:
            cancel.check()
        data = encode_jpeg(img, quality)
        if len(data) <= max_bytes:
            return data, quality
        if quality <= Q_MIN:
            return None
        quality = max(Q_MIN, quality - 4)


def fit_jpeg(img: Any, max_bytes: int | None, cancel: CancelToken | None = None) -> Fitted | None:
    """Encode as JPEG within max_bytes (None: no limit). None if it cannot fit at MIN_SIDE."""
    from PIL import Image

    img = flatten(img)
    if max_bytes is None:
        data = encode_jpeg(img, Q_MAX)
        return Fitted(data, "jpeg", Q_MAX, img.width, img.height, False)
    found = _fit_at_size(img, max_bytes, cancel)
    if found:
        return Fitted(found[0], "jpeg", found[1], img.width, img.height, False)
    # too big even at Q_MIN: shrink, estimating the scale from bytes ~ pixels
    smallest = len(encode_jpeg(img, Q_MIN))
    scale = min(0.9, math.sqrt(max_bytes / smallest) * 0.95)
    while True:
        if cancel is not None:
            cancel.check()
        size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
        if max(size) < MIN_SIDE:
            return None
        small = img.resize(size, Image.Resampling.LANCZOS)
        found = _fit_at_size(small, max_bytes, cancel)
        if found:
            return Fitted(found[0], "jpeg", found[1], small.width, small.height, True)
        scale *= 0.85


def strip_jpeg_metadata(data: bytes) -> bytes | None:
    """Drop APP1..APP15 (EXIF, XMP, GPS, maker notes, IPTC) and comments, keeping the
    pixels byte for byte. The ICC profile (APP2) and Adobe marker (APP14) stay because they
    change how colours are read. None when the data is not a well-formed JPEG.
    """
    if not data.startswith(b"\xff\xd8"):
        return None
    out = bytearray(b"\xff\xd8")
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xDA:  # start of scan: the rest is entropy-coded data
            out += data[pos:]
            return bytes(out)
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        segment = data[pos : pos + 2 + length]
        if len(segment) < 2 + length:
            return None
        keep = True
        if 0xE1 <= marker <= 0xEF:
            keep = (marker == 0xE2 and segment[4:16] == b"ICC_PROFILE\x00") or marker == 0xEE
        elif marker == 0xFE:
            keep = False
        if keep:
            out += segment
        pos += 2 + length
    return None
