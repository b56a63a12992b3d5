"""A take's sound stays on the picture's clock."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np

from evidence_kit.media.record.session import CaptureSession
from tests.factories.cameras import GappyMicCamera


def test_sound_gaps_are_filled_with_silence_so_sound_stays_with_the_picture(tmp_path: Path) -> None:
    session = CaptureSession(GappyMicCamera())
    out = tmp_path / "take.mp4"
    take = session.start_take(out, clock=False)
    session.start()
    assert take.finished.wait(30)
    result = session.stop_take()
    session.close()
    assert result is not None and result.has_audio
    assert any("filled with silence" in n for n in result.notes)
    with av.open(str(out)) as c:
        chunks = [(float(f.pts * f.time_base), f.to_ndarray()[0]) for f in c.decode(audio=0)]
    samples = np.concatenate([a for _, a in chunks])
    start = chunks[0][0]

    def rms(a: float, b: float) -> float:
        i, j = round((a - start) * 48000), round((b - start) * 48000)
        return float(np.sqrt(np.mean(samples[i:j] ** 2)))

    assert abs(len(samples) / 48000 - 2.0) < 0.1  # the gap did not shorten the sound
    assert rms(0.2, 0.45) > 0.1 and rms(1.15, 1.8) > 0.1  # the tone, before and after
    assert rms(0.6, 0.9) < 0.02  # silence where the microphone gave nothing
