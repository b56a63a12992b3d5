"""The factory: tool -> new item, stored dict -> item, plus the tool list with its keys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF

from evidence_kit.core import annotations as A
from evidence_kit.gui.annotate.marks.base import AnnotationItem
from evidence_kit.gui.annotate.marks.boxes import EllipseItem, RectItem, RedactItem
from evidence_kit.gui.annotate.marks.labels import MarkerItem, TextItem
from evidence_kit.gui.annotate.marks.lines import ArrowItem, HighlighterItem, LineItem, PenItem
from evidence_kit.gui.base import theme
from evidence_kit.gui.base.tr_marks import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Tool:
    """One editor tool: its id, label and single-key shortcut."""

    id: str
    label: str
    key: str


TOOLS = (
    Tool("select", QT_TRANSLATE_NOOP("EditorToolbars", "Select"), "S"),
    Tool("arrow", QT_TRANSLATE_NOOP("EditorToolbars", "Arrow"), "A"),
    Tool("rect", QT_TRANSLATE_NOOP("EditorToolbars", "Rectangle"), "R"),
    Tool("ellipse", QT_TRANSLATE_NOOP("EditorToolbars", "Ellipse"), "E"),
    Tool("line", QT_TRANSLATE_NOOP("EditorToolbars", "Line"), "L"),
    Tool("pen", QT_TRANSLATE_NOOP("EditorToolbars", "Pen"), "P"),
    Tool("highlight", QT_TRANSLATE_NOOP("EditorToolbars", "Highlighter"), "H"),
    Tool("text", QT_TRANSLATE_NOOP("EditorToolbars", "Text"), "T"),
    Tool("marker", QT_TRANSLATE_NOOP("EditorToolbars", "Marker"), "M"),
    Tool("redact", QT_TRANSLATE_NOOP("EditorToolbars", "Redact"), "X"),
    Tool("crop", QT_TRANSLATE_NOOP("EditorToolbars", "Crop"), "C"),
)


@dataclass
class Style:
    """What new marks look like (the colour and width pickers)."""

    color: str = A.DEFAULT_COLOR
    width: float = A.DEFAULT_WIDTH
    redact_style: str = "solid"
    text_size: float = A.DEFAULT_TEXT_SIZE
    marker_size: float = A.DEFAULT_MARKER_SIZE


def item_from_dict(data: dict[str, Any]) -> AnnotationItem:
    """The item that draws a stored annotation (validated first; it keeps `data` as the
    dict the case holds)."""
    ann = A.validate(data)
    kind = ann["type"]
    if kind == "pen":
        return HighlighterItem(ann, data) if ann.get("highlight") else PenItem(ann, data)
    classes: dict[str, type[AnnotationItem]] = {
        "arrow": ArrowItem,
        "line": LineItem,
        "rect": RectItem,
        "ellipse": EllipseItem,
        "redact": RedactItem,
        "text": TextItem,
        "marker": MarkerItem,
    }
    return classes[kind](ann, data)


def new_annotation(
    tool: str, p: QPointF, style: Style, number: int = 1, text: str = ""
) -> dict[str, Any]:
    """The dict a fresh mark starts from when the user presses at p with a tool."""
    x, y = p.x(), p.y()
    if tool in ("arrow", "line"):
        return {
            "type": tool,
            "points": [[x, y], [x, y]],
            "color": style.color,
            "width": style.width,
        }
    if tool in ("rect", "ellipse"):
        return {"type": tool, "rect": [x, y, 0, 0], "color": style.color, "width": style.width}
    if tool == "redact":
        return {"type": "redact", "rect": [x, y, 0, 0], "style": style.redact_style}
    if tool == "pen":
        return {"type": "pen", "points": [[x, y]], "color": style.color, "width": style.width}
    if tool == "highlight":
        return {
            "type": "pen",
            "points": [[x, y]],
            "color": A.HIGHLIGHT_COLOR,
            "width": style.width * 3,
            "highlight": True,
        }
    if tool == "marker":
        return {
            "type": "marker",
            "at": [x, y],
            "number": number,
            "color": style.color,
            "size": style.marker_size,
        }
    if tool == "text":
        return {
            "type": "text",
            "at": [x, y],
            "text": text,
            "size": style.text_size,
            "color": theme.MARK_TEXT,
            "box": theme.MARK_TEXT_BOX,
        }
    raise ValueError(f"no annotation for tool {tool}")


def create_item(
    tool: str, p: QPointF, style: Style, number: int = 1, text: str = ""
) -> AnnotationItem:
    """A new item for a tool, starting at p."""
    return item_from_dict(new_annotation(tool, p, style, number, text))
