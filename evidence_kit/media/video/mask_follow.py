"""From a mask on a frame to the same mask on its video: what "mask this in the video too"
proposes (the editor offers it, the CLI prints it).

A label seen in a frame is usually in view for a while around it, so the proposal covers a
few seconds either side; the shopper can stretch it with I/O in the video panel.
"""

from __future__ import annotations

from typing import Any

from evidence_kit.core.model import Case, Item, ItemKind
from evidence_kit.media.video.masks import Mask, active, rect_at, video_masks

AROUND_S = 2.0  # seconds before and after the frame's time


def frame_mask_for_video(
    case: Case, frame: Item, ann: dict[str, Any], around_s: float = AROUND_S
) -> tuple[Item, Mask] | None:
    """(video, mask) covering the frame mask's box in the frame's video from around_s before
    to around_s after the frame's time; None when the item is no frame of a video, the mark
    is no mask, or the video already hides that box then."""
    parent = case.find(frame.parent) if frame.parent else None
    if (
        frame.kind != ItemKind.FRAME
        or parent is None
        or not parent.is_video
        or ann.get("type") != "redact"
        or frame.pts_s is None
    ):
        return None
    fw, vw = frame.meta.get("width"), parent.meta.get("width")
    scale = float(vw) / float(fw) if fw and vw else 1.0
    t = float(frame.pts_s)
    rect = [round(v * scale, 2) for v in ann["rect"]]
    if _already_hidden(video_masks(case, parent), rect, t):
        return None
    end = parent.meta.get("duration_s")
    mask: Mask = {
        "type": "redact",
        "rect": rect,
        "style": ann.get("style", "solid"),
        "color": ann.get("color", "#000000"),
        "from": round(max(0.0, t - around_s), 3),
        "to": round(min(float(end), t + around_s) if end else t + around_s, 3),
    }
    return parent, mask


def _already_hidden(masks: list[Mask], rect: list[float], t: float) -> bool:
    """A video mask shown at t already covers the whole box."""
    x, y, w, h = rect
    for m in masks:
        if not active(m, t):
            continue
        mx, my, mw, mh = rect_at(m, t)
        if mx <= x and my <= y and mx + mw >= x + w and my + mh >= y + h:
            return True
    return False
