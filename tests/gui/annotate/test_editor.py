"""The annotation editor: showing items, crop/rotate, persistence, big photos, helpers, zoom."""

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
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.media.image.render import render_item
from evidence_kit.media.importer import add_files
from tests.factories.annotate_gui import annotations, click, drag, open_editor, show, steps
from tests.factories.media import make_pdf, make_photo


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
    assert anns[0]["type"] == "redact" and steps(editor) == 1
    assert editor.scene._proposals == []


def test_compare_with_listing_adds_an_extracted_exhibit(
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
