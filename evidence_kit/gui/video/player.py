"""The panel's decoder, on the task runner: open, seek, step, jump and play are "latest
request wins" requests for one key, answered with upright QImages. The UI thread never
decodes.

Requests coalesce: while a frame decodes, newer seeks replace older waiting ones, so dragging
the timeline paints frames as fast as they decode and ends on the newest, never on a stale
queue. Opening another video interrupts whatever runs, and so do pause and seek for playback,
which is one request that shows frames as they come due.

The VideoReader is the decoder's own state, not the case's: only this worker's requests touch
it, the runner never runs two of them at once, and a lock makes that explicit (and lets
shutdown() close the file after the running request). Relative moves (step, jump) count from
the decoder's own position, which every delivered frame shares with the GUI.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.tasks import CancelToken
from evidence_kit.gui.base.qt_image import array_to_qimage
from evidence_kit.gui.base.tasks import TaskRunner

if TYPE_CHECKING:
    from evidence_kit.media.video.probe import VideoInfo
    from evidence_kit.media.video.reader import DecodedFrame, VideoReader
    from evidence_kit.media.video.sound_out import SoundReader

    Opened = tuple[VideoInfo, QImage, float, SoundReader | None]


class _Decoder:
    """The open file; used by one FrameWorker's requests, one at a time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reader: VideoReader | None = None
        self.current_s = 0.0  # pts of the last frame handed out
        self.closed = False

    def open(self, path: Path, max_side: int) -> Opened:
        """The video's facts, its first frame, and its sound (None when it cannot be read:
        the picture plays silent)."""
        from evidence_kit.media.video.reader import VideoReader
        from evidence_kit.media.video.sound_out import SoundReader

        with self.lock:
            self._close_reader()
            if self.closed:
                raise EvidenceKitError("The player was closed.")
            self.reader = rd = VideoReader(path)
            self.current_s = 0.0
            image, pts = self._image(rd, rd.frame_at(0.0), max_side)
            try:
                sound: SoundReader | None = SoundReader(path, float(rd.first_pts * rd.time_base))
            except EvidenceKitError:
                sound = None
            return rd.info, image, pts, sound

    def frame(self, kind: str, value: float, max_side: int) -> tuple[QImage, float] | None:
        """("seek", t), ("jump", seconds) or ("step", ±1): the frame, or None when closed."""
        with self.lock:
            rd = self.reader
            if rd is None:
                return None
            if kind == "seek":
                decoded = rd.frame_at(min(max(value, 0.0), rd.end_s))
            elif kind == "jump":
                decoded = rd.frame_at(min(max(self.current_s + value, 0.0), rd.end_s))
            else:
                last = rd._last  # noqa: SLF001
                if last is None or abs(last.pts_s - self.current_s) > 1e-6:
                    rd.frame_at(self.current_s)
                decoded = rd.step_forward() if value > 0 else rd.step_back()
            return self._image(rd, decoded, max_side)

    def play(
        self,
        origin: tuple[float, float, float],
        max_side: int,
        cancel: CancelToken,
        show: Callable[[QImage, float], None],
    ) -> bool:
        """Hand each frame to `show` when the clock reaches it, until the end (True) or until
        cancelled (False). The clock runs at `speed` times the wall clock from (wall, pts),
        backwards when negative (J). Late frames are dropped: playback follows the clock."""
        wall0, pts0, speed = origin
        with self.lock:
            rd = self.reader
            while rd is not None and not cancel.cancelled:
                t = pts0 + (time.monotonic() - wall0) * speed
                if t >= rd.end_s or t <= 0.0 < -speed:
                    edge = rd.end_s if speed > 0 else 0.0
                    show(*self._image(rd, rd.frame_at(edge), max_side))
                    return True
                decoded = rd.frame_at(t)
                if abs(decoded.pts_s - self.current_s) > 1e-6:
                    show(*self._image(rd, decoded, max_side))
                else:
                    time.sleep(0.004)
            return rd is None

    def _image(self, rd: VideoReader, decoded: DecodedFrame, max_side: int) -> tuple[QImage, float]:
        self.current_s = decoded.pts_s
        return array_to_qimage(rd.to_rgb(decoded, max_side=max_side)), decoded.pts_s

    def _close_reader(self) -> None:
        if self.reader is not None:
            self.reader.close()
            self.reader = None

    def close(self, timeout: float) -> None:
        """Close the file once the running request is done (waits at most `timeout`)."""
        self.closed = True
        if self.lock.acquire(timeout=timeout):
            try:
                self._close_reader()
            finally:
                self.lock.release()


