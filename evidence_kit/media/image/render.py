"""Flatten an item's annotations and redactions onto its upright image (Pillow, Qt-free).

The export, the upload pack and the GUI preview all call `render_item`, so what the shopper
sees is what gets sent. Order of work, all in upright-original pixel coordinates:
1. the upright image (EXIF orientation applied), alpha flattened onto white;
2. redactions, drawn first and from outside pixels only, so nothing under them survives;
3. the other annotations in list order (a label may sit on top of a mask);
4. item.crop [x, y, w, h], then item.rotate (clockwise quarter turns).
Annotations therefore never move when the shopper crops or rotates.
Each mark is drawn by `draw.py`. `save_clean` writes a file that carries no EXIF, GPS, XMP,
ICC or text metadata.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from evidence_kit.core import annotations as A
from evidence_kit.core.errors import UnsupportedMediaError, describe_os_error
from evidence_kit.core.model import Item
from evidence_kit.core.store import CaseStore
from evidence_kit.media.image import redact
from evidence_kit.media.image.draw import draw_annotation
from evidence_kit.media.images import load_upright, open_image


def check_renderable(item: Item) -> None:
    """Raise a named error for items that have no image to render."""
    if item.is_video:
        raise UnsupportedMediaError(f"{item.title or item.id} is a {item.kind}, not an image.")
    if item.is_pdf:
        raise UnsupportedMediaError(
            f"{item.title or item.id} is a PDF document; only image documents can be annotated."
        )


def upright_size(store: CaseStore, item: Item) -> tuple[int, int]:
    """Full-resolution upright size of the item's image (header only, fast)."""
    from evidence_kit.media.images import image_facts

    img = open_image(store.path_of(item))
    try:
        facts = image_facts(img)
    finally:
        img.close()
    return int(facts["width"]), int(facts["height"])


def load_base(
    store: CaseStore,
    item: Item,
    max_side: int | None = None,
    inherited: list[dict[str, Any]] | None = None,
) -> tuple[Image.Image, float]:
    """The upright RGB image (maybe a preview) and its scale against the full original,
    with what it inherits already burned in: a frame its video's masks at its time, a
    comparison both sides as they are now rendered (their masks included).

    inherited: the frame's inherited masks when the caller worked them out (the editor,
    whose store holds no case); None reads them from store.case.
    """
    check_renderable(item)
    full_w, full_h = upright_size(store, item)
    composed = _recompose(store, item)
    if composed is not None:
        img = composed
        if img.size != (full_w, full_h):
            img = img.resize((full_w, full_h), Image.Resampling.LANCZOS)
        if max_side and max(img.size) > max_side:
            img.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    else:
        img = flatten_alpha(load_upright(store.checked(item), max_side))  # never a swapped file
    scale = img.width / full_w
    masks = inherited if inherited is not None else inherited_masks(store.case, item)
    if masks:
        img = apply_redactions(img, masks, scale)
    return img, scale


def inherited_masks(case: Any, item: Item) -> list[dict[str, Any]]:
    """The masks a frame takes from its video at its time (none for other items)."""
    from evidence_kit.media.video.masks import picture_masks

    return picture_masks(case, item)


def _recompose(store: CaseStore, item: Item) -> Image.Image | None:
    """A comparison made again from its two sides as they are now (a side masked after the
    comparison was made is masked in it too); None for other items, or when a side is gone."""
    sides = comparison_sides(store.case, item)
    if sides is None or None in sides:
        return None
    from evidence_kit.media.image.compare import compose_items

    listed, received = sides
    assert listed is not None and received is not None
    return compose_items(store, listed, received)


def comparison_sides(case: Any, item: Item) -> list[Item | None] | None:
    """A comparison's two sides as they are in the case (None for one that is gone, or no
    longer the file it was made from); None when the item is no comparison."""
    sides = item.meta.get("comparison")
    if not isinstance(sides, dict):
        return None
    out: list[Item | None] = []
    for key in ("listed", "received"):
        ref = sides.get(key)
        side = case.find(str(ref.get("item", ""))) if isinstance(ref, dict) else None
        if side is not None and isinstance(ref, dict) and side.sha256 != ref.get("sha256"):
            side = None  # the side's file is not the one the comparison was made from
        out.append(side if side is not None and side.is_image else None)
    return out


