"""Colour (issue 15, defects 1 and 2): every picture we make from a video is decoded with
the file's own matrix and range, and HDR (HLG, PQ) is tone-mapped to SDR BT.709 — in
grabs, thumbnails, contact sheets, previews and re-encoded clips."""

from __future__ import annotations

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
from evidence_kit.media.video.sheet import contact_sheet
from evidence_kit.media.video.thumbs import make_thumbs
from tests.factories.fidelity import (
    MAGENTA_BAR,
    WHITE_BAR,
    check_clip,
    colour_pattern,
    ffmpeg_rgb,
    hdr_video,
    psnr,
    sdr_video,
)

SDR = {
    "bt709": dict(),
    "bt709_full": dict(full_range=True),
    "bt709_10bit": dict(bits=10),
    "bt709_full_10bit": dict(full_range=True, bits=10),
}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("colour")


@pytest.fixture(scope="module")
def hdr(base: Path) -> dict[str, Path]:
    return {name: hdr_video(base / f"{name}.mp4", name) for name in ("hlg", "pq")}


def solid_white(rgb: np.ndarray) -> float:
    """The brightest value that fills a whole 15x15 block in every channel (text and
    single pixels do not count): the level of the picture's white patch."""
    low = rgb.min(axis=2)
    return float(cv2.erode(low, np.ones((15, 15), np.uint8)).max())


@pytest.mark.parametrize("name", list(SDR))
def test_sdr_grab_matches_ffmpeg(base: Path, tmp_path: Path, name: str) -> None:
    path = sdr_video(base / f"{name}.mp4", **SDR[name])  # type: ignore[arg-type]
    oracle = ffmpeg_rgb(path, 0.1)
    got = grab_frames(path, [0.1], tmp_path, caption=False)[0]
    rgb = np.asarray(Image.open(got.path).convert("RGB"))
    assert psnr(rgb, oracle) >= 35.0
    # the magenta bar is magenta: BT.601 decoding gives (233, 0, 245)
    magenta = rgb[MAGENTA_BAR].reshape(-1, 3).mean(axis=0)
    assert np.abs(magenta - (253, 0, 253)).max() <= 4, magenta
    assert psnr(rgb, colour_pattern()) >= 30.0  # and it is the picture that was encoded


@pytest.mark.parametrize("transfer", ["hlg", "pq"])
def test_hdr_white_is_white_in_grabs_and_previews(hdr: dict[str, Path], transfer: str) -> None:
    path = hdr[transfer]
    rgb, _ = frame_at(path, 0.0)
    assert solid_white(rgb) >= 235, transfer
    with VideoReader(path) as rd:  # the player's preview path: a scaled copy
        small = rd.to_rgb(rd.frame_at(0.1), max_side=200)
    assert small.shape[1] == 200
    assert solid_white(small) >= 235
    # below white, tone mapping keeps the SDR picture it was made from
    pattern = colour_pattern()
    lower = (slice(110, 180), slice(20, 300))
    assert psnr(rgb[lower], pattern[lower]) >= 30.0
    assert probe_video(path).hdr == transfer


@pytest.mark.parametrize("transfer", ["hlg", "pq"])
def test_hdr_white_in_thumbnails_and_sheets(
    hdr: dict[str, Path], tmp_path: Path, transfer: str
) -> None:
    thumbs = make_thumbs(hdr[transfer], 2, tmp_path / "t", max_side=320)
    for th in thumbs:
        assert solid_white(np.asarray(Image.open(th.path).convert("RGB"))) >= 235
    sheet = contact_sheet(hdr[transfer], tmp_path / "s.png", cols=2, rows=1)
    assert solid_white(np.asarray(Image.open(sheet).convert("RGB"))) >= 235


@pytest.mark.parametrize("transfer", ["hlg", "pq"])
def test_hdr_reencoded_clip_is_sdr_bt709_and_tagged(
    hdr: dict[str, Path], tmp_path: Path, transfer: str
) -> None:
    clip = cut_clip(hdr[transfer], 0.05, 0.3, tmp_path / "c.mp4")
    assert clip.stream_copy is False
    check = check_clip(clip.path)
    assert check.color == {"color_space": "bt709", "color_transfer": "bt709",
                           "color_primaries": "bt709", "color_range": "tv"}  # fmt: skip
    assert solid_white(ffmpeg_rgb(clip.path, 0.0)) >= 235


def test_sdr_reencoded_clip_keeps_its_colours_and_says_so(base: Path, tmp_path: Path) -> None:
    path = sdr_video(base / "full10.mp4", full_range=True, bits=10)
    clip = cut_clip(path, 0.05, 0.3, tmp_path / "c.mp4")
    check = check_clip(clip.path)
    assert check.color["color_space"] == "bt709" and check.color["color_range"] == "tv"
    assert psnr(ffmpeg_rgb(clip.path, 0.0), ffmpeg_rgb(path, 0.05)) >= 32.0


def test_probe_reports_colour(base: Path, hdr: dict[str, Path]) -> None:
    sdr = probe_video(sdr_video(base / "p.mp4", full_range=True))
    assert (sdr.hdr, sdr.color_space, sdr.color_range) == (None, "bt709", "pc")
    assert probe_video(hdr["pq"]).color_space == "bt2020nc"


def test_untagged_video_decodes_as_ffmpeg_does(tmp_path: Path) -> None:
    """No colour tags at all: the same guess as ffmpeg (BT.601), like our own recorder."""
    path = tmp_path / "plain.mp4"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x192:d=0.2",
         "-c:v", "libx264", "-pix_fmt", "yuv420p", str(path)],
        check=True,
    )  # fmt: skip
    rgb, _ = frame_at(path, 0.0)
    assert psnr(rgb, ffmpeg_rgb(path, 0.0)) >= 35.0


def test_white_bar_of_the_sdr_pattern_is_white(base: Path) -> None:
    rgb, _ = frame_at(sdr_video(base / "w.mp4"), 0.0)
    assert rgb[WHITE_BAR].min() >= 250
