"""The annotation editor: tools, handles, undo, crop/rotate, persistence, scene = renderer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from evidence_kit.core.store import CaseStore
from evidence_kit.gui.annotate import editor as editor_module
from evidence_kit.gui.annotate.editor import AnnotationEditor
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import AddMarks, RenameItem
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.media.image.render import render_item
from evidence_kit.media.importer import add_files
from tests.factories.annotate_gui import annotations, click, drag, open_editor, show
from tests.factories.media import make_pdf, make_photo


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "label.png"
    Image.new("RGB", (800, 600), (200, 160, 110)).save(path)
    return path


def _steps(editor: AnnotationEditor) -> int:
    return editor.controller.undo_stack.count()


@pytest.mark.parametrize("tool", ["arrow", "rect", "ellipse", "line", "pen", "highlight", "redact"])
def test_each_drawing_tool_adds_one_mark_in_one_step(
    qtbot: Any, tmp_path: Path, photo: Path, tool: str
) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool(tool)
    drag(editor, (100, 100), (150, 130), (200, 170), (300, 250))
    anns = annotations(editor)
    assert len(anns) == 1 and _steps(editor) == 1
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
    assert annotations(editor) == [] and _steps(editor) == 0


def test_moving_a_mark_is_one_undo_step(qtbot: Any, tmp_path: Path, photo: Path) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("rect")
    drag(editor, (100, 100), (200, 200))
    editor.set_tool("select")
    drag(editor, (100, 150), (120, 170), (150, 200), (200, 250))  # grab the left edge
    assert _steps(editor) == 2
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
    assert _steps(editor) == 2
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
    assert _steps(editor) == 2


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
    assert _steps(editor) == 4
    click(editor, (150, 150))
    editor.bars.redact_combo.setCurrentIndex(1)
    assert annotations(editor)[0]["style"] == "pixelate"


def test_crop_and_rotate_are_undoable_and_keep_mark_coordinates(
    qtbot: Any, tmp_path: Path, photo: Path
) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("marker")
    click(editor, (400, 300))
    editor.set_tool("crop")
    drag(editor, (200, 100), (600, 500))
    editor.rotate()
    item = editor.controller.item(editor.item_id)
    assert item is not None
    assert item.crop == pytest.approx([200, 100, 400, 400], abs=3) and item.rotate == 90
    assert item.annotations[0]["at"] == pytest.approx([400, 300], abs=2)
    assert editor.view.rotation == 90
    editor.controller.undo_stack.undo()
    editor.controller.undo_stack.undo()
    item = editor.controller.item(editor.item_id)
    assert item is not None and item.crop is None and item.rotate == 0
    assert editor.view.rotation == 0


def test_at_least_200_undo_steps(qtbot: Any, tmp_path: Path, photo: Path) -> None:
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


def test_marks_survive_closing_and_reopening(qtbot: Any, tmp_path: Path, photo: Path) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("redact")
    drag(editor, (100, 100), (300, 200))
    editor.set_tool("arrow")
    drag(editor, (400, 400), (500, 300))
    root, item_id = editor.controller.root, editor.item_id
    editor.close()

    store = CaseStore.open(root)  # as after a restart
    controller, runner = CaseController(store), TaskRunner()
    again = AnnotationEditor(controller, runner)
    qtbot.addWidget(again)
    again.resize(900, 700)
    again.show()
    show(qtbot, again, item_id)
    assert [a["type"] for a in again.scene.annotations()] == ["redact", "arrow"]
    again.set_tool("select")
    drag(again, (200, 150), (220, 170))  # move the mask
    assert CaseStore.open(root).case.item(item_id).annotations[0]["rect"] == pytest.approx(
        [120, 120, 200, 100], abs=3
    )


def test_big_photo_is_edited_on_a_preview_in_original_coordinates(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(editor_module, "PREVIEW_SIDE", 200)
    big = make_photo(tmp_path / "big.jpg", size=(1600, 1200))
    editor = open_editor(qtbot, tmp_path, big)
    assert editor.scene.preview is not None and max(editor.scene.preview.size) <= 200
    assert editor.scene.sceneRect().width() == 1600
    editor.set_tool("redact")
    drag(editor, (800, 600), (1200, 900))
    assert annotations(editor)[0]["rect"] == pytest.approx([800, 600, 400, 300], abs=12)
    full = np.asarray(render_item(editor.controller.store, editor.controller.item(editor.item_id)))
    assert full.shape == (1200, 1600, 3) and (full[620:880, 820:1180] == 0).all()


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


def test_pdf_document_shows_a_message(qtbot: Any, tmp_path: Path, photo: Path) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    pdf = add_files(editor.controller.store, [make_pdf(tmp_path / "r.pdf")]).items[0]
    show(qtbot, editor, pdf.id)
    assert editor.message.isVisibleTo(editor) and "PDF" in editor.message.text()
    assert not editor.view.isEnabled()


def test_suggestions_are_offered_not_applied(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cv2

    canvas = np.full((500, 700, 3), 255, np.uint8)
    qr = cv2.resize(cv2.QRCodeEncoder.create().encode("Jane Doe, 12 Example St"), None, fx=8, fy=8,
                    interpolation=cv2.INTER_NEAREST)  # fmt: skip
    canvas[100 : 100 + qr.shape[0], 100 : 100 + qr.shape[1]] = qr[..., None]
    path = tmp_path / "qr.png"
    Image.fromarray(canvas).save(path)
    editor = open_editor(qtbot, tmp_path, path)
    from evidence_kit.gui.annotate import suggest_dialog as annotation_suggest_dialog

    seen: list[tuple[int, int]] = []

    def fake_exec(dialog: Any) -> int:
        # while the shopper decides, the proposals are outlined on the photo, not masked
        seen.append((dialog.list.count(), len(editor.scene._proposals)))
        assert annotations(editor) == []
        return 1

    monkeypatch.setattr(annotation_suggest_dialog.SuggestDialog, "exec", fake_exec)
    editor.suggest()
    qtbot.waitUntil(lambda: bool(seen) and bool(annotations(editor)), timeout=20000)
    anns = annotations(editor)
    assert seen[0][0] >= 1 and seen[0][0] == seen[0][1]
    assert anns[0]["type"] == "redact" and _steps(editor) == 1
    assert editor.scene._proposals == []


def test_compare_with_listing_adds_a_derived_exhibit(
    qtbot: Any, tmp_path: Path, photo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    received_id = editor.item_id
    listing = tmp_path / "listing.png"
    Image.new("RGB", (300, 200), (30, 90, 220)).save(listing)
    items = add_files(editor.controller.store, [listing]).items
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    editor.compare()
    qtbot.waitUntil(lambda: len(editor.controller.case.items) == 3, timeout=20000)
    made = editor.controller.case.items[-1]
    assert made.kind == "photo" and made.parent == received_id
    assert made.meta["comparison"]["listed"]["item"] == items[0].id
    editor.controller.undo_stack.undo()
    assert len(editor.controller.case.items) == 2


def test_zoom_fit_and_actual_size(qtbot: Any, tmp_path: Path, photo: Path) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    editor = open_editor(qtbot, tmp_path, photo, size=(500, 400))
    view = editor.view
    assert view.zoom < 1  # 800x600 fitted into a smaller pane
    editor.act_actual.trigger()
    assert view.transform().m11() == pytest.approx(1.0)
    pos = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == pytest.approx(1.25)
    editor.act_fit.trigger()
    shown = view.mapFromScene(view.sceneRect()).boundingRect()
    assert shown.width() <= view.viewport().width() and shown.height() <= view.viewport().height()


def test_size_picker_resizes_a_marker(qtbot: Any, tmp_path: Path, photo: Path) -> None:
    editor = open_editor(qtbot, tmp_path, photo)
    editor.set_tool("marker")
    click(editor, (300, 300))
    editor.set_tool("select")
    click(editor, (300, 300))
    for value in (40, 50, 60):
        editor.bars.size_spin.setValue(value)
    assert annotations(editor)[0]["size"] == 60 and _steps(editor) == 2


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
