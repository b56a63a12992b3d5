"""Flatten an item's annotations and redactions onto its upright image (Pillow, Qt-free).

The export, the upload pack and the GUI preview all call `render_item`, so what the shopper
sees is what gets sent. Order of work, all in upright-original pixel coordinates:
1. the upright image (EXIF orientation applied), alpha flattened onto white;
2. redactions, drawn first and from outside pixels only, so nothing under them survives;
3. the other annotations in list order (a label may sit on top of a mask);
4. item.crop [x, y, w, h], then item.rotate (clockwise quarter turns).
Annotations therefore never move when the shopper crops or rotates.
`save_clean` writes a file that carries no EXIF, GPS, XMP, ICC or text metadata.
"""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from evidence_kit.core import annotations as A
from evidence_kit.core.errors import UnsupportedMediaError, describe_os_error
from evidence_kit.core.model import Item
from evidence_kit.media.image import redact
from evidence_kit.media.images import load_upright, open_image

IMAGE_KINDS = ("photo", "frame", "document")
_FONT_NAMES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/Library/Fonts")


def font_path(bold: bool = False) -> Path | None:
    """The TrueType font both the renderer and the editor draw text with (None: built-in)."""
    from evidence_kit.core.resources import resource_root

    name = _FONT_NAMES[bold]
    candidates = [resource_root() / "fonts" / name] + [Path(d) / name for d in _FONT_DIRS]
    windir = os.environ.get("WINDIR")
    if windir:
        candidates.append(Path(windir) / "Fonts" / name)
    return next((p for p in candidates if p.is_file()), None)


@lru_cache(maxsize=64)
def _font(size: int, bold: bool) -> Any:
    path = font_path(bold) or font_path(False)
    if path is not None:
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def font(size: float, bold: bool = False) -> Any:
    """Pillow font at a pixel size (cached)."""
    return _font(max(1, int(round(size))), bold)


def check_renderable(item: Item) -> None:
    """Raise a named error for items that have no image to render."""
    if item.kind not in IMAGE_KINDS:
        raise UnsupportedMediaError(f"{item.title or item.id} is a {item.kind}, not an image.")
    if item.kind == "document" and (
        item.file.lower().endswith(".pdf") or item.meta.get("format") == "pdf"
    ):
        raise UnsupportedMediaError(
            f"{item.title or item.id} is a PDF document; only image documents can be annotated."
        )


def upright_size(store: Any, item: Item) -> tuple[int, int]:
    """Full-resolution upright size of the item's image (header only, fast)."""
    from evidence_kit.media.images import image_facts

    img = open_image(store.path_of(item))
    try:
        facts = image_facts(img)
    finally:
        img.close()
    return int(facts["width"]), int(facts["height"])


def load_base(store: Any, item: Item, max_side: int | None = None) -> tuple[Image.Image, float]:
    """The upright RGB image (maybe a preview) and its scale against the full original."""
    check_renderable(item)
    full_w, _ = upright_size(store, item)
    img = flatten_alpha(load_upright(store.path_of(item), max_side))
    return img, img.width / full_w


def flatten_alpha(img: Image.Image) -> Image.Image:
    """RGB, with any transparency composited onto white (screenshots with alpha)."""
    if img.mode == "RGB":
        return img
    rgba = img.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, rgba).convert("RGB")


def render_item(store: Any, item: Item, max_side: int | None = None) -> Image.Image:
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


def _gap(scale: float) -> int:
    # a downscaled preview smears each box's content a few pixels outwards (resampling
    # kernels reach ~3 output pixels): keep those out of the pixelate fringe too
    return 0 if scale >= 1 else 3


def _pixelate_one(
    arr: np.ndarray, ann: dict[str, Any], box: redact.Box, hidden: np.ndarray, scale: float
) -> None:
    x, y, w, h = ann["rect"]
    cell = max(1.0, redact.block_size(w, h) * scale)
    # the noise is seeded by where the box is, never by what is under it
    key = ",".join(str(int(round(v))) for v in ann["rect"])
    redact.pixelate(arr, box, hidden, cell, key, _gap(scale))


