"""Recorder takes from a video file played as a camera: codec, length, clock, sound, limits."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import av
import numpy as np
import pytest

from evidence_kit.core.errors import CameraError, DiskFullError, UnreadableFileError
from evidence_kit.media.record import take as take_module
from evidence_kit.media.record.camera import CameraInfo, CameraSource, FileSource, Source
from evidence_kit.media.record.overlay import ClockOverlay, clock_text
from evidence_kit.media.record.take import CaptureSession, Take, record
from evidence_kit.media.video.probe import probe_video
from tests.factories.media import make_video

W, H = 320, 240


def _frames(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as c:
        return [f.to_ndarray(format="rgb24") for f in c.decode(video=0)]


def _box(rgb: np.ndarray) -> np.ndarray:
    """Where the clock goes: the bottom-left corner."""
    h, w = rgb.shape[:2]
    return rgb[h - h // 8 :, : w // 2]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("src")
    return make_video(folder / "src.mp4", seconds=3.0, fps=25, size=(W, H), audio=True)


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
    assert len(_frames(out)) == result.frames == round(1.5 * 25) - result.dropped


def test_clock_overlay_present_or_absent_as_chosen(source: Path, tmp_path: Path) -> None:
    with_clock = tmp_path / "clock.mp4"
    without = tmp_path / "plain.mp4"
    record(with_clock, CameraInfo("file", file=str(source)), seconds=1.0, clock=True)
    record(without, CameraInfo("file", file=str(source)), seconds=1.0, clock=False)
    # the source frames are one flat grey (up to 7 * 24 = 168): white text and a black box
    # can only come from the overlay
    for rgb in _frames(with_clock)[::6]:
        box = _box(rgb)
        assert (box > 200).all(axis=2).sum() > 40
        assert (box < 30).all(axis=2).sum() > 500
    for rgb in _frames(without)[::6]:
        box = _box(rgb).astype(int)
        assert box.std() < 4
        assert abs(box.mean() - rgb[H // 2 :, W // 2 :].mean()) < 4


def test_clock_overlay_draws_only_its_box_and_neutral_colour() -> None:
    w, h = 640, 360
    i420 = np.full((h * 3 // 2, w), 90, np.uint8)
    ClockOverlay(w, h).apply(i420, datetime(2026, 11, 20, 14, 3, 27, tzinfo=UTC))
    luma = i420[:h]
    changed_rows, changed_cols = np.nonzero(luma != 90)
    assert changed_rows.min() > h // 2 and changed_cols.max() < w // 2  # bottom-left only
    assert luma.max() > 200 and luma.min() < 30  # white text on a dark box
    chroma = i420[h:]
    assert set(np.unique(chroma)) <= {90, 128}  # the box is grey, never tinted
    assert (luma[: h // 2] == 90).all()


def test_clock_text_carries_the_utc_offset() -> None:
    when = datetime(2026, 11, 20, 14, 3, 27, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert clock_text(when) == "2026-11-20 14:03:27 UTC+05:30"


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
    assert len(_frames(out)) == result.frames > 0


class FlakyCamera(Source):
    """A camera that sends `frames` pictures quickly, then is unplugged."""

    name = "flaky"

    def __init__(self, frames: int) -> None:
        super().__init__()
        self.width, self.height, self.fps = W, H, 25.0
        self.frames = frames

    def _run(self, on_video, on_audio) -> str:  # type: ignore[no-untyped-def]
        t0 = time.monotonic()
        for n in range(self.frames):
            i420 = np.full((H * 3 // 2, W), 60 + n, np.uint8)
            on_video(i420, t0 + n / self.fps)
            time.sleep(0.002)  # never fills the encoder queue
        return "The camera stopped sending pictures (unplugged?)."


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
    frames = _frames(out)
    assert len(frames) == result.frames == 20
    assert probe_video(out).video_codec == "h264"
    with pytest.raises(CameraError):
        session.start_take(tmp_path / "again.mp4")


def test_too_little_disk_space_refuses_to_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(take_module, "free_bytes", lambda folder: 10 * 1024 * 1024)
    out = tmp_path / "take.mp4"
    with pytest.raises(DiskFullError, match="MB free"):
        Take(out, W, H, 25.0)
    assert not out.exists()


def test_disk_filling_up_during_a_take_stops_it_and_keeps_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = {"n": 0}

    def shrinking(folder: Path) -> int:
        checks["n"] += 1
        return 10**12 if checks["n"] <= 2 else 1024  # plenty at start, then nearly full

    monkeypatch.setattr(take_module, "free_bytes", shrinking)
    monkeypatch.setattr(take_module, "DISK_CHECK_EVERY_S", 0.5)
    session = CaptureSession(FlakyCamera(60))
    out = tmp_path / "take.mp4"
    take = session.start_take(out, clock=False)
    session.start()
    assert take.finished.wait(30)
    result = session.stop_take()
    session.close()
    assert result is not None and result.stop_reason == "disk_low"
    assert "disk" in result.message and "kept" in result.message
    assert 0 < len(_frames(out)) == result.frames < 60


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


def test_stop_is_idempotent_and_thread_safe(source: Path, tmp_path: Path) -> None:
    src = FileSource(source)
    src.open()
    session = CaptureSession(src)
    take = session.start_take(tmp_path / "take.mp4", seconds=0.5)
    session.start()
    assert take.limit_reached.wait(10)
    results = []
    threads = [threading.Thread(target=lambda: results.append(take.stop())) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    session.close()
    assert len({id(r) for r in results}) == 1
    assert results[0].frames == len(_frames(tmp_path / "take.mp4"))


class GappyMicCamera(Source):
    """Two seconds of picture and a 440 Hz tone whose chunks from 0.5 s to 1.0 s never come."""

    name = "gappy"

    def __init__(self) -> None:
        super().__init__()
        self.width, self.height, self.fps = W, H, 25.0
        self.audio_rate, self.audio_layout = 48000, "mono"

    def _run(self, on_video, on_audio) -> str:  # type: ignore[no-untyped-def]
        t0 = time.monotonic()
        chunk = 960  # 20 ms
        next_audio = 0
        for n in range(50):
            on_video(np.full((H * 3 // 2, W), 100, np.uint8), t0 + n / self.fps)
            while next_audio / 48000 < (n + 1) / self.fps:
                start = next_audio / 48000
                if not 0.5 <= start < 1.0:
                    t = (next_audio + np.arange(chunk)) / 48000
                    wave = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32).reshape(1, -1)
                    frame = av.AudioFrame.from_ndarray(wave, format="fltp", layout="mono")
                    frame.sample_rate = 48000
                    on_audio(frame, t0 + start)
                next_audio += chunk
            time.sleep(0.002)
        return "The camera stopped sending pictures (unplugged?)."


def test_sound_gaps_are_filled_with_silence_so_sound_stays_with_the_picture(tmp_path: Path) -> None:
    session = CaptureSession(GappyMicCamera())
    out = tmp_path / "take.mp4"
    take = session.start_take(out, clock=False)
    session.start()
    assert take.finished.wait(30)
    result = session.stop_take()
    session.close()
    assert result is not None and result.has_audio
    assert any("filled with silence" in n for n in result.notes)
    with av.open(str(out)) as c:
        chunks = [(float(f.pts * f.time_base), f.to_ndarray()[0]) for f in c.decode(audio=0)]
    samples = np.concatenate([a for _, a in chunks])
    start = chunks[0][0]

    def rms(a: float, b: float) -> float:
        i, j = round((a - start) * 48000), round((b - start) * 48000)
        return float(np.sqrt(np.mean(samples[i:j] ** 2)))

    assert abs(len(samples) / 48000 - 2.0) < 0.1  # the gap did not shorten the sound
    assert rms(0.2, 0.45) > 0.1 and rms(1.15, 1.8) > 0.1  # the tone, before and after
    assert rms(0.6, 0.9) < 0.02  # silence where the microphone gave nothing


def test_a_microphone_that_cannot_open_leaves_a_note_not_a_failure(source: Path) -> None:
    from evidence_kit.media.record.camera import MicInfo
    from evidence_kit.media.record.take import open_session

    session = open_session(
        CameraInfo("file", file=str(source)), MicInfo("Ghost mic", "alsa", "hw:99")
    )
    try:
        assert session.mic is None
        assert any("Ghost mic" in n and "without the microphone" in n for n in session.notes)
        assert session.audio_format is not None  # the file's own sound is still there
    finally:
        session.close()


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


class FakeCapture:
    """cv2.VideoCapture stand-in: `good` BGR frames, then nothing (the cable is pulled)."""

    def __init__(self, index: int, good: int = 12) -> None:
        self.left = good
        self.opened = index == 0

    def isOpened(self) -> bool:  # noqa: N802 - OpenCV's name
        return self.opened

    def set(self, prop: int, value: float) -> bool:
        return True

    def get(self, prop: int) -> float:
        return 25.0

    def read(self) -> tuple[bool, np.ndarray | None]:
        if self.left <= 0:
            return False, None
        self.left -= 1
        time.sleep(0.01)
        frame = np.zeros((H, W, 3), np.uint8)
        frame[:, :, 2] = 200  # red in BGR
        return True, frame

    def release(self) -> None:
        pass


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
    frames = _frames(out)
    assert len(frames) == result.frames == 11  # open() reads one frame to learn the size
    r, g, b = frames[-1][H // 2, W // 2]
    assert r > 150 and g < 60 and b < 60  # BGR came through as red, not blue
