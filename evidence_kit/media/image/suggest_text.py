"""Text lines on a photo, found by PP-OCRv3's text-detection model run through OpenCV's DNN.

The model (resources/models/ppocr-v3-det.onnx, Apache-2.0, see its README) is a DB
("differentiable binarisation") detector: it paints a probability map of where text is, shrunk
towards each line's middle. We threshold that map, take each region's rotated rectangle, and
grow it back by the amount DB shrank it during training. It finds lines in any script (it does
not read them), so Cyrillic and Latin addresses come out alike, turned or in perspective.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from evidence_kit.media.image.suggest_models import load_model

MODEL = "models/ppocr-v3-det.onnx"
DET_SIDE = 1280  # long side of the picture the model sees (a multiple of 32)
BINARY_THRESHOLD = 0.3  # probability above which a pixel counts as text
BOX_THRESHOLD = 0.55  # mean probability a region needs to be a line
UNCLIP_RATIO = 1.8  # how far DB's shrunk regions are grown back (area x ratio / perimeter)
MIN_SIDE = 4  # regions thinner than this (model pixels) are specks
MAX_LINES = 200
_MEAN = np.array([0.485, 0.456, 0.406], np.float32)  # the model's training normalisation (RGB)
_STD = np.array([0.229, 0.224, 0.225], np.float32)
_LOCK = threading.Lock()  # one cv2.dnn.Net is not safe to run from two threads at once


@dataclass
class TextLine:
    """One detected line: its four corners (image pixels, clockwise) and the model's score."""

    quad: np.ndarray
    score: float

    @property
    def height(self) -> float:
        """The line's thickness across its own direction."""
        a, b, c, _ = self.quad
        return float(min(np.linalg.norm(b - a), np.linalg.norm(c - b)))

    def rect(self) -> tuple[float, float, float, float]:
        """The upright box around the (maybe turned) line."""
        x0, y0 = self.quad.min(axis=0)
        x1, y1 = self.quad.max(axis=0)
        return float(x0), float(y0), float(x1 - x0), float(y1 - y0)


@lru_cache(maxsize=1)
def _net() -> Any:
    import cv2

    return load_model(MODEL, "text-line", cv2.dnn.readNetFromONNX)


def probability_map(bgr: np.ndarray, side: int = DET_SIDE) -> tuple[np.ndarray, float, float]:
    """The model's text probability per pixel of a resized copy, and that copy's x/y scale."""
    import cv2

    h, w = bgr.shape[:2]
    k = min(side / max(h, w), 2.0)  # small screenshots are enlarged, but not without end
    nw, nh = (max(32, int(round(v * k / 32)) * 32) for v in (w, h))
    small = cv2.resize(bgr, (nw, nh), interpolation=cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR)
    rgb = small[..., ::-1].astype(np.float32) / 255.0
    blob = ((rgb - _MEAN) / _STD).transpose(2, 0, 1)[None]
    with _LOCK:
        net = _net()
        net.setInput(np.ascontiguousarray(blob))
        out = net.forward()
    return out[0, 0], nw / w, nh / h


def find_text_lines(bgr: np.ndarray, side: int = DET_SIDE) -> list[TextLine]:
    """Lines of text in a BGR image, top to bottom."""
    import cv2

    prob, sx, sy = probability_map(bgr, side)
    bitmap = (prob > BINARY_THRESHOLD).astype(np.uint8)
    contours, _ = cv2.findContours(bitmap, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    lines: list[TextLine] = []
    for contour in contours:
        (cx, cy), (rw, rh), angle = cv2.minAreaRect(contour)
        if min(rw, rh) < MIN_SIDE / 2:
            continue
        score = _region_score(prob, contour)
        if score < BOX_THRESHOLD:
            continue
        # DB trains on lines shrunk by area * (1 - 0.4²) / perimeter; grow the region back
        grow = rw * rh * UNCLIP_RATIO / (2 * (rw + rh))
        box = cv2.boxPoints(((cx, cy), (rw + 2 * grow, rh + 2 * grow), angle))
        if min(rw, rh) + 2 * grow < MIN_SIDE:
            continue
        quad = box / np.array([sx, sy], np.float32)
        lines.append(TextLine(_clockwise(quad), score))
    lines = merge_words(lines)
    lines.sort(key=lambda ln: (float(ln.quad[:, 1].mean()), float(ln.quad[:, 0].min())))
    return lines[:MAX_LINES]


def merge_words(lines: list[TextLine]) -> list[TextLine]:
    """Join pieces that continue one another along one line: DB splits a line at wide gaps."""
    import cv2

    parent = list(range(len(lines)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(lines):
        for j in range(i + 1, len(lines)):
            if _same_line(a, lines[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[TextLine]] = {}
    for i, line in enumerate(lines):
        groups.setdefault(root(i), []).append(line)
    out = []
    for group in groups.values():
        if len(group) == 1:
            out.append(group[0])
            continue
        corners = np.concatenate([ln.quad for ln in group]).astype(np.float32)
        quad = cv2.boxPoints(cv2.minAreaRect(corners))
        score = max(ln.score for ln in group)
        out.append(TextLine(_clockwise(quad), score))
    return out


def _axes(line: TextLine) -> tuple[np.ndarray, float, float]:
    """The line's reading direction (unit vector), its length and its thickness."""
    a, b, c, _ = line.quad
    ab, bc = b - a, c - b
    la, lb = float(np.linalg.norm(ab)), float(np.linalg.norm(bc))
    if la >= lb:
        return ab / max(la, 1e-6), la, lb
    return bc / max(lb, 1e-6), lb, la


def _same_line(a: TextLine, b: TextLine) -> bool:
    ua, la, ha = _axes(a)
    ub, lb, hb = _axes(b)
    if max(ha, hb) > 1.6 * min(ha, hb):
        return False
    u = ua if la >= lb else ub  # the longer piece knows the direction best
    if min(la / ha, lb / hb) > 2 and abs(float(ua @ ub)) < np.cos(np.radians(10)):
        return False
    n = np.array([-u[1], u[0]])
    ca, cb = a.quad.mean(axis=0), b.quad.mean(axis=0)
    if abs(float((cb - ca) @ n)) > 0.5 * min(ha, hb):
        return False
    pa, pb = a.quad @ u, b.quad @ u
    gap = max(pb.min() - pa.max(), pa.min() - pb.max())
    return bool(gap < 1.2 * max(ha, hb))


def _region_score(prob: np.ndarray, contour: np.ndarray) -> float:
    """Mean probability inside the region (PaddleOCR's "slow", exact scoring)."""
    import cv2

    x, y, w, h = cv2.boundingRect(contour)
    mask = np.zeros((h, w), np.uint8)
    cv2.fillPoly(mask, [contour.reshape(-1, 2) - [x, y]], 1)
    return float(cv2.mean(prob[y : y + h, x : x + w], mask)[0])


def _clockwise(quad: np.ndarray) -> np.ndarray:
    """Corners ordered from the top-left, clockwise on screen."""
    centre = quad.mean(axis=0)
    angles = np.arctan2(quad[:, 1] - centre[1], quad[:, 0] - centre[0])
    ordered = quad[np.argsort(angles)]
    start = int(np.argmin(ordered.sum(axis=1)))
    return np.roll(ordered, -start, axis=0).astype(np.float64)
