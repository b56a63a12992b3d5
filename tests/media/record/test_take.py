"""Takes: the clock burned in or not, the disk filling up, a stop from many threads."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from evidence_kit.core.errors import DiskFullError
from evidence_kit.media.record import take as take_module
from evidence_kit.media.record.camera import CameraInfo, FileSource
from evidence_kit.media.record.session import CaptureSession, record
from evidence_kit.media.record.take import Take
from tests.factories.cameras import FlakyCamera, H, W, decoded_frames


def _box(rgb: np.ndarray) -> np.ndarray:
    """Where the clock goes: the bottom-left corner."""
    h, w = rgb.shape[:2]
    return rgb[h - h // 8 :, : w // 2]


def test_clock_overlay_present_or_absent_as_chosen(source: Path, tmp_path: Path) -> None:
    with_clock = tmp_path / "clock.mp4"
    without = tmp_path / "plain.mp4"
    record(with_clock, CameraInfo("file", file=str(source)), seconds=1.0, clock=True)
    record(without, CameraInfo("file", file=str(source)), seconds=1.0, clock=False)
    # the source frames are one flat grey (up to 7 * 24 = 168): white text and a black box
    # can only come from the overlay
    for rgb in decoded_frames(with_clock)[::6]:
        box = _box(rgb)
        assert (box > 200).all(axis=2).sum() > 40
        assert (box < 30).all(axis=2).sum() > 500
    for rgb in decoded_frames(without)[::6]:
        box = _box(rgb).astype(int)
        assert box.std() < 4
        assert abs(box.mean() - rgb[H // 2 :, W // 2 :].mean()) < 4


def test_too_little_disk_space_refuses_to_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(take_module, "free_bytes", lambda folder: 10 * 1024 * 1024)
    out = tmp_path / "take.mp4"
    with pytest.raises(DiskFullError, match="MB free"):
        Take(out, W, H, 25.0)
    assert not out.exists()


def test_disk_filling_up_during_a_take_stops_it_and_keeps_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = {"n": 0}

    def shrinking(folder: Path) -> int:
        checks["n"] += 1
        return 10**12 if checks["n"] <= 2 else 1024  # plenty at start, then nearly full

    monkeypatch.setattr(take_module, "free_bytes", shrinking)
    monkeypatch.setattr(take_module, "DISK_CHECK_EVERY_S", 0.5)
    session = CaptureSession(FlakyCamera(60))
    out = tmp_path / "take.mp4"
    take = session.start_take(out, clock=False)
    session.start()
    assert take.finished.wait(30)
    result = session.stop_take()
    session.close()
    assert result is not None and result.stop_reason == "disk_low"
    assert "disk" in result.message and "kept" in result.message
    assert 0 < len(decoded_frames(out)) == result.frames < 60


def test_stop_is_idempotent_and_thread_safe(source: Path, tmp_path: Path) -> None:
    src = FileSource(source)
    src.open()
    session = CaptureSession(src)
    take = session.start_take(tmp_path / "take.mp4", seconds=0.5)
    session.start()
    assert take.limit_reached.wait(10)
    results = []
    threads = [threading.Thread(target=lambda: results.append(take.stop())) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    session.close()
    assert len({id(r) for r in results}) == 1
    assert results[0].frames == len(decoded_frames(tmp_path / "take.mp4"))
