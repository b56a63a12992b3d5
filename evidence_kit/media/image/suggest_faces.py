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

from evidence_kit.core.resources import resource_path

MODEL = "models/yunet-2023mar.onnx"
FACE_SIDE = 960  # faces are looked for on a copy no larger than this
SCORE_THRESHOLD = 0.75
NMS_THRESHOLD = 0.3
_LOCK = threading.Lock()  # the detector keeps its input size as state: one caller at a time


@lru_cache(maxsize=1)
def _detector() -> Any:
    import cv2

    return cv2.FaceDetectorYN.create(
        str(resource_path(MODEL)), "", (320, 320), SCORE_THRESHOLD, NMS_THRESHOLD, 100
    )


def find_faces(bgr: np.ndarray) -> list[tuple[tuple[float, float, float, float], float]]:
    """Faces in a BGR image: (x, y, w, h) in its pixels, and the detector's score."""
    import cv2

    h, w = bgr.shape[:2]
    k = min(1.0, FACE_SIDE / max(h, w))
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
