"""The recorder asks the system for the camera and microphone before opening them (macOS
prompts; Qt's QCameraPermission/QMicrophonePermission), and says what to do when refused."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCameraPermission, Qt

from evidence_kit.gui.record import permissions
from evidence_kit.gui.record import window as window_module
from evidence_kit.gui.record.window import RecorderWindow
from evidence_kit.media.record.camera import CameraInfo, MicInfo
from tests.factories.media import make_video

Status = Qt.PermissionStatus
WEBCAM = CameraInfo("Built-in camera", index=0)
MIC = MicInfo("Built-in microphone", "avfoundation", ":0")


@pytest.fixture
def system(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A stand-in for the system's answers: a status per device, prompts kept until answered."""
    state: dict[str, Any] = {"camera": Status.Granted, "microphone": Status.Granted, "prompts": []}

    def device(permission: object) -> str:
        return "camera" if isinstance(permission, QCameraPermission) else "microphone"

    monkeypatch.setattr(permissions, "_status", lambda p: state[device(p)])
    monkeypatch.setattr(
        permissions,
        "_request",
        lambda p, ctx, answered: state["prompts"].append((device(p), answered)),
    )
    return state


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[CameraInfo, MicInfo | None]]:
    """What the window asked to open (the devices themselves are never touched)."""
    calls: list[tuple[CameraInfo, MicInfo | None]] = []

    def fake_open(camera, mic, width, height, fps):  # type: ignore[no-untyped-def]
        calls.append((camera, mic))
        raise window_module.EvidenceKitError("stand-in camera")

    monkeypatch.setattr(window_module, "_open_started", fake_open)
    return calls


class Answer:
    def __init__(self, status: Qt.PermissionStatus) -> None:
        self._status = status

    def status(self) -> Qt.PermissionStatus:
        return self._status


def test_refused_camera_is_never_opened_and_the_window_says_where_to_allow_it(
    controller, runner, qtbot, system, opened
) -> None:  # type: ignore[no-untyped-def]
    system["camera"] = Status.Denied
    window = RecorderWindow(controller, runner, cameras=[WEBCAM], microphones=[MIC])
    qtbot.addWidget(window)
    assert window.pages.currentIndex() == 1
    text = window.no_camera_label.text()
    assert "may not use the camera" in text and "open the recorder again" in text
    runner.wait_all()
    assert opened == []  # no open that would fail without a reason


def test_camera_opens_only_after_the_prompt_is_answered(
    controller, runner, qtbot, system, opened
) -> None:  # type: ignore[no-untyped-def]
    system["camera"] = system["microphone"] = Status.Undetermined
    window = RecorderWindow(controller, runner, cameras=[WEBCAM], microphones=[MIC])
    qtbot.addWidget(window)
    assert [d for d, _ in system["prompts"]] == ["camera"]  # one prompt at a time
    runner.wait_all()
    assert opened == []
    system["prompts"][0][1](Answer(Status.Granted))
    assert [d for d, _ in system["prompts"]] == ["camera", "microphone"]
    system["prompts"][1][1](Answer(Status.Granted))
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=5000)
    assert opened == [(WEBCAM, MIC)]


def test_refused_microphone_records_without_sound_and_says_so(
    controller, runner, qtbot, system, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    system["microphone"] = Status.Denied
    video = make_video(tmp_path / "unboxing.mp4", seconds=2)
    camera = CameraInfo("unboxing.mp4 (video file as camera)", file=str(video))
    window = RecorderWindow(controller, runner, cameras=[camera], microphones=[MIC])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.session is not None, timeout=10000)
    assert window.session.audio_format is None  # type: ignore[union-attr]
    assert "no sound" in window.status.text() and "microphone" in window.status.text()
    assert system["prompts"] == []  # the file needed no camera permission


def test_an_answer_to_an_older_choice_is_ignored(controller, runner, qtbot, system, opened) -> None:  # type: ignore[no-untyped-def]
    system["camera"] = Status.Undetermined
    other = CameraInfo("USB camera", index=1)
    window = RecorderWindow(controller, runner, cameras=[WEBCAM, other], microphones=[])
    qtbot.addWidget(window)
    window.camera_box.setCurrentIndex(1)  # asks again for the new choice
    first, second = (answered for _, answered in system["prompts"])
    first(Answer(Status.Granted))
    runner.wait_all()
    assert opened == []
    second(Answer(Status.Granted))
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=5000)
    assert opened == [(other, None)]


def test_refusal_texts_name_the_systems_own_settings() -> None:
    assert "System Settings → Privacy & Security → Camera" in permissions.camera_refused_text(
        "darwin"
    )
    assert "Privacy & security → Microphone" in permissions.microphone_refused_text("win32")
    assert "privacy settings" in permissions.camera_refused_text("linux")
