"""Suggested redactions: faces, text lines and codes (QR, DataMatrix, barcodes) on a photo.

Every finding is only a proposal (a redact box the shopper accepts or rejects); nothing is
masked silently. All detectors run offline: text lines come from PP-OCRv3's detection model
(suggest_text), faces from YuNet (suggest_faces), both run by OpenCV's DNN module with models
shipped in resources/models/, and codes are read by zxing-cpp (suggest_codes). A code that holds
only the tracking number is marked `keep` (platforms want it readable), and so is the line of
digits printed beside it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from evidence_kit.core.model import Item
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress
from evidence_kit.media.image.suggest_codes import Code, judge, overlap, read_codes
from evidence_kit.media.image.suggest_faces import find_faces
from evidence_kit.media.image.suggest_text import TextLine, find_text_lines

# codes are read on a copy this size (a 12 MP JPEG decodes at half size, fast); text lines and
# faces are looked for on smaller copies inside their own modules
ANALYSIS_SIDE = 2000
LINE_PAD = 0.25  # of a line's height, on each side: masks cover accents and descenders


@dataclass
class Suggestion:
    """One proposed redact box, in upright-original pixel coordinates."""

    kind: str  # face | text_line | qr | datamatrix | pdf417 | aztec | maxicode | barcode
    rect: list[float]
    reason: str
    keep: bool = False  # True: better left readable (the tracking number)
    decoded: str | None = None  # what a code holds, when it could be read
    format: str | None = None  # a code's symbology as zxing-cpp names it, e.g. "Code 128"
    score: float | None = None  # the detector's confidence, 0-1 (faces and text lines)

    def annotation(self) -> dict[str, Any]:
        """The redact annotation this suggestion becomes when accepted."""
        return {"type": "redact", "rect": [round(v, 1) for v in self.rect], "style": "solid"}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)


def _pad(
    x: float, y: float, w: float, h: float, px: float, py: float, size: tuple[int, int]
) -> list[float]:
    # detectors draw their boxes tight; a margin makes sure no edge peeks out
    x0, y0 = max(0.0, x - px), max(0.0, y - py)
    x1, y1 = min(float(size[0]), x + w + px), min(float(size[1]), y + h + py)
    return [x0, y0, x1 - x0, y1 - y0]


def suggest_for_image(
    img: Any,
    tracking: str = "",
    scale: float = 1.0,
    order_id: str = "",
    names: tuple[str, ...] = (),
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> list[Suggestion]:
    """Findings on an RGB Pillow image; rects are divided by `scale` (image px per original px).

    tracking / order_id: codes holding only these stay readable. names: the shopper's name,
    so a code holding it says so.
    """
    import cv2

    rgb = np.asarray(img.convert("RGB"))
    bgr = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
    size = (rgb.shape[1], rgb.shape[0])
    found: list[Suggestion] = []
    progress(0.2, "Looking for faces")
    for (x, y, w, h), score in find_faces(bgr):
        rect = _pad(x, y, w, h, 0.15 * w, 0.15 * h, size)
        found.append(
            Suggestion("face", rect, "A face: mask it unless it is yours to show.", score=score)
        )
    _check(cancel)
    progress(0.35, "Reading codes")
    codes = read_codes(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))
    kept: list[Code] = []
    for code in codes:
        keep, reason = judge(code, tracking, order_id, names)
        if keep:
            kept.append(code)
        x, y, w, h = code.rect()
        rect = _pad(x, y, w, h, max(6.0, 0.12 * w), max(6.0, 0.12 * h), size)
        found.append(
            Suggestion(code.kind, rect, reason, keep, code.text or None, code.format or None)
        )
    _check(cancel)
    progress(0.55, "Looking for lines of text")
    # a line mostly inside a code that is proposed for masking is covered by that proposal
    masked_codes = [c.rect() for c in codes if c not in kept]
    lines = [
        ln for ln in find_text_lines(bgr) if all(overlap(ln.rect(), c) <= 0.5 for c in masked_codes)
    ]
    digits = _printed_digits(lines, kept)
    for i, line in enumerate(lines):
        x, y, w, h = line.rect()
        e = max(2.0, LINE_PAD * line.height)
        rect = _pad(x, y, w, h, e, e, size)
        if i in digits:
            reason = "The digits printed with the tracking-number barcode: keep them readable."
            found.append(Suggestion("text_line", rect, reason, True, score=line.score))
        else:
            reason = "It may hold a name, an address or a phone number."
            found.append(Suggestion("text_line", rect, reason, score=line.score))
    if scale != 1.0:
        for s in found:
            s.rect = [v / scale for v in s.rect]
    return found


def _printed_digits(lines: list[TextLine], codes: list[Code]) -> set[int]:
    """Indices of the lines that print a kept barcode's number: the nearest line right below
    its bars, centred on it and no longer than it.

    Measured in the code's own frame (u along it, n across the bars), so it holds on a label
    photographed turned. Only below: that is where labels print the number, and a line above
    is as likely the recipient's phone, which must not be kept by mistake.
    """
    chosen = set()
    for code in codes:
        if code.kind != "barcode":
            continue
        tl, tr, _, bl = code.quad
        length, height = float(np.linalg.norm(tr - tl)), float(np.linalg.norm(bl - tl))
        if length == 0 or height == 0:
            continue
        u, n = (tr - tl) / length, (bl - tl) / height
        best: tuple[float, int] | None = None
        for i, line in enumerate(lines):
            along, across = (line.quad - tl) @ u, (line.quad - tl) @ n
            centred = abs(float(along.mean()) - length / 2) < 0.25 * length
            short = float(along.max() - along.min()) <= 1.1 * length
            # the found bars are a rectangle; in perspective they end on a slant, so the
            # number may lie partly inside it, but never in its upper half
            below = float(across.mean()) > 0.5 * height
            gap = float(across.min()) - height
            near = gap < 0.8 * line.height and line.height < height
            if centred and short and below and near and (best is None or abs(gap) < best[0]):
                best = (abs(gap), i)
        if best is not None:
            chosen.add(best[1])
    return chosen


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.check()


def suggest_for_item(
    store: CaseStore,
    item: Item,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> list[Suggestion]:
    """Findings for an image item, minus areas its redactions already cover."""
    from evidence_kit.media.image.render import load_base

    progress(0.0, "Opening the picture")
    img, scale = load_base(store, item, ANALYSIS_SIDE)
    _check(cancel)
    facts, claim = store.case.facts, store.case.claim
    names = tuple(n for n in (str(claim.get("buyer_name") or ""),) if n.strip())
    found = suggest_for_image(
        img, facts.tracking, scale, facts.order_id, names, progress=progress, cancel=cancel
    )
    masked = [a["rect"] for a in item.annotations if a.get("type") == "redact" and "rect" in a]
    found = [s for s in found if all(overlap(s.rect, m) < 0.8 for m in masked)]
    progress(1.0, f"{len(found)} suggestion(s)")
    return found
