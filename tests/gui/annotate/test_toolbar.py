"""The editor's style pickers: colour, width, size and redaction style change the selection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.factories.annotate_gui import annotations, click, drag, open_editor, steps


def test_style_pickers_change_selected_marks(qtbot: Any, tmp_path: Path, photo: Path) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("redact")
    drag(editor, (100, 100), (200, 200))
    editor.set_tool("rect")
    drag(editor, (300, 300), (400, 400))
    editor.set_tool("select")
    click(editor, (300, 350))
    editor.set_color("#1e88e5")
    for value in (7, 8, 9, 10):  # spinning the width is one step
        editor.bars.width_spin.setValue(value)
    rect = annotations(editor)[1]
    assert rect["color"] == "#1e88e5" and rect["width"] == 10
    assert steps(editor) == 4
    click(editor, (150, 150))
    editor.bars.redact_combo.setCurrentIndex(1)
    assert annotations(editor)[0]["style"] == "pixelate"


def test_size_picker_resizes_a_marker(qtbot: Any, tmp_path: Path, photo: Path) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("marker")
    click(editor, (300, 300))
    editor.set_tool("select")
    click(editor, (300, 300))
    for value in (40, 50, 60):
        editor.bars.size_spin.setValue(value)
    assert annotations(editor)[0]["size"] == 60 and steps(editor) == 2
