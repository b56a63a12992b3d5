"""The recorder window: preview, Start/Stop, checklist ticks in the log, no camera -> Import."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from evidence_kit.core.store import CaseStore
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.record.window import CHECKLIST, RecorderWindow
from evidence_kit.media.record.camera import CameraInfo
from tests.factories.media import make_video


@pytest.fixture
def controller(tmp_path: Path, qtbot) -> CaseController:  # type: ignore[no-untyped-def]
    return CaseController(CaseStore.create(tmp_path / "case"))


@pytest.fixture
def runner(qtbot) -> TaskRunner:  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    r.wait_all()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append(text))
    return seen


def file_camera(path: Path) -> CameraInfo:
    return CameraInfo(f"{path.name} (video file as camera)", file=str(path))


def actions(controller: CaseController) -> list[str]:
    return [e.action for e in controller.case.log]


def test_no_camera_says_so_and_offers_import(controller, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = RecorderWindow(controller, runner, cameras=[], microphones=[])
    qtbot.addWidget(window)
    assert window.pages.currentIndex() == 1
    assert "No camera was found" in window.no_camera_label.text()
    window.show()
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    assert window.wants_import is True
    assert window.result() == QDialog.DialogCode.Rejected
    assert controller.case.items == []


def test_camera_that_cannot_be_opened_gives_the_message(
    controller, runner, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = RecorderWindow(
        controller, runner, cameras=[file_camera(tmp_path / "gone.mp4")], microphones=[]
    )
    qtbot.addWidget(window)
    assert window.pages.currentIndex() == 1
    assert "does not exist" in window.no_camera_label.text()


def test_record_a_take_with_checklist_ticks(controller, runner, qtbot, tmp_path, warnings) -> None:  # type: ignore[no-untyped-def]
    src = make_video(tmp_path / "src.mp4", seconds=8.0, fps=25, size=(320, 240), audio=True)
    window = RecorderWindow(controller, runner, cameras=[file_camera(src)], microphones=[])
    qtbot.addWidget(window)
    window.show()
    assert window.pages.currentIndex() == 0
    assert not any("pause" in b.text().lower() for b in window.findChildren(QPushButton))
    qtbot.waitUntil(
        lambda: window.preview.pixmap() is not None and not window.preview.pixmap().isNull(),
        timeout=10000,
    )
    assert not window.checklist.isEnabled()
    assert window.camera_box.isEnabled() and window.clock_box.isEnabled()
    assert not window.size_box.isEnabled()  # a video file plays at its own size

    qtbot.mouseClick(window.record_button, Qt.MouseButton.LeftButton)
    assert window.recording and window.checklist.isEnabled()
    assert not window.camera_box.isEnabled() and not window.size_box.isEnabled()
    assert actions(controller)[-1] == "recording_started"
    qtbot.waitUntil(lambda: window.take is not None and window.take.elapsed >= 0.5, timeout=10000)
    window.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: window.take is not None and window.take.elapsed >= 1.2, timeout=10000)
    window.checklist.item(1).setCheckState(Qt.CheckState.Checked)
    window.checklist.item(1).setCheckState(
        Qt.CheckState.Checked
    )  # a second tick is not logged again
    qtbot.waitUntil(lambda: window.take is not None and window.take.elapsed >= 2.0, timeout=10000)
    qtbot.mouseClick(window.record_button, Qt.MouseButton.LeftButton)
    assert not window.recording
    qtbot.waitUntil(lambda: len(controller.case.items) == 1, timeout=20000)

    [item] = controller.case.items
    assert item.source == "recorded" and item.kind == "video"
    original = controller.path_of(item)
    assert hashlib.sha256(original.read_bytes()).hexdigest() == item.sha256
    assert item.meta["video_codec"] == "h264" and item.meta["has_audio"]
    assert abs(item.meta["duration_s"] - window.last_result.duration_s) < 0.3
    assert not window.last_result.path.exists()  # the working copy went once sealed

    log = controller.case.log
    ticks = [e for e in log if e.action == "recording_checklist"]
    assert [t.details["item"] for t in ticks] == [CHECKLIST[0][0], CHECKLIST[1][0]]
    assert (
        0.5
        <= ticks[0].details["offset_s"]
        < ticks[1].details["offset_s"]
        <= window.last_result.duration_s
    )
    names = actions(controller)
    assert names.index("recording_started") < names.index("recording_checklist")
    assert names.index("recording_stopped") < names.index("item_added")
    stopped = next(e for e in log if e.action == "recording_stopped")
    assert stopped.details["checklist"] == [CHECKLIST[0][0], CHECKLIST[1][0]]
    assert warnings == []
    window.close()


def test_camera_lost_mid_take_keeps_it_and_says_so(
    controller, runner, qtbot, tmp_path, warnings
) -> None:  # type: ignore[no-untyped-def]
    src = make_video(tmp_path / "short.mp4", seconds=1.5, fps=25, size=(320, 240))
    window = RecorderWindow(controller, runner, cameras=[file_camera(src)], microphones=[])
    qtbot.addWidget(window)
    window.show()
    window.start_recording()
    assert window.recording
    qtbot.waitUntil(lambda: len(controller.case.items) == 1, timeout=20000)
    assert len(warnings) == 1 and "ended" in warnings[0] and "kept" in warnings[0]
    assert window.last_result is not None and window.last_result.stop_reason == "camera_lost"
    assert not window.record_button.isEnabled()  # nothing left to record from
    window.close()


def test_closing_while_recording_keeps_the_take(
    controller, runner, qtbot, tmp_path, warnings
) -> None:  # type: ignore[no-untyped-def]
    src = make_video(tmp_path / "src.mp4", seconds=6.0, fps=25, size=(320, 240))
    window = RecorderWindow(controller, runner, cameras=[file_camera(src)], microphones=[])
    qtbot.addWidget(window)
    window.show()
    window.start_recording()
    qtbot.waitUntil(lambda: window.take is not None and window.take.elapsed >= 0.5, timeout=10000)
    window.reject()
    qtbot.waitUntil(lambda: len(controller.case.items) == 1, timeout=20000)
    assert controller.case.items[0].source == "recorded"
    assert window.session is None


def test_interrupted_take_is_offered_and_added(
    controller, runner, qtbot, tmp_path, warnings
) -> None:  # type: ignore[no-untyped-def]
    # what a crash leaves: a take in the working folder that never reached the case
    leftover = make_video(
        controller.store.derived("takes") / "take-20261126-081500.mp4",
        seconds=1.0,
        fps=10,
        size=(160, 120),
    )
    sha = hashlib.sha256(leftover.read_bytes()).hexdigest()
    window = RecorderWindow(controller, runner, cameras=[], microphones=[])
    qtbot.addWidget(window)
    window.show()
    assert window.leftover_bar.isVisible()
    assert window.leftover_takes() == [leftover]
    qtbot.mouseClick(window.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(controller.case.items) == 1, timeout=20000)
    [item] = controller.case.items
    assert item.source == "recorded" and item.sha256 == sha
    assert "recording_recovered" in actions(controller)
    qtbot.waitUntil(lambda: not leftover.exists(), timeout=5000)
    assert not window.leftover_bar.isVisible()
    assert warnings == []


def test_no_leftover_bar_without_leftovers(controller, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = RecorderWindow(controller, runner, cameras=[], microphones=[])
    qtbot.addWidget(window)
    window.show()
    assert not window.leftover_bar.isVisible()
