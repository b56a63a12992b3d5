"""One rule for saving: when the disk refuses a change (an edit, an undo, a redo, a log entry,
emptying the bin), memory returns to what is on disk, the undo index stays, and one dialog
says so. These reproduce the defects of issue 10."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from evidence_kit.core.errors import DiskFullError
from evidence_kit.core.store import CaseStore
from evidence_kit.gui.base.case_controller import CaseController
from tests.factories.annotate_gui import annotations, drag, open_editor


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "label.png"
    Image.new("RGB", (800, 600), (200, 160, 110)).save(path)
    return path


class FailingDisk:
    """Makes the controller's store refuse to save while `full` is True."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, controller: CaseController) -> None:
        self.full = False
        self.errors: list[str] = []
        controller.error_raised.connect(self.errors.append)
        store = controller.store
        real = store.save

        def save() -> None:
            if self.full:
                raise DiskFullError(f"The disk is full; {store.case_file} was not changed.")
            real()

        monkeypatch.setattr(store, "save", save)


def on_disk(controller: CaseController) -> dict[str, Any]:
    """The case as a fresh open reads it."""
    return CaseStore.open(controller.root).case.to_dict()


def in_memory(controller: CaseController) -> dict[str, Any]:
    return json.loads(json.dumps(controller.case.to_dict()))


def test_an_undo_whose_save_fails_changes_nothing(qtbot, tmp_path, photo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, tmp_path, photo)
    controller = editor.controller
    disk = FailingDisk(monkeypatch, controller)
    editor.set_tool("rect")
    drag(editor, (100, 100), (200, 200))
    stack = controller.undo_stack
    assert stack.index() == 1
    disk.full = True
    stack.undo()
    assert stack.index() == 1 and stack.canUndo()
    assert in_memory(controller) == on_disk(controller)
    assert len(annotations(editor)) == 1 and len(editor.scene.marks) == 1
    assert len(disk.errors) == 1 and "disk is full" in disk.errors[0]
    disk.full = False
    stack.undo()
    assert stack.index() == 0 and annotations(editor) == []
    assert in_memory(controller) == on_disk(controller)


def test_a_redo_whose_save_fails_changes_nothing(qtbot, tmp_path, photo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, tmp_path, photo)
    controller = editor.controller
    disk = FailingDisk(monkeypatch, controller)
    editor.set_tool("arrow")
    drag(editor, (100, 100), (300, 200))
    stack = controller.undo_stack
    stack.undo()
    assert stack.index() == 0
    disk.full = True
    stack.redo()
    assert stack.index() == 0 and stack.canRedo()
    assert annotations(editor) == [] and editor.scene.marks == []
    assert in_memory(controller) == on_disk(controller)
    assert len(disk.errors) == 1
    disk.full = False
    stack.redo()
    assert stack.index() == 1 and len(annotations(editor)) == 1
    assert in_memory(controller) == on_disk(controller)


def test_an_edit_whose_save_fails_is_not_made(qtbot, tmp_path, photo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, tmp_path, photo)
    controller = editor.controller
    disk = FailingDisk(monkeypatch, controller)
    disk.full = True
    editor.set_tool("redact")
    drag(editor, (100, 100), (200, 200))
    assert controller.undo_stack.count() == 0
    assert annotations(editor) == [] and editor.scene.marks == []
    assert in_memory(controller) == on_disk(controller)
    assert len(disk.errors) == 1


def test_the_recorder_never_logs_behind_the_controller(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from evidence_kit.gui.base.tasks import TaskRunner
    from evidence_kit.gui.record.window import RecorderWindow
    from evidence_kit.media.record.camera import CameraInfo
    from tests.factories.media import make_video

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    controller = CaseController(CaseStore.create(tmp_path / "case"))
    disk = FailingDisk(monkeypatch, controller)
    runner = TaskRunner()
    src = make_video(tmp_path / "src.mp4", seconds=4.0, fps=25, size=(160, 120))
    camera = CameraInfo(f"{src.name} (video file as camera)", file=str(src))
    window = RecorderWindow(controller, runner, cameras=[camera], microphones=[])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.session is not None, timeout=10000)
    disk.full = True
    window.start_recording()
    try:
        assert in_memory(controller) == on_disk(controller)
        assert len(disk.errors) == 1 and not window.recording
    finally:
        disk.full = False
        window.close()
        runner.wait_all()


def test_the_export_page_never_logs_behind_the_controller(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from evidence_kit.gui.base.tasks import TaskRunner
    from evidence_kit.gui.export.page import ExportPage
    from tests.factories.export import make_case

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    controller = CaseController(make_case(tmp_path / "c", frame=False))
    disk = FailingDisk(monkeypatch, controller)
    runner = TaskRunner()
    page = ExportPage(controller, runner)
    page.folder.setText(str(tmp_path / "out"))
    qtbot.addWidget(page)
    page.show()
    disk.full = True
    page.start_export()
    qtbot.waitUntil(lambda: page.task is None, timeout=60000)
    runner.wait_all()
    assert page.result is not None and page.result.bundle.is_file()
    assert in_memory(controller) == on_disk(controller)
    assert len(disk.errors) == 1


def test_emptying_the_bin_keeps_the_undo_history_when_it_fails(
    qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from evidence_kit.core.settings import Settings
    from evidence_kit.core.store import new_case
    from evidence_kit.gui.shell.main_window import MainWindow
    from evidence_kit.media.importer import add_files
    from tests.factories.media import make_photo

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    [item] = add_files(store, [make_photo(tmp_path / "p.jpg")]).items
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show_case(CaseStore.open(store.root))
    controller = window.controller
    window.case_view.list.setCurrentRow(0)
    window.items.remove()
    assert controller.case.items == [] and controller.undo_stack.canUndo()
    disk = FailingDisk(monkeypatch, controller)
    disk.full = True
    window.items.empty_bin()
    try:
        assert controller.undo_stack.canUndo()
        assert controller.path_of(item).exists()  # the file is still there
        assert in_memory(controller) == on_disk(controller)
        assert [b.id for b in controller.case.bin] == [item.id]
        assert len(disk.errors) == 1
        disk.full = False
        window.undo()
        assert [it.id for it in controller.case.items] == [item.id]
    finally:
        window.runner.wait_all()
        window.close_case()