def render_inputs(store: CaseStore, item: Item) -> CaseStore:
    """A store that holds copies of only the items the item's render reads (itself, the
    video a frame was grabbed from and that video's own, a comparison's sides): what a
    worker thread gets instead of the live case."""
    import copy

    from evidence_kit.core.model import Case

    wanted: dict[str, Item] = {}
    todo = [item]
    while todo:
        it = todo.pop()
        if it.id in wanted:
            continue
        wanted[it.id] = copy.deepcopy(it)
        parent = store.case.find(it.parent) if it.parent else None
        todo += [p for p in [parent, *(comparison_sides(store.case, it) or [])] if p is not None]
    return CaseStore(store.root, Case(items=list(wanted.values())))


def changes_pixels(store: CaseStore, item: Item) -> bool:
    """Its render differs from its file: marks, a crop or a turn, inherited masks, or a
    comparison made again from its sides."""
    return bool(
        item.annotations
        or item.crop
        or item.rotate
        or inherited_masks(store.case, item)
        or isinstance(item.meta.get("comparison"), dict)
    )


def render_key(store: CaseStore, item: Item) -> str:
    """A short hash of everything the item's render depends on (its file, marks, crop,
    turn, inherited masks, a comparison's sides): a cached render is fresh while it holds."""
    import hashlib
    import json

    from evidence_kit.media.video.masks import video_masks

    parts: list[Any] = [item.sha256, item.annotations, item.crop, item.rotate]
    parts.append(
        video_masks(store.case, item) if item.is_video else inherited_masks(store.case, item)
    )
    for side in comparison_sides(store.case, item) or []:
        parts.append(render_key(store, side) if side is not None else None)
    blob = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def flatten_alpha(img: Image.Image) -> Image.Image:
    """RGB, with any transparency composited onto white (screenshots with alpha)."""
    if img.mode == "RGB":
        return img
    rgba = img.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, rgba).convert("RGB")


def render_item(store: CaseStore, item: Item, max_side: int | None = None) -> Image.Image:
    """The item's image upright, with redactions, annotations, crop and rotation, in RGB.

    max_side: render a preview no larger than this (coordinates are scaled to match).
    Raises UnsupportedMediaError for videos, clips and PDF documents.
    """
    base, scale = load_base(store, item, max_side)
    out = render_image(base, item.annotations, scale)
    return crop_and_rotate(out, item.crop, item.rotate, scale)


def render_image(base: Image.Image, anns: list[dict[str, Any]], scale: float = 1.0) -> Image.Image:
    """Draw annotations (original-pixel coordinates times `scale`) onto a copy of base."""
    valid = A.validate_all(anns)
    img = flatten_alpha(base).copy()
    redactions = [a for a in valid if a["type"] == "redact"]
    if redactions:
        img = apply_redactions(img, redactions, scale)
    for ann in valid:
        if ann["type"] != "redact":
            img = draw_annotation(img, ann, scale)
    return img


def scaled_boxes(
    redactions: list[dict[str, Any]], size: tuple[int, int], scale: float
) -> list[tuple[dict[str, Any], redact.Box]]:
    """Each redaction with its pixel box at this scale (those wholly outside are dropped)."""
    out = []
    for ann in redactions:
        x, y, w, h = ann["rect"]
        box = A.clip_rect([x * scale, y * scale, w * scale, h * scale], size)
        if box is not None:
            out.append((ann, box))
    return out


def fringe_gap(scale: float) -> int:
    # a downscaled preview smears each box's content a few pixels outwards (resampling
    # kernels reach ~3 output pixels): keep those out of the pixelate fringe too
    return 0 if scale >= 1 else 3


def pixelate_box(
    arr: np.ndarray, ann: dict[str, Any], box: redact.Box, hidden: np.ndarray, scale: float
) -> None:
    redact.pixelate(arr, box, hidden, *_grid_args(ann, scale))


