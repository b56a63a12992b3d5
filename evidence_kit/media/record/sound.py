"""A take's sound, kept on the picture's clock.

Sound keeps its own gapless sample clock. When it wanders from the capture clock (a
microphone that lost samples, or runs at another rate) it is pulled back: a gap is filled
with silence, a chunk that runs ahead is left out.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

#: how far sound may wander from the picture before it is pulled back
AUDIO_SLACK_S = 0.04
SAMPLE_DTYPES = {
    "u8": np.uint8,
    "s16": np.int16,
    "s32": np.int32,
    "flt": np.float32,
    "dbl": np.float64,
}


def silence_like(frame: Any, samples: int) -> Any:
    """An audio frame of `samples` zeros in the same format, layout and rate as `frame`."""
    import av

    dtype = SAMPLE_DTYPES[frame.format.name.rstrip("p")]
    channels = len(frame.layout.channels)
    shape = (channels, samples) if frame.format.is_planar else (1, samples * channels)
    silence = av.AudioFrame.from_ndarray(
        np.zeros(shape, dtype), format=frame.format.name, layout=frame.layout.name
    )
    silence.sample_rate = frame.sample_rate
    return silence


class SoundTrack:
    """The take's audio stream, fed chunks stamped with their capture time (encoder thread
    only)."""

    def __init__(self, container: Any, stream: Any) -> None:
        self._container = container
        self.stream = stream
        self._pos: int | None = None  # the next sample's position in the take
        self._drift_avg = 0.0
        self.max_drift = 0.0  # largest gap seen between the sound and the capture clock (s)
        self.notes: set[str] = set()

    def write(self, frame: Any, t: float, t0: float) -> None:
        """Encode one chunk captured at `t`; the take's picture started at `t0`."""
        rate = self.stream.codec_context.sample_rate
        if self._pos is None:
            if t + frame.samples / rate <= t0:
                return  # entirely before the first picture
            self._pos = max(0, round((t - t0) * rate))
        # A smoothed drift is used so the jitter of a microphone's arrival times never
        # triggers a correction; only a lasting offset does.
        drift = self._pos / rate - (t - t0)
        self.max_drift = max(self.max_drift, abs(drift))
        self._drift_avg = 0.8 * self._drift_avg + 0.2 * drift
        if self._drift_avg > AUDIO_SLACK_S:
            self.notes.add("The sound ran ahead of the picture; a little sound was left out.")
            self._drift_avg -= frame.samples / rate
            return
        if self._drift_avg < -AUDIO_SLACK_S:
            self._encode(silence_like(frame, round(-drift * rate)), rate)
            self.notes.add("The sound had gaps; they were filled with silence.")
            self._drift_avg = 0.0
        self._encode(frame, rate)

    def _encode(self, frame: Any, rate: int) -> None:
        assert self._pos is not None
        frame.pts, frame.time_base = self._pos, Fraction(1, rate)
        self._pos += frame.samples
        self._container.mux(self.stream.encode(frame))

    def flush(self) -> None:
        """Drain the encoder into the file."""
        self._container.mux(self.stream.encode(None))
