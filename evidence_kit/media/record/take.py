"""One continuous take written into a crash-safe H.264/AAC MP4, and what it ended as.

The MP4 is fragmented (a moof+mdat every keyframe, one per second), so a crash, a kill or an
unplugged camera leaves a playable file up to the last second written. There is no pause:
a paused video is no longer one continuous take. The camera side (preview, starting and
stopping takes, the CLI's `record`) is `session.py`.
"""

from __future__ import annotations

import errno
import logging
import queue
import shutil
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from evidence_kit.core import activity_log
from evidence_kit.core.errors import DiskFullError, VideoError
from evidence_kit.core.model import Case
from evidence_kit.media.record.overlay import ClockOverlay
from evidence_kit.media.record.sound import SoundTrack

logger = logging.getLogger(__name__)

#: refuse to start with less free space than this (about five minutes of 720p)
MIN_FREE_START = 200 * 1024 * 1024
#: stop the take cleanly when free space falls below this while recording
MIN_FREE_DURING = 50 * 1024 * 1024
DISK_CHECK_EVERY_S = 2.0
VIDEO_TIME_BASE = Fraction(1, 90000)
#: frag_keyframe + a one-second GOP: at most about a second is lost on a crash;
#: empty_moov puts the track headers first, so every fragment after it is playable
MOVFLAGS = "frag_keyframe+empty_moov+default_base_moof"


def free_bytes(folder: Path) -> int:
    """Free space on the disk holding `folder`."""
    return shutil.disk_usage(folder).free


def check_free_space(folder: Path, need: int = MIN_FREE_START) -> None:
    """Raise DiskFullError when the disk is too full to start a recording."""
    free = free_bytes(folder)
    if free < need:
        raise DiskFullError(
            f"Only {free // (1024 * 1024)} MB free on the disk holding {folder}; a recording "
            f"needs at least {need // (1024 * 1024)} MB. Free some space and try again."
        )


@dataclass
class TakeResult:
    """What a finished take is: where, when, how long, and why it stopped."""

    path: Path
    started_at: str  # ISO 8601 UTC, the wall-clock time of the first frame
    stopped_at: str
    duration_s: float
    frames: int
    dropped: int  # frames lost while recording (camera skipped, or the encoder fell behind)
    dropped_by_encoder: int  # of those, the ones the encoder was too busy to take
    has_audio: bool
    clock: bool
    width: int
    height: int
    fps: float
    stop_reason: str  # stopped | time_limit | camera_lost | disk_low | disk_full | error
    message: str = ""  # for the shopper when the stop was not their choice
    max_drift_ms: float = 0.0  # largest audio clock vs capture clock gap seen
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        d = asdict(self)
        d["path"] = str(self.path)
        return d