def apply_redactions(
    img: Image.Image, redactions: list[dict[str, Any]], scale: float
) -> Image.Image:
    """Burn the redaction boxes into the pixels (solid or secure pixelate)."""
    arr = np.array(img.convert("RGB"))
    boxes = scaled_boxes(redactions, img.size, scale)
    hidden = redact.union_mask(arr.shape[:2], [b for _, b in boxes], _gap(scale))
    for ann, box in boxes:
        if ann["style"] == "pixelate":
            _pixelate_one(arr, ann, box, hidden, scale)
        else:
            redact.solid(arr, box, ann["color"])
    return Image.fromarray(arr)


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
    margin = int(redact.block_size(w, h) * scale) + _gap(scale) + 4
    rx0, ry0 = max(0, x0 - margin), max(0, y0 - margin)
    rx1, ry1 = min(base.width, x1 + margin), min(base.height, y1 + margin)
    arr = np.array(base.convert("RGB").crop((rx0, ry0, rx1, ry1)))
    shifted = [(b[0] - rx0, b[1] - ry0, b[2] - rx0, b[3] - ry0) for _, b in boxes + own]
    hidden = redact.union_mask(
        arr.shape[:2], [_clip_box(b, arr.shape) for b in shifted], _gap(scale)
    )
    box = (x0 - rx0, y0 - ry0, x1 - rx0, y1 - ry0)
    if tgt["style"] == "pixelate":
        _pixelate_one(arr, tgt, box, hidden, scale)
    else:
        redact.solid(arr, box, tgt["color"])
    return Image.fromarray(arr[box[1] : box[3], box[0] : box[2]]), own[0][1]


def _clip_box(b: redact.Box, shape: tuple[int, ...]) -> redact.Box:
    return (max(0, b[0]), max(0, b[1]), min(shape[1], b[2]), min(shape[0], b[3]))


def _pt(p: list[float], scale: float, size: tuple[int, int]) -> tuple[float, float]:
    x, y = A.clamp_point([p[0] * scale, p[1] * scale], size)
    return x, y


def _stroke(draw: Any, pts: list[tuple[float, float]], fill: Any, width: float) -> None:
    """A polyline with round caps and joins, like Qt's RoundCap/RoundJoin pen."""
    w = max(1, int(round(width)))
    if len(pts) > 1:
        draw.line(pts, fill=fill, width=w, joint="curve")
    r = w / 2
    if r >= 1.5:
        for x, y in (pts[0], pts[-1]):
            draw.ellipse([x - r, y - r, x + r, y + r], fill=fill)


def draw_annotation(img: Image.Image, ann: dict[str, Any], scale: float = 1.0) -> Image.Image:
    """Draw one validated, non-redact annotation; returns the (maybe new) image."""
    kind = ann["type"]
    size = img.size
    if kind == "pen" and ann.get("highlight"):
        return _highlight(img, ann, scale)
    if kind == "text" and A.parse_color(ann.get("box") or "#00000000")[3] not in (0, 255):
        # a translucent box needs compositing; the text itself goes on top afterwards
        _, _, w, h, _, _ = _text_geometry(ann, scale)
        x, y = _pt(ann["at"], scale, size)
        region = _region(img, x, y, x + w, y + h)
        if region is not None:
            layer = Image.new("RGBA", (region[2] - region[0], region[3] - region[1]), (0, 0, 0, 0))
            shifted = dict(
                ann, at=[ann["at"][0] - region[0] / scale, ann["at"][1] - region[1] / scale]
            )
            _draw_text_box(ImageDraw.Draw(layer), shifted, scale, size)
            patch = Image.alpha_composite(img.crop(region).convert("RGBA"), layer).convert("RGB")
            img.paste(patch, region[:2])
        _draw_text_glyphs(ImageDraw.Draw(img), ann, scale, size)
        return img
    draw = ImageDraw.Draw(img)
    if kind in ("arrow", "line", "pen"):
        color = A.parse_color(ann["color"])[:3]
        width = ann["width"] * scale
        pts = [_pt(p, scale, size) for p in ann["points"]]
        if kind == "arrow":
            head = A.arrow_head(list(pts[0]), list(pts[1]), width)
            end = A.arrow_shaft_end(list(pts[0]), list(pts[1]), width)
            _stroke(draw, [pts[0], end], color, width)
            draw.polygon(head, fill=color)
        else:
            _stroke(draw, pts, color, width)
    elif kind in ("rect", "ellipse"):
        color = A.parse_color(ann["color"])[:3]
        width = max(1, int(round(ann["width"] * scale)))
        x, y, w, h = (v * scale for v in ann["rect"])
        x0, y0 = A.clamp_point([x - width / 2, y - width / 2], size)
        x1, y1 = A.clamp_point([x + w + width / 2, y + h + width / 2], size)
        if x1 > x0 and y1 > y0:
            shape = draw.rectangle if kind == "rect" else draw.ellipse
            shape([x0, y0, x1, y1], outline=color, width=width)
    elif kind == "marker":
        _draw_marker(draw, ann, scale, size)
    elif kind == "text":
        _draw_text_box(draw, ann, scale, size)
        _draw_text_glyphs(draw, ann, scale, size)
    return img