class FrameWorker(QObject):
    """Decodes on the task runner; its signals arrive on the GUI thread."""

    opened = Signal(object)  # VideoInfo
    sound_opened = Signal(object)  # SoundReader | None, before `opened`; the receiver owns it
    frame_ready = Signal(object, float)  # QImage, pts_s
    failed = Signal(str)
    playing_changed = Signal(bool)

    def __init__(self, runner: TaskRunner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # standalone use (the benchmark) gets a runner of its own
        self._own_runner = runner is None
        self.runner = runner if runner is not None else TaskRunner(self)
        self.max_side = 1280
        self._key = ("video-frames", id(self))
        self._decoder = _Decoder()
        self._ready = False  # a video is open and its first frame was delivered
        self._playing = False
        self.speed = 1.0  # playback rate; negative plays backwards
        self._play_origin: tuple[float, float, float] | None = None  # (wall, pts, speed)

    # --- requests (GUI thread) -------------------------------------------------------------

    def open(self, path: Path) -> None:
        """Open a new video (closing the previous one) and show its first frame."""
        self._halt(emit=False)
        self._ready = False
        decoder, max_side, path = self._decoder, self.max_side, Path(path)
        self.runner.latest(
            self._key,
            lambda progress, cancel: decoder.open(path, max_side),
            on_done=self._on_opened,
            on_error=self._on_error,
            discard=_close_sound,
            label="Opening the video",
        )

    def seek(self, t: float) -> None:
        """Show the exact frame on screen at t (replaces any waiting request)."""
        self._put("seek", t)

    def step(self, frames: int) -> None:
        """One frame forward (+1) or back (-1)."""
        self._put("step", float(frames))

    def jump(self, seconds: float) -> None:
        """Move by a number of seconds from the current frame."""
        self._put("jump", seconds)

    def set_playing(self, playing: bool) -> None:
        """Start or pause playback from the current frame."""
        if not self._ready:
            return
        if not playing:
            self._halt(emit=True)
        elif not self._playing:
            self._playing = True
            self._play_origin = (time.monotonic(), self._decoder.current_s, self.speed)
            self._tick()
            self.playing_changed.emit(True)

    def set_speed(self, speed: float) -> None:
        """Play at `speed` (negative: backwards); a playing video goes on from where it is."""
        if speed == self.speed:
            return
        self.speed = speed
        if self._playing and self._play_origin is not None:
            wall0, pts0, old = self._play_origin
            now = time.monotonic()
            self._play_origin = (now, pts0 + (now - wall0) * old, speed)
            self._tick()  # replaces the running request at its next frame

    @property
    def origin(self) -> tuple[float, float, float] | None:
        """The playing clock (wall time, pts, speed), for the sound to follow."""
        return self._play_origin if self._playing else None

    @property
    def playing(self) -> bool:
        return self._playing

    def shutdown(self, timeout: float = 3.0) -> None:
        """Stop and close the file (when the panel goes away)."""
        self._playing = False
        self._ready = False
        self.runner.cancel_latest(self._key)
        self._decoder.close(timeout)
        if self._own_runner:
            # nobody else waits for this runner: a request still finishing must not outlive
            # the interpreter (a shared runner is waited for by the window that owns it)
            self.runner.wait_all(int(timeout * 1000))

    def _put(self, kind: str, value: float) -> None:
        if not self._ready:
            return  # nothing open yet: the first frame comes with the opening
        self._halt(emit=True)
        decoder, max_side = self._decoder, self.max_side
        self.runner.latest(
            self._key,
            lambda progress, cancel: decoder.frame(kind, value, max_side),
            on_done=self._on_frame,
            on_error=self._on_error,
            label="Decoding a frame",
            interrupt=False,
        )

    def _halt(self, emit: bool) -> None:
        """A seek or an open stops playback."""
        if self._playing:
            self._playing = False
            self._play_origin = None
            self.runner.cancel_latest(self._key)  # ends the playing request at its next frame
            if emit:
                self.playing_changed.emit(False)

    def _tick(self) -> None:
        """Play: one request that shows frames as they come due, until paused or the end.
        Frames go out through frame_ready as they decode (a queued signal, as from any
        thread), so playback never waits for the GUI between frames."""
        if not self._playing or self._play_origin is None:
            return
        decoder, max_side, origin = self._decoder, self.max_side, self._play_origin
        show = self.frame_ready.emit
        self.runner.latest(
            self._key,
            lambda progress, cancel: decoder.play(origin, max_side, cancel, show),
            on_done=self._on_played,
            on_error=self._on_error,
            label="Playing",
        )

    # --- results (GUI thread) --------------------------------------------------------------

    def _on_opened(self, result: Opened) -> None:
        info, image, pts, sound = result
        self._ready = True
        self.sound_opened.emit(sound)
        self.opened.emit(info)
        self.frame_ready.emit(image, pts)

    def _on_frame(self, result: tuple[QImage, float] | None) -> None:
        if result is not None:
            self.frame_ready.emit(*result)

    def _on_played(self, ended: bool) -> None:
        if ended and self._playing:
            self._halt(emit=True)

    def _on_error(self, exc: Exception) -> None:
        self._halt(emit=True)
        if isinstance(exc, EvidenceKitError):
            self.failed.emit(str(exc))
        else:  # logged by the runner; the panel says it in words
            self.failed.emit(f"The video cannot be shown here: {exc}")


def _close_sound(opened: Opened) -> None:
    """An opening superseded by a newer one: its sound file is closed unseen."""
    if opened[3] is not None:
        opened[3].close()
