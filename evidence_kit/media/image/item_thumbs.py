"""Small list thumbnails for evidence items, cached under derived/thumbs/.

Photos and image documents are shrunk at decode time; videos use their first frame,
as the video panel shows it. A PDF gets no thumbnail (the list shows its kind icon instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.model import Item
from evidence_kit.core.store import CaseStore

THUMB_SIDE = 160


def thumbnail_path(store: CaseStore, item: Item) -> Path:
    """Where an item's thumbnail is cached (keyed by content hash, so edits can't go stale)."""
    return store.derived_dir / "thumbs" / f"{item.sha256[:16]}.jpg"


@dataclass(frozen=True)
class ThumbRequest:
    """Everything a worker needs to make one thumbnail: no store, no live Item."""

    src: Path
    out: Path
    video: bool
    pdf: bool


def thumb_request(store: CaseStore, item: Item) -> ThumbRequest:
    """Read what the thumbnail needs from the case (on the thread that owns it)."""
    return ThumbRequest(
        store.path_of(item), thumbnail_path(store, item), item.is_video, item.is_pdf
    )


def render_thumbnail(request: ThumbRequest, side: int = THUMB_SIDE) -> Path | None:
    """Create (or reuse) a thumbnail file; None when the kind has none."""
    out = request.out
    if out.exists():
        return out
    try:
        if request.video:
            img = _video_poster(request.src, side * 2)
        elif request.pdf:
            return None
        else:
            from evidence_kit.media.images import load_upright

            img = load_upright(request.src, max_side=side * 2)
    except EvidenceKitError:
        return None
    img = img.convert("RGB")
    img.thumbnail((side, side))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".part")
    img.save(tmp, "JPEG", quality=85)
    tmp.replace(out)
    return out


def _video_poster(path: Path, side: int) -> Image.Image:
    """The first frame as the video panel shows it (colours, upright, display size)."""

    from evidence_kit.media.video.reader import VideoReader

    with VideoReader(path, threads=False) as rd:
        return Image.fromarray(rd.to_rgb(rd.frame_at(0.0), max_side=side))
