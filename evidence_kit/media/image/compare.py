"""The "As listed / As received" exhibit: a listing screenshot and the received item side by side.

This is the standard proof for "not as described". The result is a new extracted photo item
(source "extracted", parent = the received photo) whose meta names both sources, so the
manifest can trace every pixel back to an original; its render is composed again from both
sides as they are (render.load_base), so a side masked later is masked in it too.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from evidence_kit.core import activity_log
from evidence_kit.core.case_paths import make_read_only
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.hashing import sha256_file
from evidence_kit.core.model import Item, ItemKind
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress
from evidence_kit.media.image.draw import font
from evidence_kit.media.image.render import render_item, save_clean

LABELS = ("As listed", "As received")
MAX_PANEL_HEIGHT = 1600
#: panels are rendered no larger than this, which bounds memory for 50 MP photos
RENDER_MAX_SIDE = 3200
_LABEL_COLORS = ("#1e88e5", "#e53935")


def compose(
    listed: Image.Image, received: Image.Image, captions: tuple[str, str] = ("", "")
) -> Image.Image:
    """Both images at one height, each under its label, with an optional caption below."""
    height = min(MAX_PANEL_HEIGHT, max(listed.height, received.height))
    panels = [
        img.resize(
            (max(1, round(img.width * height / img.height)), height), Image.Resampling.LANCZOS
        )
        for img in (listed, received)
    ]
    margin = max(16, height // 40)
    label_size = max(24, height // 18)
    caption_size = max(12, height // 60)
    head = int(label_size * 1.6)
    foot = int(caption_size * 2.2) if any(captions) else 0
    width = sum(p.width for p in panels) + margin * 3
    canvas = Image.new("RGB", (width, height + head + foot + margin * 2), "white")
    draw = ImageDraw.Draw(canvas)
    x = margin
    for panel, label, color, caption in zip(panels, LABELS, _LABEL_COLORS, captions, strict=True):
        top = margin + head
        draw.rectangle([x, margin, x + panel.width - 1, top - 1], fill=color)
        draw.text(
            (x + panel.width / 2, margin + head / 2),
            label,
            font=font(label_size, bold=True),
            fill="white",
            anchor="mm",
        )
        canvas.paste(panel, (x, top))
        draw.rectangle([x - 1, top - 1, x + panel.width, top + height], outline="#9e9e9e")
        if caption:
            draw.text(
                (x, top + height + caption_size * 0.6),
                caption,
                font=font(caption_size),
                fill="#424242",
                anchor="la",
            )
        x += panel.width + margin
    return canvas


def _caption(item: Item) -> str:
    # the title, never the file name: 'IMG_4526 JaneDoe.jpg' would name the shopper
    return f"{item.public_title} · sha256 {item.sha256[:12]}…"


def compose_items(
    store: CaseStore, listing: Item, received: Item, cancel: CancelToken | None = None
) -> Image.Image:
    """Both sides rendered as they are now (marks and masks included), composed."""
    left = render_item(store, listing, max_side=RENDER_MAX_SIDE)
    if cancel is not None:
        cancel.check()
    right = render_item(store, received, max_side=RENDER_MAX_SIDE)
    if cancel is not None:
        cancel.check()
    return compose(left, right, (_caption(listing), _caption(received)))


def make_comparison(
    store: CaseStore,
    listing: Item,
    received: Item,
    new_id: str,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> Item:
    """Render both items (with their annotations), compose them and save a new item's file.

    The caller adds the returned Item to the case (case_ops.add_items / controller.add_items).
    """
    if listing.id == received.id:
        raise InvalidValueError("Pick two different items: the listing and what you received.")
    progress(0.0, "Rendering both sides")
    canvas = compose_items(store, listing, received, cancel)
    folder = store.extracted("compare")
    path = folder / f"{new_id}_as-listed_vs_as-received.png"
    save_clean(canvas, path)
    make_read_only(path)  # an exhibit, like a frame
    progress(0.95, "Hashing")
    rel = path.relative_to(store.root).as_posix()
    item = Item(
        id=new_id,
        kind=ItemKind.PHOTO,
        file=rel,
        sha256=sha256_file(path),
        bytes=path.stat().st_size,
        imported_at=activity_log.now_iso(),
        source="extracted",
        parent=received.id,
        title="As listed / As received",
        note=f"Left: {listing.public_title}. Right: {received.public_title}.",
        original_name=path.name,
        meta={
            "width": canvas.width,
            "height": canvas.height,
            "format": "png",
            "comparison": {
                "listed": {"item": listing.id, "sha256": listing.sha256, "file": listing.file},
                "received": {"item": received.id, "sha256": received.sha256, "file": received.file},
            },
        },
    )
    progress(1.0, "Comparison ready")
    return item
