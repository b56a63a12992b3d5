"""Faces on a photo, found by YuNet (OpenCV's `cv2.FaceDetectorYN`, a 230 KB model).

The model is resources/models/yunet-2023mar.onnx (see its README for where it came from and its
licence). YuNet finds faces turned, tilted and partly hidden that the old Haar cascades missed,
in a few tens of milliseconds on a laptop core.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

import numpy as np

from evidence_kit.media.image.suggest_models import load_model

MODEL = "models/yunet-2023mar.onnx"
# YuNet finds faces of about 10 to 300 pixels: one pass on a copy this large finds the small
# ones, a second on a small copy the faces that fill the picture (a selfie, a webcam frame)
FACE_SIDES = (960, 320)
SCORE_THRESHOLD = 0.75
NMS_THRESHOLD = 0.3
_LOCK = threading.Lock()  # the detector keeps its input size as state: one caller at a time


@lru_cache(maxsize=1)
def _detector() -> Any:
    import cv2

    def build(path: str) -> Any:
        return cv2.FaceDetectorYN.create(path, "", (320, 320), SCORE_THRESHOLD, NMS_THRESHOLD, 100)

    return load_model(MODEL, "face", build)


def find_faces(bgr: np.ndarray) -> list[tuple[tuple[float, float, float, float], float]]:
    """Faces in a BGR image: (x, y, w, h) in its pixels, and the detector's score."""
    out: list[tuple[tuple[float, float, float, float], float]] = []
    for side in FACE_SIDES:
        for box, score in _detect(bgr, side):
            if all(_iou(box, other) < 0.3 for other, _ in out):
                out.append((box, score))
    return out


def _detect(bgr: np.ndarray, side: int) -> list[tuple[tuple[float, float, float, float], float]]:
    import cv2

    h, w = bgr.shape[:2]
    k = min(1.0, side / max(h, w))
    small = bgr if k == 1.0 else cv2.resize(bgr, None, fx=k, fy=k, interpolation=cv2.INTER_AREA)
    with _LOCK:
        detector = _detector()
        detector.setInputSize((small.shape[1], small.shape[0]))
        _, faces = detector.detect(np.ascontiguousarray(small))
    if faces is None:
        return []
    out = []
    for row in faces:
        x, y, fw, fh = (float(v) / k for v in row[:4])
        x0, y0 = max(0.0, x), max(0.0, y)
        out.append(((x0, y0, min(w, x + fw) - x0, min(h, y + fh) - y0), float(row[-1])))
    return out


def _iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    ix = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    union = a[2] * a[3] + b[2] * b[3] - ix * iy
    return ix * iy / union if union > 0 else 0.0
