"""`evidence-kit record`, run for real: a take into a case, a killed take, bad input."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import av
import pytest

from evidence_kit.media.video.probe import probe_video
from tests.factories.media import make_video

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "evidence_kit", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=timeout,
    )


def decoded_frames(path: Path) -> int:
    """Decode every picture; any damage raises."""
    with av.open(str(path)) as c:
        return sum(1 for _ in c.decode(video=0))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_five_second_take_into_a_case(tmp_path: Path) -> None:
    src = make_video(tmp_path / "src.mp4", seconds=6.0, fps=25, size=(320, 240), audio=True)
    case = tmp_path / "case"
    assert run("case", "new", str(case), "--platform", "ebay", "--order-id", "42").returncode == 0
    out = tmp_path / "take.mp4"
    proc = run(
        "record",
        "-o",
        str(out),
        "--source",
        str(src),
        "--seconds",
        "5",
        "--case",
        str(case),
        "--json",
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    info = probe_video(out)
    assert info.video_codec == "h264" and info.has_audio
    assert abs(info.duration_s - 5.0) <= 0.3
    assert decoded_frames(out) == doc["frames"] > 0
    assert doc["clock"] is True
    shown = json.loads(run("case", "show", str(case), "--json").stdout)
    [item] = shown["items"]
    assert item["source"] == "recorded" and item["kind"] == "video"
    assert item["sha256"] == sha256(out) == sha256(case / item["file"]) == doc["item"]["sha256"]
    actions = [e["action"] for e in shown["log"]]
    assert actions.index("recording_started") < actions.index("recording_stopped")
    assert actions.index("recording_stopped") < actions.index("item_added")
    stopped = next(e for e in shown["log"] if e["action"] == "recording_stopped")
    assert stopped["details"]["reason"] == "time_limit"


def test_take_killed_halfway_still_plays_up_to_that_point(tmp_path: Path) -> None:
    src = make_video(tmp_path / "src.mp4", seconds=12.0, fps=25, size=(320, 240), audio=True)
    out = tmp_path / "take.mp4"
    proc = subprocess.Popen(
        [sys.executable, "-m", "evidence_kit", "record", "-o", str(out), "--source", str(src)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    readable = 0.0
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            # kill once at least three seconds have reached the disk
            if out.exists() and out.stat().st_size > 2000:
                try:
                    readable = probe_video(out).duration_s
                except Exception:
                    readable = 0.0
                if readable >= 3.0:
                    break
            time.sleep(0.2)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert readable >= 3.0
    info = probe_video(out)
    assert info.video_codec == "h264" and info.has_audio
    assert 3.0 <= info.duration_s < 12.0
    assert decoded_frames(out) >= int(3.0 * 25)


def test_no_clock_is_carried_into_the_take(tmp_path: Path) -> None:
    src = make_video(tmp_path / "src.mp4", seconds=2.0, fps=25, size=(320, 240))
    out = tmp_path / "take.mp4"
    proc = run(
        "record", "-o", str(out), "--source", str(src), "--seconds", "1", "--no-clock", "--json"
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["clock"] is False and doc["has_audio"] is False
    assert decoded_frames(out) == doc["frames"]


def test_missing_camera_gives_a_clear_message(tmp_path: Path) -> None:
    out = tmp_path / "take.mp4"
    proc = run("record", "-o", str(out), "--camera", "57", "--seconds", "1")
    assert proc.returncode == 2
    assert "No camera was found" in proc.stderr and "import" in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--source", "TMP/missing.mp4"], "does not exist"),
        (["--source", "SRC", "--seconds", "0"], "more than 0"),
        (["--source", "SRC", "--size", "big"], "WIDTHxHEIGHT"),
        (["--source", "SRC", "--case", "TMP/no-such-case"], "No case"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, extra: list[str], message: str) -> None:
    src = make_video(tmp_path / "src.mp4", seconds=1.0, fps=10, size=(160, 120))
    args = [a.replace("SRC", str(src)).replace("TMP", str(tmp_path)) for a in extra]
    proc = run("record", "-o", str(tmp_path / "take.mp4"), *args)
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "take.mp4").exists()


def test_existing_output_is_never_overwritten(tmp_path: Path) -> None:
    src = make_video(tmp_path / "src.mp4", seconds=1.0, fps=10, size=(160, 120))
    out = tmp_path / "take.mp4"
    out.write_bytes(b"earlier evidence")
    proc = run("record", "-o", str(out), "--source", str(src), "--seconds", "1")
    assert proc.returncode == 2 and "already exists" in proc.stderr
    assert out.read_bytes() == b"earlier evidence"


def test_list_devices_says_what_it_found() -> None:
    proc = run("record", "--list", "--json")
    assert proc.returncode == 0
    doc = json.loads(proc.stdout)
    assert set(doc) == {"cameras", "microphones"}
