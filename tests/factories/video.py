"""Test videos that carry their own frame number as a barcode, plus an orientation marker.

Each frame n shows a 12-bit barcode of n in the middle band and a red block in the top-left
corner, so a decoded (upright) frame tells both which frame it is and which way it faces.
The factory returns the true presentation times it wrote: the tests' ground truth.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from tests.factories.media import flush, mux_rgb, mux_tone

BITS = 12
W, H = 320, 192  # multiples of 16 so every codec keeps the exact size
CELL = W // (BITS + 4)  # 20 px cells, with a two-cell quiet zone each side
BAND_Y = H // 2 - CELL // 2


@dataclass
class BarcodeVideo:
    """A generated video and the presentation time (s, from the first frame) of each frame."""

    path: Path
    pts: list[float]
    rotation: int = 0  # the `rotate` tag written (ffmpeg 5.1 meaning), 0 if none

    def expected_index(self, t: float) -> int:
        """The frame on screen at t: the last frame whose pts <= t.

        Times are compared at half-millisecond tolerance (DESIGN: a time printed in ms must
        map back to its frame).
        """
        best = 0
        for n, p in enumerate(self.pts):
            if p <= t + 0.0005:
                best = n
        return best


def draw_frame(n: int, size: tuple[int, int] = (W, H)) -> np.ndarray:
    """RGB frame n: grey texture, red top-left marker, barcode of n across the middle."""
    w, h = size
    rng = np.random.default_rng(n)
    arr = np.full((h, w, 3), 110, dtype=np.uint8)
    # a little moving texture so encoders make real P/B frames, kept away from the code
    arr[h - 24 :, :, :] = rng.integers(60, 160, (24, w, 1), dtype=np.uint8)
    arr[: h // 5, : w // 5] = (230, 20, 20)
    cell = w // (BITS + 4)
    y0 = h // 2 - cell // 2
    arr[y0 - 4 : y0 + cell + 4, :, :] = 128
    for bit in range(BITS):
        on = (n >> (BITS - 1 - bit)) & 1
        x0 = (bit + 2) * cell
        arr[y0 : y0 + cell, x0 : x0 + cell] = 250 if on else 5
    return arr


def read_frame_number(rgb: np.ndarray) -> int:
    """Decode the barcode of an upright frame (inverse of draw_frame)."""
    h, w = rgb.shape[:2]
    cell = w // (BITS + 4)
    y0 = h // 2 - cell // 2
    grey = rgb.astype(np.float32).mean(axis=2)
    value = 0
    for bit in range(BITS):
        x0 = (bit + 2) * cell
        block = grey[y0 + 4 : y0 + cell - 4, x0 + 4 : x0 + cell - 4]
        value = (value << 1) | int(block.mean() > 128)
    return value


def marker_corner(rgb: np.ndarray) -> str:
    """Which corner holds the red marker: 'tl', 'tr', 'bl' or 'br'."""
    h, w = rgb.shape[:2]
    red = rgb[:, :, 0].astype(np.int32) - rgb[:, :, 1].astype(np.int32)
    quads = {
        "tl": red[: h // 6, : w // 6].mean(),
        "tr": red[: h // 6, -w // 6 :].mean(),
        "bl": red[-h // 6 :, : w // 6].mean(),
        "br": red[-h // 6 :, -w // 6 :].mean(),
    }
    return max(quads, key=lambda k: quads[k])


def unrotate(rgb: np.ndarray, corner: str) -> np.ndarray:
    """Turn an upright frame back so the marker is top-left (to read the barcode)."""
    k = {"tl": 0, "bl": -1, "br": 2, "tr": 1}[corner]  # np.rot90 turns counter-clockwise
    return np.ascontiguousarray(np.rot90(rgb, k))


def vfr_times(count: int) -> list[float]:
    """Phone-like variable rate: 30 fps, then 10 fps, then 30 fps again (in ms steps)."""
    times, t = [], 0.0
    for n in range(count):
        times.append(round(t, 3))
        t += 0.1 if count // 3 <= n < 2 * count // 3 else 1 / 30
    return times


def make_barcode_video(
    path: Path,
    frames: int = 60,
    fps: int = 30,
    codec: str = "libx264",
    vfr: bool = False,
    audio: bool = False,
    creation_time: str | None = None,
    gop: int | None = 15,
    options: dict[str, str] | None = None,
    size: tuple[int, int] = (W, H),
    times: list[float] | None = None,
    pix_fmt: str = "yuv420p",
    audio_codec: str = "aac",
    container_options: dict[str, str] | None = None,
) -> BarcodeVideo:
    """Encode barcode frames at `times` (default: `frames` frames, VFR uses vfr_times, CFR
    uses n / fps)."""
    if times is None:
        times = vfr_times(frames) if vfr else [n / fps for n in range(frames)]
    opts = dict(options or {})
    if gop:
        opts.setdefault("g", str(gop))
    off_grid = any(abs(round(t * fps) - t * fps) > 1e-6 for t in times)
    tb = Fraction(1, 1000) if vfr or off_grid else Fraction(1, fps)
    with av.open(str(path), "w", options=container_options or {}) as out:
        if creation_time:
            out.metadata["creation_time"] = creation_time
        vs = out.add_stream(codec, rate=fps, options=opts)
        vs.width, vs.height = size
        vs.pix_fmt = pix_fmt
        vs.codec_context.time_base = tb
        astream = out.add_stream(audio_codec, rate=48000, layout="mono") if audio else None
        for n, t in enumerate(times):
            mux_rgb(out, vs, draw_frame(n, size), int(round(t / tb)), tb)
        flush(out, vs)
        if astream is not None:
            mux_tone(out, astream, times[-1] + 1 / fps, 48000)
    return BarcodeVideo(path, times)


def tag_rotation(src: BarcodeVideo, dst: Path, degrees: int) -> BarcodeVideo:
    """Stream-copy with a `rotate` tag (Debian ffmpeg 5.1 turns it into a display matrix)."""
    ffmpeg = shutil.which("ffmpeg")
    assert ffmpeg, "ffmpeg CLI is needed for rotation fixtures"
    subprocess.run(
        [ffmpeg, "-v", "error", "-y", "-i", str(src.path), "-map", "0", "-c", "copy",
         "-metadata:s:v:0", f"rotate={degrees}", str(dst)],
        check=True,
    )  # fmt: skip
    return BarcodeVideo(dst, src.pts, degrees)


def ffmpeg_first_frame(path: Path, out_png: Path) -> np.ndarray:
    """The first frame as the ffmpeg CLI shows it (autorotated): an independent oracle."""
    from PIL import Image

    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-i", str(path), "-frames:v", "1", str(out_png)],
        check=True,
    )
    return np.asarray(Image.open(out_png).convert("RGB"))


def make_blurry_video(path: Path, frames: int, sharp: int, fps: int = 30) -> BarcodeVideo:
    """Every frame blurred except frame `sharp` (for the sharpest-frame search)."""
    import cv2

    times = [n / fps for n in range(frames)]
    with av.open(str(path), "w") as out:
        vs = out.add_stream("libx264", rate=fps, options={"g": "10", "crf": "12"})
        vs.width, vs.height = W, H
        vs.pix_fmt = "yuv420p"
        for n in range(frames):
            arr = draw_frame(n)
            arr[H // 2 + 20 : H - 24] = np.random.default_rng(1000 + n).integers(
                0, 255, (H - 24 - H // 2 - 20, W, 1), dtype=np.uint8
            )
            if n != sharp:
                arr = cv2.GaussianBlur(arr, (0, 0), 2.5)
            mux_rgb(out, vs, arr, n, Fraction(1, fps))
        flush(out, vs)
    return BarcodeVideo(path, times)


def make_scene_video(path: Path, frames: int, cuts: list[int], fps: int = 30) -> BarcodeVideo:
    """Flat scenes whose colour jumps at the frame numbers in `cuts` (key moments)."""
    colours = [(40, 40, 40), (200, 180, 40), (30, 90, 220), (240, 240, 240), (120, 20, 120)]
    times = [n / fps for n in range(frames)]
    with av.open(str(path), "w") as out:
        vs = out.add_stream("libx264", rate=fps, options={"g": "30"})
        vs.width, vs.height = W, H
        vs.pix_fmt = "yuv420p"
        for n in range(frames):
            scene = sum(1 for c in cuts if n >= c)
            arr = np.zeros((H, W, 3), dtype=np.uint8)
            arr[:] = colours[scene % len(colours)]
            arr[:, (n * 2) % W] = 128  # a slow sweep: small changes that must not count
            mux_rgb(out, vs, arr, n, Fraction(1, fps))
        flush(out, vs)
    return BarcodeVideo(path, times)


def faststart(src: Path, dst: Path) -> Path:
    """Remux with the index at the front (so a truncated copy is still partly readable)."""
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-i", str(src), "-map", "0", "-c", "copy",
         "-movflags", "+faststart", str(dst)],
        check=True,
    )  # fmt: skip
    return dst