def log_take_stopped(case: Case, result: TakeResult, checklist: list[str] | None = None) -> None:
    """Write the take's end into the case's activity log (CLI and GUI alike)."""
    details: dict[str, Any] = {
        "file": result.path.name,
        "reason": result.stop_reason,
        "duration_s": result.duration_s,
        "frames": result.frames,
        "dropped": result.dropped,
        "started_at": result.started_at,
    }
    if checklist is not None:
        details["checklist"] = checklist
    activity_log.append(case, "recording_stopped", **details)


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Take:
    """One continuous take being written. Frames are offered from capture threads and never
    block them: a full queue drops the frame and counts it."""

    def __init__(
        self,
        path: Path | str,
        width: int,
        height: int,
        fps: float,
        audio: tuple[int, str] | None = None,
        clock: bool = True,
        seconds: float | None = None,
        preset: str = "veryfast",
        crf: int = 23,
    ) -> None:
        self.path = Path(path)
        self.width, self.height, self.fps = width, height, fps
        self.clock = clock
        self.seconds = seconds
        self.path.parent.mkdir(parents=True, exist_ok=True)
        check_free_space(self.path.parent)
        # monotonic capture times -> wall clock, fixed once so the burned-in clock never jumps
        self._epoch = time.time() - time.monotonic()
        self._overlay = ClockOverlay(width, height) if clock else None
        # Sound is small and must stay gapless, so only pictures are limited: about a second
        # of them may wait for the encoder; past that a picture is dropped (and counted).
        self._queue: queue.Queue[tuple[str, Any, float] | None] = queue.Queue()
        self._max_pending = max(int(fps), 8)
        self._pending_video = 0
        self._lock = threading.Lock()
        self._closing = False
        self.t0: float | None = None
        self.last_t: float | None = None
        self.frames = 0
        self.dropped = 0
        self.dropped_by_encoder = 0
        self.limit_reached = threading.Event()
        self.finished = threading.Event()
        self._stop_reason = "stopped"
        self._message = ""
        self._result: TakeResult | None = None
        self._container, self._vstream, self._sound = self._open(audio, preset, crf)
        self._thread = threading.Thread(target=self._encode_loop, name="take-encoder", daemon=True)
        self._thread.start()

    # --- writer ---------------------------------------------------------------------------

    def _open(
        self, audio: tuple[int, str] | None, preset: str, crf: int
    ) -> tuple[Any, Any, SoundTrack | None]:
        import av

        try:
            container = av.open(
                str(self.path),
                "w",
                format="mp4",
                options={"movflags": MOVFLAGS, "flush_packets": "1"},
            )
        except (av.error.FFmpegError, OSError) as exc:
            raise VideoError(f"Cannot create {self.path}: {exc}") from exc
        # written into the moov header at once (empty_moov), so even a killed take has it
        container.metadata["creation_time"] = _iso(time.time())
        gop = max(1, round(self.fps))
        vs = container.add_stream(
            "libx264",
            rate=Fraction(self.fps).limit_denominator(1001),
            options={"preset": preset, "crf": str(crf), "g": str(gop), "keyint_min": str(gop)},
        )
        vs.width, vs.height, vs.pix_fmt = self.width, self.height, "yuv420p"
        vs.time_base = VIDEO_TIME_BASE
        vs.codec_context.time_base = VIDEO_TIME_BASE
        sound = None
        if audio is not None:
            rate, layout = audio
            astream = container.add_stream("aac", rate=rate, layout=layout)
            astream.bit_rate = 128_000
            sound = SoundTrack(container, astream)
        return container, vs, sound

    @property
    def has_audio(self) -> bool:
        return self._sound is not None

    @property
    def elapsed(self) -> float:
        """Seconds of picture recorded so far."""
        if self.t0 is None or self.last_t is None:
            return 0.0
        return self.last_t - self.t0

    def wall_time(self, t: float) -> datetime:
        """Local wall-clock time of a capture time."""
        return datetime.fromtimestamp(self._epoch + t).astimezone()

    # --- offered from capture threads ----------------------------------------------------

    def offer_video(self, i420: np.ndarray, t: float) -> None:
        """A camera frame; never blocks the capture thread."""
        with self._lock:
            if self._closing:
                return
            if self.t0 is None:
                self.t0 = t
            if self.seconds is not None and t - self.t0 >= self.seconds - 1e-6:
                self.limit_reached.set()
                return
            if self._pending_video >= self._max_pending:
                self.dropped += 1
                self.dropped_by_encoder += 1
                return
            self._pending_video += 1
            self._queue.put_nowait(("v", i420, t))
            self.last_t = t

    def offer_audio(self, frame: Any, t: float) -> None:
        """A chunk of sound; ignored before the first frame of picture."""
        if self._sound is None:
            return
        with self._lock:
            if self._closing or self.t0 is None:
                return
            if self.seconds is not None and t - self.t0 >= self.seconds:
                return
            self._queue.put_nowait(("a", frame, t))

    def count_skipped(self, n: int) -> None:
        """Frames the camera skipped while this take was running."""
        self.dropped += n

    # --- encoder thread -------------------------------------------------------------------

    def _encode_loop(self) -> None:
        import av

        last_pts = -1
        next_disk_check = 0.0
        try:
            while True:
                item = self._queue.get()
                if item is None:
                    break
                kind, payload, t = item
                assert self.t0 is not None
                if kind == "v":
                    with self._lock:
                        self._pending_video -= 1
                    if self._overlay is not None:
                        self._overlay.apply(payload, self.wall_time(t))
                    frame = av.VideoFrame.from_ndarray(payload, format="yuv420p")
                    pts = max(round((t - self.t0) / VIDEO_TIME_BASE), last_pts + 1)
                    frame.pts, frame.time_base = pts, VIDEO_TIME_BASE
                    last_pts = pts
                    self._container.mux(self._vstream.encode(frame))
                    self.frames += 1
                    if t >= next_disk_check:
                        next_disk_check = t + DISK_CHECK_EVERY_S
                        if free_bytes(self.path.parent) < MIN_FREE_DURING:
                            self._end_early(
                                "disk_low",
                                "The disk is almost full, so the recording was stopped. The video "
                                "up to that moment was kept.",
                            )
                            break
                elif self._sound is not None:
                    self._sound.write(payload, t, self.t0)
        except OSError as exc:
            reason = "disk_full" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else "error"
            self._end_early(
                reason,
                f"Writing the recording failed ({exc.strerror or exc}); "
                "the video up to that moment was kept.",
            )
        except av.error.FFmpegError as exc:
            self._end_early("error", f"Encoding failed ({exc}); the video so far was kept.")
        finally:
            self._seal()

    def _end_early(self, reason: str, message: str) -> None:
        with self._lock:
            self._closing = True
            if self._stop_reason == "stopped":
                self._stop_reason, self._message = reason, message
        self.limit_reached.set()

    def _seal(self) -> None:
        """Flush the encoders and write the trailer; whatever fails, the fragments stay."""
        with self._lock:
            self._closing = True
        try:
            self._container.mux(self._vstream.encode(None))
            if self._sound is not None:
                self._sound.flush()
        except Exception as exc:  # the file is already playable without the last second
            logger.warning("flushing the take failed: %s", exc)
        try:
            self._container.close()
        except Exception as exc:
            logger.warning("closing the take failed: %s", exc)
        self.finished.set()

    # --- stop -----------------------------------------------------------------------------

    def stop(self, reason: str = "stopped", message: str = "") -> TakeResult:
        """End the take and seal the file. Safe to call more than once, from any thread."""
        with self._lock:
            if self._result is not None:
                return self._result
            if not self._closing and self._stop_reason == "stopped":
                self._stop_reason, self._message = reason, message
            self._closing = True
        # the encoder drains what was offered before the stop, then seals
        while self._thread.is_alive():
            try:
                self._queue.put(None, timeout=0.2)
                break
            except queue.Full:
                continue
        self._thread.join()
        now = time.time()
        with self._lock:
            if self._result is None:
                start = self._epoch + (self.t0 if self.t0 is not None else time.monotonic())
                duration = self.elapsed + (1.0 / self.fps if self.frames else 0.0)
                self._result = TakeResult(
                    path=self.path,
                    started_at=_iso(start),
                    stopped_at=_iso(now),
                    duration_s=round(duration, 3),
                    frames=self.frames,
                    dropped=self.dropped,
                    dropped_by_encoder=self.dropped_by_encoder,
                    has_audio=self.has_audio,
                    clock=self.clock,
                    width=self.width,
                    height=self.height,
                    fps=self.fps,
                    stop_reason=self._stop_reason,
                    message=self._message,
                    max_drift_ms=round(self._sound.max_drift * 1000, 1) if self._sound else 0.0,
                    notes=sorted(self._sound.notes) if self._sound else [],
                )
            return self._result
