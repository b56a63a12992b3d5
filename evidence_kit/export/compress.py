"""Fit an image under a byte budget with the least loss, and strip metadata losslessly.

Quality is searched first (on a quarter-size proxy, so a 12 MP photo costs two or three
full encodes instead of six); the picture is scaled down only when even the lowest
sensible quality is too big. Encodes never carry EXIF, XMP, GPS, maker notes or comments,
and a lossless strip keeps only the first picture of the file.
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


#: Pillow copies a source's comment (and a PNG's ICC profile) into what it saves unless
#: told otherwise; every encode here says "none" for each kind of metadata it could carry
NO_METADATA: dict[str, Any] = {"comment": b"", "exif": b"", "xmp": b"", "icc_profile": None}


def encode_jpeg(img: Any, quality: int) -> bytes:
    """Baseline JPEG without any metadata block (no EXIF, XMP, ICC or comment)."""
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, optimize=False, **NO_METADATA)
    return buf.getvalue()


def encode_png(img: Any) -> bytes:
    """PNG without text, time, ICC or EXIF chunks."""
    buf = io.BytesIO()
    img.save(buf, "PNG", compress_level=6, **NO_METADATA)
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
    """The first picture of a JPEG file, pixels byte for byte, without its metadata.

    Dropped: APP1..APP15 (EXIF, XMP, GPS, maker notes, IPTC, the MPF index), comments, a
    JFIF thumbnail, and everything after the picture's end (a phone's second image or
    motion-photo video, a ZIP glued on). Kept: the ICC profile (APP2, with the fields that
    name its device and maker cleared) and the Adobe marker (APP14), because they change how
    colours are read. None when the data is not a well-formed JPEG, so the caller re-encodes.
    """
    parts = _first_picture(data)
    return b"".join(parts[0]) if parts is not None else None


def picture_end(data: bytes) -> int | None:
    """Where the first picture of a JPEG file ends (past its EOI); None if malformed."""
    parts = _first_picture(data)
    return parts[1] if parts is not None else None


def _first_picture(data: bytes) -> tuple[list[bytes], int] | None:
    """The pieces of the first picture worth keeping, and where the picture ends."""
    if not data.startswith(b"\xff\xd8"):
        return None
    out = [b"\xff\xd8"]
    pos, size = 2, len(data)
    while pos + 2 <= size:
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD9:  # end of image: whatever follows is another file
            out.append(b"\xff\xd9")
            return out, pos + 2
        if pos + 4 > size:
            return None
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        segment = data[pos : pos + 2 + length]
        if length < 2 or len(segment) < 2 + length:
            return None
        if _keep_segment(marker, segment):
            out.append(_scrub_icc(segment) if marker == 0xE2 else segment)
        pos += 2 + length
        if marker == 0xDA:  # start of scan: entropy-coded data up to the next marker
            end = _scan_end(data, pos)
            if end is None:
                return None
            out.append(data[pos:end])
            pos = end
    return None


def _keep_segment(marker: int, segment: bytes) -> bool:
    if marker == 0xFE:  # comment
        return False
    if marker == 0xE0:  # JFIF: only the plain 16-byte header, never a thumbnail (JFXX)
        return segment[4:9] == b"JFIF\x00" and len(segment) == 18
    if 0xE1 <= marker <= 0xEF:
        return (marker == 0xE2 and segment[4:16] == b"ICC_PROFILE\x00") or marker == 0xEE
    return True


#: ICC header fields that name a device or a maker (ICC.1:2022 §7.2): CMM, manufacturer,
#: model, attributes, creator, profile id. Zero means "not given"; the colours stay as read.
_ICC_DEVICE_FIELDS = ((4, 8), (48, 56), (56, 64), (80, 84), (84, 100))


def _scrub_icc(segment: bytes) -> bytes:
    """The first ICC_PROFILE chunk with the device and maker fields of its header cleared
    (a phone's profile names its maker: 'APPL'); other chunks as they are."""
    start = 4 + 12 + 2  # marker, length, 'ICC_PROFILE\0', sequence number, count
    if len(segment) < start + 128 or segment[16] != 1:
        return segment
    data = bytearray(segment)
    for lo, hi in _ICC_DEVICE_FIELDS:
        data[start + lo : start + hi] = bytes(hi - lo)
    return bytes(data)


def _scan_end(data: bytes, pos: int) -> int | None:
    """Where a scan's entropy-coded data ends: the first marker that is not a stuffed zero
    or a restart marker. None if the file ends first."""
    while True:
        i = data.find(b"\xff", pos)
        if i < 0 or i + 1 >= len(data):
            return None
        follower = data[i + 1]
        if follower == 0x00 or 0xD0 <= follower <= 0xD7:
            pos = i + 2
        elif follower == 0xFF:  # fill bytes before a marker
            pos = i + 1
        else:
            return i
