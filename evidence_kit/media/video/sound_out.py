"""The video's sound for the player: PCM from any moment, on the clock the player shows.

PyAV decodes the file's default sound track and resamples it to one format an audio output
takes (signed 16-bit, interleaved, the track's own rate, mono or stereo). Each chunk is
stamped with the time it plays on the picture's clock (0.000 = the first frame shown).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evidence_kit.core.errors import MediaError


@dataclass(frozen=True)
class SoundFormat:
    """What the chunks hold: `rate` samples a second of `channels` 16-bit values."""

    rate: int
    channels: int

    @property
    def bytes_per_second(self) -> int:
        return self.rate * self.channels * 2


@dataclass(frozen=True)
class Chunk:
    """`pcm` plays from `t` (seconds on the picture's clock) for `seconds`."""

    t: float
    pcm: bytes
    seconds: float


class SoundReader:
    """The sound track of one file, decoded from any moment. Not thread-safe: one user."""

    def __init__(self, path: Path | str, picture_start_s: float) -> None:
        import av

        from evidence_kit.media.video.probe import pick_audio_stream

        self.path = Path(path)
        self.picture_start_s = picture_start_s
        try:
            self.container: Any = av.open(str(self.path), metadata_errors="ignore")
        except av.error.FFmpegError as exc:
            raise MediaError(f"The sound of {self.path.name} cannot be read: {exc}") from exc
        self.stream: Any = pick_audio_stream(self.container)
        self.format: SoundFormat | None = None
        if self.stream is not None:
            ctx = self.stream.codec_context
            channels = 1 if ctx.channels == 1 else 2
            self.format = SoundFormat(ctx.sample_rate, channels)

    def chunks(self, t: float) -> Iterator[Chunk]:
        """The sound from t on (the part of the first chunk before t is cut off)."""
        import av

        fmt, stream = self.format, self.stream
        if fmt is None:
            return
        resampler = av.AudioResampler(
            format="s16", layout="mono" if fmt.channels == 1 else "stereo", rate=fmt.rate
        )
        tb = stream.time_base
        target = int((max(t, 0.0) + self.picture_start_s) / tb)
        self.container.seek(target, stream=stream, backward=True, any_frame=False)
        frame_bytes = fmt.channels * 2
        try:
            for frame in self.container.decode(stream):
                if frame.pts is None:
                    continue
                start = float(frame.pts * tb) - self.picture_start_s
                for out in resampler.resample(frame):
                    pcm = bytes(out.to_ndarray().tobytes())
                    seconds = out.samples / fmt.rate
                    if start + seconds <= t:
                        start += seconds
                        continue
                    if start < t:  # cut to the moment asked for, on a whole sample
                        skip = round((t - start) * fmt.rate)
                        pcm = pcm[skip * frame_bytes :]
                        start += skip / fmt.rate
                        seconds = len(pcm) / frame_bytes / fmt.rate
                    yield Chunk(start, pcm, seconds)
                    start += seconds
        except av.error.FFmpegError:
            return  # a damaged tail: the sound simply ends there, as the picture does

    def close(self) -> None:
        self.container.close()
