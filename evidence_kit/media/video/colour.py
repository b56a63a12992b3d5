"""How a video's pixels must be read to look as the phone showed them: the YCbCr matrix
and range it was coded with, and, for HDR (HLG, PQ) or BT.2020 video, a tone and gamut
mapping to SDR BT.709, the only kind every screen, PDF viewer and upload form shows right.

All of it runs in FFmpeg through PyAV's filter graph, in 32-bit float: libswscale does the
matrix and range exactly; the HDR part is `lut1d` (transfer curves, 64k points) around
`colorchannelmixer` (the primaries, in linear light). The FFmpeg inside the PyAV wheel has no
zscale, and swscale's own tone mapping (FFmpeg 8) puts SDR white at 203 cd/m², which shows
the 100 cd/m² white of SDR-made HDR video as light grey. A 3D LUT would do all in one step
but is off by 15+ code values at saturated colours (measured at 65³), so the curves stay 1D:

1. PQ: the SMPTE ST 2084 EOTF gives display light. HLG: the BT.2100 inverse OETF, then the
   reference OOTF (1000 cd/m² peak, system gamma 1.2) per channel, which is exact for
   neutral tones (zimg applies it to luminance; colours differ by a few code values).
2. 100 cd/m² is SDR white (zimg's and BT.2408's SDR-in-HDR level). Below 80 % of it the
   light is kept exactly; above, an extended-Reinhard shoulder rolls the highlights off so
   the mastering peak lands on white.
3. BT.2020 → BT.709 primaries in linear light, then BT.1886's inverse (gamma 2.4).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

# FFmpeg's AVColorSpace / AVColorTransferCharacteristic / AVColorPrimaries values
_MATRIX_NAMES = {1: "bt709", 4: "fcc", 5: "bt470bg", 6: "smpte170m", 7: "smpte240m",
                 9: "bt2020nc", 10: "bt2020c"}  # fmt: skip
_SWS_MATRIX = {"bt709": "bt709", "fcc": "fcc", "bt470bg": "bt601", "smpte170m": "bt601",
               "smpte240m": "smpte240m", "bt2020nc": "bt2020", "bt2020c": "bt2020"}  # fmt: skip
_TRC_NAMES = {1: "bt709", 4: "gamma22", 5: "gamma28", 6: "smpte170m", 7: "smpte240m",
              8: "linear", 13: "iec61966-2-1", 14: "bt2020-10", 15: "bt2020-12",
              16: "smpte2084", 18: "arib-std-b67"}  # fmt: skip
_PRIMARY_NAMES = {1: "bt709", 4: "bt470m", 5: "bt470bg", 6: "smpte170m", 7: "smpte240m",
                  9: "bt2020"}  # fmt: skip
HDR_TRC = {16: "pq", 18: "hlg"}
BT2020 = 9
FULL_RANGE = 2  # AVCOL_RANGE_JPEG

CURVE_POINTS = 16384
SDR_WHITE_NITS = 100.0
KNEE = 0.8  # of SDR white, in linear light: kept exactly below this
HLG_PEAK_NITS = 1000.0
PQ_DEFAULT_PEAK_NITS = 1000.0

BT2020_TO_BT709 = np.array(
    [
        [1.660491, -0.587641, -0.072850],
        [-0.124550, 1.132900, -0.008349],
        [-0.018151, -0.100579, 1.118730],
    ]  # fmt: skip
)


@dataclass(frozen=True)
class Colour:
    """The colour facts of a video stream that decide how its pixels are converted."""

    matrix: str = ""  # FFmpeg's name of the YCbCr matrix, "" when the file does not say
    full_range: bool = False
    transfer: str = ""  # FFmpeg's name, "" when unknown
    primaries: str = ""
    hdr: str | None = None  # "hlg" or "pq"
    peak_nits: float = 0.0  # mastering peak (PQ), when the file says

    @property
    def sws_matrix(self) -> str:
        """The matrix for libswscale. An untagged file is read as ffmpeg reads it (BT.601),
        which is also what our own recorder's camera path writes."""
        if self.hdr or self.wide_gamut:
            return "bt2020"
        return _SWS_MATRIX.get(self.matrix, "bt601")

    @property
    def wide_gamut(self) -> bool:
        return self.primaries == "bt2020"

    @property
    def needs_lut(self) -> bool:
        """HDR, or SDR in BT.2020 primaries: more than a matrix is needed."""
        return bool(self.hdr) or self.wide_gamut

    @property
    def range_name(self) -> str:
        return "pc" if self.full_range else "tv"


def stream_colour(codec_context: Any, frame: Any | None = None) -> Colour:
    """The colour facts of a decoder (after its first frame), preferring the frame's own."""
    space = getattr(frame, "colorspace", None) or codec_context.colorspace
    rng = getattr(frame, "color_range", None) or codec_context.color_range
    fmt = frame.format.name if frame is not None else (codec_context.pix_fmt or "")
    trc = int(codec_context.color_trc or 0)
    return Colour(
        matrix=_MATRIX_NAMES.get(int(space or 0), ""),
        full_range=int(rng or 0) == FULL_RANGE or fmt.startswith("yuvj"),
        transfer=_TRC_NAMES.get(trc, ""),
        primaries=_PRIMARY_NAMES.get(int(codec_context.color_primaries or 0), ""),
        hdr=HDR_TRC.get(trc),
        peak_nits=_mastering_peak(frame),
    )


