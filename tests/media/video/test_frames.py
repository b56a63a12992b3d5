"""Frame-exact grabs: every grab returns the frame whose barcode the ground truth expects,
upright, with its real pts — on CFR, VFR, H.264, HEVC open GOP, VP9, AV1 and rotations."""

from __future__ import annotations

import random
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from evidence_kit.core.errors import InvalidValueError, TimeRangeError
from evidence_kit.media.video.frames import frame_at, grab_frames
from evidence_kit.media.video.reader import VideoReader
from tests.factories.video import (
    BarcodeVideo,
    ffmpeg_first_frame,
    make_barcode_video,
    make_blurry_video,
    marker_corner,
    read_frame_number,
    tag_rotation,
    unrotate,
)

VARIANTS = {
    "cfr_h264": dict(frames=75, gop=25),
    "vfr_h264": dict(frames=75, vfr=True, gop=25),
    "hevc_open_gop": dict(
        frames=75,
        codec="libx265",
        gop=None,
        options={"x265-params": "log-level=error:keyint=24:min-keyint=24:open-gop=1:bframes=3"},
    ),  # fmt: skip
    "vp9": dict(frames=45, codec="libvpx-vp9", gop=15),
    "av1": dict(frames=45, codec="libsvtav1", gop=15, options={"svtav1-params": "log-level=0"}),
    "h264_audio_clock": dict(
        frames=45, gop=15, audio=True, creation_time="2026-11-20T14:03:27.000000Z"
    ),
}


def _suffix(name: str) -> str:
    return ".webm" if name == "vp9" else ".mp4"


@pytest.fixture(scope="module")
def videos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BarcodeVideo]:
    base = tmp_path_factory.mktemp("vids")
    out: dict[str, BarcodeVideo] = {}
    for name, kw in VARIANTS.items():
        codec = str(kw.get("codec", "libx264"))
        if codec not in av.codecs_available:
            continue
        out[name] = make_barcode_video(base / f"{name}{_suffix(name)}", **kw)  # type: ignore[arg-type]
    for deg in (90, 180, 270):
        out[f"rot{deg}"] = tag_rotation(out["cfr_h264"], base / f"rot{deg}.mp4", deg)
    return out


def _times_for(video: BarcodeVideo, seed: int) -> list[float]:
    """Every frame's own pts, points between frames, and random times, in random order."""
    rng = random.Random(seed)
    end = video.pts[-1] + 0.01
    times = list(video.pts) + [(a + b) / 2 for a, b in zip(video.pts, video.pts[1:], strict=False)]
    times += [rng.uniform(0, end) for _ in range(25)]
    rng.shuffle(times)
    return times


def _identify(rgb: np.ndarray, corner: str) -> int:
    assert marker_corner(rgb) == corner, "picture is not upright"
    return read_frame_number(unrotate(rgb, corner))


@pytest.mark.parametrize("name", [*VARIANTS, "rot90", "rot180", "rot270"])
def test_every_seek_returns_the_expected_frame(
    videos: dict[str, BarcodeVideo], name: str, tmp_path: Path
) -> None:
    if name not in videos:
        pytest.skip(f"no encoder for {name}")
    video = videos[name]
    corner = marker_corner(ffmpeg_first_frame(video.path, tmp_path / "ff.png"))
    if video.rotation:
        assert corner != "tl"  # the oracle did rotate
    wrong = []
    with VideoReader(video.path) as rd:
        for t in _times_for(video, seed=len(name)):
            decoded = rd.frame_at(t)
            got = _identify(rd.to_rgb(decoded), corner)
            want = video.expected_index(t)
            if got != want or abs(decoded.pts_s - video.pts[want]) > 0.0011:
                wrong.append((round(t, 4), got, want, round(decoded.pts_s, 4)))
    assert wrong == []


def test_display_size_is_swapped_for_quarter_turns(videos: dict[str, BarcodeVideo]) -> None:
    for deg in (90, 270):
        rgb, _ = frame_at(videos[f"rot{deg}"].path, 0.5)
        assert rgb.shape[:2] == (320, 192)
    rgb, _ = frame_at(videos["rot180"].path, 0.5)
    assert rgb.shape[:2] == (192, 320)


def test_grab_frames_saves_exact_frames_in_request_order(
    videos: dict[str, BarcodeVideo], tmp_path: Path
) -> None:
    video = videos["vfr_h264"]
    times = [2.0, 0.0, 1.05, 2.0, video.pts[40]]
    results = grab_frames(video.path, times, tmp_path / "out", caption=False)
    assert [r.requested_s for r in results] == times
    for r in results:
        n = video.expected_index(r.requested_s)
        assert r.pts_s == pytest.approx(video.pts[n], abs=0.0011)
        rgb = np.asarray(Image.open(r.path).convert("RGB"))
        assert rgb.shape[:2] == (192, 320)
        assert read_frame_number(rgb) == n
    assert results[0].path == results[3].path  # the same frame is written once


