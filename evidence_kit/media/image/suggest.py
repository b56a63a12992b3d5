"""Suggested redactions: faces, QR codes, barcodes and blocks of text on labels and frames.

Every finding is only a proposal (a redact box the shopper accepts or rejects); nothing is
masked silently. Detectors are offline and ship inside opencv-python-headless: Haar face
cascades from cv2.data, cv2.QRCodeDetector and cv2.barcode. No OCR model ships with the
installed packages, so text blocks come from a layout heuristic (lines of glyph-like edges
stacked into a block), never from reading the words. A code that encodes only the tracking
number is marked `keep`: platforms want it readable.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from evidence_kit.core.model import Item
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress

ANALYSIS_SIDE = 1600  # detectors run on a copy no larger than this
MAX_TEXT_BLOCKS = 4


@dataclass
class Suggestion:
    """One proposed redact box, in upright-original pixel coordinates."""

    kind: str  # face | qr | barcode | text
    rect: list[float]
    reason: str
    keep: bool = False  # True: better left readable (the tracking number)
    decoded: str | None = None

    def annotation(self) -> dict[str, Any]:
        """The redact annotation this suggestion becomes when accepted."""
        return {"type": "redact", "rect": [round(v, 1) for v in self.rect], "style": "solid"}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)


def _norm(text: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def _pad(x: float, y: float, w: float, h: float, frac: float, size: tuple[int, int]) -> list[float]:
    # detectors draw their boxes tight; a margin makes sure no edge of the code peeks out
    px, py = max(6.0, w * frac), max(6.0, h * frac)
    x0, y0 = max(0.0, x - px), max(0.0, y - py)
    x1, y1 = min(float(size[0]), x + w + px), min(float(size[1]), y + h + py)
    return [x0, y0, x1 - x0, y1 - y0]


def _poly_rect(points: Any) -> tuple[float, float, float, float]:
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    x0, y0 = pts.min(axis=0)
    x1, y1 = pts.max(axis=0)
    return float(x0), float(y0), float(x1 - x0), float(y1 - y0)


def _overlap(a: list[float], b: list[float]) -> float:
    """Share of a's area covered by b."""
    ix = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    area = a[2] * a[3]
    return ix * iy / area if area > 0 else 0.0


