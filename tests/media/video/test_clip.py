"""Clips: exact boundaries, stream copy on a keyframe, re-encode elsewhere, --max-mb,
rotation kept, location metadata dropped."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from evidence_kit.core.errors import InvalidValueError, TimeRangeError, VideoError
from evidence_kit.media.video.clip import cut_clip
from evidence_kit.media.video.probe import probe_video
from evidence_kit.media.video.reader import VideoReader
from tests.factories.fidelity import check_clip
from tests.factories.video import (
    BarcodeVideo,
    make_barcode_video,
    marker_corner,
    read_frame_number,
    tag_rotation,
    unrotate,
)

CLOCK = "2026-11-20T14:03:27.000000Z"


def keyframe_times(path: Path) -> list[float]:
    """Keyframe pts from ffprobe (independent of our reader)."""
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v", "-show_entries",
         "packet=pts_time,flags", "-of", "csv", str(path)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return sorted(float(line.split(",")[1]) for line in out.splitlines() if ",K" in line)


def ffprobe_tags(path: Path) -> dict:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format_tags:stream_tags", "-of", "json",
         str(path)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(out)


def frame_numbers(path: Path) -> tuple[list[int], str]:
    """Every frame's barcode in the clip, and where its marker sits."""
    with VideoReader(path) as rd:
        rgbs = [rd.to_rgb(d) for d in rd.scan()]
    corner = marker_corner(rgbs[0])
    return [read_frame_number(unrotate(rgb, corner)) for rgb in rgbs], corner


@pytest.fixture(scope="module")
def src(tmp_path_factory: pytest.TempPathFactory) -> BarcodeVideo:
    base = tmp_path_factory.mktemp("clipsrc")
    plain = make_barcode_video(
        base / "plain.mp4", frames=120, gop=20, audio=True, creation_time=CLOCK,
        options={"sc_threshold": "0"},
    )  # fmt: skip
    tagged = base / "gps.mp4"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-i", str(plain.path), "-map", "0", "-c", "copy",
         "-metadata", "location=+48.8577+002.2950/", "-metadata", "title=Secret",
         "-metadata", f"creation_time={CLOCK}",
         str(tagged)],
        check=True,
    )  # fmt: skip
    return BarcodeVideo(tagged, plain.pts)


def test_source_really_has_location(src: BarcodeVideo) -> None:
    assert "location" in json.dumps(ffprobe_tags(src.path)).lower()


def test_stream_copy_from_a_keyframe(src: BarcodeVideo, tmp_path: Path) -> None:
    key = keyframe_times(src.path)[2]
    first = src.expected_index(key)
    res = cut_clip(src.path, key, key + 1.0, tmp_path / "c.mp4")
    assert res.stream_copy is True
    assert res.start_s == pytest.approx(key, abs=0.001)
    numbers, corner = frame_numbers(res.path)
    assert corner == "tl"
    assert numbers[0] == first
    assert numbers == list(range(first, first + len(numbers)))
    assert src.pts[numbers[-1]] < key + 1.0 + 0.05  # at most the frames B-frames need
    assert res.end_s == pytest.approx(src.pts[numbers[-1]] + 1 / 30, abs=0.002)
    check_clip(res.path)
    info = probe_video(res.path)
    assert info.has_audio and info.audio_codec == "aac"
    assert info.creation_time is None
    assert "location" not in json.dumps(ffprobe_tags(res.path)).lower()
    assert "secret" not in json.dumps(ffprobe_tags(res.path)).lower()


def test_reencode_when_start_is_not_a_keyframe(src: BarcodeVideo, tmp_path: Path) -> None:
    keys = keyframe_times(src.path)
    start = keys[1] + 0.25
    res = cut_clip(src.path, start, start + 1.2, tmp_path / "r.mp4")
    assert res.stream_copy is False
    check_clip(res.path)
    numbers, _ = frame_numbers(res.path)
    first = src.expected_index(start)
    last = src.expected_index(start + 1.2 - 0.001)
    assert numbers == list(range(first, last + 1))
    info = probe_video(res.path)
    assert info.video_codec == "h264" and info.audio_codec == "aac"
    assert "location" not in json.dumps(ffprobe_tags(res.path)).lower()


def test_keep_metadata_keeps_only_the_clock(src: BarcodeVideo, tmp_path: Path) -> None:
    key = keyframe_times(src.path)[1]
    res = cut_clip(src.path, key, key + 0.5, tmp_path / "k.mp4", keep_metadata=True)
    info = probe_video(res.path)
    assert info.creation_time is not None and info.creation_time.startswith("2026-11-20T14:03:2")
    assert "location" not in json.dumps(ffprobe_tags(res.path)).lower()


@pytest.mark.parametrize("offset", [0.0, 0.1])
def test_rotation_is_kept(src: BarcodeVideo, tmp_path: Path, offset: float) -> None:
    rotated = tag_rotation(src, tmp_path / "rot.mp4", 90)
    key = keyframe_times(rotated.path)[1]
    res = cut_clip(rotated.path, key + offset, key + offset + 0.6, tmp_path / "c.mp4")
    assert res.stream_copy is (offset == 0.0)
    with VideoReader(rotated.path) as rd:
        want = marker_corner(rd.to_rgb(rd.frame_at(1.0)))
    numbers, corner = frame_numbers(res.path)
    assert corner == want  # upright the same way as the source
    assert numbers[0] == src.expected_index(key + offset)
    info = probe_video(res.path)
    assert (info.width, info.height) == (192, 320)


def test_max_mb_fits_the_budget_and_keeps_audio(tmp_path: Path) -> None:
    noisy = make_barcode_video(
        tmp_path / "n.mp4", frames=90, gop=30, audio=True, size=(640, 384),
        options={"crf": "4"},
    )  # fmt: skip
    size = noisy.path.stat().st_size
    budget_mb = size / 1e6 / 4
    res = cut_clip(noisy.path, 0.0, 3.0, tmp_path / "small.mp4", max_mb=budget_mb)
    assert res.bytes <= budget_mb * 1e6
    assert res.stream_copy is False
    check_clip(res.path)
    info = probe_video(res.path)
    assert info.has_audio
    assert info.duration_s == pytest.approx(3.0, abs=0.1)
    numbers, _ = frame_numbers(res.path)
    assert numbers[0] == 0 and numbers[-1] == 89


def test_max_mb_copies_when_the_copy_already_fits(src: BarcodeVideo, tmp_path: Path) -> None:
    key = keyframe_times(src.path)[1]
    res = cut_clip(src.path, key, key + 1.0, tmp_path / "c.mp4", max_mb=50)
    assert res.stream_copy is True


def test_impossible_budget(src: BarcodeVideo, tmp_path: Path) -> None:
    with pytest.raises(VideoError, match="fit"):
        cut_clip(src.path, 0.0, 3.5, tmp_path / "x.mp4", max_mb=0.05)
    assert not (tmp_path / "x.mp4").exists()
    assert list(tmp_path.iterdir()) == []  # no temp file left behind


@pytest.mark.parametrize("start,end", [(-1.0, 1.0), (1.0, 60.0), (2.0, 1.0)])
def test_bad_ranges(src: BarcodeVideo, tmp_path: Path, start: float, end: float) -> None:
    with pytest.raises(TimeRangeError):
        cut_clip(src.path, start, end, tmp_path / "x.mp4")


def test_bad_output_name(src: BarcodeVideo, tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError):
        cut_clip(src.path, 0.0, 1.0, tmp_path / "x.gif")