def test_caption_strip_is_added_and_can_be_turned_off(
    videos: dict[str, BarcodeVideo], tmp_path: Path
) -> None:
    video = videos["h264_audio_clock"]
    with_cap = grab_frames(video.path, [1.0], tmp_path / "a", sha256="ab" * 32)[0]
    without = grab_frames(video.path, [1.0], tmp_path / "b", caption=False)[0]
    img = np.asarray(Image.open(with_cap.path).convert("RGB"))
    plain = np.asarray(Image.open(without.path).convert("RGB"))
    assert plain.shape[:2] == (192, 320)
    assert img.shape[0] > 192 + 20 and img.shape[1] == 320
    strip = img[192:]
    assert strip.mean() < 60 and strip.max() > 200  # dark strip with light text
    assert np.array_equal(img[:192], plain)  # the picture itself is untouched


def test_jpeg_output(videos: dict[str, BarcodeVideo], tmp_path: Path) -> None:
    r = grab_frames(videos["cfr_h264"].path, [0.4], tmp_path, fmt="jpg", caption=False)[0]
    assert r.path.suffix == ".jpg"
    assert r.path.read_bytes()[:3] == b"\xff\xd8\xff"
    assert read_frame_number(np.asarray(Image.open(r.path))) == 12  # 0.4 s x 30 fps


def test_sharpest_picks_the_sharp_frame_and_reports_its_pts(tmp_path: Path) -> None:
    video = make_blurry_video(tmp_path / "blur.mp4", frames=40, sharp=17)
    r = grab_frames(video.path, [0.5], tmp_path / "o", sharpest=0.2, caption=False)[0]
    assert r.requested_s == 0.5
    assert r.pts_s == pytest.approx(video.pts[17], abs=0.001)
    rgb = np.asarray(Image.open(r.path).convert("RGB"))
    assert read_frame_number(rgb) == 17
    # outside the window the sharp frame must not be chosen
    far = grab_frames(video.path, [1.2], tmp_path / "p", sharpest=0.1, caption=False)[0]
    assert abs(far.pts_s - 1.2) <= 0.1 + 0.001


@pytest.mark.parametrize("t", [-0.5, 99.0, float("nan")])
def test_time_out_of_range(videos: dict[str, BarcodeVideo], tmp_path: Path, t: float) -> None:
    with pytest.raises(TimeRangeError):
        grab_frames(videos["cfr_h264"].path, [1.0, t], tmp_path / "o")
    assert not (tmp_path / "o").exists()  # nothing written when one time is bad


@pytest.mark.parametrize(
    "kwargs",
    [dict(times=[]), dict(times=[0.1] * 5000), dict(sharpest=500.0), dict(fmt="gif")],
)
def test_bad_requests(videos: dict[str, BarcodeVideo], tmp_path: Path, kwargs: dict) -> None:
    args = {"times": [0.1], **kwargs}
    times = args.pop("times")
    with pytest.raises(InvalidValueError):
        grab_frames(videos["cfr_h264"].path, times, tmp_path, **args)


def test_unwritable_output_folder(videos: dict[str, BarcodeVideo], tmp_path: Path) -> None:
    from evidence_kit.core.errors import EvidenceKitError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(EvidenceKitError, match="output folder"):
        grab_frames(videos["cfr_h264"].path, [0.1], blocker / "sub")


def test_cancel_stops_a_grab(videos: dict[str, BarcodeVideo], tmp_path: Path) -> None:
    from evidence_kit.core.errors import CancelledError
    from evidence_kit.core.tasks import CancelToken

    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        grab_frames(videos["cfr_h264"].path, [0.1, 0.5], tmp_path, cancel=token)


@pytest.mark.parametrize("suffix", [".mp4", ".mkv"])
def test_start_offset_counts_from_the_first_frame(
    videos: dict[str, BarcodeVideo], tmp_path: Path, suffix: str
) -> None:
    """An edit list / start offset (first frame at 2.5 s in the container) must not shift
    the clock: t = 0 is the first frame, and the duration is the frames' own."""
    import subprocess

    from evidence_kit.media.video.probe import probe_video

    src = videos["cfr_h264"]
    shifted = tmp_path / f"offset{suffix}"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-itsoffset", "2.5", "-i", str(src.path), "-c", "copy",
         str(shifted)],
        check=True,
    )  # fmt: skip
    assert probe_video(shifted).duration_s == pytest.approx(src.pts[-1] + 1 / 30, abs=0.002)
    with VideoReader(shifted) as rd:
        for t in (0.0, 0.5, 1.23, src.pts[-1]):
            decoded = rd.frame_at(t)
            n = src.expected_index(t)
            assert read_frame_number(rd.to_rgb(decoded)) == n
            assert decoded.pts_s == pytest.approx(src.pts[n], abs=0.0011)
