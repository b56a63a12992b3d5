"""The export page with pytest-qt: include list, preview colours, export, cancel, errors."""

from __future__ import annotations

from dataclasses import replace

import pytest

pytest.importorskip("pytestqt")


from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from evidence_kit.claim import rules
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.export.page import GREEN, RED, ExportPage
from tests.factories.export import make_case


@pytest.fixture
def page(qtbot, tmp_path, monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    store = make_case(tmp_path / "c", frame=False)
    controller = CaseController(store)
    runner = TaskRunner()
    widget = ExportPage(controller, runner)
    widget.messages = messages
    widget.folder.setText(str(tmp_path / "out"))
    qtbot.addWidget(widget)
    widget.resize(900, 640)
    widget.show()
    yield widget
    runner.wait_all()


def _idle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.task is None, timeout=60000)


def test_lists_items_and_plans_files(page) -> None:
    case = page.controller.case
    assert page.items.count() == len(case.items)
    assert page.platform_id == "aliexpress"
    assert page.table.rowCount() == sum(it.include for it in case.items)
    assert page.table.item(0, 0).text().startswith("E1_")


def test_unchecking_an_item_is_an_undoable_edit(page) -> None:
    row = page.items.item(1)
    item_id = row.data(Qt.ItemDataRole.UserRole)
    row.setCheckState(Qt.CheckState.Unchecked)
    assert page.controller.item(item_id).include is False
    assert page.table.rowCount() == len(page.controller.case.items) - 1
    page.controller.undo_stack.undo()
    assert page.controller.item(item_id).include is True


def test_export_runs_and_shows_real_sizes_in_green(qtbot, page, tmp_path, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, page)
    assert not page.messages
    result = page.result
    assert (
        result.bundle.is_file()
        and result.pdf.is_file()
        and (result.upload_dir / "README.txt").is_file()
    )
    assert page.table.rowCount() == len(result.files)
    for r in range(page.table.rowCount()):
        assert page.table.item(r, 1).foreground().color() == GREEN
    assert page.controller.case.log[-1].action == "exported"
    assert page.open_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path / "out")]
    page.grab().save(str(tmp_path / "export_page.png"))


def test_check_sizes_marks_a_file_that_cannot_fit_in_red(qtbot, page, monkeypatch) -> None:
    real = rules.upload_limits("aliexpress")
    monkeypatch.setattr(rules, "upload_limits", lambda p: replace(real, image_max_bytes=3_000))
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, page)
    reds = [
        page.table.item(r, 0).text()
        for r in range(page.table.rowCount())
        if page.table.item(r, 3).foreground().color() == RED
    ]
    assert reds and all(name.startswith("E") for name in reds)
    assert "cannot fit" in page.notes.text()


def test_cancel_leaves_nothing(qtbot, page, tmp_path) -> None:
    page.start_export()
    assert page.cancel_button.isVisible()
    page.cancel()
    _idle(qtbot, page)
    assert "Cancelled" in page.summary.text()
    assert not (tmp_path / "out").exists()
    assert page.export_button.isEnabled()


def test_failure_shows_a_message_and_keeps_the_case(qtbot, page, tmp_path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    page.folder.setText(str(blocker / "out"))
    before = page.controller.store.case_file.read_bytes()
    page.start_export()
    _idle(qtbot, page)
    assert page.messages and "cannot be written" in page.messages[0]
    assert page.controller.store.case_file.read_bytes() == before
