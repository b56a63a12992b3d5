"""Display matrices and pixel shape (issue 15, defects 3 and 4): every output shows the
picture as ffmpeg's autorotation does — mirrors and transposes included — at its display
size (non-square pixels widened), and probe says so."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from evidence_kit.media.video.clip import cut_clip
from evidence_kit.media.video.frames import frame_at, grab_frames
from evidence_kit.media.video.probe import probe_video
from evidence_kit.media.video.reader import VideoReader
from evidence_kit.media.video.thumbs import make_thumbs
from tests.factories.fidelity import (
    MATRICES,
    check_clip,
    ffmpeg_rgb,
    non_square_video,
    set_display_matrix,
)
from tests.factories.video import BarcodeVideo, make_barcode_video

FLIPS = {"rot_a": None, "rot_b": None, "rot180": None, "hflip": "horizontal",
         "vflip": "vertical", "transpose": "vertical", "antitranspose": "vertical"}  # fmt: skip


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("orient")


@pytest.fixture(scope="module")
def plain(base: Path) -> BarcodeVideo:
    return make_barcode_video(
        base / "plain.mp4", frames=45, gop=15, audio=True, options={"sc_threshold": "0"}
    )


@pytest.fixture(scope="module")
def oriented(base: Path, plain: BarcodeVideo) -> dict[str, Path]:
    return {k: set_display_matrix(plain.path, base / f"{k}.mp4", m) for k, m in MATRICES.items()}


def same_picture(ours: np.ndarray, oracle: np.ndarray) -> bool:
    """Same size, and the same picture up to codec noise."""
    if ours.shape != oracle.shape:
        return False
    return float(np.abs(ours.astype(int) - oracle.astype(int)).mean()) < 4.0


@pytest.mark.parametrize("name", list(MATRICES))
def test_grab_and_probe_match_ffmpeg_autorotate(
    oriented: dict[str, Path], tmp_path: Path, name: str
) -> None:
    path = oriented[name]
    oracle = ffmpeg_rgb(path, 0.5)
    info = probe_video(path)
    assert (info.height, info.width) == oracle.shape[:2]
    rgb, _ = frame_at(path, 0.5)
    assert same_picture(rgb, oracle), name
    saved = grab_frames(path, [0.5], tmp_path, caption=False)[0]
    assert same_picture(np.asarray(Image.open(saved.path).convert("RGB")), oracle)
    assert info.flip == FLIPS[name]


@pytest.mark.parametrize("name", ["hflip", "vflip", "transpose", "antitranspose"])
def test_thumbnails_are_mirrored_too(oriented: dict[str, Path], tmp_path: Path, name: str) -> None:
    path = oriented[name]
    oracle = ffmpeg_rgb(path, 0.0)
    thumb = make_thumbs(path, 1, tmp_path, max_side=max(oracle.shape[:2]))[0]
    assert thumb.rgb.shape == oracle.shape
    with VideoReader(path) as rd:
        exact = rd.to_rgb(rd.frame_at(thumb.pts_s))
    assert same_picture(thumb.rgb, exact)
    assert same_picture(exact, ffmpeg_rgb(path, thumb.pts_s))


@pytest.mark.parametrize("name", ["hflip", "vflip", "transpose", "rot_a"])
@pytest.mark.parametrize("offset", [0.0, 0.1])
def test_clips_show_what_the_source_shows(
    oriented: dict[str, Path], tmp_path: Path, name: str, offset: float
) -> None:
    """A stream copy keeps the matrix; a re-encode applies it. Either way a player that
    autorotates (ffmpeg) shows the same picture as the source."""
    path = oriented[name]
    clip = cut_clip(path, 0.5 + offset, 1.0, tmp_path / "c.mp4")
    assert clip.stream_copy is (offset == 0.0)
    check_clip(clip.path)
    start = clip.start_s
    assert same_picture(ffmpeg_rgb(clip.path, 0.0), ffmpeg_rgb(path, start))
    assert (clip.width, clip.height) == (probe_video(path).width, probe_video(path).height)


def _disc_shape(rgb: np.ndarray) -> tuple[int, int]:
    """Width and height of the black disc."""
    dark = rgb.mean(axis=2) < 100
    ys, xs = np.nonzero(dark)
    return int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)


@pytest.fixture(scope="module")
def sar(base: Path) -> Path:
    return non_square_video(base / "sar.mp4")


def _display_size(path: Path) -> tuple[int, int]:
    s = json.loads(
        subprocess.run(
            ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
             "stream=width,height,sample_aspect_ratio", "-of", "json", str(path)],
            check=True, capture_output=True, text=True,
        ).stdout
    )["streams"][0]  # fmt: skip
    num, den = (
        int(v) for v in s.get("sample_aspect_ratio", "1:1").replace("0:1", "1:1").split(":")
    )
    return round(s["width"] * num / den), s["height"]


def test_non_square_pixels_are_shown_at_display_size(sar: Path, tmp_path: Path) -> None:
    info = probe_video(sar)
    assert (info.width, info.height) == (640, 360) == _display_size(sar)
    rgb, _ = frame_at(sar, 0.1)
    assert rgb.shape[:2] == (360, 640)
    w, h = _disc_shape(rgb)
    assert abs(w - h) <= 4, (w, h)  # round, not an ellipse
    thumb = make_thumbs(sar, 1, tmp_path, max_side=320)[0]
    assert thumb.rgb.shape[:2] == (180, 320)
    w, h = _disc_shape(cv2.resize(thumb.rgb, (640, 360)))
    assert abs(w - h) <= 6


@pytest.mark.parametrize("start", [0.0, 0.1])
def test_non_square_clips_keep_their_display_size(sar: Path, tmp_path: Path, start: float) -> None:
    clip = cut_clip(sar, start, 0.3, tmp_path / "c.mp4")
    check_clip(clip.path)
    assert _display_size(clip.path) == (640, 360)
    assert (clip.width, clip.height) == (640, 360)
    w, h = _disc_shape(frame_at(clip.path, 0.0)[0])
    assert abs(w - h) <= 4
