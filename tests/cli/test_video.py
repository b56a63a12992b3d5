"""The video commands through the real `evidence-kit` entry point: probe, frames, thumbs,
sheet, clip, moments, case grab and case clip, plus one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.factories.video import BarcodeVideo, make_barcode_video, read_frame_number

CLOCK = "2026-11-20T14:03:27.000000Z"


def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "evidence_kit", *args], capture_output=True, text=True, timeout=120
    )
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


def run_json(*args: str) -> dict:
    return json.loads(run(*args, "--json").stdout)


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> BarcodeVideo:
    base = tmp_path_factory.mktemp("cli")
    return make_barcode_video(
        base / "unboxing.mp4", frames=90, gop=15, vfr=True, audio=True, creation_time=CLOCK
    )


def test_probe_json(video: BarcodeVideo) -> None:
    import hashlib

    data = run_json("probe", str(video.path))
    assert data["sha256"] == hashlib.sha256(video.path.read_bytes()).hexdigest()
    assert data["variable_frame_rate"] is True
    assert (data["width"], data["height"], data["rotation"]) == (320, 192, 0)
    assert data["has_audio"] is True
    assert data["creation_time"].startswith("2026-11-20T14:03:27")


def test_frames_json_reports_real_pts(video: BarcodeVideo, tmp_path: Path) -> None:
    data = run_json(
        "frames", str(video.path), "--at", "1.0", "00:02.5", "--no-caption", "-o", str(tmp_path)
    )
    frames = data["frames"]
    assert [f["requested_s"] for f in frames] == [1.0, 2.5]
    for f in frames:
        n = video.expected_index(f["requested_s"])
        assert f["pts_s"] == pytest.approx(video.pts[n], abs=0.0011)
        rgb = np.asarray(Image.open(f["path"]).convert("RGB"))
        assert read_frame_number(rgb) == n


def test_thumbs_sheet_clip_moments(video: BarcodeVideo, tmp_path: Path) -> None:
    thumbs = run_json("thumbs", str(video.path), "--count", "3", "-o", str(tmp_path / "t"))
    assert len(thumbs["thumbs"]) == 3
    sheet = run_json("sheet", str(video.path), "-o", str(tmp_path / "s.jpg"), "--cols", "2")
    assert Path(sheet["sheet"]).exists()
    clip = run_json(
        "clip", str(video.path), "--start", "0.5", "--end", "1.5", "-o", str(tmp_path / "c.mp4")
    )
    assert clip["bytes"] > 0 and clip["start_s"] == pytest.approx(0.5, abs=0.001)
    moments = run_json("moments", str(video.path), "--count", "2")
    assert len(moments["moments"]) <= 2


def test_case_grab_and_clip_add_linked_items(video: BarcodeVideo, tmp_path: Path) -> None:
    case = tmp_path / "case"
    run("case", "new", str(case), "--platform", "ebay", "--order-id", "42")
    added = run_json("case", "add", str(case), str(video.path))
    vid = added["items"][0]["id"]
    grabbed = run_json("case", "grab", str(case), "E1", "--at", "1.2", "2.0")
    assert len(grabbed["items"]) == 2
    clip = run_json("case", "clip", str(case), vid, "--start", "0.5", "--end", "1.5")
    doc = run_json("case", "show", str(case))
    items = {it["id"]: it for it in doc["items"]}
    for g, t in zip(grabbed["items"], (1.2, 2.0), strict=True):
        it = items[g["id"]]
        assert it["kind"] == "frame" and it["source"] == "extracted" and it["parent"] == vid
        assert it["pts_s"] == pytest.approx(video.pts[video.expected_index(t)], abs=0.0011)
        assert it["file"].startswith("extracted/frames/") and it["file"].endswith(".png")
        assert it["title"].startswith("Frame 00:00:0")
        assert it["captured_at"].startswith("2026-11-20T14:03:2")
        import hashlib

        data = (case / it["file"]).read_bytes()
        assert it["sha256"] == hashlib.sha256(data).hexdigest() and it["bytes"] == len(data)
    c = items[clip["item"]["id"]]
    assert c["kind"] == "clip" and c["parent"] == vid and c["file"].startswith("extracted/clips/")
    assert c["pts_s"] == pytest.approx(0.5, abs=0.04) and c["end_s"] > c["pts_s"]


def test_case_grab_refuses_a_photo(tmp_path: Path) -> None:
    from tests.factories.media import make_photo

    case = tmp_path / "case"
    run("case", "new", str(case), "--platform", "ebay", "--order-id", "42")
    run("case", "add", str(case), str(make_photo(tmp_path / "p.jpg")))
    proc = run("case", "grab", str(case), "E1", "--at", "1", ok=False)
    assert proc.returncode == 2 and "not a video" in proc.stderr


@pytest.mark.parametrize(
    "make,args,needle",
    [
        ("empty", ["probe"], "0 bytes"),
        ("text", ["probe"], "cannot be read as a video"),
        ("audio", ["frames", "--at", "0", "-o", "OUT"], "audio-only"),
        ("truncated", ["probe"], "truncated"),
        ("video", ["frames", "--at", "99", "-o", "OUT"], "past the end"),
        ("video", ["frames", "--at", "-1", "-o", "OUT"], "not a time"),
        ("video", ["thumbs", "--count", "99999", "-o", "OUT"], "count must be"),
        ("video", ["frames", "--at", "1", "-o", "BLOCKED/sub"], "output folder"),
        ("video", ["clip", "--start", "2", "--end", "1", "-o", "OUT/c.mp4"], "must end after"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    video: BarcodeVideo, tmp_path: Path, make: str, args: list[str], needle: str
) -> None:
    path = tmp_path / "in.mp4"
    if make == "empty":
        path.write_bytes(b"")
    elif make == "text":
        path.write_text("hello\n" * 100)
    elif make == "audio":
        path = tmp_path / "in.m4a"
        subprocess.run(
            ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=d=1", str(path)], check=True
        )
    elif make == "truncated":
        data = video.path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    else:
        path = video.path
    (tmp_path / "BLOCKED").write_text("a file, not a folder")
    argv = [a.replace("OUT", str(tmp_path / "out")).replace("BLOCKED", str(tmp_path / "BLOCKED"))
            for a in args]  # fmt: skip
    proc = run(argv[0], str(path), *argv[1:], ok=False)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert needle in proc.stderr


def test_probe_reports_mirror_pixels_and_colour(video: BarcodeVideo, tmp_path: Path) -> None:
    from tests.factories.fidelity import MATRICES, hdr_video, non_square_video, set_display_matrix

    mirrored = set_display_matrix(video.path, tmp_path / "m.mp4", MATRICES["hflip"])
    data = run_json("probe", str(mirrored), "--no-hash")
    assert (data["rotation"], data["flip"]) == (0, "horizontal")
    sar = run_json("probe", str(non_square_video(tmp_path / "s.mp4")), "--no-hash")
    assert (sar["width"], sar["height"], sar["sample_aspect_ratio"]) == (640, 360, "4:3")
    text = run("probe", str(hdr_video(tmp_path / "h.mp4", "hlg")), "--no-hash").stdout
    assert "HDR HLG" in text and "bt2020nc" in text
    assert "mirrored (horizontal)" in run("probe", str(mirrored), "--no-hash").stdout
