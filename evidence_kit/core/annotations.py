"""Annotation shapes of DESIGN §3: validation, defaults and the geometry both drawers share.

The Pillow renderer and the Qt editor draw from the same numbers computed here (arrow
heads, marker radius, text padding), so the editor shows what the export will contain.
Coordinates are pixels of the upright original image (after EXIF orientation).
"""

from __future__ import annotations

import copy
import math
import re
from typing import Any

from evidence_kit.core.errors import InvalidMarkError, InvalidValueError

TYPES = ("arrow", "line", "rect", "ellipse", "text", "marker", "pen", "redact")
REDACT_STYLES = ("solid", "pixelate")
DEFAULT_COLOR = "#e53935"
HIGHLIGHT_COLOR = "#fdd835"
HIGHLIGHT_OPACITY = 0.45
DEFAULT_WIDTH = 6
DEFAULT_TEXT_SIZE = 32
DEFAULT_MARKER_SIZE = 28  # radius in image pixels
#: coordinates beyond this many image sizes outside the picture are clamped: they can only
#: be typos, and absurd numbers would make the drawing libraries allocate huge buffers
_FAR = 4.0
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


def _bad(index: int | None, field: str, reason: str) -> InvalidMarkError:
    where = f"annotation {index + 1}: " if index is not None else "annotation: "
    return InvalidMarkError(where + (f"{field} {reason}" if field else reason), field, reason)


