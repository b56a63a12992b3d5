"""The safety net: uncaught exceptions (main thread, other threads) and failed background
work reach one error dialog and the rotating log file; the log folder opens or says why."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from evidence_kit.app import install_error_hooks, setup_logging
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.gui.base import folders
from evidence_kit.gui.base.error_dialog import ThreadErrorRelay, current_dialog, open_log_folder
from evidence_kit.gui.base.tasks import TaskRunner


@pytest.fixture
def error_net(qtbot: Any, private_dirs: Path) -> Any:
    """The app's net, installed for one test and taken down after."""
    hooks = sys.excepthook, threading.excepthook
    handlers = list(logging.getLogger().handlers)
    level = logging.getLogger().level
    log_file = setup_logging()
    relay = ThreadErrorRelay()
    install_error_hooks(relay.raised.emit)
    yield log_file
    sys.excepthook, threading.excepthook = hooks
    for handler in logging.getLogger().handlers:
        if handler not in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()
    logging.getLogger().setLevel(level)
    if current_dialog() is not None:
        current_dialog().close()


def raise_and_hook(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException:
        sys.excepthook(*sys.exc_info())


def test_uncaught_errors_are_logged_and_shown_in_one_dialog(
    qtbot: Any, error_net: Path, private_dirs: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert error_net == private_dirs / "log" / "evidence-kit.log"
    raise_and_hook(ValueError("bad value in a slot"))
    dialog = current_dialog()
    assert dialog is not None and dialog.isVisible()
    assert "bug" in dialog.headline.text() and "not something you did" in dialog.message.text()
    worker = threading.Thread(target=lambda: 1 / 0, name="camera-reader")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: dialog.count == 2, timeout=5000)  # queued onto the GUI thread
    raise_and_hook(KeyError("third"))
    assert current_dialog() is dialog  # one dialog, however many errors
    assert dialog.headline.text() == "3 errors happened."
    details = dialog.details.toPlainText()
    assert "ValueError: bad value in a slot" in details and "ZeroDivisionError" in details
    assert "raise_and_hook" in details  # the traceback, for the log and for support
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = error_net.read_text(encoding="utf-8")
    assert "Uncaught exception" in log and "ValueError: bad value in a slot" in log
    assert "Uncaught exception in thread camera-reader" in log
    assert len([r for r in caplog.records if r.levelno >= logging.ERROR]) == 3
    caplog.clear()  # the errors were the point of this test
    dialog.accept()
    assert current_dialog() is None
    raise_and_hook(RuntimeError("later"))
    assert current_dialog() is not dialog and current_dialog().count == 1
    caplog.clear()


def test_failed_work_without_a_handler_opens_the_dialog(qtbot: Any) -> None:
    runner = TaskRunner()

    def export(progress: Any, cancel: Any) -> None:
        raise EvidenceKitError("The disk is full: 12 MB free, 80 MB needed.")

    runner.start("Exporting the case", export)
    qtbot.waitUntil(lambda: current_dialog() is not None, timeout=5000)
    dialog = current_dialog()
    assert "Exporting the case" in dialog.headline.text()
    assert dialog.message.text() == "The disk is full: 12 MB free, 80 MB needed."
    assert not dialog.details_button.isVisibleTo(dialog)  # a message, not a traceback
    dialog.close()
    runner.wait_all()


def test_open_log_folder_opens_it_or_says_why(
    qtbot: Any, private_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(folders, "file_manager_problem", lambda: None)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    folder = private_dirs / "log"
    assert open_log_folder() is True
    assert [Path(u.toLocalFile()) for u in opened] == [folder] and folder.is_dir() and not said

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    assert open_log_folder() is False
    assert "No file manager could be started" in said[-1] and str(folder) in said[-1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xdg tools are Linux's")
def test_no_file_manager_registered_is_said_before_trying(
    qtbot: Any, private_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: pytest.fail("must not try"))
    monkeypatch.setattr(folders.shutil, "which", lambda name: None)
    assert open_log_folder() is False
    assert "no xdg-open" in said[-1] and str(private_dirs / "log") in said[-1]

    monkeypatch.setattr(folders.shutil, "which", lambda name: f"/usr/bin/{name}")
    empty = subprocess.CompletedProcess([], 0, stdout="\n", stderr="")
    monkeypatch.setattr(folders.subprocess, "run", lambda *a, **k: empty)
    assert open_log_folder() is False
    assert "No file manager is registered" in said[-1]
