"""Issue 18, the window a shopper gets through without help: steps by keyboard and "Next",
the evidence in view on every step, the editor's keys as soon as a photo is picked, Ctrl+C
for the picture, Compare picking its exhibit, the toolbars at 1280 px, the start page's
recent cases, the status bar after closing, the New case dialog's width."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from evidence_kit.core.settings import Settings, load_settings
from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.media.importer import add_files
from tests.factories.media import make_photo

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QMessageBox, QToolButton  # noqa: E402

from evidence_kit.gui.shell.main_window import MainWindow  # noqa: E402
from evidence_kit.gui.shell.new_case_dialog import NewCaseDialog  # noqa: E402
from evidence_kit.gui.shell.step_rail import STEPS, deadline_text  # noqa: E402


@pytest.fixture
def window(qtbot: Any, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    yield win
    win.runner.wait_all()


def photo_case(tmp_path: Path, count: int = 3) -> CaseStore:
    store = new_case(tmp_path / "case", platform="aliexpress", order_id="81")
    add_files(store, [make_photo(tmp_path / f"p{n}.jpg", seed=n) for n in range(count)])
    return store


def editor_ready(qtbot: Any, win: MainWindow) -> None:
    assert win.case_view is not None
    qtbot.waitUntil(lambda: not win.case_view.editor.loading, timeout=20000)
    win.runner.wait_all()


# --- steps -------------------------------------------------------------------------------


def test_ctrl_number_and_next_step_walk_the_steps(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    window.show_case(photo_case(tmp_path))
    view = window.case_view
    for n, step in enumerate(STEPS, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        assert view.rail.current() == step
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    seen = [view.rail.current()]
    while view.rail.next_button.isVisible():
        assert view.rail.next_button.text().startswith("Next: ")
        qtbot.mouseClick(view.rail.next_button, Qt.MouseButton.LeftButton)
        seen.append(view.rail.current())
    assert seen == list(STEPS)
    assert view.pages.currentWidget() is view.dispute


def test_evidence_step_shows_the_first_item_and_the_strip_stays_in_view(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    store = photo_case(tmp_path)
    window.show_case(store)
    view = window.case_view
    window.controller.select("")
    view.show_step("facts")
    assert view.right.currentWidget() is view.facts
    view.show_step("evidence")  # nothing selected: the first exhibit, not the facts form
    first = store.case.items[0].id
    assert window.controller.selected_id == first
    assert view.right.currentWidget() is view.editor and view.editor.item_id == first
    assert not view.strip_box.isVisible()
    for step in ("claim", "export"):
        view.show_step(step)
        assert view.strip_box.isVisible()
        assert view.strip.ids() == [it.id for it in store.case.items]
        assert [view.strip.item(n).text() for n in range(3)] == ["E1", "E2", "E3"]
    last = store.case.items[2].id
    view.strip.itemActivated.emit(view.strip.item(2))  # double click / Enter: open it
    assert view.rail.current() == "evidence" and window.controller.selected_id == last
    assert not view.strip_box.isVisible()


def test_empty_text_only_when_the_case_is_empty(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    window.show_case(new_case(tmp_path / "empty", platform="ebay", order_id="1"))
    assert "Import the unboxing video" in window.case_view.empty.text()
    window.close_case()
    store = photo_case(tmp_path)
    window.show_case(store)
    window.controller.select("")
    window.case_view.right.setCurrentWidget(window.case_view.empty)
    assert "Import" not in window.case_view.empty.text()


# --- the editor's keys -------------------------------------------------------------------


def test_editor_keys_work_as_soon_as_a_photo_is_picked(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    window.show_case(photo_case(tmp_path))
    view = window.case_view
    view.show_step("evidence")
    view.list.setFocus()
    view.list.setCurrentRow(1)  # picked in the list: the focus stays there
    editor_ready(qtbot, window)
    assert view.list.hasFocus()
    for key, tool in ((Qt.Key.Key_A, "arrow"), (Qt.Key.Key_X, "redact"), (Qt.Key.Key_R, "rect")):
        qtbot.keyClick(view.list, key)
        assert view.editor.scene.tool == tool
    # on another step the letters do nothing to the (hidden) editor
    view.show_step("facts")
    view.facts.item.setFocus()
    qtbot.keyClicks(view.facts.item, "a")
    assert view.editor.scene.tool == "rect" and view.facts.item.text().endswith("a")


def test_ctrl_c_with_no_mark_selected_copies_the_picture(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    store = photo_case(tmp_path, 1)
    window.show_case(store)
    view = window.case_view
    view.list.setFocus()
    view.list.setCurrentRow(0)
    editor_ready(qtbot, window)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(view.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    window.runner.wait_all()
    qtbot.waitUntil(lambda: not QGuiApplication.clipboard().image().isNull(), timeout=10000)
    image = QGuiApplication.clipboard().image()
    from evidence_kit.media.image.render import render_item

    expected = render_item(store, store.case.items[0])
    assert (image.width(), image.height()) == expected.size
    assert "copied" in window.statusBar().currentMessage().lower()


def test_compare_selects_and_shows_the_exhibit_it_adds(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    store = photo_case(tmp_path, 8)  # more rows than fit: the new one is scrolled to
    window.show_case(store)
    view = window.case_view
    view.list.setCurrentRow(0)
    editor_ready(qtbot, window)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    view.editor.compare()
    qtbot.waitUntil(lambda: len(window.controller.case.items) == 9, timeout=30000)
    new = window.controller.case.items[-1].id
    assert window.controller.selected_id == new and view.list.current_id() == new
    row = view.list.currentItem()
    assert view.list.viewport().rect().intersects(view.list.visualItemRect(row))
    assert view.editor.item_id == new


def test_toolbars_fit_at_1280(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    window.show_case(photo_case(tmp_path, 1))
    view = window.case_view
    view.list.setCurrentRow(0)
    editor_ready(qtbot, window)
    bars = view.editor.bars
    for bar in (bars.tools, bars.options):
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert extension is None or not extension.isVisible(), bar.objectName()
    compare = bars.options.widgetForAction(view.editor.act_compare)
    assert compare is not None and compare.isVisible()
    assert compare.mapTo(window, compare.rect().topRight()).x() <= window.width()
    # each tool says its key
    assert bars.tool_actions["arrow"].toolTip() == "Arrow (A)"


# --- deadlines ---------------------------------------------------------------------------


def test_no_deadline_before_the_dates_exist(tmp_path: Path) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    assert deadline_text(store.case) == "Deadline: enter the delivery date (step 1) to see it."
    assert "Seller" not in deadline_text(store.case)  # a window "if opened today" is not one
    store.case.facts.ordered = (date.today() - timedelta(days=3)).isoformat()
    text = deadline_text(store.case)
    assert "about" in text and "Enter the delivery date" in text
    store.case.facts.delivered = (date.today() - timedelta(days=1)).isoformat()
    assert "29 days left" in deadline_text(store.case)


# --- the start page and files ------------------------------------------------------------


def test_recent_cases_open_with_one_click_and_show_their_deadline(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    delivered = (date.today() - timedelta(days=10)).isoformat()
    a = new_case(tmp_path / "A case", platform="ebay", order_id="1", delivered=delivered)
    b = new_case(tmp_path / "B case", platform="aliexpress", order_id="2")
    for store in (a, b):
        window.show_case(store)
        window.close_case()
    assert window.saved_label.text() == ""  # no case: nothing is said to be saved
    page = window.start
    assert page.recent.count() == 2
    window.runner.wait_all()
    qtbot.waitUntil(lambda: "Reading" not in page.row_for(str(a.root)).deadline.text())
    row_a = page.row_for(str(a.root))
    assert "20 days left" in row_a.deadline.text()
    assert "opened today" in row_a.where.text()
    qtbot.waitUntil(lambda: "delivery date" in page.row_for(str(b.root)).deadline.text())
    item = page.recent.item(1)
    rect = page.recent.visualItemRect(item)
    qtbot.mouseClick(page.recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.controller is not None and window.controller.root == a.root


def test_recent_context_menu_removes_and_shows_the_folder(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evidence_kit.gui.base import folders

    store = new_case(tmp_path / "Kept", platform="ebay", order_id="1")
    window.show_case(store)
    window.close_case()
    page = window.start
    shown: list[Path] = []
    monkeypatch.setattr(folders, "open_folder", lambda parent, folder, *a: shown.append(folder))
    monkeypatch.setattr("evidence_kit.gui.shell.recent_cases.folders", folders)
    page._menu(page.recent.visualItemRect(page.recent.item(0)).center())
    actions = {a.text(): a for a in page._last_menu.actions()}
    actions["Show folder"].trigger()
    assert shown == [store.root]
    actions["Remove from list"].trigger()
    assert page.recent.count() == 0 and page.recent_empty.isVisible()
    assert str(store.root) not in load_settings().recent_cases
    assert (store.root / "case.json").exists()  # the case itself stays


def test_open_folder_says_why_when_no_file_manager(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from evidence_kit.gui.base import folders

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(folders, "file_manager_problem", lambda: "No file manager is registered.")
    assert folders.open_folder(None, tmp_path, "Case folder", "The case is in:") is False
    assert "No file manager" in said[-1] and str(tmp_path) in said[-1]


def test_sample_case_is_reused(qtbot: Any, window: MainWindow) -> None:
    window.open_sample()
    first = window.controller.root
    window.close_case()
    window.open_sample()
    assert window.controller.root == first


def test_new_case_dialog_keeps_its_width(qtbot: Any) -> None:
    dialog = NewCaseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    width = dialog.width()
    dialog.order_id.setText("8" * 120)
    dialog.adjustSize()
    assert dialog.width() <= max(width, 700)
    assert "…" in dialog.hint.text() and dialog.hint.toolTip() == str(dialog.case_dir)


def test_file_dialogs_start_in_pictures_and_the_cases_folder(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from evidence_kit.core import paths

    started: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getExistingDirectory",
        lambda parent, title, folder="": started.append(folder) or "",
    )
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda parent, title, folder="", filt="": started.append(folder) or ([], ""),
    )
    paths.cases_dir().mkdir(parents=True, exist_ok=True)
    window.open_case_dialog()
    assert started[-1] == str(paths.cases_dir())
    window.show_case(photo_case(tmp_path))
    window.settings.import_dir = str(tmp_path)
    window.import_dialog()
    assert started[-1] == str(tmp_path)  # the last import's folder
    window.settings.import_dir = ""
    window.import_dialog()
    assert started[-1] != "" and Path(started[-1]).is_dir()


def test_evidence_rows_say_kind_marks_and_export_in_words(tmp_path: Path) -> None:
    from dataclasses import replace

    from evidence_kit.gui.shell.evidence_list import describe

    item = photo_case(tmp_path, 1).case.items[0]
    _, second = describe(replace(item, annotations=[{"type": "rect"}], include=False), "E1")
    assert second.startswith("photo · ") and "1 mark ·" in second and "mark(s)" not in second
    assert second.endswith("not exported")
    _, second = describe(replace(item, annotations=[{}, {}]), "E1")
    assert second.endswith("2 marks")


def test_dispute_deadlines_read_in_words_on_any_palette(qtbot: Any) -> None:
    from evidence_kit.claim.dispute.timeline import DisputeDeadline
    from evidence_kit.gui.dispute.next_card import DeadlineList

    box = DeadlineList()
    qtbot.addWidget(box)
    far = DisputeDeadline(
        id="open", name="Last day to open the dispute", date="2026-12-20", days_left=19,
        source="E1", confidence="H", kind="last", who="buyer", status="ok",
        basis="15 days after delivery",
    )  # fmt: skip
    box.show_deadlines([far])
    text = box.body.text()
    assert "19 days" in text and "day(s)" not in text
    assert "inherit" not in text  # Qt's rich text would draw such a cell black, even on dark