def pixelate_grid(
    arr: np.ndarray, ann: dict[str, Any], box: redact.Box, hidden: np.ndarray, scale: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """pixelate_box's cells, not yet spread over the box (redact.pixel_grid)."""
    return redact.pixel_grid(arr, box, hidden, *_grid_args(ann, scale))


def _grid_args(ann: dict[str, Any], scale: float) -> tuple[float, str, int]:
    x, y, w, h = ann["rect"]
    cell = max(1.0, redact.block_size(w, h) * scale)
    # the noise is seeded by where the box is, never by what is under it
    key = ",".join(str(int(round(v))) for v in ann["rect"])
    return cell, key, fringe_gap(scale)


def apply_redactions(
    img: Image.Image, redactions: list[dict[str, Any]], scale: float
) -> Image.Image:
    """Burn the redaction boxes into the pixels (solid or secure pixelate)."""
    arr = np.array(img.convert("RGB"))
    redact_array(arr, redactions, scale)
    return Image.fromarray(arr)


def redact_array(arr: np.ndarray, redactions: list[dict[str, Any]], scale: float) -> None:
    """Burn the boxes into an H x W x 3 array in place (a video picture, a photo)."""
    boxes = scaled_boxes(redactions, (arr.shape[1], arr.shape[0]), scale)
    hidden = redact.union_mask(arr.shape[:2], [b for _, b in boxes], fringe_gap(scale))
    for ann, box in boxes:
        if ann["style"] == "pixelate":
            pixelate_box(arr, ann, box, hidden, scale)
        else:
            redact.solid(arr, box, ann["color"])


def redaction_patch(
    base: Image.Image, redactions: list[dict[str, Any]], target: dict[str, Any], scale: float
) -> tuple[Image.Image, redact.Box] | None:
    """The exact pixels `apply_redactions` puts in target's box, computed from its surroundings
    only (cheap enough to redo on every drag step in the editor). None if it is off-image.
    """
    valid = A.validate_all(redactions)
    tgt = A.validate(target)
    boxes = scaled_boxes(valid, base.size, scale)
    own = scaled_boxes([tgt], base.size, scale)
    if not own:
        return None
    x0, y0, x1, y1 = own[0][1]
    x, y, w, h = tgt["rect"]
    margin = int(redact.block_size(w, h) * scale) + fringe_gap(scale) + 4
    rx0, ry0 = max(0, x0 - margin), max(0, y0 - margin)
    rx1, ry1 = min(base.width, x1 + margin), min(base.height, y1 + margin)
    arr = np.array(base.convert("RGB").crop((rx0, ry0, rx1, ry1)))
    shifted = [(b[0] - rx0, b[1] - ry0, b[2] - rx0, b[3] - ry0) for _, b in boxes + own]
    hidden = redact.union_mask(
        arr.shape[:2], [_clip_box(b, arr.shape) for b in shifted], fringe_gap(scale)
    )
    box = (x0 - rx0, y0 - ry0, x1 - rx0, y1 - ry0)
    if tgt["style"] == "pixelate":
        pixelate_box(arr, tgt, box, hidden, scale)
    else:
        redact.solid(arr, box, tgt["color"])
    return Image.fromarray(arr[box[1] : box[3], box[0] : box[2]]), own[0][1]


def _clip_box(b: redact.Box, shape: tuple[int, ...]) -> redact.Box:
    return (max(0, b[0]), max(0, b[1]), min(shape[1], b[2]), min(shape[0], b[3]))


def crop_and_rotate(
    img: Image.Image, crop: list[float] | None, rotate: int, scale: float = 1.0
) -> Image.Image:
    """Apply the item's crop (upright-original coordinates) and then its clockwise rotation."""
    if crop:
        box = A.clip_rect([v * scale for v in crop], img.size)
        if box is not None:
            img = img.crop(box)
    turns = {
        90: Image.Transpose.ROTATE_270,
        180: Image.Transpose.ROTATE_180,
        270: Image.Transpose.ROTATE_90,
    }
    if rotate in turns:
        img = img.transpose(turns[rotate])
    return img


def save_clean(img: Image.Image, path: Path | str, fmt: str = "png", quality: int = 90) -> Path:
    """Write img with no EXIF, GPS, XMP, ICC or text chunks; atomic (temp file + rename)."""
    path = Path(path)
    fmt = fmt.lower()
    if fmt not in ("png", "jpeg", "jpg"):
        from evidence_kit.core.errors import InvalidValueError

        raise InvalidValueError(f"format must be png or jpeg, not '{fmt}'")
    # a fresh image object has an empty .info, so no metadata can ride along
    clean = Image.new("RGB", img.size)
    clean.paste(img.convert("RGB"))
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".render-", suffix=".tmp", dir=path.parent)
        os.close(fd)
        if fmt == "png":
            # level 3: within ~10% of level 6's size at a third of its time (12 MP: 3 s vs 10 s)
            clean.save(tmp, "PNG", optimize=False, compress_level=3)
        else:
            clean.save(tmp, "JPEG", quality=int(quality), optimize=True)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise describe_os_error(exc, path) from exc
    return path