def find_faces(gray: np.ndarray) -> list[tuple[float, float, float, float]]:
    """Frontal and profile faces (Haar cascades shipped in cv2.data)."""
    import cv2

    found: list[tuple[float, float, float, float]] = []
    min_side = max(20, min(gray.shape) // 30)
    for name in ("haarcascade_frontalface_default.xml", "haarcascade_profileface.xml"):
        cascade = cv2.CascadeClassifier(cv2.data.haarcascades + name)  # type: ignore[attr-defined]
        if cascade.empty():
            continue
        for x, y, w, h in cascade.detectMultiScale(gray, 1.1, 5, minSize=(min_side, min_side)):
            box = [float(x), float(y), float(w), float(h)]
            if all(_overlap(box, list(f)) < 0.5 for f in found):
                found.append((float(x), float(y), float(w), float(h)))
    return found


def find_codes(bgr: np.ndarray) -> list[tuple[str, tuple[float, float, float, float], str]]:
    """QR codes and barcodes: (kind, box, decoded text or '')."""
    import cv2

    out: list[tuple[str, tuple[float, float, float, float], str]] = []
    # the ArUco-based finder is the more robust one; the classic one catches what it misses
    for detector in (cv2.QRCodeDetectorAruco(), cv2.QRCodeDetector()):
        try:
            ok, texts, points, _ = detector.detectAndDecodeMulti(bgr)
        except cv2.error:
            continue
        if not ok or points is None:
            continue
        for text, pts in zip(texts, points, strict=False):
            box = _poly_rect(pts)
            if all(_overlap(list(box), list(o[1])) < 0.5 for o in out):
                out.append(("qr", box, text or ""))
    try:
        _, found, _types, corners = cv2.barcode.BarcodeDetector().detectAndDecodeWithType(bgr)
    except cv2.error:
        return out
    if corners is not None:
        # a barcode that is found but cannot be read still gets proposed
        found = found if found else ("",) * len(corners)
        for text, pts in zip(found, corners, strict=False):
            box = _poly_rect(pts)
            if all(_overlap(list(box), list(o[1])) < 0.5 for o in out):
                out.append(("barcode", box, text or ""))
    return out


def find_text_blocks(gray: np.ndarray) -> list[tuple[float, float, float, float]]:
    """Blocks of two or more stacked text lines (addresses look like this)."""
    import cv2

    h, w = gray.shape
    grad = cv2.morphologyEx(
        gray, cv2.MORPH_GRADIENT, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3))
    )
    _, bw = cv2.threshold(grad, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    joined = cv2.morphologyEx(
        bw, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (max(9, w // 60), 1))
    )
    # components, not outer contours: a label's frame would otherwise swallow its text
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    lines = []
    for x, y, cw, ch, _area in stats[1:count]:
        if not (8 <= ch <= h * 0.08 and cw >= 3 * ch and cw <= w * 0.9):
            continue
        fill = float(bw[y : y + ch, x : x + cw].mean()) / 255
        if 0.2 <= fill <= 0.8:  # glyphs: neither a solid bar nor a thin edge
            lines.append([float(x), float(y), float(cw), float(ch)])
    lines.sort(key=lambda b: b[1])
    blocks: list[list[list[float]]] = []
    for line in lines:
        for block in blocks:
            last = block[-1]
            gap = line[1] - (last[1] + last[3])
            aligned = abs(line[0] - last[0]) < 2 * last[3] or _h_overlap(line, last) > 0.5
            if -0.3 * last[3] <= gap <= 1.2 * max(line[3], last[3]) and aligned:
                block.append(line)
                break
        else:
            blocks.append([line])
    out = []
    for block in blocks:
        if len(block) < 2:
            continue
        x0 = min(b[0] for b in block)
        y0 = min(b[1] for b in block)
        x1 = max(b[0] + b[2] for b in block)
        y1 = max(b[1] + b[3] for b in block)
        out.append((x0, y0, x1 - x0, y1 - y0))
    out.sort(key=lambda b: -b[2] * b[3])
    return out[:MAX_TEXT_BLOCKS]


def _h_overlap(a: list[float], b: list[float]) -> float:
    ix = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    return ix / max(1.0, min(a[2], b[2]))


def suggest_for_image(img: Any, tracking: str = "", scale: float = 1.0) -> list[Suggestion]:
    """Findings on an RGB Pillow image; rects are divided by `scale` (image px per original px)."""
    import cv2

    rgb = np.asarray(img.convert("RGB"))
    bgr = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    size = (rgb.shape[1], rgb.shape[0])
    found: list[Suggestion] = []
    for box in find_faces(gray):
        found.append(
            Suggestion(
                "face", _pad(*box, 0.15, size), "A face: mask it unless it is yours to show."
            )
        )
    track = _norm(tracking)
    for kind, box, text in find_codes(bgr):
        name = "QR code" if kind == "qr" else "Barcode"
        if text and track and _norm(text) == track:
            reason = f"{name} holds only the tracking number: keep it readable for the platform."
            found.append(Suggestion(kind, _pad(*box, 0.12, size), reason, keep=True, decoded=text))
        elif text:
            found.append(
                Suggestion(
                    kind, _pad(*box, 0.12, size), f"{name} holds data: {text[:60]}", decoded=text
                )
            )
        else:
            found.append(
                Suggestion(
                    kind,
                    _pad(*box, 0.12, size),
                    f"{name} (unreadable here; it may hold an address).",
                )
            )
    codes = [s.rect for s in found if s.kind in ("qr", "barcode")]
    for box in find_text_blocks(gray):
        rect = _pad(*box, 0.08, size)
        if any(_overlap(rect, c) > 0.3 for c in codes):
            continue
        found.append(
            Suggestion(
                "text", rect, "A block of text lines: a name, address or phone number may be in it."
            )
        )
    if scale != 1.0:
        for s in found:
            s.rect = [v / scale for v in s.rect]
    return found


def suggest_for_item(
    store: CaseStore,
    item: Item,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> list[Suggestion]:
    """Findings for an image item, minus areas its redactions already cover."""
    from evidence_kit.media.image.render import load_base

    progress(0.0, "Looking for faces, codes and text")
    img, scale = load_base(store, item, ANALYSIS_SIDE)
    if cancel is not None:
        cancel.check()
    found = suggest_for_image(img, store.case.facts.tracking, scale)
    masked = [a["rect"] for a in item.annotations if a.get("type") == "redact" and "rect" in a]
    found = [s for s in found if all(_overlap(s.rect, m) < 0.8 for m in masked)]
    progress(1.0, f"{len(found)} suggestion(s)")
    return found