def _mastering_peak(frame: Any | None) -> float:
    """Peak luminance from the frame's HDR side data (content light level, then the
    mastering display), or 0 when absent."""
    if frame is None:
        return 0.0
    import struct

    peak = 0.0
    for sd in getattr(frame, "side_data", []):
        kind, raw = str(sd.type), bytes(sd)
        if kind.endswith("CONTENT_LIGHT_LEVEL") and len(raw) >= 4:
            peak = float(struct.unpack("<I", raw[:4])[0]) or peak  # MaxCLL
        elif kind.endswith("MASTERING_DISPLAY_METADATA") and len(raw) >= 88 and not peak:
            num, den = struct.unpack("<ii", raw[72:80])  # max_luminance (AVRational)
            if den > 0 and raw[84]:  # has_luminance
                peak = num / den
    return peak if 100.0 < peak <= 10_000.0 else 0.0


# --- the tone and gamut mapping ----------------------------------------------------------------


def _pq_eotf(e: np.ndarray) -> np.ndarray:
    """SMPTE ST 2084: signal 0..1 -> cd/m²."""
    m1, m2 = 2610 / 16384, 2523 / 4096 * 128
    c1, c2, c3 = 3424 / 4096, 2413 / 4096 * 32, 2392 / 4096 * 32
    p = np.power(np.clip(e, 0, 1), 1 / m2)
    return 10_000.0 * np.power(np.maximum(p - c1, 0) / (c2 - c3 * p), 1 / m1)


def _hlg_inverse_oetf(e: np.ndarray) -> np.ndarray:
    """BT.2100 HLG: signal 0..1 -> scene light 0..1."""
    a, b, c = 0.17883277, 0.28466892, 0.55991073
    e = np.clip(e, 0, 1)
    return np.where(e <= 0.5, e * e / 3.0, (np.exp((e - c) / a) + b) / 12.0)


def _shoulder(x: np.ndarray, peak: float) -> np.ndarray:
    """Identity up to KNEE, then an extended-Reinhard roll-off that reaches 1 at `peak`
    with a continuous slope (x and peak in units of SDR white)."""
    peak = max(peak, 1.0 + 1e-3)
    t = np.maximum(x - KNEE, 0) / (1 - KNEE)
    tp = (peak - KNEE) / (1 - KNEE)
    rolled = KNEE + (1 - KNEE) * t * (1 + t / (tp * tp)) / (1 + t)
    return np.where(x <= KNEE, x, np.minimum(rolled, 1.0))


def to_light(signal: np.ndarray, colour: Colour) -> np.ndarray:
    """Per channel: non-linear BT.2020 signal (0..1) -> linear light in units of SDR white,
    highlights already rolled off (so at most 1)."""
    if colour.hdr == "pq":
        light = _pq_eotf(signal) / SDR_WHITE_NITS
        peak = (colour.peak_nits or PQ_DEFAULT_PEAK_NITS) / SDR_WHITE_NITS
    elif colour.hdr == "hlg":
        light = HLG_PEAK_NITS / SDR_WHITE_NITS * np.power(_hlg_inverse_oetf(signal), 1.2)
        peak = HLG_PEAK_NITS / SDR_WHITE_NITS
    else:  # SDR in BT.2020 primaries, on a BT.1886 display
        return np.power(np.clip(signal, 0, 1), 2.4)
    return _shoulder(light, peak)


def to_sdr(rgb: np.ndarray, colour: Colour) -> np.ndarray:
    """The whole mapping in numpy, (N, 3) BT.2020 R'G'B' -> BT.709 R'G'B' (for tests and
    for checking the filter chain; the pictures themselves go through FFmpeg)."""
    light = np.clip(to_light(rgb, colour) @ BT2020_TO_BT709.T, 0, 1)
    return np.power(light, 1 / 2.4)


def _write_cube(name: str, xs: np.ndarray, ys: np.ndarray) -> Path:
    """A 1D .cube file (the same curve on R, G and B), kept in the cache by content."""
    from evidence_kit.core.paths import cache_dir

    header = f"LUT_1D_SIZE {len(xs)}\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX {xs[-1]:.6g} {xs[-1]:.6g} {xs[-1]:.6g}\n"
    body = "\n".join(f"{y:.7g} {y:.7g} {y:.7g}" for y in ys.tolist())
    text = f"{header}{body}\n"
    digest = hashlib.sha1(text.encode()).hexdigest()[:16]
    folder = cache_dir() / "colour"
    path = folder / f"{name}-{digest}.cube"
    if path.is_file():
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
    except OSError:  # no writable cache (a read-only profile): a private temporary file
        fd, tmp = tempfile.mkstemp(suffix=".cube")
        path = Path(tmp)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
    if Path(tmp) != path:
        os.replace(tmp, path)
    return path


@lru_cache(maxsize=8)
def _curves(hdr: str | None, peak_nits: float) -> tuple[Path, Path]:
    colour = Colour(hdr=hdr, primaries="bt2020", peak_nits=peak_nits)
    xs = np.linspace(0.0, 1.0, CURVE_POINTS)
    return _write_cube("light", xs, to_light(xs, colour)), _write_cube(
        "gamma", xs, np.power(xs, 1 / 2.4)
    )


def sdr_filters(colour: Colour) -> list[tuple[str, str]]:
    """Filters (name, args) from gbrpf32le BT.2020 R'G'B' to gbrpf32le BT.709 R'G'B'."""
    light, gamma = _curves(colour.hdr, round(colour.peak_nits, -1))
    m = BT2020_TO_BT709
    mix = ":".join(f"{o}{i}={m[n][k]:.6f}" for n, o in enumerate("rgb")
                   for k, i in enumerate("rgb"))  # fmt: skip
    return [
        ("lut1d", f"file={_escape(light)}:interp=linear"),
        ("colorchannelmixer", mix),
        ("lut1d", f"file={_escape(gamma)}:interp=linear"),
    ]


def _escape(path: Path) -> str:
    """A path as a filter option value (':' and '\\' are separators there)."""
    return str(path).replace("\\", "/").replace(":", "\\:").replace("'", "\\'")
