"""Capture sources: missing cameras and files, camera names, the real-camera path."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_kit.core.errors import CameraError, UnreadableFileError
from evidence_kit.media.record.camera import CameraInfo, CameraSource, FileSource
from evidence_kit.media.record.session import record
from tests.factories.cameras import FakeCapture, H, W, decoded_frames


def test_missing_camera_is_a_clear_camera_error() -> None:
    with pytest.raises(CameraError, match="No camera was found"):
        CameraSource(57).open()


def test_missing_source_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="does not exist"):
        FileSource(tmp_path / "nope.mp4").open()


def test_file_that_is_not_a_video_cannot_be_a_camera(tmp_path: Path) -> None:
    bad = tmp_path / "notes.mp4"
    bad.write_text("not a video")
    with pytest.raises(CameraError):
        FileSource(bad).open()


def test_linux_cameras_are_listed_by_name_without_metadata_nodes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evidence_kit.media.record import camera

    monkeypatch.setattr(camera.sys, "platform", "linux")
    sysfs = tmp_path / "video4linux"
    for node, name, index in (
        ("video0", "HD Webcam C270", 0),
        ("video1", "HD Webcam C270", 1),
        ("video2", "Integrated Camera", 0),
    ):
        (sysfs / node).mkdir(parents=True)
        (sysfs / node / "name").write_text(name + "\n")
        (sysfs / node / "index").write_text(f"{index}\n")
    video = tmp_path / "demo.mp4"
    video.write_bytes(b"x")
    monkeypatch.setenv(camera.SOURCE_ENV, str(video))
    found = camera.list_cameras(sysfs=sysfs)
    assert [(c.name, c.index) for c in found[:2]] == [
        ("HD Webcam C270", 0),
        ("Integrated Camera", 2),
    ]
    assert found[2].file == str(video) and "demo.mp4" in found[2].name


def test_real_camera_path_records_and_reports_an_unplugged_camera(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cv2

    from evidence_kit.media.record import camera

    fake_cv2 = type("FakeCv2", (), {})()
    for name in (
        "CAP_PROP_FRAME_WIDTH",
        "CAP_PROP_FRAME_HEIGHT",
        "CAP_PROP_FPS",
        "COLOR_BGR2YUV_I420",
    ):
        setattr(fake_cv2, name, getattr(cv2, name))
    fake_cv2.VideoCapture = FakeCapture
    fake_cv2.cvtColor = cv2.cvtColor
    monkeypatch.setattr(camera, "_cv2", lambda: fake_cv2)
    monkeypatch.setattr(camera, "CAMERA_SILENCE_S", 0.2)
    with pytest.raises(CameraError, match="No camera was found"):
        CameraSource(1).open()
    out = tmp_path / "take.mp4"
    result = record(out, CameraInfo("Fake cam", index=0), fps=25.0, clock=False)
    assert result.stop_reason == "camera_lost" and "unplugged" in result.message
    frames = decoded_frames(out)
    assert len(frames) == result.frames == 11  # open() reads one frame to learn the size
    r, g, b = frames[-1][H // 2, W // 2]
    assert r > 150 and g < 60 and b < 60  # BGR came through as red, not blue
