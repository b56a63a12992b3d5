"""Frame-exact random access to one video (PyAV): the frame on screen at t, upright.

Times count from the first frame (t = 0 is the first frame shown). The frame at t is the
last frame whose presentation time is <= t; a half-millisecond tolerance lets a time printed
with milliseconds map back to the same frame.
"""

from __future__ import annotations

import bisect
import math
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidence_kit.core.errors import TimeRangeError, VideoError
from evidence_kit.media.video.picture import Converter, Picture
from evidence_kit.media.video.probe import (
    VideoInfo,
    open_container,
    pick_video_stream,
    probe_with_start,
)

if TYPE_CHECKING:  # numpy loads lazily: a stream-copy clip never needs it
    import numpy as np

TOLERANCE_S = 0.0005
FORWARD_LIMIT_S = 1.0  # decode on instead of seeking when the target is this close ahead
RESEEK_STEPS_S = (1.0, 3.0, 10.0)  # how much earlier to try when a seek lands past t
BIG_PIXELS = 1920 * 1088  # above this (4K), fewer decoder threads
BIG_THREADS = 2


@dataclass
class DecodedFrame:
    """One decoded frame and its real presentation time (s, from the first frame)."""

    pts_s: float
    frame: Any  # av.VideoFrame, not yet rotated
    key: bool = False


def decode_from(
    container: Any, stream: Any, pts: int | None = None, size: int | None = None
) -> Iterator[Any]:
    """Decoded frames of `stream` from the keyframe at or before pts (or from where the
    demuxer is), to the end of what can be read.

    A packet the file (of `size` bytes) does not hold in full is never sent: with frame
    threads, the decoder reports its error while draining and drops every frame still
    queued, the file's last readable ones. Other damaged packets are skipped.
    """
    if pts is not None:
        container.seek(pts, stream=stream, backward=True, any_frame=False)
    try:
        for packet in container.demux(stream):
            if packet.size and (
                packet.is_corrupt
                or (size is not None and packet.pos is not None and packet.pos + packet.size > size)
            ):
                continue
            try:
                frames = packet.decode()
            except Exception:  # a damaged packet: skip it, keep going
                continue
            yield from frames
        return
    except Exception:  # the demuxer hit the truncated end: drain what is decoded
        pass
    try:
        yield from stream.codec_context.decode(None)
    except Exception:
        return


