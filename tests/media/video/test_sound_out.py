"""The player's sound: PCM from any moment, on the picture's clock (the tone's phase at t is
the phase the file holds at t)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from evidence_kit.media.video.sound_out import SoundReader
from tests.factories.video import make_barcode_video


def phase_error_ms(pcm: bytes, t: float, rate: int) -> float:
    """How far (ms) a chunk said to start at t is from the 440 Hz tone the factory wrote."""
    wave = np.frombuffer(pcm, np.int16)[:480].astype(float) / 32767
    n = np.arange(len(wave))
    phases = np.linspace(0, 2 * np.pi, 1440, endpoint=False)
    fits = [np.sum((wave - 0.2 * np.sin(2 * np.pi * 440 * n / rate + ph)) ** 2) for ph in phases]
    best = phases[int(np.argmin(fits))]
    err = (best - 2 * np.pi * 440 * t + np.pi) % (2 * np.pi) - np.pi
    return float(err / (2 * np.pi * 440) * 1000)


@pytest.mark.parametrize("t", [1.0, 1.7, 2.25])
def test_sound_starts_where_the_picture_is(tmp_path: Path, t: float) -> None:
    video = make_barcode_video(tmp_path / "v.mp4", frames=90, fps=30, audio=True)
    reader = SoundReader(video.path, 0.0)
    try:
        assert reader.format is not None
        assert (reader.format.rate, reader.format.channels) == (48000, 1)
        chunks = reader.chunks(t)
        first = next(chunks)
        assert abs(first.t - t) <= 1 / 48000
        assert len(first.pcm) == round(first.seconds * 48000) * 2
        assert abs(phase_error_ms(first.pcm, first.t, 48000)) < 0.1
        second = next(chunks)
        assert second.t == pytest.approx(first.t + first.seconds, abs=1e-6)  # gapless
        chunks.close()
    finally:
        reader.close()


def test_a_silent_video_has_no_sound_format(tmp_path: Path) -> None:
    video = make_barcode_video(tmp_path / "v.mp4", frames=10, fps=30)
    reader = SoundReader(video.path, 0.0)
    assert reader.format is None and list(reader.chunks(0.0)) == []
    reader.close()
