"""The desktop shell with pytest-qt: create, import by drop, undo a removal, reopen."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from evidence_kit.core.settings import Settings
from evidence_kit.core.store import CaseStore, new_case
from tests.factories.media import make_photo, make_video

pytest.importorskip("pytestqt")

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from evidence_kit.gui.shell.main_window import MainWindow  # noqa: E402
from evidence_kit.gui.shell.new_case_dialog import NewCaseDialog  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def window(qtbot, monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    win = MainWindow(Settings())
    win.messages = messages
    qtbot.addWidget(win)
    win.show()
    yield win
    win.runner.wait_all()


def drop_files(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    widget.dropEvent(event)


def wait_import(qtbot, win) -> None:
    qtbot.waitUntil(lambda: win.importer is not None and not win.importer.busy, timeout=30000)


def test_start_page_to_new_case(qtbot, window, tmp_path, monkeypatch) -> None:
    def fake_exec(dialog: NewCaseDialog) -> int:
        dialog.order_id.setText("8123 456")
        dialog.folder.setText(str(tmp_path / "Кейсы"))
        return 1

    monkeypatch.setattr(NewCaseDialog, "exec", fake_exec)
    qtbot.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    assert window.controller is not None
    root = window.controller.root
    assert root.parent == tmp_path / "Кейсы"
    doc = json.loads((root / "case.json").read_text())
    assert doc["facts"]["order_id"] == "8123 456"
    assert "AliExpress" in window.windowTitle()


def test_drop_import_remove_undo_redo_and_reopen(qtbot, window, tmp_path) -> None:
    store = new_case(tmp_path / "Кейс заказа 1", platform="ebay", order_id="77")
    window.show_case(store)
    photo = make_photo(tmp_path / "фото.jpg")
    video = make_video(tmp_path / "unboxing.mp4", audio=True)
    drop_files(window.case_view.list, [photo, video])
    wait_import(qtbot, window)
    assert window.case_view.list.count() == 2
    ids = [it.id for it in window.controller.case.items]
    # the list shows kind, short hash and a full-hash tooltip
    row = window.case_view.list.item(0)
    assert "photo" in row.text() and window.controller.case.items[0].sha256[:10] in row.text()
    assert window.controller.case.items[0].sha256 in row.toolTip()

    window.case_view.list.setCurrentRow(0)
    window.items.remove()
    assert [it.id for it in window.controller.case.items] == [ids[1]]
    assert store.path_of(store.case.bin[0]).exists()  # kept until the bin is emptied
    on_disk = json.loads((store.root / "case.json").read_text())
    assert [i["id"] for i in on_disk["items"]] == [ids[1]]  # autosaved

    window.undo()
    assert [it.id for it in window.controller.case.items] == ids
    window.redo()
    window.undo()
    assert window.case_view.list.count() == 2
    assert "saved" in window.saved_label.text()

    window.close_case()
    assert window.open_case(store.root)
    assert [it.id for it in window.controller.case.items] == ids


def test_rename_and_reorder_are_undoable(qtbot, window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    window.show_case(store)
    drop_files(
        window.case_view.list, [make_photo(tmp_path / f"p{n}.jpg", seed=n) for n in range(3)]
    )
    wait_import(qtbot, window)
    first = window.controller.case.items[0].id
    window.case_view.list.setCurrentRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Crack on the lid", True))
    window.items.rename()
    assert window.controller.case.items[0].title == "Crack on the lid"
    window.items.move(+2)
    assert window.controller.case.items[2].id == first
    window.undo()
    window.undo()
    assert window.controller.case.items[0].id == first
    assert window.controller.case.items[0].title != "Crack on the lid"


def test_bad_files_get_a_dialog_and_the_case_stays(qtbot, window, tmp_path) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    window.show_case(store)
    before = (store.root / "case.json").read_bytes()
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    text = tmp_path / "notes.mp4"
    text.write_text("not a video")
    drop_files(window.case_view.list, [empty, text, tmp_path / "missing.jpg"])
    wait_import(qtbot, window)
    assert (
        window.messages and "empty" in window.messages[-1] and "not a photo" in window.messages[-1]
    )
    assert (store.root / "case.json").read_bytes() == before
    assert list((store.root / "originals").iterdir()) == []


def test_corrupt_case_gets_a_dialog(qtbot, window, tmp_path) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    (store.root / "case.json").write_text("{oops")
    assert not window.open_case(store.root)
    assert "damaged" in window.messages[-1]
    assert window.controller is None
    assert (store.root / "case.json").read_text() == "{oops"


def test_facts_form_edits_are_saved_and_undoable(qtbot, window, tmp_path) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    window.show_case(store)
    window.case_view.show_step("facts")
    form = window.case_view.facts
    form.price.setText("12,5")
    form.price.editingFinished.emit()
    assert CaseStore.open(store.root).case.facts.price == 12.5
    assert window.controller.undo_stack.undoText() == "Change Price paid"  # the form's words
    form.price.setText("cheap")
    form.price.editingFinished.emit()
    assert "price must be a number" in form.message.text()
    assert CaseStore.open(store.root).case.facts.price == 12.5
    window.undo()
    assert CaseStore.open(store.root).case.facts.price is None


def test_sample_case_opens(qtbot, window) -> None:
    window.open_sample()
    assert window.controller is not None and len(window.controller.case.items) == 4
    window.case_view.list.setCurrentRow(0)
    assert window.case_view.right.currentWidget() is window.case_view.video


def test_app_starts_in_a_subprocess(tmp_path) -> None:
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "EVIDENCE_KIT_QUIT_AFTER_SHOW": "200",
        "EVIDENCE_KIT_CONFIG_DIR": str(tmp_path / "cfg"),
        "EVIDENCE_KIT_DATA_DIR": str(tmp_path / "data"),
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-m", "evidence_kit"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_window_remembers_its_geometry(qtbot, private_dirs) -> None:
    first = MainWindow(Settings())
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(40, 50, 700, 480)
    first.close()
    assert (private_dirs / "config" / "window.ini").exists()
    second = MainWindow(Settings())
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 480)


def test_read_only_case_opens_and_refuses_edits_cleanly(qtbot, window, tmp_path) -> None:
    from tests.factories.disk import mounted_tmpfs, remount

    with mounted_tmpfs(tmp_path / "disk", size="2m") as disk:
        store = new_case(disk / "c", platform="ebay", order_id="1")
        before = (store.root / "case.json").read_bytes()
        remount(disk, read_only=True)
        assert window.open_case(store.root)
        assert "viewed but not changed" in window.messages[-1]
        form = window.case_view.facts
        form.item.setText("New title")
        form.item.editingFinished.emit()
        assert "Could not save" in window.messages[-1]
        assert window.controller.case.facts.item == ""  # memory still equals the disk
        assert not window.controller.undo_stack.canUndo()
        assert (store.root / "case.json").read_bytes() == before
        window.close_case()
        remount(disk, read_only=False)


def test_restore_from_the_bin_is_undoable(qtbot, window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    window.show_case(store)
    drop_files(
        window.case_view.list, [make_photo(tmp_path / f"p{n}.jpg", seed=n) for n in range(2)]
    )
    wait_import(qtbot, window)
    first, second = (it.id for it in window.controller.case.items)
    window.case_view.list.setCurrentRow(0)
    window.items.remove()
    window.case_view.list.setCurrentRow(0)
    window.items.toggle_include()  # another edit after the removal: Ctrl+Z alone won't do
    offered: list[list[str]] = []

    def pick(parent, title, label, labels, *args):  # type: ignore[no-untyped-def]
        offered.append(labels)
        return labels[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    window.items.restore()
    assert first in offered[0][0]
    assert [it.id for it in window.controller.case.items] == [second, first]
    assert window.controller.case.bin == []
    assert json.loads((store.root / "case.json").read_text())["bin"] == []
    window.undo()
    assert [it.id for it in window.controller.case.bin] == [first]
    assert not window.controller.case.items[0].include  # the edit before stays


def test_translation_service_choice_is_remembered(qtbot, window, tmp_path) -> None:
    from evidence_kit.core.settings import load_settings

    window.show_case(new_case(tmp_path / "c", platform="ebay", order_id="1"))
    combo = window.case_view.claim.flow.backend
    assert combo.currentData() == "google" and combo.findData("mymemory") >= 0
    combo.setCurrentIndex(combo.findData("mymemory"))
    assert load_settings().translation_backend == "mymemory"
    later = MainWindow(load_settings())
    qtbot.addWidget(later)
    later.show_case(new_case(tmp_path / "d", platform="ebay", order_id="2"))
    assert later.case_view.claim.flow.backend.currentData() == "mymemory"
    later.close_case()


def test_help_opens_the_log_folder(qtbot, window, private_dirs, monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMenu

    from evidence_kit.gui.base import folders

    opened = []
    monkeypatch.setattr(folders, "file_manager_problem", lambda: None)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    help_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Help")
    action = next(a for a in help_menu.actions() if a.text() == "Open &log folder")
    action.trigger()
    assert [u.toLocalFile() for u in opened] == [str(private_dirs / "log")]
