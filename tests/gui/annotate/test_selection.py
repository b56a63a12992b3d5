"""Selection never outlives its photo, and a gesture that changes nothing is not an edit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtWidgets import QGraphicsRectItem

from evidence_kit.media.importer import add_files
from tests.factories.annotate_gui import annotations, click, drag, open_editor


@pytest.fixture
def photos(tmp_path: Path) -> list[Path]:
    out = []
    for n, colour in enumerate([(200, 160, 110), (90, 120, 200)]):
        path = tmp_path / f"photo{n}.png"
        Image.new("RGB", (800, 600), colour).save(path)
        out.append(path)
    return out


def _handles(editor: Any) -> list[Any]:
    from evidence_kit.gui.annotate.handles import HandleItem

    return [i for i in editor.scene.items() if isinstance(i, HandleItem)]


def _show(qtbot: Any, editor: Any, item_id: str) -> None:
    editor.show_item(item_id)
    qtbot.waitUntil(lambda: editor.view.isEnabled() and editor.scene.preview is not None)


def test_switching_photos_leaves_no_handle_behind(qtbot, tmp_path, photos) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, tmp_path, photos[0])
    first = editor.item_id
    [second] = add_files(editor.controller.store, [photos[1]]).items
    editor.set_tool("rect")
    drag(editor, (100, 100), (300, 300))
    editor.set_tool("select")
    click(editor, (100, 200))
    assert editor.scene.selected_indexes() == [0] and len(_handles(editor)) == 4
    _show(qtbot, editor, second.id)
    assert _handles(editor) == [] and editor.scene.selectedItems() == []
    steps, log = editor.controller.undo_stack.count(), len(editor.controller.case.log)
    drag(editor, (300, 300), (350, 380))  # where the old selection's corner handle was
    assert editor.controller.undo_stack.count() == steps
    assert len(editor.controller.case.log) == log
    assert annotations(editor) == []
    _show(qtbot, editor, first)
    assert len(annotations(editor)) == 1 and _handles(editor) == []


def test_a_drag_on_nothing_is_not_an_edit(qtbot, tmp_path, photos) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, tmp_path, photos[0])
    editor.set_tool("ellipse")
    drag(editor, (100, 100), (200, 200))
    editor.set_tool("select")
    steps, log = editor.controller.undo_stack.count(), len(editor.controller.case.log)
    drag(editor, (500, 400), (600, 500))  # a rubber band over empty picture
    click(editor, (700, 550))
    assert editor.controller.undo_stack.count() == steps
    assert len(editor.controller.case.log) == log


def test_clicking_a_handle_without_moving_it_is_not_an_edit(qtbot, tmp_path, photos) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, tmp_path, photos[0])
    editor.set_tool("rect")
    drag(editor, (100, 100), (300, 300))
    editor.set_tool("select")
    click(editor, (100, 200))
    steps, log = editor.controller.undo_stack.count(), len(editor.controller.case.log)
    click(editor, (300, 300))  # press and release on the corner handle
    assert editor.controller.undo_stack.count() == steps
    assert len(editor.controller.case.log) == log
    assert not any(isinstance(i, QGraphicsRectItem) and i.isVisible() and i.zValue() == 1e9
                   for i in editor.scene.items() if i not in _handles(editor))  # fmt: skip
