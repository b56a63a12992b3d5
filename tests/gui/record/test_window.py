"""The recorder window: preview, Start/Stop, checklist ticks in the log, no camera -> Import."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.record.window import CHECKLIST, RecorderWindow
from evidence_kit.gui.record.window_view import FRAME_RATES, RESOLUTIONS
from evidence_kit.media.record.camera import CameraInfo
from evidence_kit.media.video.frames import frame_at
from tests.factories.media import make_video
from tests.factories.video import make_barcode_video, read_frame_number


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append(text))
    return seen


def file_camera(path: Path) -> CameraInfo:
    return CameraInfo(f"{path.name} (video file as camera)", file=str(path))


def actions(controller: CaseController) -> list[str]:
    return [e.action for e in controller.case.log]


def wait_camera(qtbot, window: RecorderWindow) -> None:  # type: ignore[no-untyped-def]
    """The camera opens on the task runner."""
    qtbot.waitUntil(lambda: window.session is not None, timeout=10000)


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
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 1, timeout=10000)
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
    wait_camera(qtbot, window)
    window.start_recording()
    assert window.recording
    qtbot.waitUntil(lambda: len(controller.case.items) == 1, timeout=20000)
    assert len(warnings) == 1 and "ended" in warnings[0] and "kept" in warnings[0]
    assert window.last_result is not None and window.last_result.stop_reason == "camera_lost"
    # the file plays again, as a camera goes on: another take can start
    qtbot.waitUntil(window.record_button.isEnabled, timeout=10000)
    window.close()


def test_a_file_camera_plays_on_and_each_take_records_it_from_the_start(
    controller, runner, qtbot, tmp_path, warnings
) -> None:  # type: ignore[no-untyped-def]
    """Issue 18.11: the preview played the file out before Start, which then stayed grey;
    the boxes showed 1280 x 720 at 30 fps whatever the file was."""
    src = make_barcode_video(tmp_path / "sample.mp4", frames=25, fps=25, audio=True)
    window = RecorderWindow(controller, runner, cameras=[file_camera(src.path)], microphones=[])
    qtbot.addWidget(window)
    window.clock_box.setChecked(False)  # the barcode is read back from the take
    window.show()
    wait_camera(qtbot, window)
    assert window.size_box.currentText() == "320 × 192"
    assert window.fps_box.currentText() == "25 frames per second"
    assert window.size_box.count() == window.fps_box.count() == 1
    qtbot.wait(1800)  # longer than the file: the preview starts it again
    assert window.session is not None and window.session.ended is None
    assert window.record_button.isEnabled()

    qtbot.mouseClick(window.record_button, Qt.MouseButton.LeftButton)
    assert window.recording
    # the file ends during the take: it is kept, and says so
    qtbot.waitUntil(lambda: len(controller.case.items) == 1, timeout=20000)
    assert len(warnings) == 1 and "ended" in warnings[0]
    result = window.last_result
    assert result is not None and result.frames >= 23  # the whole file, not what was left
    rgb, _ = frame_at(controller.path_of(controller.case.items[0]), 0.0)
    assert read_frame_number(rgb) == 0
    qtbot.waitUntil(window.record_button.isEnabled, timeout=10000)
    assert controller.case.items[0].meta["has_audio"]
    # the file's own size is no choice to remember for a camera
    assert (window.settings.record_width, window.settings.record_height) != (320, 192)
    window.close()


def test_closing_while_recording_keeps_the_take(
    controller, runner, qtbot, tmp_path, warnings
) -> None:  # type: ignore[no-untyped-def]
    src = make_video(tmp_path / "src.mp4", seconds=6.0, fps=25, size=(320, 240))
    window = RecorderWindow(controller, runner, cameras=[file_camera(src)], microphones=[])
    qtbot.addWidget(window)
    window.show()
    wait_camera(qtbot, window)
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
        controller.store.folder("recording") / "take-20261126-081500.mp4",
        seconds=1.0,
        fps=10,
        size=(160, 120),
    )
    sha = hashlib.sha256(leftover.read_bytes()).hexdigest()
    window = RecorderWindow(controller, runner, cameras=[], microphones=[])
    qtbot.addWidget(window)
    window.show()
    assert window.leftover_bar.isVisible()
    assert window.sealer.leftover_takes() == [leftover]
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


def test_camera_opens_and_take_is_sealed_off_the_gui_thread(
    controller, runner, qtbot, tmp_path, warnings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import threading

    from evidence_kit.gui.record import window as window_module
    from evidence_kit.media.record.session import CaptureSession

    threads: dict[str, str] = {}
    real_open, real_stop = window_module.open_session, CaptureSession.stop_take

    built = threading.Event()

    def slow_open(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads["open"] = threading.current_thread().name
        # a camera that only answers once the window exists: a window that opened it on
        # the GUI thread would wait here for ever (bounded, so a regression fails, not hangs)
        threads["waited"] = str(built.wait(10))
        return real_open(*args, **kwargs)

    def stop_take(self):  # type: ignore[no-untyped-def]
        threads["stop"] = threading.current_thread().name
        return real_stop(self)

    monkeypatch.setattr(window_module, "open_session", slow_open)
    monkeypatch.setattr(CaptureSession, "stop_take", stop_take)
    src = make_video(tmp_path / "src.mp4", seconds=6.0, fps=25, size=(320, 240))
    window = RecorderWindow(controller, runner, cameras=[file_camera(src)], microphones=[])
    qtbot.addWidget(window)
    built.set()
    assert window.session is None
    assert not window.record_button.isEnabled()  # nothing to record from yet
    window.show()
    wait_camera(qtbot, window)
    assert window.record_button.isEnabled()
    window.start_recording()
    qtbot.waitUntil(lambda: window.take is not None and window.take.elapsed >= 0.3, timeout=10000)
    window.stop_recording()
    assert not window.recording and window.stopping and not window.record_button.isEnabled()
    qtbot.waitUntil(lambda: len(controller.case.items) == 1, timeout=20000)
    gui = threading.main_thread().name
    assert threads["open"] != gui and threads["stop"] != gui
    assert threads["waited"] == "True"
    window.close()


def test_a_newer_camera_choice_supersedes_one_still_opening(
    controller, runner, qtbot, tmp_path, warnings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from evidence_kit.gui.record import window as window_module

    opened: list = []
    closed: list = []
    real_open = window_module.open_session

    def tracked(camera, *args, **kwargs):  # type: ignore[no-untyped-def]
        if camera.file.endswith("a.mp4"):
            time.sleep(0.4)
        session = real_open(camera, *args, **kwargs)
        real_close = session.close
        session.close = lambda: (closed.append(camera.file), real_close())[1]  # type: ignore[method-assign]
        opened.append(camera.file)
        return session

    monkeypatch.setattr(window_module, "open_session", tracked)
    a = make_video(tmp_path / "a.mp4", seconds=3.0, fps=10, size=(160, 120))
    b = make_video(tmp_path / "b.mp4", seconds=3.0, fps=10, size=(160, 120))
    window = RecorderWindow(
        controller, runner, cameras=[file_camera(a), file_camera(b)], microphones=[]
    )
    qtbot.addWidget(window)
    window.show()
    window.camera_box.setCurrentIndex(1)  # while camera a is still opening
    wait_camera(qtbot, window)
    qtbot.waitUntil(lambda: len(opened) == 2 and closed == [str(a)], timeout=10000)
    assert "b.mp4" in window.status.text()
    window.close()


def test_recorder_choices_are_remembered_between_takes(
    controller, runner, qtbot, tmp_path, warnings
) -> None:  # type: ignore[no-untyped-def]
    from evidence_kit.core.settings import Settings, load_settings

    a = make_video(tmp_path / "a.mp4", seconds=4.0, fps=10, size=(160, 120))
    b = make_video(tmp_path / "b.mp4", seconds=4.0, fps=10, size=(160, 120))
    cameras = [file_camera(a), file_camera(b)]
    first = RecorderWindow(controller, runner, cameras=cameras, microphones=[], settings=Settings())
    qtbot.addWidget(first)
    first.show()
    assert first.clock_box.isChecked() and first.size_box.currentData() == (1280, 720)
    first.camera_box.setCurrentIndex(1)
    first.size_box.setCurrentIndex(RESOLUTIONS.index((640, 480)))
    first.fps_box.setCurrentIndex(FRAME_RATES.index(15))
    first.clock_box.setChecked(False)
    wait_camera(qtbot, first)
    first.start_recording()
    assert actions(controller)[-1] == "recording_started"
    assert controller.case.log[-1].details["clock"] is False
    qtbot.waitUntil(lambda: first.take is not None and first.take.elapsed >= 0.3, timeout=10000)
    first.reject()
    qtbot.waitUntil(lambda: len(controller.case.items) == 1, timeout=20000)

    saved = load_settings()  # what the next session of the app starts with
    assert (saved.camera_index, saved.record_width, saved.record_height) == (1, 640, 480)
    assert (saved.record_fps, saved.clock_overlay) == (15, False)
    second = RecorderWindow(controller, runner, cameras=cameras, microphones=[], settings=saved)
    qtbot.addWidget(second)
    assert second.camera_box.currentIndex() == 1
    assert second.size_box.currentData() == (640, 480) and second.fps_box.currentData() == 15
    assert not second.clock_box.isChecked()
    second.close()
