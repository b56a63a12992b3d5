"""The capture session: an open camera (and maybe a microphone), its live preview, and at
most one `Take` at a time; `record` is the whole job for the CLI.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from evidence_kit.core.errors import CameraError, VideoError
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress
from evidence_kit.media.record.camera import (
    CameraInfo,
    FileSource,
    MicInfo,
    MicSource,
    Source,
    open_camera,
)
from evidence_kit.media.record.overlay import ClockOverlay
from evidence_kit.media.record.take import Take, TakeResult

FIRST_FRAME_TIMEOUT_S = 10.0


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
        if isinstance(camera, FileSource):
            camera.on_pass_end = self._on_file_end

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

    def _on_file_end(self, message: str) -> None:
        """A looping file reached its end: a take ends there, the preview plays on."""
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

        def begin() -> None:
            with self._lock:
                self._skipped_seen = self.camera.dropped
                if not take.finished.is_set():  # not stopped while the file was rewinding
                    self.take = take

        camera = self.camera
        if isinstance(camera, FileSource) and camera.loop:
            camera.rewind(then=begin)  # a file played as a camera is recorded from its start
        else:
            begin()
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
    loop_file: bool = False,
) -> CaptureSession:
    """Open the camera (raising CameraError) and the microphone (a failing microphone only
    leaves a note: the take is then recorded without sound). With `loop_file` a video file
    played as a camera starts again at its end, and each take records it from its start."""
    source = open_camera(camera, width, height, fps, loop_file=loop_file)
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
    on_started: Callable[[Take], None] | None = None,
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
