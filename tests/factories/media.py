"""Test media made on the fly: photos with EXIF, short videos, PDFs, broken files.

Nothing large is committed; every test builds what it needs in tmp_path.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw


def make_photo(
    path: Path,
    size: tuple[int, int] = (640, 480),
    fmt: str | None = None,
    orientation: int | None = None,
    camera: bool = True,
    when: str = "2026:11:20 14:01:02",
    mode: str = "RGB",
    seed: int = 0,
) -> Path:
    """A photo with a distinct pattern (seed), EXIF camera/time and optional orientation."""
    rng = np.random.default_rng(seed)
    arr = rng.integers(0, 255, (size[1] // 8, size[0] // 8, 3), dtype=np.uint8)
    img = Image.fromarray(arr).resize(size, Image.Resampling.NEAREST)
    ImageDraw.Draw(img).rectangle([0, 0, size[0] // 4, size[1] // 4], fill="red")  # marks top-left
    if mode != "RGB":
        img = img.convert(mode)
    exif = Image.Exif()
    if camera:
        exif[0x010F] = "TestCam"
        exif[0x0110] = "Model 1"
        exif.get_ifd(0x8769)[0x9003] = when
    if orientation:
        exif[0x0112] = orientation
    fmt = fmt or {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF", ".tif": "TIFF", ".tiff": "TIFF"}.get(path.suffix.lower(), "JPEG")  # fmt: skip
    kwargs: dict[str, object] = {}
    if fmt in ("JPEG", "PNG", "WEBP", "TIFF") and (camera or orientation):
        kwargs["exif"] = exif
    if fmt == "GIF":
        img = img.convert("P")
    img.save(path, fmt, **kwargs)
    return path


def make_heic(path: Path, size: tuple[int, int] = (320, 240), seed: int = 1) -> Path:
    """An HEIC photo (pillow-heif) with camera EXIF."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    rng = np.random.default_rng(seed)
    img = Image.fromarray(rng.integers(0, 255, (size[1], size[0], 3), dtype=np.uint8))
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone"
    exif.get_ifd(0x8769)[0x9003] = "2026:11:19 10:00:00"
    img.save(path, format="HEIF", exif=exif.tobytes())
    return path


def make_video(
    path: Path,
    seconds: float = 2.0,
    fps: int = 25,
    size: tuple[int, int] = (320, 240),
    codec: str = "libx264",
    audio: bool = False,
    creation_time: str | None = "2026-11-20T14:03:27.000000Z",
    container_format: str | None = None,
    gop: int | None = None,
) -> Path:
    """A short video whose frames differ (grey level = frame number) with optional audio."""
    opts = {"g": str(gop)} if gop else {}
    with av.open(str(path), "w", format=container_format) as out:
        if creation_time:
            out.metadata["creation_time"] = creation_time
        vs = out.add_stream(codec, rate=fps, options=opts)
        vs.width, vs.height = size
        vs.pix_fmt = "yuv420p"
        astream = out.add_stream("aac", rate=44100, layout="mono") if audio else None
        n_frames = int(round(seconds * fps))
        for n in range(n_frames):
            arr = np.full((size[1], size[0], 3), (n * 7) % 256, dtype=np.uint8)
            arr[: size[1] // 4, : size[0] // 4] = (255, 0, 0)  # marks top-left
            mux_rgb(out, vs, arr, n, Fraction(1, fps))
        flush(out, vs)
        if astream is not None:
            mux_tone(out, astream, seconds, 44100)
    return path


def mux_tone(
    out: av.container.OutputContainer, stream: av.audio.AudioStream, seconds: float, rate: int
) -> None:
    """Encode and mux a 440 Hz mono tone of `seconds` into an open output container."""
    total = int(seconds * rate)
    for start in range(0, total, 1024):
        count = min(1024, total - start)
        t = np.arange(start, start + count) / rate
        wave = (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32).reshape(1, -1)
        af = av.AudioFrame.from_ndarray(wave, format="fltp", layout="mono")
        af.sample_rate = rate
        af.pts = start
        for pkt in stream.encode(af):
            out.mux(pkt)
    flush(out, stream)


def mux_rgb(
    out: av.container.OutputContainer,
    stream: av.video.VideoStream,
    rgb: np.ndarray,
    pts: int,
    time_base: Fraction,
) -> None:
    """Encode one RGB picture at `pts` (in `time_base` units) and mux its packets."""
    frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
    frame.pts = pts
    frame.time_base = time_base
    for pkt in stream.encode(frame):
        out.mux(pkt)


def flush(out: av.container.OutputContainer, stream: av.stream.Stream) -> None:
    """Drain the encoder's delayed packets into the container."""
    for pkt in stream.encode():
        out.mux(pkt)


def make_pdf(path: Path, text: str = "Order receipt") -> Path:
    """A small real PDF (ReportLab)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.drawString(72, 720, text)
    c.save()
    return path


def truncate(src: Path, dst: Path, keep: float = 0.5, from_end: bool = True) -> Path:
    """Copy the first `keep` fraction of a file (cutting an MP4's trailing index)."""
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * keep)])
    return dst


def make_bomb_png(path: Path, width: int = 100_000, height: int = 100_000) -> Path:
    """A tiny PNG whose header claims absurd dimensions."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    return path
