"""Drawing one mark (arrow, line, box, ellipse, text, numbered marker, pen, highlighter) onto
a Pillow image, and the font that the renderer and the editor both draw text with.

Coordinates are upright-original pixels times `scale`; points off the image are clamped.
Redactions are not drawn here: `render.apply_redactions` burns them in first.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from evidence_kit.core import annotations as A

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
        mid = y + pad + i * line_h + line_h / 2
        if not -line_h <= mid <= size[1] + line_h:
            continue  # wholly above or below the picture
        start, part = _visible_part(line, fnt, x + pad, size[0], line_h)
        if part:
            draw.text((start, mid), part, font=fnt, fill=color, anchor="lm")


def _visible_part(line: str, fnt: Any, x: float, width: int, margin: float) -> tuple[float, str]:
    """The stretch of a line that can show on a picture `width` wide, and where it starts.

    Pillow rasterises a whole line before clipping it, so a long line in a big font (a
    hand-edited case.json) would ask for gigapixels; what is off the picture is not drawn.
    """
    if x >= 0 and x + fnt.getlength(line) <= width + margin:
        return x, line

    def fits(k: int, limit: float, start: int = 0) -> bool:
        return fnt.getlength(line[start:k]) <= limit

    skip = 0
    if x < -margin:  # characters wholly left of the picture
        lo, hi = 0, len(line)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if fits(mid, -x - margin) else (lo, mid - 1)
        skip = lo
        x += fnt.getlength(line[:skip])
    lo, hi = skip, len(line)  # and those wholly right of it
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if fits(mid, width + margin - x, skip) else (lo, mid - 1)
    return x, line[skip : min(len(line), lo + 1)]


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
