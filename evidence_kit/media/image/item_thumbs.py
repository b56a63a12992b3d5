"""Small list thumbnails for evidence items, cached under derived/thumbs/ (a cache:
`case rebuild` makes them again, and the list makes a missing one when it shows the item).

Every thumbnail shows the item as the export will: photos and frames with their masks and
marks, videos' first frame with the masks shown at its time. A PDF gets no thumbnail (the
list shows its kind icon instead).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from evidence_kit.core.case_paths import resolves_inside
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.model import Item
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress

THUMB_SIDE = 160


def thumbnail_path(store: CaseStore, item: Item) -> Path:
    """Where an item's thumbnail is cached, keyed by everything its look depends on (its
    content, marks, crop, turn and the masks it inherits), so an edit never shows stale."""
    from evidence_kit.media.image.render import render_key

    return store.derived_dir / "thumbs" / f"{render_key(store, item)}.jpg"


@dataclass(frozen=True)
class ThumbRequest:
    """Everything a worker needs to make one thumbnail: a store holding copies of only the
    items the picture depends on, never the live case."""

    src: Path
    out: Path
    video: bool
    pdf: bool
    store: CaseStore
    item: Item

    @property
    def key(self) -> str:
        """What the thumbnail is cached under (in memory too)."""
        return self.out.stem


def thumb_request(store: CaseStore, item: Item) -> ThumbRequest:
    """Read what the thumbnail needs from the case (on the thread that owns it)."""
    from evidence_kit.media.image.render import render_inputs

    inputs = render_inputs(store, item)
    return ThumbRequest(
        store.root / item.file,  # confined in render_thumbnail
        thumbnail_path(store, item),
        item.is_video,
        item.is_pdf,
        inputs,
        inputs.case.live(item.id),
    )


def render_thumbnail(request: ThumbRequest, side: int = THUMB_SIDE) -> Path | None:
    """Create (or reuse) a thumbnail file, masked as the export will be; None when the
    kind has none."""
    out = request.out
    root = request.store.root
    if not (resolves_inside(root, request.src) and resolves_inside(root, out)):
        return None  # a link out of the case: never read or written through
    if out.exists():
        return out
    try:
        if request.video:
            img = _video_poster(request, side * 2)
        elif request.pdf:
            return None
        else:
            from evidence_kit.media.image.render import changes_pixels, render_item

            if changes_pixels(request.store, request.item):
                img = render_item(request.store, request.item, max_side=side * 2)
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


def _video_poster(request: ThumbRequest, side: int) -> Image.Image:
    """The first frame as the video panel shows it (colours, upright, display size, masks)."""
    from evidence_kit.media.video.masks import Masker, video_masks
    from evidence_kit.media.video.reader import VideoReader

    with VideoReader(request.src, threads=False) as rd:
        decoded = rd.frame_at(0.0)
        masker = Masker(video_masks(request.store.case, request.item), rd.info.width)
        return Image.fromarray(masker.rgb(rd.to_rgb(decoded, max_side=side), decoded.pts_s))


def rebuild_thumbnails(
    store: CaseStore, progress: ProgressFn = no_progress, cancel: CancelToken | None = None
) -> int:
    """`case rebuild`: make every cached thumbnail again; returns how many were made.

    derived/ holds only caches, so this is all it takes after it was deleted or damaged.
    """
    folder = store.derived("thumbs")  # refused when derived/ is a link out of the case
    shutil.rmtree(folder, ignore_errors=True)
    made = 0
    items = store.case.items
    for n, item in enumerate(items):
        if cancel is not None:
            cancel.check()
        progress(n / max(len(items), 1), f"Thumbnail of {item.title or item.id}")
        if render_thumbnail(thumb_request(store, item)) is not None:
            made += 1
    progress(1.0, "Caches rebuilt")
    return made
