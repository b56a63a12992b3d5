"""Thumbnails (labelled with their real time), the contact sheet and its header, and
key-moment suggestions."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from evidence_kit.core.errors import InvalidValueError
from evidence_kit.media.video.keymoments import key_moments
from evidence_kit.media.video.reader import VideoReader
from evidence_kit.media.video.sheet import contact_sheet, header_lines
from evidence_kit.media.video.thumbs import make_thumbs, thumbnails
from tests.factories.video import (
    BarcodeVideo,
    make_barcode_video,
    make_scene_video,
    read_frame_number,
    tag_rotation,
)

CLOCK = "2026-11-20T14:03:27.000000Z"


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> BarcodeVideo:
    base = tmp_path_factory.mktemp("sheet")
    return make_barcode_video(base / "unboxing.mp4", frames=150, gop=30, creation_time=CLOCK)


def test_thumbnails_show_the_frame_of_their_label(video: BarcodeVideo) -> None:
    with VideoReader(video.path) as rd:
        thumbs = thumbnails(rd, 8)
    assert len(thumbs) == 8
    pts = [t.pts_s for t in thumbs]
    assert pts == sorted(pts) and len(set(pts)) == 8
    for th in thumbs:
        n = read_frame_number(th.rgb)
        assert video.pts[n] == pytest.approx(th.pts_s, abs=0.001)  # label = real time
        slice_s = 5.0 / 8
        assert abs(th.pts_s - th.requested_s) <= slice_s / 2 + 0.001


def test_make_thumbs_writes_labelled_files(video: BarcodeVideo, tmp_path: Path) -> None:
    thumbs = make_thumbs(video.path, 4, tmp_path / "t", max_side=160)
    assert len(thumbs) == 4
    for th in thumbs:
        assert th.path is not None and th.path.exists()
        img = Image.open(th.path)
        assert max(img.size) == 160
        stamp = th.path.stem.rsplit("_", 1)[1]
        assert stamp.count("-") == 2  # HH-MM-SS.mmm of the real pts


@pytest.mark.parametrize("count", [0, -3, 100_000])
def test_absurd_counts(video: BarcodeVideo, tmp_path: Path, count: int) -> None:
    with pytest.raises(InvalidValueError):
        make_thumbs(video.path, count, tmp_path)


def test_sheet_header_names_file_duration_clock_and_hash(video: BarcodeVideo) -> None:
    digest = hashlib.sha256(video.path.read_bytes()).hexdigest()
    with VideoReader(video.path) as rd:
        lines = header_lines(video.path.name, rd, digest)
    text = "\n".join(lines)
    assert lines[0] == "unboxing.mp4"
    assert "duration 00:00:05.000" in text
    assert "2026-11-20 14:03:27 UTC → 2026-11-20 14:03:32 UTC" in text
    assert f"sha256 {digest}" in text


def test_sheet_without_clock_says_so(tmp_path: Path) -> None:
    v = make_barcode_video(tmp_path / "n.mp4", frames=20)
    with VideoReader(v.path) as rd:
        assert "not recorded" in "\n".join(header_lines("n.mp4", rd, "0" * 64))


def test_contact_sheet_image_is_a_grid(video: BarcodeVideo, tmp_path: Path) -> None:
    out = contact_sheet(video.path, tmp_path / "sheet.png", cols=3, rows=2)
    img = np.asarray(Image.open(out).convert("RGB"))
    # 3 tiles of 320 px plus gaps side by side; 2 rows of 192 px under a header
    assert img.shape[1] == 3 * 320 + 4 * 8
    assert img.shape[0] > 2 * 192 + 80
    jpg = contact_sheet(video.path, tmp_path / "sheet.jpg", cols=2, rows=2)
    assert jpg.read_bytes()[:3] == b"\xff\xd8\xff"


def test_sheet_of_rotated_video_is_upright(video: BarcodeVideo, tmp_path: Path) -> None:
    rotated = tag_rotation(video, tmp_path / "r.mp4", 90)
    with VideoReader(rotated.path) as rd:
        thumbs = thumbnails(rd, 2)
    assert thumbs[0].rgb.shape[:2] == (320, 192)


@pytest.mark.parametrize("kwargs", [dict(cols=0), dict(cols=13), dict(rows=30)])
def test_bad_grid(video: BarcodeVideo, tmp_path: Path, kwargs: dict) -> None:
    with pytest.raises(InvalidValueError):
        contact_sheet(video.path, tmp_path / "s.jpg", **kwargs)


def test_key_moments_find_the_scene_changes(tmp_path: Path) -> None:
    v = make_scene_video(tmp_path / "s.mp4", frames=240, cuts=[60, 150])
    with VideoReader(v.path) as rd:
        moments = key_moments(rd, 2)
    assert len(moments) == 2
    assert moments[0].pts_s == pytest.approx(2.0, abs=0.26)
    assert moments[1].pts_s == pytest.approx(5.0, abs=0.26)
    assert all(m.score > 0.1 for m in moments)


def test_key_moments_count_is_checked(video: BarcodeVideo) -> None:
    with VideoReader(video.path) as rd, pytest.raises(InvalidValueError):
        key_moments(rd, 0)


def test_scrub_thumbnails_use_keyframes_only(video: BarcodeVideo) -> None:
    import subprocess

    out = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v", "-show_entries",
         "packet=pts_time,flags", "-of", "csv", str(video.path)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    keys = {round(float(line.split(",")[1]), 3) for line in out.splitlines() if ",K" in line}
    with VideoReader(video.path) as rd:
        thumbs = thumbnails(rd, 20, exact=False)
    pts = [round(t.pts_s, 3) for t in thumbs]
    assert pts and set(pts) <= keys and len(set(pts)) == len(pts)
    for th in thumbs:
        assert video.pts[read_frame_number(th.rgb)] == pytest.approx(th.pts_s, abs=0.001)
