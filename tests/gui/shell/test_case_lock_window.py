"""The app and a second writer on one case (issue 14, 1): the app holds the case lock while
the case is open, and opens a case someone else holds read-only, saying so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evidence_kit.core.settings import Settings
from evidence_kit.core.store import CaseStore, new_case
from tests.factories.cli import assert_one_line_error, run_cli

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from evidence_kit.gui.shell.main_window import MainWindow  # noqa: E402


@pytest.fixture
def window(qtbot, monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    win = MainWindow(Settings())
    win.messages = messages
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close_case()
    win.runner.wait_all()


def test_the_open_case_is_locked_against_the_command_line(
    window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    assert window.open_case(store.root)
    monkeypatch.setenv("EVIDENCE_KIT_LOCK_WAIT", "0.2")
    line = assert_one_line_error(run_cli("case", "set", store.root, "notes=from the CLI"))
    assert line == (
        f"evidence-kit: this case is open in Evidence Kit (pid {os.getpid()}); close it there first"
    )
    # the app's own edits still save, and nothing of the CLI's got in
    form = window.case_view.facts
    form.item.setText("Kettle")
    form.item.editingFinished.emit()
    assert window.controller.saved
    doc = CaseStore.open(store.root).case
    assert doc.facts.item == "Kettle" and "notes" not in doc.claim
    window.close_case()  # closing the case lets the command line in
    run_cli("case", "set", store.root, "notes=from the CLI", check=True)
    assert CaseStore.open(store.root).case.claim["notes"] == "from the CLI"


def test_a_case_held_elsewhere_opens_read_only_and_says_so(window, tmp_path: Path) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    before = store.case_file.read_bytes()
    with CaseStore.open(store.root, lock=True, holder="Evidence Kit"):
        assert window.open_case(store.root)
        assert "viewed but not changed" in window.messages[-1]
        assert f"open in Evidence Kit (pid {os.getpid()})" in window.messages[-1]
        assert "Read-only" in window.saved_label.text()
        form = window.case_view.facts
        form.item.setText("New title")
        form.item.editingFinished.emit()
        assert "close it there first" in window.messages[-1]
        assert window.controller.case.facts.item == ""  # memory still equals the disk
        assert not window.controller.undo_stack.canUndo()
        assert store.case_file.read_bytes() == before
