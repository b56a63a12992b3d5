"""The editor's mouse tools: drawing, placing, moving, reshaping; each gesture one undo step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from evidence_kit.gui.base.commands import RenameItem
from tests.factories.annotate_gui import annotations, click, drag, open_editor, steps


@pytest.mark.parametrize("tool", ["arrow", "rect", "ellipse", "line", "pen", "highlight", "redact"])
def test_each_drawing_tool_adds_one_mark_in_one_step(
    qtbot: Any, tmp_path: Path, photo: Path, tool: str
) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool(tool)
    drag(editor, (100, 100), (150, 130), (200, 170), (300, 250))
    anns = annotations(editor)
    assert len(anns) == 1 and steps(editor) == 1
    kind = {"highlight": "pen"}.get(tool, tool)
    assert anns[0]["type"] == kind
    if kind in ("rect", "ellipse", "redact"):
        assert anns[0]["rect"] == pytest.approx([100, 100, 200, 150], abs=3)
    if kind in ("arrow", "line"):
        assert sum(anns[0]["points"], []) == pytest.approx([100, 100, 300, 250], abs=3)
    if tool == "highlight":
        assert anns[0]["highlight"] is True
    editor.controller.undo_stack.undo()
    assert annotations(editor) == [] and editor.scene.annotations() == []


def test_a_click_with_a_drag_tool_adds_nothing(qtbot: Any, tmp_path: Path, photo: Path) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("rect")
    click(editor, (100, 100))
    assert annotations(editor) == [] and steps(editor) == 0


def test_moving_a_mark_is_one_undo_step(qtbot: Any, tmp_path: Path, photo: Path) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("rect")
    drag(editor, (100, 100), (200, 200))
    editor.set_tool("select")
    drag(editor, (100, 150), (120, 170), (150, 200), (200, 250))  # grab the left edge
    assert steps(editor) == 2
    assert annotations(editor)[0]["rect"] == pytest.approx([200, 200, 100, 100], abs=3)
    editor.controller.undo_stack.undo()
    assert annotations(editor)[0]["rect"] == pytest.approx([100, 100, 100, 100], abs=3)
    assert editor.scene.annotations()[0]["rect"] == pytest.approx([100, 100, 100, 100], abs=3)


def test_resize_with_a_handle(qtbot: Any, tmp_path: Path, photo: Path) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("rect")
    drag(editor, (100, 100), (200, 200))
    editor.set_tool("select")
    click(editor, (100, 150))
    assert editor.scene.selected_indexes() == [0]
    drag(editor, (200, 200), (250, 240), (300, 260))  # the bottom-right handle
    assert annotations(editor)[0]["rect"] == pytest.approx([100, 100, 200, 160], abs=3)
    assert steps(editor) == 2
    editor.set_tool("arrow")
    drag(editor, (400, 400), (500, 450))
    editor.set_tool("select")
    click(editor, (450, 425))
    drag(editor, (400, 400), (350, 300))  # the arrow's tail handle
    assert annotations(editor)[1]["points"][0] == pytest.approx([350, 300], abs=3)


def test_markers_number_themselves_and_renumber_on_delete(
    qtbot: Any, tmp_path: Path, photo: Path
) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("marker")
    for x in (100, 200, 300):
        click(editor, (x, 100))
    assert [a["number"] for a in annotations(editor)] == [1, 2, 3]
    editor.set_tool("select")
    click(editor, (200, 100))
    editor.view.setFocus()
    qtbot.keyClick(editor.view.viewport(), Qt.Key.Key_Delete)
    anns = annotations(editor)
    assert [a["number"] for a in anns] == [1, 2]
    assert [a["at"][0] for a in anns] == pytest.approx([100, 300], abs=2)
    editor.controller.undo_stack.undo()
    assert [a["number"] for a in annotations(editor)] == [1, 2, 3]


def test_single_key_tools(qtbot: Any, tmp_path: Path, photo: Path) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.view.setFocus()
    for key, tool in [(Qt.Key.Key_A, "arrow"), (Qt.Key.Key_X, "redact"), (Qt.Key.Key_M, "marker"),
                      (Qt.Key.Key_T, "text"), (Qt.Key.Key_C, "crop"), (Qt.Key.Key_H, "highlight"),
                      (Qt.Key.Key_S, "select")]:  # fmt: skip
        qtbot.keyClick(editor.view.viewport(), key)
        assert editor.scene.tool == tool


def test_copy_and_paste(qtbot: Any, tmp_path: Path, photo: Path) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("ellipse")
    drag(editor, (100, 100), (200, 180))
    editor.set_tool("select")
    click(editor, (100, 140))
    editor.copy_selected()
    editor.paste()
    anns = annotations(editor)
    assert len(anns) == 2 and anns[1]["rect"][0] == pytest.approx(anns[0]["rect"][0] + 20)


def test_text_tool_asks_for_words_and_double_click_edits(
    qtbot: Any, tmp_path: Path, photo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([("crack here", True), ("deep crack", True)])
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: next(answers))
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("text")
    click(editor, (100, 100))
    assert annotations(editor)[0]["text"] == "crack here"
    editor.set_tool("select")
    editor.scene.text_edit_wanted.emit(0)
    assert annotations(editor)[0]["text"] == "deep crack"
    assert steps(editor) == 2


def test_at_least_200_undosteps(qtbot: Any, tmp_path: Path, photo: Path) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("marker")
    for i in range(205):
        click(editor, (20 + (i % 20) * 35, 20 + (i // 20) * 50))
    assert len(annotations(editor)) == 205
    stack = editor.controller.undo_stack
    while stack.canUndo():
        stack.undo()
    assert annotations(editor) == [] and editor.scene.annotations() == []
    while stack.canRedo():
        stack.redo()
    assert len(editor.scene.annotations()) == 205


def test_a_case_change_mid_drag_does_not_break_the_gesture(
    qtbot: Any, tmp_path: Path, photo: Path
) -> None:
    from PySide6.QtCore import QEvent

    from tests.factories.annotate_gui import _send

    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("rect")
    left = Qt.MouseButton.LeftButton
    _send(editor, QEvent.Type.MouseButtonPress, (100, 100), left)
    _send(editor, QEvent.Type.MouseMove, (150, 150), left)
    editor.controller.push(RenameItem(editor.item_id, "Label"))
    _send(editor, QEvent.Type.MouseMove, (200, 200), left)
    _send(editor, QEvent.Type.MouseButtonRelease, (200, 200), Qt.MouseButton.NoButton)
    assert [a["type"] for a in annotations(editor)] == ["rect"]
    assert editor.controller.item(editor.item_id).title == "Label"
