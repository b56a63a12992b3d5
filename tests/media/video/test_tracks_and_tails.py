"""Which track, which end, which clock (issue 15, defects 8, 9 and 10): the default video
track (never a cover picture), the last frames of a truncated file, and the phone's local
recording clock counted from the picture's own start."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from evidence_kit.core.store import CaseStore
from evidence_kit.media.video.clip import cut_clip
from evidence_kit.media.video.frames import frame_at
from evidence_kit.media.video.probe import probe_video
from evidence_kit.media.video.reader import VideoReader
from evidence_kit.media.video.sheet import header_lines
from tests.factories.fidelity import LOCAL_CLOCK, check_clip, phone_clock_mov, with_extra_track
from tests.factories.video import BarcodeVideo, faststart, make_barcode_video, read_frame_number


@pytest.fixture(scope="module")
def main(tmp_path_factory: pytest.TempPathFactory) -> BarcodeVideo:
    base = tmp_path_factory.mktemp("tracks")
    return make_barcode_video(base / "main.mp4", frames=60, gop=15)


@pytest.mark.parametrize("kind", ["small", "cover"])
def test_the_film_is_the_default_video_track(main: BarcodeVideo, tmp_path: Path, kind: str) -> None:
    video = with_extra_track(main, tmp_path / f"{kind}.mkv", kind)
    info = probe_video(video.path)
    assert (info.width, info.height) == (320, 192)
    assert info.duration_s == pytest.approx(2.0, abs=0.01)
    for t in (0.0, 1.0, 1.95):
        rgb, pts = frame_at(video.path, t)
        assert read_frame_number(rgb) == main.expected_index(t)
    clip = cut_clip(video.path, 1.0, 1.5, tmp_path / "c.mp4")
    check_clip(clip.path)
    with VideoReader(clip.path) as rd:
        assert read_frame_number(rd.to_rgb(rd.frame_at(0.0))) == main.expected_index(1.0)


def ffmpeg_numbers(path: Path, threads: str = "auto") -> list[int]:
    raw = subprocess.run(
        ["ffmpeg", "-v", "quiet", "-threads", threads, "-i", str(path), "-fps_mode",
         "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
        capture_output=True,
    ).stdout  # fmt: skip
    return [read_frame_number(f) for f in np.frombuffer(raw, np.uint8).reshape(-1, 192, 320, 3)]


@pytest.mark.parametrize("keep", [0.55, 0.7, 0.85])
def test_the_last_readable_frames_of_a_truncated_file_can_be_grabbed(
    tmp_path: Path, keep: float
) -> None:
    src = make_barcode_video(tmp_path / "src.mp4", frames=90, gop=30, options={"bf": "3"})
    fast = faststart(src.path, tmp_path / "fast.mp4")
    cut = tmp_path / "cut.mp4"
    data = fast.read_bytes()
    cut.write_bytes(data[: int(len(data) * keep)])
    shown = ffmpeg_numbers(cut, threads="1")
    assert shown and shown[-1] < 89  # the tail is really gone
    info = probe_video(cut)
    assert info.truncated and info.readable_s is not None
    last = shown[-1]
    assert info.readable_s >= src.pts[last] - 0.0005
    with VideoReader(cut) as rd:  # frame threads on, as in the app
        for n in shown[-3:]:
            decoded = rd.frame_at(src.pts[n])
            assert read_frame_number(rd.to_rgb(decoded)) == n


def test_the_caption_clock_is_the_phones_local_time_from_the_pictures_start(
    main: BarcodeVideo, tmp_path: Path
) -> None:
    from evidence_kit.media.video.caption import frame_clock

    path = phone_clock_mov(main, tmp_path / "IMG_0001.MOV", video_offset_s=1.0)
    info = probe_video(path)
    assert info.creation_time == "2026-11-20T15:03:27+01:00"
    assert info.clock_offset_s == pytest.approx(1.0, abs=0.01)
    # the first frame is shown one second after the recording started
    assert frame_clock(info, 0.0) == "2026-11-20 15:03:28 +0100"
    assert frame_clock(info, 1.5) == "2026-11-20 15:03:29 +0100"
    with VideoReader(path) as rd:
        lines = header_lines(path.name, rd, "ab" * 32)
    assert any("2026-11-20 15:03:28 +0100" in line for line in lines)
    assert LOCAL_CLOCK.endswith("+0100")


def test_case_frames_carry_the_same_clock(main: BarcodeVideo, tmp_path: Path) -> None:
    from evidence_kit.media.importer import add_files
    from evidence_kit.media.video.case_items import grab_to_case

    path = phone_clock_mov(main, tmp_path / "IMG_0002.MOV", video_offset_s=1.0)
    store = CaseStore.create(tmp_path / "case")
    add_files(store, [path])
    assert store.case.items[0].captured_at == "2026-11-20T15:03:27+01:00"
    frames = grab_to_case(store, store.case.items[0], [0.5], caption=False)
    assert frames[0].captured_at is not None
    assert frames[0].captured_at.startswith("2026-11-20T15:03:28.5")