def _number(value: Any, field: str, index: int | None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _bad(index, field, "must be a number")
    if isinstance(value, int) and abs(value) > 2**63:  # 10**400 cannot even become a float
        raise _bad(index, field, "must be a number of sane size")
    if not math.isfinite(value):
        raise _bad(index, field, "must be a number")
    return float(value)


def _point(value: Any, field: str, index: int | None) -> list[float]:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise _bad(index, field, "must be [x, y]")
    return [_number(v, field, index) for v in value]


def _rect(value: Any, field: str, index: int | None) -> list[float]:
    if not isinstance(value, (list, tuple)) or len(value) != 4:
        raise _bad(index, field, "must be [x, y, w, h]")
    x, y, w, h = (_number(v, field, index) for v in value)
    if w < 0:  # a rectangle dragged right-to-left: keep it, normalised
        x, w = x + w, -w
    if h < 0:
        y, h = y + h, -h
    return [x, y, w, h]


def _color(value: Any, field: str, index: int | None) -> str:
    if not isinstance(value, str) or not _HEX.match(value):
        raise _bad(index, field, "must be a colour like #e53935 or #000000a0")
    return value.lower()


def _size(value: Any, field: str, low: float, high: float, index: int | None) -> float:
    size = _number(value, field, index)
    if not low <= size <= high:
        raise _bad(index, field, f"must be between {low:g} and {high:g}")
    return size


def _video_times(ann: dict[str, Any], out: dict[str, Any], index: int | None) -> None:
    """A redaction on a video: `from`/`to` in seconds and optional timed key positions."""
    if "from" in ann:
        out["from"] = _number(ann["from"], "from", index)
        if out["from"] < 0:
            raise _bad(index, "from", "must be 0 or more seconds")
    if "to" in ann:
        out["to"] = _number(ann["to"], "to", index)
        if out["to"] < out.get("from", 0.0):
            raise _bad(index, "to", "must not be before 'from'")
    if "keys" in ann:
        keys = ann["keys"]
        shape = "must be [[t, [x, y, w, h]], ...]"
        if not isinstance(keys, list):
            raise _bad(index, "keys", shape)
        out["keys"] = []
        for key in keys:
            if not isinstance(key, (list, tuple)) or len(key) != 2:
                raise _bad(index, "keys", shape)
            out["keys"].append([_number(key[0], "keys", index), _rect(key[1], "keys", index)])


def validate(ann: Any, index: int | None = None) -> dict[str, Any]:
    """Check one annotation fully and return it normalised with its defaults filled in.

    Raises InvalidMarkError naming the bad field. Keys this version does not know are kept.
    """
    if not isinstance(ann, dict):
        raise _bad(index, "", "must be a JSON object")
    kind = ann.get("type")
    if kind not in TYPES:
        raise _bad(index, "type", f"must be one of {', '.join(TYPES)}")
    out: dict[str, Any] = copy.deepcopy(ann)
    if kind in ("arrow", "line", "pen"):
        points = ann.get("points")
        need = 1 if kind == "pen" else 2
        if not isinstance(points, list) or len(points) < need:
            raise _bad(index, "points", f"must list at least {need} point(s) [[x, y], ...]")
        out["points"] = [_point(p, "points", index) for p in points]
        if kind != "pen":
            out["points"] = out["points"][:2]
    if kind in ("rect", "ellipse", "redact"):
        out["rect"] = _rect(ann.get("rect"), "rect", index)
    if kind in ("text", "marker"):
        out["at"] = _point(ann.get("at"), "at", index)
    if kind == "pen":
        highlight = ann.get("highlight", False)
        if not isinstance(highlight, bool):
            raise _bad(index, "highlight", "must be true or false")
        out["highlight"] = highlight
    if kind in ("arrow", "line", "rect", "ellipse", "pen", "marker"):
        default = HIGHLIGHT_COLOR if out.get("highlight") else DEFAULT_COLOR
        out["color"] = _color(ann.get("color", default), "color", index)
    if kind in ("arrow", "line", "rect", "ellipse", "pen"):
        default_w = DEFAULT_WIDTH * 3 if out.get("highlight") else DEFAULT_WIDTH
        width = _number(ann.get("width", default_w), "width", index)
        if not 0 < width <= 1000:
            raise _bad(index, "width", "must be between 0 and 1000")
        out["width"] = width
    if kind == "text":
        text = ann.get("text")
        if not isinstance(text, str) or not text.strip():
            raise _bad(index, "text", "must be some words (it is empty)")
        out["size"] = _size(ann.get("size", DEFAULT_TEXT_SIZE), "size", 4, 2000, index)
        out["color"] = _color(ann.get("color", "#ffffff"), "color", index)
        box = ann.get("box", "#000000a0")
        out["box"] = None if box in (None, "") else _color(box, "box", index)
    if kind == "marker":
        number = ann.get("number", 1)
        if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number < 10000:
            raise _bad(index, "number", "must be a whole number from 0 to 9999")
        out["number"] = number
        out["size"] = _size(ann.get("size", DEFAULT_MARKER_SIZE), "size", 4, 2000, index)
    if kind == "redact":
        style = ann.get("style", "solid")
        if style not in REDACT_STYLES:
            raise _bad(
                index, "style", "must be solid or pixelate (blur is never used for redaction)"
            )
        out["style"] = style
        out["color"] = _color(ann.get("color", "#000000"), "color", index)
        _video_times(ann, out, index)
    return out


def validate_all(anns: Any) -> list[dict[str, Any]]:
    """Validate a list of annotations, naming the first bad one."""
    if not isinstance(anns, list):
        raise InvalidValueError("annotations must be a JSON list")
    return [validate(a, i) for i, a in enumerate(anns)]


def renumber_markers(anns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Markers numbered 1..n in list order (after one is deleted or pasted)."""
    out = copy.deepcopy(anns)
    n = 0
    for ann in out:
        if ann.get("type") == "marker":
            n += 1
            ann["number"] = n
    return out


def next_marker_number(anns: list[dict[str, Any]]) -> int:
    """The number a new marker gets."""
    numbers = [a.get("number", 0) for a in anns if a.get("type") == "marker"]
    return max([n for n in numbers if isinstance(n, int)], default=0) + 1


def clamp_point(p: list[float], size: tuple[int, int]) -> tuple[float, float]:
    """Pull absurdly distant coordinates in; anything visible is left exactly as it was."""
    w, h = size
    lo_x, hi_x = -_FAR * w, (1 + _FAR) * w
    lo_y, hi_y = -_FAR * h, (1 + _FAR) * h
    return (min(max(p[0], lo_x), hi_x), min(max(p[1], lo_y), hi_y))


def clip_rect(rect: list[float], size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """Integer box (x0, y0, x1, y1) of rect inside the image, or None if nothing is left.

    Rounds outwards so a redaction always covers every pixel it touches.
    """
    x, y, w, h = rect
    x0, y0 = max(0, math.floor(x)), max(0, math.floor(y))
    x1, y1 = min(size[0], math.ceil(x + w)), min(size[1], math.ceil(y + h))
    if x1 <= x0 or y1 <= y0:
        return None
    return x0, y0, x1, y1


def arrow_head(p0: list[float], p1: list[float], width: float) -> list[tuple[float, float]]:
    """Triangle of the arrow head at p1: tip, left, right. Its size follows the line width."""
    length = max(3.5 * width, 14.0)
    half = max(1.6 * width, 7.0)
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    norm = math.hypot(dx, dy) or 1.0
    ux, uy = dx / norm, dy / norm
    bx, by = p1[0] - ux * length, p1[1] - uy * length
    return [(p1[0], p1[1]), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)]


def arrow_shaft_end(p0: list[float], p1: list[float], width: float) -> tuple[float, float]:
    """Where the shaft stops, inside the head, so its square end never pokes past the tip."""
    length = max(3.5 * width, 14.0) * 0.6
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    norm = math.hypot(dx, dy) or 1.0
    if norm <= length:
        return (p0[0], p0[1])
    return (p1[0] - dx / norm * length, p1[1] - dy / norm * length)


def text_padding(size: float) -> float:
    """Space between a text's box edge and its letters."""
    return max(2.0, size * 0.25)


def marker_font_size(radius: float, number: int) -> float:
    """Font size of the digits inside a marker disc."""
    return radius * (1.1 if number < 10 else 0.85 if number < 100 else 0.65)


def parse_color(value: str) -> tuple[int, int, int, int]:
    """#rrggbb or #rrggbbaa to an RGBA tuple."""
    v = value.lstrip("#")
    r, g, b = int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16)
    a = int(v[6:8], 16) if len(v) == 8 else 255
    return r, g, b, a


def marker_text_color(color: str) -> str:
    """White digits on dark discs, black on light ones."""
    r, g, b, _ = parse_color(color)
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 170 else "#ffffff"


def bounds(ann: dict[str, Any]) -> tuple[float, float, float, float]:
    """Rough bounding box (x0, y0, x1, y1) of an annotation, used to place pasted copies."""
    kind = ann["type"]
    if kind in ("rect", "ellipse", "redact"):
        x, y, w, h = ann["rect"]
        return x, y, x + w, y + h
    if kind in ("arrow", "line", "pen"):
        xs = [p[0] for p in ann["points"]]
        ys = [p[1] for p in ann["points"]]
        return min(xs), min(ys), max(xs), max(ys)
    x, y = ann["at"]
    return x, y, x, y


def translate(ann: dict[str, Any], dx: float, dy: float) -> dict[str, Any]:
    """A copy of ann moved by (dx, dy)."""
    out = copy.deepcopy(ann)
    if "rect" in out:
        out["rect"][0] += dx
        out["rect"][1] += dy
    if "points" in out:
        out["points"] = [[p[0] + dx, p[1] + dy] for p in out["points"]]
    if "at" in out:
        out["at"] = [out["at"][0] + dx, out["at"][1] + dy]
    return out
