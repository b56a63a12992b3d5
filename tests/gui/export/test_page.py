"""The export page with pytest-qt: include list, what the form gets (= what the export
writes), sizes that stay, export (a folder of its own each time, the latest shown), finished
files, cancel, errors."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")


from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressBar

from evidence_kit.claim import rules
from evidence_kit.core import case_ops
from evidence_kit.core.store import CaseStore
from evidence_kit.gui.base import theme
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.export.pack_table import FILE, SIZE, STATUS
from evidence_kit.gui.export.page import ExportPage
from tests.factories.export import make_case


def _page(qtbot, tmp_path, monkeypatch, platform="aliexpress"):  # type: ignore[no-untyped-def]
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    store = make_case(tmp_path / "c", platform=platform, frame=False)
    controller = CaseController(store)
    runner = TaskRunner()
    widget = ExportPage(controller, runner)
    widget.messages = messages
    widget.folder.setText(str(tmp_path / "out"))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget, runner


@pytest.fixture
def page(qtbot, tmp_path, monkeypatch):
    widget, runner = _page(qtbot, tmp_path, monkeypatch)
    yield widget
    runner.wait_all()


def _idle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.task is None, timeout=60000)


def _column(page, column: int) -> list[str]:
    return [page.table.item(r, column).text() for r in range(page.table.rowCount())]


def _written(page) -> set[str]:
    upload = page.result.upload_dir
    return {p.name for p in upload.iterdir() if p.name != "README.txt"}


def test_lists_items_and_plans_files(page) -> None:
    case = page.controller.case
    assert page.items.count() == len(case.items)
    assert page.platform_id == "aliexpress"
    assert page.table.rowCount() == sum(it.include for it in case.items)
    assert _column(page, FILE)[0].startswith("E1_")


def test_unchecking_an_item_is_an_undoable_edit(page) -> None:
    row = page.items.item(1)
    item_id = row.data(Qt.ItemDataRole.UserRole)
    row.setCheckState(Qt.CheckState.Unchecked)
    assert page.controller.item(item_id).include is False
    assert page.table.rowCount() == len(page.controller.case.items) - 1
    page.controller.undo_stack.undo()
    assert page.controller.item(item_id).include is True


@pytest.mark.parametrize("platform", ["ebay", "aliexpress", "amazon"])
def test_the_table_is_what_the_export_writes(qtbot, tmp_path, monkeypatch, platform) -> None:
    page, runner = _page(qtbot, tmp_path, monkeypatch, platform)
    try:
        planned = {name for name in _column(page, FILE) if name != "—"}
        statuses = _column(page, STATUS)
        if platform == "ebay":  # the video becomes its contact sheet, before any export
            assert _column(page, FILE)[0].endswith("_sheet.jpg")
            assert "contact sheet" in statuses[0] and "fits" not in statuses[0]
        if platform == "aliexpress":  # at most 3 files: the fourth is on request
            assert "at most 3 files" in statuses[3] and _column(page, FILE)[3] == "—"
        if platform == "amazon":
            assert planned == set() and all("takes no files" in s for s in statuses)
        page.start_export()
        _idle(qtbot, page)
        assert not page.messages
        written = _written(page)
        assert planned == written
        assert {n for n in _column(page, FILE) if n != "—"} == written
        sizes = {
            page.table.item(r, FILE).text(): page.table.item(r, SIZE).text()
            for r in range(page.table.rowCount())
            if page.table.item(r, FILE).text() != "—"
        }
        assert all(size != "-" for size in sizes.values())
    finally:
        runner.wait_all()


def test_measured_sizes_stay_when_the_page_is_entered_again(qtbot, page) -> None:
    assert "-" in _column(page, SIZE)  # nothing measured yet: no estimate is shown
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, page)
    measured = _column(page, SIZE)
    assert measured[:3] and "-" not in measured[:3]
    page.refresh()  # what leaving and entering the step does
    assert _column(page, SIZE) == measured
    assert "Check sizes" not in page.notes.text()
    # an edit to one exhibit forgets only that exhibit's size
    photo = page.controller.case.items[1]
    case_ops.rename_item(page.controller.case, photo.id, "Crack, closer")
    page.refresh()
    sizes = _column(page, SIZE)
    assert sizes[1] == "-" and sizes[0] == measured[0] and sizes[2] == measured[2]


def test_export_runs_and_shows_real_sizes_in_green(qtbot, page, tmp_path, monkeypatch) -> None:
    from evidence_kit.gui.base import folders

    monkeypatch.setattr(folders, "file_manager_problem", lambda: None)
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    assert not page.findChildren(QProgressBar)  # one progress place: the status bar
    started: list[str] = []
    page.runner.task_started.connect(lambda task: started.append(task.label))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert started == ["Exporting"]
    _idle(qtbot, page)
    assert not page.messages
    result = page.result
    assert (
        result.bundle.is_file()
        and result.pdf.is_file()
        and (result.upload_dir / "README.txt").is_file()
    )
    for r in range(page.table.rowCount()):
        if page.table.item(r, FILE).text() != "—":
            assert page.table.item(r, SIZE).foreground().color() == theme.color("ok")
    assert page.controller.case.log[-1].action == "exported"
    finished = page.finished
    assert finished.isVisible()
    assert finished.files.paths() == [result.upload_dir / f.name for f in result.files] + [
        result.pdf
    ]
    qtbot.mouseClick(finished.open_pdf, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(finished.open_upload, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(finished.show_bundle, Qt.MouseButton.LeftButton)
    assert opened == [str(result.pdf), str(result.upload_dir), str(result.folder)]
    assert result.folder.parent == tmp_path / "out"


def test_a_finished_file_drags_as_a_file_url(qtbot, page) -> None:
    page.start_export()
    _idle(qtbot, page)
    files = page.finished.files
    rows = [files.item(0), files.item(files.count() - 1)]
    data = files.mimeData(rows)
    assert [Path(u.toLocalFile()) for u in data.urls()] == files.paths(rows)
    assert all(p.is_file() for p in files.paths(rows))


def test_a_file_that_cannot_be_opened_says_where_it_is(qtbot, page, monkeypatch) -> None:
    page.start_export()
    _idle(qtbot, page)
    said: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    qtbot.mouseClick(page.finished.open_pdf, Qt.MouseButton.LeftButton)
    assert said and str(page.result.pdf) in said[0]


def test_each_export_gets_a_folder_of_its_own_and_the_page_shows_the_latest(
    qtbot, page, monkeypatch, tmp_path
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]))
    page.start_export()
    _idle(qtbot, page)
    first = page.result
    kept = first.bundle.read_bytes()
    page.start_export()
    _idle(qtbot, page)
    second = page.result
    assert asked == []  # nothing is replaced, so nothing to ask
    assert first.folder != second.folder and first.folder.parent == second.folder.parent
    assert first.bundle.read_bytes() == kept and second.bundle.is_file()
    assert second.folder.name in page.finished.title()
    assert str(second.folder) in page.summary.text()
    store = page.controller.store
    assert store.latest_export == second.folder
    # after a restart the page shows the case's latest export and opens it
    again = ExportPage(CaseController(CaseStore.open(store.root)), TaskRunner())
    qtbot.addWidget(again)
    assert again.finished.isVisibleTo(again) and second.folder.name in again.finished.title()
    assert again.finished.pdf == second.pdf and again.finished.bundle == second.bundle
    assert {p.name for p in again.finished.files.paths()} == {
        p.name for p in page.finished.files.paths()
    }
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    again.finished.open_pdf.click()
    assert opened == [str(second.pdf)]


def test_check_sizes_marks_a_file_that_cannot_fit_in_red(qtbot, page, monkeypatch) -> None:
    real = rules.upload_limits("aliexpress")
    monkeypatch.setattr(rules, "upload_limits", lambda p: replace(real, image_max_bytes=3_000))
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, page)
    reds = [
        page.table.item(r, 0).text()
        for r in range(page.table.rowCount())
        if page.table.item(r, STATUS).foreground().color() == theme.color("bad")
    ]
    assert reds and all(name.startswith("E") for name in reds)
    assert "cannot fit" in page.notes.text()


def test_cancel_leaves_nothing(qtbot, page, tmp_path) -> None:
    page.start_export()
    assert page.task is not None and not page.export_button.isEnabled()
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
