"""probe: every DESIGN §6 field, the rotation direction (proved against ffmpeg with a
marker in the top-left corner), and clear errors for bad or truncated files."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from evidence_kit.core.errors import (
    CorruptMediaError,
    EmptyFileError,
    MediaError,
    TimeRangeError,
    UnsupportedMediaError,
)
from evidence_kit.media.video.frames import frame_at, grab_frames
from evidence_kit.media.video.probe import probe_video
from tests.factories.video import (
    BarcodeVideo,
    faststart,
    ffmpeg_first_frame,
    make_barcode_video,
    marker_corner,
    read_frame_number,
    tag_rotation,
    unrotate,
)

CLOCK = "2026-11-20T14:03:27.000000Z"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("probe")


@pytest.fixture(scope="module")
def cfr(base: Path) -> BarcodeVideo:
    return make_barcode_video(base / "cfr.mp4", frames=60, gop=15, audio=True, creation_time=CLOCK)


def test_fields_of_a_cfr_video_with_audio_and_clock(cfr: BarcodeVideo) -> None:
    info = probe_video(cfr.path)
    assert info.duration_s == pytest.approx(2.0, abs=0.05)
    assert (info.width, info.height, info.rotation) == (320, 192, 0)
    assert info.fps == pytest.approx(30.0, abs=0.01)
    assert info.variable_frame_rate is False
    assert info.video_codec == "h264"
    assert info.has_audio is True and info.audio_codec == "aac"
    assert info.creation_time is not None and info.creation_time.startswith("2026-11-20T14:03:27")
    assert info.frame_count == 60
    assert info.truncated is False and info.readable_s is None
    for key in ("duration_s", "width", "height", "rotation", "fps", "variable_frame_rate",
                "video_codec", "has_audio", "creation_time", "sha256"):  # fmt: skip
        assert key in info.to_dict()


def test_vfr_and_hevc_without_audio_or_clock(base: Path) -> None:
    vfr = probe_video(make_barcode_video(base / "vfr.mp4", frames=60, vfr=True).path)
    assert vfr.variable_frame_rate is True
    assert vfr.has_audio is False and vfr.audio_codec is None
    assert vfr.creation_time is None
    hevc = probe_video(
        make_barcode_video(
            base / "h.mp4",
            frames=20,
            codec="libx265",
            gop=None,
            options={"x265-params": "log-level=error"},
        ).path  # fmt: skip
    )
    assert hevc.video_codec == "hevc"


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_rotation_direction_matches_ffmpeg(
    cfr: BarcodeVideo, base: Path, tmp_path: Path, degrees: int
) -> None:
    """The red marker sits top-left in the coded picture. ffmpeg's autorotated output
    is the oracle for where it must land; our upright frame must put it in the same
    corner, and probe's display size must match ffmpeg's picture."""
    rotated = tag_rotation(cfr, base / f"r{degrees}.mp4", degrees)
    oracle = ffmpeg_first_frame(rotated.path, tmp_path / "ff.png")
    info = probe_video(rotated.path)
    assert (info.height, info.width) == oracle.shape[:2]
    assert info.rotation in (90, 180, 270)
    rgb, pts = frame_at(rotated.path, 0.0)
    assert rgb.shape == oracle.shape
    assert marker_corner(rgb) == marker_corner(oracle) != "tl"
    assert read_frame_number(unrotate(rgb, marker_corner(rgb))) == 0 and pts == 0.0


def test_quarter_turns_are_opposite(cfr: BarcodeVideo, base: Path) -> None:
    r90 = probe_video(tag_rotation(cfr, base / "q90.mp4", 90).path).rotation
    r270 = probe_video(tag_rotation(cfr, base / "q270.mp4", 270).path).rotation
    assert {r90, r270} == {90, 270}


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.mp4"
    path.write_bytes(b"")
    with pytest.raises(EmptyFileError, match="0 bytes"):
        probe_video(path)


def test_not_a_video(tmp_path: Path) -> None:
    path = tmp_path / "notes.mp4"
    path.write_text("this is not a video at all\n" * 50)
    with pytest.raises(CorruptMediaError):
        probe_video(path)


def test_audio_only(tmp_path: Path) -> None:
    path = tmp_path / "voice.m4a"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=d=1", str(path)], check=True
    )
    with pytest.raises(UnsupportedMediaError, match="audio-only"):
        probe_video(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match="does not exist"):
        probe_video(tmp_path / "nope.mp4")


def test_truncated_with_index_missing(cfr: BarcodeVideo, tmp_path: Path) -> None:
    cut = tmp_path / "cut.mp4"
    data = cfr.path.read_bytes()  # PyAV writes the index (moov) at the end
    assert data.find(b"moov") > len(data) // 2
    cut.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(CorruptMediaError, match="truncated before its index"):
        probe_video(cut)


def test_truncated_but_partly_decodable(cfr: BarcodeVideo, tmp_path: Path) -> None:
    fast = faststart(cfr.path, tmp_path / "fast.mp4")
    cut = tmp_path / "half.mp4"
    data = fast.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    info = probe_video(cut)
    assert info.truncated is True
    assert info.readable_s is not None and 0.2 < info.readable_s < info.duration_s - 0.3
    # a grab inside the readable part is exact
    t = info.readable_s / 2
    result = grab_frames(cut, [t], tmp_path / "o", caption=False)[0]
    import numpy as np
    from PIL import Image

    rgb = np.asarray(Image.open(result.path).convert("RGB"))
    assert read_frame_number(rgb) == cfr.expected_index(t)
    with pytest.raises(TimeRangeError, match="truncated"):
        grab_frames(cut, [info.duration_s - 0.1], tmp_path / "o")