class VideoReader:
    """An open video for repeated exact seeks. Not thread-safe: one user at a time."""

    def __init__(self, path: Path | str, info: VideoInfo | None = None, threads: bool = True):
        self.path = Path(path)
        self.container = open_container(self.path)
        self.lock = threading.Lock()  # the panel's worker and a grab may share one reader
        try:
            chosen = pick_video_stream(self.container)
            if threads and chosen is not None:
                chosen.thread_type = "AUTO"  # must be set before anything opens the decoder
                ctx = chosen.codec_context
                if (ctx.width or 0) * (ctx.height or 0) > BIG_PIXELS:
                    # each frame thread holds a frame: a 4K grab stays under 600 MB
                    ctx.thread_count = BIG_THREADS
            probed, first_pts = probe_with_start(self.container, self.path)
            self.info = info or probed
            self.stream = self.container.streams[probed.video_stream]
            self.converter = Converter(probed.picture)
            self.time_base: Fraction = self.stream.time_base
            self.first_pts: int = first_pts
        except BaseException:
            self.container.close()
            raise
        self._iter: Iterator[Any] | None = None
        self._last: DecodedFrame | None = None  # last frame handed out (pts <= its target)
        self._pending: DecodedFrame | None = None  # decoded but not yet used (past target)
        self._eof = False

    # --- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Release the file and the decoder."""
        self.container.close()

    def __enter__(self) -> VideoReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- time helpers ----------------------------------------------------------------------

    @property
    def rotation(self) -> int:
        return self.info.rotation

    @property
    def picture(self) -> Picture:
        """How this video's frames are shown (colour, orientation, pixel shape)."""
        return self.converter.picture

    @property
    def end_s(self) -> float:
        """The last time one may ask for: the readable part when the file is truncated."""
        if self.info.readable_s is not None:
            return self.info.readable_s
        return self.info.duration_s

    @property
    def video_end_s(self) -> float:
        """Where the last frame stops being shown (of a truncated file: its last readable
        frame, shown for one frame interval)."""
        if self.info.readable_s is None:
            return self.info.duration_s
        return self.info.readable_s + 1.0 / (self.info.fps or 30.0)

    def rel(self, pts: int | None) -> float:
        """Stream pts -> seconds from the first frame."""
        if pts is None:
            return 0.0
        return float((pts - self.first_pts) * self.time_base)

    def check_time(self, t: float) -> None:
        """TimeRangeError unless 0 <= t <= the end of the (readable) video."""
        if not math.isfinite(t) or t < 0:
            raise TimeRangeError(f"{t} s is before the start of the video (times start at 0).")
        end = self.end_s
        if t > end + TOLERANCE_S:
            if self.info.readable_s is not None:
                raise TimeRangeError(
                    f"{t:.3f} s is past the readable part of {self.path.name}: the file is "
                    f"truncated and only the first {end:.3f} s can be decoded."
                )
            raise TimeRangeError(f"{t:.3f} s is past the end of the video ({end:.3f} s).")

    # --- decoding --------------------------------------------------------------------------

    def _seek(self, t: float) -> None:
        target = self.first_pts + int(max(t, 0.0) / self.time_base)
        try:
            self.container.seek(target, stream=self.stream, backward=True, any_frame=False)
        except Exception as exc:
            raise VideoError(f"{self.path.name}: cannot seek to {t:.3f} s ({exc}).") from exc
        self._iter = self._frames()
        self._last = None
        self._pending = None
        self._eof = False

    def _frames(self) -> Iterator[Any]:
        return decode_from(self.container, self.stream, size=self.info.bytes or None)

    def _next(self) -> DecodedFrame | None:
        if self._pending is not None:
            out, self._pending = self._pending, None
            return out
        if self._iter is None or self._eof:
            return None
        for frame in self._iter:
            if frame.pts is None:
                continue
            return DecodedFrame(self.rel(frame.pts), frame, bool(frame.key_frame))
        self._eof = True
        return None

    def frame_at(self, t: float, key_s: float | None = None) -> DecodedFrame:
        """The frame on screen at t (last pts <= t), decoded exactly.

        key_s, from keyframe_before(t), lets a far target be decoded forward when a seek
        would land no further on (sparse keyframes: one pass instead of one per target).
        """
        self.check_time(t)
        limit = t + TOLERANCE_S
        last = self._last
        forward = (
            last is not None
            and last.pts_s <= limit
            and (
                limit - last.pts_s < FORWARD_LIMIT_S
                or (key_s is not None and key_s <= last.pts_s + TOLERANCE_S)
            )
        )
        if not forward:
            last = None
            attempts = (0.0, *RESEEK_STEPS_S)
            for i, back in enumerate(attempts):
                self._seek(max(t - back, 0.0))
                first = self._next()
                if first is None:
                    continue
                if first.pts_s > limit and t - back > 0 and i < len(attempts) - 1:
                    continue  # landed past t (open-GOP leading frames, coarse index): go earlier
                self._pending = first
                break
        while True:
            nxt = self._next()
            if nxt is None:
                break
            if nxt.pts_s > limit:
                self._pending = nxt
                break
            last = nxt
        if last is None:
            # t lies before the first decodable frame after a seek to 0: that first frame is it
            if self._pending is not None:
                last, self._pending = self._pending, None
            else:
                raise VideoError(f"{self.path.name}: no frame could be decoded at {t:.3f} s.")
        self._last = last
        return last

    def keyframe_before(self, t: float) -> float:
        """Where a seek for t lands: the keyframe at or before it (s), from the packets
        alone (nothing is decoded). Forgets the decoder position, unless probe already
        walked every packet and knows the keyframes."""
        known = self.info.keyframes_s
        if known:
            return known[max(bisect.bisect_right(known, t + TOLERANCE_S) - 1, 0)]
        self.forget()
        target = self.first_pts + int(max(t, 0.0) / self.time_base)
        try:
            self.container.seek(target, stream=self.stream, backward=True, any_frame=False)
            for packet in self.container.demux(self.stream):
                if packet.pts is not None and packet.size:
                    return self.rel(packet.pts)
        except Exception:  # a truncated tail: no better answer than the start
            return 0.0
        return 0.0

    def step_forward(self) -> DecodedFrame:
        """The frame after the one last handed out (or the first frame)."""
        if self._last is None:
            return self.frame_at(0.0)
        nxt = self._next()
        if nxt is None:  # already at the last frame
            return self._last
        self._last = nxt
        return nxt

    def step_back(self) -> DecodedFrame:
        """The frame before the one last handed out (or the first frame)."""
        if self._last is None or self._last.pts_s <= TOLERANCE_S:
            return self.frame_at(0.0)
        return self.frame_at(max(self._last.pts_s - 4 * TOLERANCE_S, 0.0))

    def frames_between(self, start: float, end: float) -> Iterator[DecodedFrame]:
        """Every frame shown in [start, end], starting with the one on screen at start."""
        yield self.frame_at(start)
        while True:
            nxt = self._next()
            if nxt is None or nxt.pts_s > end + TOLERANCE_S:
                if nxt is not None:
                    self._pending = nxt
                return
            self._last = nxt
            yield nxt

    def scan(self, keyframes_only: bool = False, skip: str = "DEFAULT") -> Iterator[DecodedFrame]:
        """Every frame from the start, in order (or keyframes only, or skipping frames as
        `skip` says: "NONREF" drops B-frames). Ends by forgetting the decoder position, so
        the next frame_at seeks afresh."""
        ctx = self.stream.codec_context
        ctx.skip_frame = "NONKEY" if keyframes_only else skip
        try:
            self._seek(0.0)
            while (decoded := self._next()) is not None:
                yield decoded
        finally:
            ctx.skip_frame = "DEFAULT"
            self.forget()

    def forget(self) -> None:
        """Drop the decoding position (after someone else moved the demuxer)."""
        self._iter = None
        self._last = None
        self._pending = None

    def keyframe_at(self, t: float) -> DecodedFrame:
        """The keyframe at or before t, decoding nothing else (fast, approximate)."""
        self.check_time(t)
        ctx = self.stream.codec_context
        ctx.skip_frame = "NONKEY"
        try:
            self._seek(t)
            got = self._next()
        finally:
            ctx.skip_frame = "DEFAULT"
            self.forget()
        if got is None:
            return self.frame_at(t)
        return got

    # --- pixels ----------------------------------------------------------------------------

    def to_rgb(self, decoded: DecodedFrame, max_side: int | None = None) -> np.ndarray:
        """The picture as the viewer shows it (its colours, upright, display size), as an
        RGB array, optionally scaled to fit max_side."""
        return self.converter.rgb(decoded.frame, max_side)

    def grey_small(self, decoded: DecodedFrame, width: int) -> np.ndarray:
        """A small grey copy (not rotated) for sharpness and scene scores."""
        frame = decoded.frame
        height = max(2, int(frame.height * width / max(frame.width, 1)) // 2 * 2)
        return frame.reformat(width=width, height=height, format="gray").to_ndarray()
