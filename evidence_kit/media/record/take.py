"""The recorder: one continuous take from a capture source into a crash-safe H.264/AAC MP4.

The MP4 is fragmented (a moof+mdat every keyframe, one per second), so a crash, a kill or an
unplugged camera leaves a playable file up to the last second written. There is no pause:
a paused video is no longer one continuous take. `CaptureSession` keeps a camera open for the
preview and runs at most one `Take` at a time; `record` is the whole job for the CLI.
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

from evidence_kit.core.errors import CameraError, DiskFullError, VideoError
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress
from evidence_kit.media.record.camera import CameraInfo, MicInfo, MicSource, Source, open_camera
from evidence_kit.media.record.overlay import ClockOverlay

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
FIRST_FRAME_TIMEOUT_S = 10.0
#: how far sound may wander from the picture before it is pulled back
AUDIO_SLACK_S = 0.04
SAMPLE_DTYPES = {
    "u8": np.uint8,
    "s16": np.int16,
    "s32": np.int32,
    "flt": np.float32,
    "dbl": np.float64,
}


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


def log_take_stopped(case: Any, result: TakeResult, checklist: list[str] | None = None) -> None:
    """Write the take's end into the case's activity log (CLI and GUI alike)."""
    from evidence_kit.core import activity_log

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


def _silence_like(frame: Any, samples: int) -> Any:
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
        self._notes: set[str] = set()
        self._drift_avg = 0.0
        self._result: TakeResult | None = None
        self._max_drift = 0.0
        self._audio_pos: int | None = None
        self._container, self._vstream, self._astream = self._open(audio, preset, crf)
        self._thread = threading.Thread(target=self._encode_loop, name="take-encoder", daemon=True)
        self._thread.start()

    # --- writer ---------------------------------------------------------------------------

    def _open(self, audio: tuple[int, str] | None, preset: str, crf: int) -> tuple[Any, Any, Any]:
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
        astream = None
        if audio is not None:
            rate, layout = audio
            astream = container.add_stream("aac", rate=rate, layout=layout)
            astream.bit_rate = 128_000
        return container, vs, astream

    @property
    def has_audio(self) -> bool:
        return self._astream is not None

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
        if self._astream is None:
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
                else:
                    self._write_audio(payload, t)
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

    def _write_audio(self, frame: Any, t: float) -> None:
        assert self.t0 is not None and self._astream is not None
        rate = self._astream.codec_context.sample_rate
        if self._audio_pos is None:
            if t + frame.samples / rate <= self.t0:
                return  # entirely before the first picture
            self._audio_pos = max(0, round((t - self.t0) * rate))
        # Sound keeps its own sample clock (gapless). When it wanders from the capture clock
        # (a microphone that lost samples, or runs at another rate) it is pulled back: a gap
        # is filled with silence, a chunk that runs ahead is left out.
        # A smoothed drift is used so the jitter of a microphone's arrival times never
        # triggers a correction; only a lasting offset does.
        drift = self._audio_pos / rate - (t - self.t0)
        self._max_drift = max(self._max_drift, abs(drift))
        self._drift_avg = 0.8 * self._drift_avg + 0.2 * drift
        if self._drift_avg > AUDIO_SLACK_S:
            self._notes.add("The sound ran ahead of the picture; a little sound was left out.")
            self._drift_avg -= frame.samples / rate
            return
        if self._drift_avg < -AUDIO_SLACK_S:
            self._encode_audio(_silence_like(frame, round(-drift * rate)), rate)
            self._notes.add("The sound had gaps; they were filled with silence.")
            self._drift_avg = 0.0
        self._encode_audio(frame, rate)

    def _encode_audio(self, frame: Any, rate: int) -> None:
        assert self._audio_pos is not None and self._astream is not None
        frame.pts, frame.time_base = self._audio_pos, Fraction(1, rate)
        self._audio_pos += frame.samples
        self._container.mux(self._astream.encode(frame))

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
            if self._astream is not None:
                self._container.mux(self._astream.encode(None))
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
                    max_drift_ms=round(self._max_drift * 1000, 1),
                    notes=sorted(self._notes),
                )
            return self._result


class CaptureSession:
    """An open camera (and maybe a microphone): a live preview, and at most one take.

    The picture's sound comes from the microphone when there is one, otherwise from the
    source itself (a video file played as a camera carries its own sound).
    """

    def __init__(self, camera: Source, mic: Source | None = None) -> None:
        self.camera = camera
        self.mic = mic
        self.take: Take | None = None
        self.ended: str | None = None  # why the camera stopped, once it has
        self.notes: list[str] = []
        self._latest: tuple[np.ndarray, float] | None = None
        self._skipped_seen = 0
        self._lock = threading.Lock()
        self._preview_clock: ClockOverlay | None = None
        self.first_frame = threading.Event()

    @property
    def audio_format(self) -> tuple[int, str] | None:
        """(rate, layout) of the sound a take would carry, or None."""
        src = self.mic if self.mic is not None else self.camera
        if src.audio_rate and src.audio_layout:
            return src.audio_rate, src.audio_layout
        return None

    def start(self) -> None:
        """Start delivering frames (call open() on the sources first)."""
        own_audio = self._on_audio if self.mic is None else _ignore_audio
        self.camera.start(self._on_video, own_audio, self._on_camera_end)
        if self.mic is not None:
            self.mic.start(_ignore_video, self._on_audio, self._on_mic_end)

    def _on_video(self, i420: np.ndarray, t: float) -> None:
        with self._lock:
            self._latest = (i420, t)
            take = self.take
            skipped = self.camera.dropped - self._skipped_seen
            self._skipped_seen = self.camera.dropped
        self.first_frame.set()
        if take is not None:
            if skipped:
                take.count_skipped(skipped)
            # the encoder draws the clock into the frame: give it its own copy
            take.offer_video(i420.copy() if take.clock else i420, t)

    def _on_audio(self, frame: Any, t: float) -> None:
        take = self.take
        if take is not None:
            take.offer_audio(frame, t)

    def _on_camera_end(self, message: str) -> None:
        self.ended = message
        self.first_frame.set()
        take = self.take
        if take is not None:
            take.stop("camera_lost", message + " The recording up to that moment was kept.")

    def _on_mic_end(self, message: str) -> None:
        self.notes.append(message)

    def latest_frame(self) -> tuple[np.ndarray, float] | None:
        """The newest frame (I420) and its capture time, for the preview."""
        with self._lock:
            return self._latest

    def preview_rgb(self, max_width: int = 960, clock: bool = False) -> np.ndarray | None:
        """The newest frame as an RGB array no wider than max_width; with `clock`, stamped
        as the take stamps it, so the preview shows what goes into the file."""
        import cv2

        latest = self.latest_frame()
        if latest is None:
            return None
        i420, t = latest
        if clock:
            i420 = i420.copy()
            h, w = self.camera.height, self.camera.width
            if self._preview_clock is None or (
                self._preview_clock.width,
                self._preview_clock.height,
            ) != (w, h):
                self._preview_clock = ClockOverlay(w, h)
            wall = datetime.fromtimestamp(time.time() - time.monotonic() + t).astimezone()
            self._preview_clock.apply(i420, wall)
        rgb = cv2.cvtColor(i420, cv2.COLOR_YUV2RGB_I420)
        if rgb.shape[1] > max_width:
            h = round(rgb.shape[0] * max_width / rgb.shape[1])
            rgb = cv2.resize(rgb, (max_width, h), interpolation=cv2.INTER_AREA)
        return rgb

    def start_take(
        self, path: Path | str, clock: bool = True, seconds: float | None = None
    ) -> Take:
        """Begin writing a take. Raises CameraError if the camera is gone, DiskFullError."""
        if self.ended:
            raise CameraError(self.ended)
        if self.take is not None and not self.take.finished.is_set():
            raise VideoError("A recording is already running.")
        take = Take(
            path,
            self.camera.width,
            self.camera.height,
            self.camera.fps,
            self.audio_format,
            clock=clock,
            seconds=seconds,
        )
        with self._lock:
            self._skipped_seen = self.camera.dropped
            self.take = take
        return take

    def stop_take(self) -> TakeResult | None:
        """Stop and seal the running take (None if there was none)."""
        take = self.take
        if take is None:
            return None
        result = take.stop()
        with self._lock:
            self.take = None
        result.notes.extend(n for n in self.notes if n not in result.notes)
        return result

    def close(self) -> None:
        """Stop any take, then release the camera and microphone."""
        self.stop_take()
        self.camera.stop()
        if self.mic is not None:
            self.mic.stop()


def _ignore_audio(frame: Any, t: float) -> None:
    pass


def _ignore_video(frame: np.ndarray, t: float) -> None:
    pass


def open_session(
    camera: CameraInfo,
    mic: MicInfo | None = None,
    width: int = 1280,
    height: int = 720,
    fps: float = 30.0,
) -> CaptureSession:
    """Open the camera (raising CameraError) and the microphone (a failing microphone only
    leaves a note: the take is then recorded without sound)."""
    source = open_camera(camera, width, height, fps)
    mic_source: Source | None = None
    notes: list[str] = []
    if mic is not None:
        candidate = MicSource(mic)
        try:
            candidate.open()
            mic_source = candidate
        except CameraError as exc:
            notes.append(f"{exc} Recording without the microphone.")
    session = CaptureSession(source, mic_source)
    session.notes.extend(notes)
    return session


def record(
    output: Path | str,
    camera: CameraInfo,
    mic: MicInfo | None = None,
    seconds: float | None = None,
    clock: bool = True,
    width: int = 1280,
    height: int = 720,
    fps: float = 30.0,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    on_started: Any = None,
) -> TakeResult:
    """Record one take from `camera` until `seconds` have been captured, cancel (which here
    means Stop: the take is kept), Ctrl+C, or the camera stops. Returns the sealed take.

    on_started(take) is called once the first frame is in, e.g. to log the start.
    """
    session = open_session(camera, mic, width, height, fps)
    try:
        # the take exists before the first frame, so a file source is recorded from its start
        take = session.start_take(output, clock=clock, seconds=seconds)
        session.start()
        if not session.first_frame.wait(FIRST_FRAME_TIMEOUT_S) or (
            session.ended and take.t0 is None
        ):
            take.stop("camera_lost")
            raise CameraError(session.ended or "The camera sends no picture.")
        if on_started is not None:
            on_started(take)
        try:
            while not take.limit_reached.wait(0.1) and not take.finished.is_set():
                if cancel is not None and cancel.cancelled:
                    break
                if seconds:
                    progress(min(take.elapsed / seconds, 1.0), f"Recording {take.elapsed:.0f} s")
                else:
                    progress(0.0, f"Recording {take.elapsed:.0f} s")
        except KeyboardInterrupt:
            pass  # Ctrl+C is the CLI's Stop button: seal the take and keep it
        reason = "time_limit" if seconds and take.limit_reached.is_set() else "stopped"
        take.stop(reason)
        result = session.stop_take()
        assert result is not None
        if result.frames == 0:
            raise CameraError(session.ended or "The camera sent no picture; nothing was recorded.")
        progress(1.0, "Recording sealed")
        return result
    finally:
        session.close()
