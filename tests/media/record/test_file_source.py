"""A video file played as a camera (`record --source`, issue 15 defect 11): the take shows
the file as a player does — upright by its display matrix, at its display size, in its
real colours."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from evidence_kit.media.record.camera import CameraInfo
from evidence_kit.media.record.file_source import FileSource
from evidence_kit.media.record.session import record
from evidence_kit.media.video.frames import frame_at
from evidence_kit.media.video.probe import probe_video
from tests.factories.fidelity import (
    MATRICES,
    ffmpeg_rgb,
    non_square_video,
    sdr_video,
    set_display_matrix,
)
from tests.factories.video import make_barcode_video, marker_corner, read_frame_number, unrotate


@pytest.fixture(scope="module")
def portrait(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A phone held upright: stored landscape, with a quarter-turn display matrix."""
    base = tmp_path_factory.mktemp("phone")
    plain = make_barcode_video(base / "plain.mp4", frames=60, gop=15, audio=True)
    return set_display_matrix(plain.path, base / "portrait.mp4", MATRICES["rot_a"])


def test_source_reports_the_display_size(portrait: Path, tmp_path: Path) -> None:
    src = FileSource(portrait)
    src.open()
    try:
        assert (src.width, src.height) == (192, 320)
    finally:
        src._release()  # noqa: SLF001
    sar = FileSource(non_square_video(tmp_path / "sar.mp4"))
    sar.open()
    try:
        assert (sar.width, sar.height) == (640, 360)
    finally:
        sar._release()  # noqa: SLF001


def test_portrait_phone_file_is_recorded_upright(portrait: Path, tmp_path: Path) -> None:
    out = tmp_path / "take.mp4"
    record(out, CameraInfo("file", file=str(portrait)), seconds=1.0, clock=False)
    info = probe_video(out)
    assert (info.width, info.height, info.rotation) == (192, 320, 0)
    oracle = ffmpeg_rgb(portrait, 0.0)
    rgb, _ = frame_at(out, 0.0)
    assert rgb.shape == oracle.shape
    corner = marker_corner(oracle)
    assert marker_corner(rgb) == corner != "tl"
    assert read_frame_number(unrotate(rgb, corner)) < 60


def test_non_square_file_is_recorded_at_its_display_size(tmp_path: Path) -> None:
    src = non_square_video(tmp_path / "sar.mp4")
    out = tmp_path / "take.mp4"
    record(out, CameraInfo("file", file=str(src)), seconds=0.3, clock=False)
    info = probe_video(out)
    assert (info.width, info.height) == (640, 360)
    rgb, _ = frame_at(out, 0.0)
    dark = rgb.mean(axis=2) < 100
    ys, xs = np.nonzero(dark)
    assert abs((xs.max() - xs.min()) - (ys.max() - ys.min())) <= 6  # round


def test_colours_of_a_bt709_file_survive_the_take(tmp_path: Path) -> None:
    src = sdr_video(tmp_path / "bars.mp4")
    out = tmp_path / "take.mp4"
    record(out, CameraInfo("file", file=str(src)), seconds=0.3, clock=False)
    rgb, _ = frame_at(out, 0.0)
    magenta = rgb[20:80, 4 * 40 + 6 : 5 * 40 - 6].reshape(-1, 3).mean(axis=0)
    assert np.abs(magenta - (253, 0, 253)).max() <= 8, magenta
