"""Irreversible redaction on pixel arrays: an opaque box, or a pixelation made from outside it.

Pixelate follows Flameshot's pseudo-pixelation (PR #3765): every colour inside the box is
interpolated from the fringe *around* the box plus position-seeded noise, so no hidden
pixel is ever an input and nothing can be recovered. A blur is never used: it is reversible.
Pixels inside any other redaction box are excluded from the fringe too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from evidence_kit.core.annotations import parse_color

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 (exclusive), inside the image

NOISE_SIGMA = 9.0


def block_size(box_w: float, box_h: float) -> float:
    """Cell size of the pixel grid, in the box's own pixels: coarse enough to read as masked."""
    return max(6.0, min(box_w, box_h) / 5.0, max(box_w, box_h) / 40.0)


def union_mask(shape: tuple[int, int], boxes: Sequence[Box], gap: int = 0) -> np.ndarray:
    """True where any redaction box (grown by gap pixels) lies."""
    mask = np.zeros(shape, dtype=bool)
    for x0, y0, x1, y1 in boxes:
        mask[max(0, y0 - gap) : y1 + gap, max(0, x0 - gap) : x1 + gap] = True
    return mask


def solid(arr: np.ndarray, box: Box, color: str = "#000000") -> None:
    """Fill the box with one opaque colour (alpha in the colour is ignored on purpose)."""
    x0, y0, x1, y1 = box
    r, g, b, _ = parse_color(color)
    arr[y0:y1, x0:x1, :3] = (r, g, b)
    if arr.shape[2] == 4:
        arr[y0:y1, x0:x1, 3] = 255


def _cell_edges(start: int, stop: int, cell: float) -> np.ndarray:
    count = max(1, int(round((stop - start) / cell)))
    return np.linspace(start, stop, count + 1).round().astype(int)


def _strip_means(
    arr: np.ndarray, hidden: np.ndarray, rows: slice, cols: slice, edges: np.ndarray, axis: int
) -> np.ndarray:
    """Mean colour of the visible pixels of a strip, per cell along `axis` (nan if none).
    Summed per cell with reduceat, no Python loop: a video mask runs this on every frame."""
    strip = arr[rows, cols, :3].astype(np.float64)
    out = np.full((len(edges) - 1, 3), np.nan)
    if strip.size == 0:
        return out
    ok = ~hidden[rows, cols]
    across = 0 if axis == 1 else 1  # sum across the strip's thickness first
    sums = np.where(ok[..., None], strip, 0.0).sum(axis=across)
    counts = ok.sum(axis=across)
    offset = cols.start if axis == 1 else rows.start
    starts = edges[:-1] - offset
    cell_sums = np.add.reduceat(sums, starts, axis=0)
    cell_counts = np.add.reduceat(counts, starts)
    seen = cell_counts > 0
    out[seen] = cell_sums[seen] / cell_counts[seen, None]
    return out


def pixelate(
    arr: np.ndarray, box: Box, hidden: np.ndarray, cell: float, seed_key: str, gap: int = 0
) -> None:
    """Fill the box with a pixel grid built only from the ring of pixels around it
    (arr: H x W x 3|4 uint8, changed in place; the rest as for pixel_grid)."""
    x0, y0, x1, y1 = box
    grid, row_idx, col_idx = pixel_grid(arr, box, hidden, cell, seed_key, gap)
    arr[y0:y1, x0:x1, :3] = grid[row_idx][:, col_idx]
    if arr.shape[2] == 4:
        arr[y0:y1, x0:x1, 3] = 255


def pixel_grid(
    arr: np.ndarray, box: Box, hidden: np.ndarray, cell: float, seed_key: str, gap: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The box's pixel grid, built only from the ring of pixels around it: (cells rows x
    cols x 3 uint8, the cell row of each of the box's rows, the cell column of each of its
    columns). A video converts the few cells to its YUV instead of every pixel.

    arr: H x W x 3|4 uint8, only read. hidden: True for pixels that must never be
    sampled (every redaction box grown by `gap`, this one included). cell: grid cell size
    in pixels. seed_key: fixes the noise, so a render is reproducible without depending on
    content. gap: pixels next to the box that a resampled preview may have smeared the
    hidden content into; they are skipped.
    """
    x0, y0, x1, y1 = box
    h, w = arr.shape[:2]
    ring = max(2, int(round(cell / 2))) + gap
    xs = _cell_edges(x0, x1, cell)
    ys = _cell_edges(y0, y1, cell)
    top = _strip_means(arr, hidden, slice(max(0, y0 - ring), y0), slice(x0, x1), xs, 1)
    bottom = _strip_means(arr, hidden, slice(y1, min(h, y1 + ring)), slice(x0, x1), xs, 1)
    left = _strip_means(arr, hidden, slice(y0, y1), slice(max(0, x0 - ring), x0), ys, 0)
    right = _strip_means(arr, hidden, slice(y0, y1), slice(x1, min(w, x1 + ring)), ys, 0)
    fringe = np.concatenate([top, bottom, left, right])
    fringe = fringe[~np.isnan(fringe).any(axis=1)]
    base = fringe.mean(axis=0) if len(fringe) else np.array([128.0, 128.0, 128.0])
    cols, rows = len(xs) - 1, len(ys) - 1
    fy = ((np.arange(rows) + 0.5) / rows)[:, None, None]
    fx = ((np.arange(cols) + 0.5) / cols)[None, :, None]

    def blend(a: np.ndarray, b: np.ndarray, f: np.ndarray) -> np.ndarray:
        a = np.where(np.isnan(a), np.where(np.isnan(b), base, b), a)
        b = np.where(np.isnan(b), a, b)
        return a * (1 - f) + b * f

    vertical = blend(top[None, :, :], bottom[None, :, :], fy)  # rows x cols x 3
    horizontal = blend(left[:, None, :], right[:, None, :], fx)
    grid = (vertical + horizontal) / 2
    seed = int.from_bytes(hashlib.sha256(seed_key.encode()).digest()[:8], "little")
    # one brightness jitter per cell (not per channel) keeps the colours natural
    grid = grid + np.random.default_rng(seed).normal(0, NOISE_SIGMA, grid.shape[:2] + (1,))
    grid = grid.clip(0, 255).astype(np.uint8)
    row_idx = np.repeat(np.arange(rows), np.diff(ys))
    col_idx = np.repeat(np.arange(cols), np.diff(xs))
    return grid, row_idx, col_idx
