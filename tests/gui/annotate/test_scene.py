"""The scene draws what the renderer draws: the editor shows what the export will contain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from evidence_kit.gui.annotate import editor as editor_module
from evidence_kit.gui.base.commands import AddMarks
from evidence_kit.media.image.render import render_item
from tests.factories.annotate_gui import open_editor
from tests.factories.media import make_photo


def test_scene_and_renderer_draw_alike(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(editor_module, "PREVIEW_SIDE", 400)
    src = make_photo(tmp_path / "p.jpg", size=(800, 600))
    editor = open_editor(qtbot, tmp_path, src)
    anns = [
        {"type": "redact", "rect": [420, 60, 300, 120], "style": "pixelate"},
        {"type": "redact", "rect": [60, 400, 200, 100], "style": "solid"},
        {"type": "arrow", "points": [[100, 100], [380, 300]], "width": 10, "color": "#e53935"},
        {"type": "line", "points": [[500, 500], [760, 380]], "width": 8, "color": "#43a047"},
        {"type": "rect", "rect": [300, 320, 160, 120], "width": 8, "color": "#1e88e5"},
        {"type": "ellipse", "rect": [560, 220, 180, 120], "width": 8, "color": "#fdd835"},
        {
            "type": "pen",
            "points": [[40, 250], [120, 220], [220, 280]],
            "width": 30,
            "color": "#fdd835",
            "highlight": True,
        },
        {
            "type": "text",
            "at": [300, 500],
            "text": "crack",
            "size": 48,
            "color": "#ffffff",
            "box": "#000000a0",
        },
        {"type": "marker", "at": [700, 520], "number": 2, "size": 40, "color": "#e53935"},
    ]
    editor.controller.push(AddMarks(editor.item_id, dict(enumerate(anns)), "Add marks"))
    assert len(editor.scene.marks) == len(anns)
    item = editor.controller.item(editor.item_id)
    rendered = np.asarray(render_item(editor.controller.store, item, max_side=400)).astype(int)
    qimg = editor.scene.render_clean(rendered.shape[1], rendered.shape[0]).convertToFormat(
        editor.scene.render_clean(1, 1).Format.Format_RGB888
    )
    ptr = qimg.constBits()
    scene = np.frombuffer(ptr, np.uint8).reshape(qimg.height(), qimg.bytesPerLine())[
        :, : qimg.width() * 3
    ]
    scene = scene.reshape(qimg.height(), qimg.width(), 3).astype(int)
    diff = np.abs(scene - rendered)
    assert diff.mean() < 6, diff.mean()
    # each mark's own area agrees too (not just the untouched background)
    for ann in anns:
        x0, y0, x1, y1 = (int(v / 2) for v in _bounds(ann))
        region = diff[max(0, y0) : y1 + 1, max(0, x0) : x1 + 1]
        assert region.mean() < 25, (ann["type"], region.mean())
    # the pixelated box is the renderer's pixels exactly (same function, same preview)
    assert diff[32:88, 212:358].mean() < 3


def _bounds(ann: dict[str, Any]) -> tuple[float, float, float, float]:
    from evidence_kit.core.annotations import bounds

    x0, y0, x1, y1 = bounds(ann)
    if ann["type"] == "marker":
        r = ann["size"]
        return x0 - r, y0 - r, x1 + r, y1 + r
    if ann["type"] == "text":
        return x0, y0, x0 + 140, y0 + 80
    return x0, y0, x1, y1
