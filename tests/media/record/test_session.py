"""Capture sessions from a video file played as a camera: codec, length, sound, preview, a lost camera."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from evidence_kit.core.errors import CameraError
from evidence_kit.media.record.camera import CameraInfo, FileSource
from evidence_kit.media.record.session import CaptureSession, record
from evidence_kit.media.video.probe import probe_video
from tests.factories.cameras import FlakyCamera, H, W, decoded_frames
from tests.factories.media import make_video


def test_take_is_h264_with_sound_creation_time_and_asked_length(
    source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "take.mp4"
    result = record(out, CameraInfo("file", file=str(source)), seconds=1.5)
    info = probe_video(out)
    assert info.video_codec == "h264"
    assert info.has_audio and info.audio_codec == "aac"
    assert (info.width, info.height) == (W, H)
    assert abs(info.duration_s - 1.5) <= 0.3
    assert info.creation_time is not None
    # the container's creation time is the recording's start, not the source file's
    created = datetime.fromisoformat(info.creation_time.replace("Z", "+00:00"))
    started = datetime.fromisoformat(result.started_at.replace("Z", "+00:00"))
    assert abs((created - started).total_seconds()) < 2
    assert info.creation_time != "2026-11-20T14:03:27Z"  # the source file's own time
    assert result.stop_reason == "time_limit"
    assert len(decoded_frames(out)) == result.frames == round(1.5 * 25) - result.dropped


def test_source_without_sound_gives_a_take_without_sound(tmp_path: Path) -> None:
    src = make_video(tmp_path / "mute.mp4", seconds=1.5, fps=25, size=(W, H), audio=False)
    out = tmp_path / "take.mp4"
    result = record(out, CameraInfo("file", file=str(src)), seconds=1.0)
    assert not result.has_audio
    assert not probe_video(out).has_audio


def test_source_that_ends_stops_the_take_and_keeps_it(tmp_path: Path) -> None:
    src = make_video(tmp_path / "short.mp4", seconds=1.0, fps=25, size=(W, H))
    out = tmp_path / "take.mp4"
    result = record(out, CameraInfo("file", file=str(src)), seconds=30)
    assert result.stop_reason == "camera_lost"
    assert "ended" in result.message and "kept" in result.message
    assert len(decoded_frames(out)) == result.frames > 0


def test_camera_lost_mid_take_stops_cleanly_and_keeps_the_file(tmp_path: Path) -> None:
    session = CaptureSession(FlakyCamera(20))
    out = tmp_path / "take.mp4"
    take = session.start_take(out, clock=False)
    session.start()
    assert take.finished.wait(30)
    result = session.stop_take()
    session.close()
    assert result is not None
    assert result.stop_reason == "camera_lost"
    assert "unplugged" in result.message and "kept" in result.message
    assert session.ended is not None
    frames = decoded_frames(out)
    assert len(frames) == result.frames == 20
    assert probe_video(out).video_codec == "h264"
    with pytest.raises(CameraError):
        session.start_take(tmp_path / "again.mp4")


def test_preview_gives_rgb_frames_while_not_recording(source: Path) -> None:
    src = FileSource(source)
    src.open()
    session = CaptureSession(src)
    session.start()
    try:
        assert session.first_frame.wait(10)
        rgb = session.preview_rgb(max_width=160)
        assert rgb is not None and rgb.shape == (120, 160, 3)
        assert session.take is None
    finally:
        session.close()


def test_a_microphone_that_cannot_open_leaves_a_note_not_a_failure(source: Path) -> None:
    from evidence_kit.media.record.camera import MicInfo
    from evidence_kit.media.record.session import open_session

    session = open_session(
        CameraInfo("file", file=str(source)), MicInfo("Ghost mic", "alsa", "hw:99")
    )
    try:
        assert session.mic is None
        assert any("Ghost mic" in n and "without the microphone" in n for n in session.notes)
        assert session.audio_format is not None  # the file's own sound is still there
    finally:
        session.close()