def _region(
    img: Image.Image, x0: float, y0: float, x1: float, y1: float
) -> tuple[int, int, int, int] | None:
    """Integer box around a drawing, with a small margin, inside the image (None if off it)."""
    import math

    box = (
        max(0, math.floor(x0) - 2),
        max(0, math.floor(y0) - 2),
        min(img.width, math.ceil(x1) + 3),
        min(img.height, math.ceil(y1) + 3),
    )
    return box if box[2] > box[0] and box[3] > box[1] else None


def _highlight(img: Image.Image, ann: dict[str, Any], scale: float) -> Image.Image:
    # one mask for the whole stroke so overlapping segments do not darken twice; only the
    # stroke's own region is composited, which keeps 50 MP renders quick
    pts = [_pt(p, scale, img.size) for p in ann["points"]]
    half = ann["width"] * scale / 2 + 1
    region = _region(
        img,
        min(p[0] for p in pts) - half,
        min(p[1] for p in pts) - half,
        max(p[0] for p in pts) + half,
        max(p[1] for p in pts) + half,
    )
    if region is None:
        return img
    size = (region[2] - region[0], region[3] - region[1])
    mask = Image.new("L", size, 0)
    local = [(x - region[0], y - region[1]) for x, y in pts]
    _stroke(ImageDraw.Draw(mask), local, 255, ann["width"] * scale)
    alpha = mask.point(lambda v: int(v * A.HIGHLIGHT_OPACITY))
    color = Image.new("RGB", size, A.parse_color(ann["color"])[:3])
    img.paste(Image.composite(color, img.crop(region), alpha), region[:2])
    return img


def text_layout(ann: dict[str, Any], measure: Any) -> tuple[list[str], float, float, float, float]:
    """Lines, box width, box height, padding and line height of a text annotation.

    measure(line) -> advance width in pixels at ann['size']; the editor passes Qt's.
    """
    size = ann["size"]
    lines = ann["text"].split("\n")
    pad = A.text_padding(size)
    line_h = size * 1.25
    width = max((measure(line) for line in lines), default=0.0) + 2 * pad
    height = line_h * len(lines) + 2 * pad
    return lines, width, height, pad, line_h


def _text_geometry(
    ann: dict[str, Any], scale: float
) -> tuple[Any, list[str], float, float, float, float]:
    fnt = font(ann["size"] * scale)
    scaled = dict(ann, size=ann["size"] * scale)
    lines, w, h, pad, line_h = text_layout(scaled, fnt.getlength)
    return fnt, lines, w, h, pad, line_h


def _draw_text_box(draw: Any, ann: dict[str, Any], scale: float, size: tuple[int, int]) -> None:
    if not ann.get("box"):
        return
    _, _, w, h, _, _ = _text_geometry(ann, scale)
    x, y = _pt(ann["at"], scale, size)
    draw.rectangle([x, y, x + w, y + h], fill=A.parse_color(ann["box"]))


def _draw_text_glyphs(draw: Any, ann: dict[str, Any], scale: float, size: tuple[int, int]) -> None:
    fnt, lines, _, _, pad, line_h = _text_geometry(ann, scale)
    x, y = _pt(ann["at"], scale, size)
    color = A.parse_color(ann["color"])
    for i, line in enumerate(lines):
        draw.text(
            (x + pad, y + pad + i * line_h + line_h / 2), line, font=fnt, fill=color, anchor="lm"
        )


def _draw_marker(draw: Any, ann: dict[str, Any], scale: float, size: tuple[int, int]) -> None:
    cx, cy = _pt(ann["at"], scale, size)
    r = ann["size"] * scale
    outline = max(1, int(round(r * 0.12)))
    draw.ellipse(
        [cx - r, cy - r, cx + r, cy + r],
        fill=A.parse_color(ann["color"]),
        outline="white",
        width=outline,
    )
    number = ann["number"]
    fnt = font(A.marker_font_size(r, number), bold=True)
    draw.text((cx, cy), str(number), font=fnt, fill=A.marker_text_color(ann["color"]), anchor="mm")


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
