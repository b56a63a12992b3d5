"""Key moments: up to K times where the picture changes most (parcel opened, item taken
out, item switched on), from scene-change scores. Suggestions only, never evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress
from evidence_kit.media.video.reader import VideoReader

SAMPLES_PER_S = 4.0
KEYFRAMES_ONLY_OVER_S = 180.0  # longer videos are scored on keyframes only, to stay quick
MAX_K = 50


@dataclass
class KeyMoment:
    """A suggested time (the first frame after the change) and how big the change is (0-1)."""

    pts_s: float
    score: float


def change_score(a: np.ndarray, b: np.ndarray) -> float:
    """0..1: mean pixel change plus histogram change of two small grey pictures."""
    pix = float(np.abs(a.astype(np.int16) - b.astype(np.int16)).mean()) / 255.0
    ha = np.histogram(a, bins=32, range=(0, 256))[0].astype(np.float64)
    hb = np.histogram(b, bins=32, range=(0, 256))[0].astype(np.float64)
    hist = float(np.abs(ha / max(ha.sum(), 1) - hb / max(hb.sum(), 1)).sum()) / 2.0
    return 0.5 * pix + 0.5 * hist


def pick_peaks(scores: list[tuple[float, float]], k: int, min_gap_s: float) -> list[KeyMoment]:
    """The k highest scores at least min_gap_s apart, in time order."""
    chosen: list[tuple[float, float]] = []
    for t, s in sorted(scores, key=lambda p: -p[1]):
        if len(chosen) >= k or s <= 0:
            break
        if all(abs(t - c[0]) >= min_gap_s for c in chosen):
            chosen.append((t, s))
    return [KeyMoment(round(t, 6), round(s, 4)) for t, s in sorted(chosen)]


def key_moments(
    reader: VideoReader,
    k: int = 5,
    *,
    min_gap_s: float = 2.0,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> list[KeyMoment]:
    """Scan the video once (sampled) and suggest up to k moments of big change."""
    if not 1 <= k <= MAX_K:
        raise InvalidValueError(f"key moments: k must be between 1 and {MAX_K}, not {k}")
    end = reader.end_s
    scores: list[tuple[float, float]] = []
    prev: np.ndarray | None = None
    next_sample = 0.0
    # scores are sampled a few times a second, so B-frames (never references) can be skipped
    for decoded in reader.scan(keyframes_only=end > KEYFRAMES_ONLY_OVER_S, skip="NONREF"):
        if decoded.pts_s > end:
            break
        if decoded.pts_s + 1e-6 < next_sample:
            continue
        next_sample = decoded.pts_s + 1.0 / SAMPLES_PER_S
        if cancel is not None:
            cancel.check()
        grey = reader.grey_small(decoded, 96)
        if prev is not None and prev.shape == grey.shape:
            scores.append((decoded.pts_s, change_score(prev, grey)))
        prev = grey
        progress(min(decoded.pts_s / end, 1.0) if end else 0.0, "Looking for key moments")
    progress(1.0, "Key moments found")
    return pick_peaks(scores, k, min_gap_s)
