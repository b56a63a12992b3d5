"""A video's masks (DESIGN §3): `redact` boxes over a time range, moved between timed key
positions, in the video's display pixels (upright, square) and its own clock.

Everything made of a video's pictures asks here what to hide: the upload clip, contact
sheets, grabbed frames (their render inherits the masks shown at their time), the list
thumbnail and the video panel's preview. A clip inherits its parent's masks, moved to its
own clock and size. The boxes are burned in by the same solid / secure-pixelate code as
photos (media/image/render), in RGB pictures here and in the encoder's YUV frames in
mask_yuv.py.
"""

from __future__ import annotations

import bisect
import copy
from typing import TYPE_CHECKING, Any

from evidence_kit.core import annotations as A
from evidence_kit.core.model import Case, Item, ItemKind

if TYPE_CHECKING:
    import numpy as np

Mask = dict[str, Any]
#: a frame shown at exactly a mask's start or end time is masked too
EDGE_S = 0.0005


def own_masks(item: Item) -> list[Mask]:
    """The item's own redact marks, with their defaults filled in (style, colour)."""
    return [A.validate(a) for a in item.annotations if a.get("type") == "redact"]


def video_masks(case: Case, item: Item) -> list[Mask]:
    """Every mask that applies to a video or clip, in its own clock and pixels: its own, and
    for a clip its parent's (and theirs), shifted by where the clip starts and scaled."""
    out = own_masks(item)
    parent = case.find(item.parent) if item.parent else None
    if item.kind == ItemKind.CLIP and parent is not None and parent.is_video:
        scale = _scale(item, parent)
        start = float(item.pts_s or 0.0)
        out += [moved(a, -start, scale) for a in video_masks(case, parent)]
    return out


def picture_masks(case: Case, item: Item) -> list[Mask]:
    """The masks a frame inherits from its video: photo-style boxes, at the frame's time,
    in the frame's pixels. Nothing for photos and documents."""
    parent = case.find(item.parent) if item.parent else None
    if item.kind != ItemKind.FRAME or parent is None or not parent.is_video:
        return []
    scale = _scale(item, parent)
    masks = [moved(a, 0.0, scale) for a in video_masks(case, parent)]
    return boxes_at(masks, float(item.pts_s or 0.0))


def _scale(child: Item, parent: Item) -> float:
    """Pixels of the child per pixel of its video (a clip re-encoded smaller, a frame)."""
    cw, pw = child.meta.get("width"), parent.meta.get("width")
    if isinstance(cw, (int, float)) and isinstance(pw, (int, float)) and cw > 0 and pw > 0:
        return float(cw) / float(pw)
    return 1.0


def moved(ann: Mask, dt: float, scale: float = 1.0) -> Mask:
    """A copy of a mask in another clock (t + dt) and size (× scale)."""
    out = copy.deepcopy(ann)
    out["rect"] = [v * scale for v in ann["rect"]]
    if "from" in ann or dt:
        out["from"] = float(ann.get("from", 0.0)) + dt
    if "to" in ann:
        out["to"] = float(ann["to"]) + dt
    if ann.get("keys"):
        out["keys"] = [[float(t) + dt, [v * scale for v in r]] for t, r in ann["keys"]]
    return out


def active(ann: Mask, t: float) -> bool:
    """The mask covers the picture shown at t (from and to included; none means all)."""
    start = float(ann.get("from", float("-inf")))
    end = float(ann.get("to", float("inf")))
    return start - EDGE_S <= t <= end + EDGE_S


def rect_at(ann: Mask, t: float) -> list[float]:
    """Where the box is at t: its rect, or its key positions interpolated (held before the
    first key and after the last)."""
    keys = sorted(ann.get("keys") or [], key=lambda k: k[0])
    if not keys:
        return list(ann["rect"])
    times = [float(k[0]) for k in keys]
    i = bisect.bisect_right(times, t)
    if i == 0:
        return list(keys[0][1])
    if i == len(keys):
        return list(keys[-1][1])
    (t0, r0), (t1, r1) = keys[i - 1], keys[i]
    f = (t - float(t0)) / max(float(t1) - float(t0), 1e-9)
    return [a + (b - a) * f for a, b in zip(r0, r1, strict=True)]


def boxes_at(masks: list[Mask], t: float) -> list[Mask]:
    """The masks shown at t as photo redactions (type, rect, style, colour)."""
    out = []
    for ann in masks:
        if active(ann, t):
            box = {k: v for k, v in ann.items() if k not in ("from", "to", "keys")}
            box["rect"] = rect_at(ann, t)
            out.append(box)
    return out


def any_between(masks: list[Mask], start: float, end: float) -> bool:
    """A mask shows somewhere in [start, end]."""
    for ann in masks:
        lo = float(ann.get("from", float("-inf")))
        hi = float(ann.get("to", float("inf")))
        if lo - EDGE_S <= end and hi + EDGE_S >= start:
            return True
    return False


class Masker:
    """Burns one video's masks into its pictures, whatever their size."""

    def __init__(self, masks: list[Mask], display_width: int) -> None:
        self.masks = masks
        self.display_width = max(int(display_width), 1)

    def __bool__(self) -> bool:
        return bool(self.masks)

    def rgb(self, rgb: np.ndarray, t: float) -> np.ndarray:
        """The picture shown at t (upright RGB, any size), masked; the input when none is."""
        boxes = boxes_at(self.masks, t)
        if not boxes:
            return rgb
        from evidence_kit.media.image.render import redact_array

        out = rgb.copy()
        redact_array(out, boxes, rgb.shape[1] / self.display_width)
        return out
