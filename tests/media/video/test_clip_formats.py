"""Clips of anything a shopper may bring (issue 15, defects 5, 6 and 7): every clip is an
MP4 a browser plays (H.264 `avc1` or HEVC `hvc1`, AAC, index at the front), copied when the
source already is one and re-encoded otherwise; copy and re-encode agree frame for frame
at the end, and the reported end is the real one."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from evidence_kit.media.video.clip import cut_clip
from evidence_kit.media.video.probe import probe_video
from tests.factories.fidelity import (
    barcode_with,
    bpyramid_h264,
    check_clip,
    mediarecorder_webm,
    vfr_gap_video,
)
from tests.factories.video import BarcodeVideo, read_frame_number

CORPUS = {
    # name: (factory, clip start, clip end, stream copy expected)
    "vp8_webm_from_0": (lambda p: mediarecorder_webm(p / "mr.webm"), 0.0, 1.0, False),
    "vp8_webm_later": (lambda p: mediarecorder_webm(p / "mr2.webm"), 1.0, 2.0, False),
    "av1": (lambda p: barcode_with(p / "av1.mp4", "libaom-av1", frames=30), 0.0, 0.5, False),
    "prores_aac": (lambda p: barcode_with(p / "pr.mov", "prores_ks", frames=30), 0.0, 0.5, False),
    "mjpeg_avi": (lambda p: barcode_with(p / "mj.avi", "mjpeg", frames=30), 0.2, 0.6, False),
    "hevc_aac": (
        lambda p: barcode_with(p / "hevc.mp4", "libx265", frames=45, audio=True),
        0.0,
        0.6,
        True,
    ),
    "h264_bpyramid": (lambda p: bpyramid_h264(p / "bp.mp4"), 1.0, 1.6, True),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BarcodeVideo]:
    base = tmp_path_factory.mktemp("corpus")
    return {name: spec[0](base) for name, spec in CORPUS.items()}  # type: ignore[no-untyped-call]


def ffmpeg_frame_numbers(path: Path) -> list[int]:
    """Barcodes of every frame the ffmpeg CLI shows (edit lists honoured, no duplicates)."""
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-fps_mode", "passthrough", "-f", "rawvideo",
         "-pix_fmt", "rgb24", "-"],
        check=True, capture_output=True,
    ).stdout  # fmt: skip
    frames = np.frombuffer(raw, np.uint8).reshape(-1, 192, 320, 3)
    return [read_frame_number(f) for f in frames]


@pytest.mark.parametrize("name", list(CORPUS))
def test_every_clip_is_a_browser_mp4(
    corpus: dict[str, BarcodeVideo], tmp_path: Path, name: str, capfd: pytest.CaptureFixture[str]
) -> None:
    src = corpus[name]
    _, start, end, copy = CORPUS[name]
    capfd.readouterr()
    clip = cut_clip(src.path, start, end, tmp_path / "clip.mp4")
    chatter = capfd.readouterr()
    assert "x265 [info]" not in chatter.err and "x265 [info]" not in chatter.out
    assert clip.stream_copy is copy
    check = check_clip(clip.path)
    assert (check.codec, check.tag) in {("h264", "avc1"), ("hevc", "hvc1")}
    assert check.faststart
    assert check.audio in (None, "aac")
    if probe_video(src.path).has_audio:
        assert check.audio == "aac"
    numbers = ffmpeg_frame_numbers(clip.path)
    first, last = src.expected_index(start), src.expected_index(end - 0.001)
    assert numbers == list(range(first, last + 1))
    assert clip.end_s == pytest.approx(min(end, src.pts[last] + 1 / 30), abs=0.002)


@pytest.mark.parametrize("end", [1.5, 1.5 + 1 / 30, 1.6, 1.75, 2.0 - 0.001, 2.2])
def test_copy_and_reencode_agree_on_the_last_frame_with_a_b_pyramid(
    corpus: dict[str, BarcodeVideo], tmp_path: Path, end: float
) -> None:
    src = corpus["h264_bpyramid"]
    copy = cut_clip(src.path, 1.0, end, tmp_path / "copy.mp4")
    again = cut_clip(src.path, 1.0, end, tmp_path / "enc.mp4", allow_copy=False)
    assert copy.stream_copy and not again.stream_copy
    want = list(range(src.expected_index(1.0), src.expected_index(end - 0.001) + 1))
    assert ffmpeg_frame_numbers(copy.path) == want
    assert ffmpeg_frame_numbers(again.path) == want
    assert copy.end_s == pytest.approx(again.end_s, abs=0.001)
    assert probe_video(copy.path).duration_s == pytest.approx(end - 1.0, abs=0.002)


def _ffprobe_duration(path: Path) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(path)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return float(json.loads(out)["format"]["duration"])


def test_vfr_duration_and_clip_end_come_from_the_last_frame(tmp_path: Path) -> None:
    """A 1.7 s pause inside the last GOP: the decode-time step of the frame before it is
    not that frame's duration."""
    src = vfr_gap_video(tmp_path / "gap.mp4")
    info = probe_video(src.path)
    assert info.duration_s == pytest.approx(_ffprobe_duration(src.path), abs=0.002)
    assert info.duration_s == pytest.approx(src.pts[-1] + 1 / 30, abs=0.002)
    for start, end in ((1.0, 4.0), (0.0, 4.49), (4.0, 5.5)):
        clip = cut_clip(src.path, start, end, tmp_path / "c.mp4")
        assert clip.end_s == pytest.approx(end, abs=0.002), (start, end)
        assert _ffprobe_duration(clip.path) == pytest.approx(end - clip.start_s, abs=0.002)
