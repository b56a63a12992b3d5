"""The video keyboard and sound (issue 18.6): J/K/L, ',' and '.', speed, volume and mute,
and the file's sound fed to the output on the picture's clock."""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt

from evidence_kit.core.tasks import CancelToken
from evidence_kit.gui.video import sound as sound_module
from evidence_kit.gui.video.player import _Decoder
from evidence_kit.gui.video.sound import PanelSound
from evidence_kit.media.video.sound_out import SoundFormat, SoundReader
from tests.factories.video import BarcodeVideo
from tests.gui.video.test_panel import seek, shown_frame


class FakeOutput:
    """An audio output that takes 0.25 s and plays nothing (no sound device in CI)."""

    def __init__(self, fmt: SoundFormat) -> None:
        self.fmt, self.data, self.volume, self.stopped = fmt, bytearray(), 1.0, False
        self.size = fmt.bytes_per_second // 4
        self.queued = 0

    def bytes_free(self) -> int:
        return self.size - self.queued

    def buffered_s(self) -> float:
        return self.queued / self.fmt.bytes_per_second

    def write(self, pcm: bytes) -> int:
        n = min(len(pcm), self.bytes_free())
        self.data += pcm[:n]
        self.queued += n
        return n

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def stop(self) -> None:
        self.stopped = True


def key(qtbot: Any, panel: Any, k: Qt.Key) -> None:
    qtbot.keyClick(panel, k)


def test_comma_period_step_frames_and_jkl_play(qtbot: Any, setup: Any, video: BarcodeVideo) -> None:
    panel, *_ = setup
    panel.setFocus()
    seek(qtbot, panel, 1.0)
    start = shown_frame(panel)
    with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
        key(qtbot, panel, Qt.Key.Key_Period)
    assert shown_frame(panel) == start + 1
    with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
        key(qtbot, panel, Qt.Key.Key_Comma)
    assert shown_frame(panel) == start
    key(qtbot, panel, Qt.Key.Key_L)
    assert panel.worker.playing and panel.worker.speed == 1.0
    key(qtbot, panel, Qt.Key.Key_L)  # again: faster
    assert panel.worker.speed == 1.5 and panel.speed_box.currentText() == "1.5×"
    key(qtbot, panel, Qt.Key.Key_K)
    assert not panel.worker.playing
    paused_at = panel.current_s
    key(qtbot, panel, Qt.Key.Key_J)  # backwards
    assert panel.worker.playing and panel.worker.speed == -1.0
    qtbot.waitUntil(lambda: panel.current_s < paused_at - 0.1, timeout=10000)
    key(qtbot, panel, Qt.Key.Key_K)
    assert not panel.worker.playing


def test_the_clock_runs_at_the_chosen_speed_both_ways(video: BarcodeVideo) -> None:
    decoder = _Decoder()
    decoder.open(video.path, 320)
    for origin_pts, speed, expect in ((0.0, 2.0, 1.0), (2.5, -1.0, 2.0)):
        shown: list[float] = []
        cancel = CancelToken()

        def show(
            image: Any, pts: float, shown: list[float] = shown, c: CancelToken = cancel
        ) -> None:
            shown.append(pts)
            c.cancel()

        # half a second of wall clock has passed since play was pressed
        decoder.play((time.monotonic() - 0.5, origin_pts, speed), 320, cancel, show)
        want = video.pts[video.expected_index(expect)]
        assert shown and shown[0] >= want - 1e-6
        assert shown[0] < expect + 0.5  # not a frame from long after
    decoder.close(1.0)


def test_speed_box_volume_and_mute_keys(qtbot: Any, setup: Any) -> None:
    panel, *_ = setup
    panel.setFocus()
    panel.speed_box.setCurrentIndex(panel.speed_box.findText("2×"))
    assert panel.worker.speed == 2.0
    key(qtbot, panel, Qt.Key.Key_M)
    assert panel.mute_btn.isChecked() and panel.transport.sound.muted
    assert "Unmute" in panel.mute_btn.toolTip()
    key(qtbot, panel, Qt.Key.Key_M)
    assert not panel.transport.sound.muted
    qtbot.keyClick(panel, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert panel.volume.value() == 90 and panel.transport.sound.volume == pytest.approx(0.9)
    assert "Sound plays at normal speed" in panel.mute_btn.toolTip()  # at 2x: silent
    # the new controls keep the panel narrow enough for a 1280 px window beside the list
    assert panel.minimumSizeHint().width() <= 700


def test_sound_follows_the_picture_clock(qtbot: Any, monkeypatch: Any, video: BarcodeVideo) -> None:
    now = [1000.0]
    monkeypatch.setattr(sound_module.time, "monotonic", lambda: now[0])
    outputs: list[FakeOutput] = []

    def make(fmt: SoundFormat) -> FakeOutput:
        outputs.append(FakeOutput(fmt))
        return outputs[-1]

    sound = PanelSound(output=make)
    sound.set_source(SoundReader(video.path, 0.0))
    sound.play((now[0], 1.2, 1.0))
    [out] = outputs
    qtbot.waitUntil(lambda: (sound.feed(), len(out.data) == out.size)[1], timeout=10000)
    reference = SoundReader(video.path, 0.0)
    want = b"".join(c.pcm for _, c in zip(range(20), reference.chunks(1.2), strict=False))
    assert bytes(out.data) == want[: len(out.data)]  # the sound starts where the picture is
    # the machine stalls for half a second while the output plays its buffer out: the sound
    # left behind is dropped, so it is heard in step with the picture again
    now[0] += 0.5
    out.queued = 0
    sound.feed()
    assert sound.position == pytest.approx(1.2 + 0.5 + 0.25, abs=sound_module.SLACK_S + 0.03)
    sound.set_volume(0.5, muted=True)
    assert out.volume == 0.0
    sound.set_volume(0.5, muted=False)
    assert out.volume == 0.5
    sound.play((now[0], 1.0, 2.0))  # at 2x the picture plays silent
    assert out.stopped and len(outputs) == 1 and not sound.playing
    sound.set_source(None)
    reference.close()


def test_no_sound_output_says_why(video: BarcodeVideo) -> None:
    sound = PanelSound(output=lambda fmt: "No sound output was found on this computer.")
    sound.set_source(SoundReader(video.path, 0.0))
    sound.play((time.monotonic(), 0.0, 1.0))
    assert not sound.playing and sound.problem.startswith("No sound output")
    sound.set_source(None)
    assert np is not None
