"""The HDR → SDR mapping of colour.py as numbers: the transfer curves (PQ EOTF, HLG with
its reference OOTF, the highlight shoulder, BT.1886's inverse) and the BT.2020 → BT.709
matrix, written once as 1D .cube files for FFmpeg's lut1d, and the whole mapping in numpy
for tests.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from evidence_kit.media.video.colour import Colour

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
def curve_files(hdr: str | None, peak_nits: float) -> tuple[Path, Path]:
    """The .cube files of the light curve (signal -> linear, highlights rolled off) and
    of BT.1886's inverse."""
    colour = Colour(hdr=hdr, primaries="bt2020", peak_nits=peak_nits)
    xs = np.linspace(0.0, 1.0, CURVE_POINTS)
    return _write_cube("light", xs, to_light(xs, colour)), _write_cube(
        "gamma", xs, np.power(xs, 1 / 2.4)
    )
