"""The panel's decoder: one worker thread owns a VideoReader and turns requests (open,
seek, step, play) into upright QImages. The UI thread never decodes.

Requests coalesce: while a frame decodes, newer seeks replace older ones, so dragging the
timeline never queues up stale work.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.gui.base.qt_image import array_to_qimage


class FrameWorker(QObject):
    """Decodes on its own thread; signals arrive on the GUI thread (queued)."""

    opened = Signal(object)  # VideoInfo
    frame_ready = Signal(object, float)  # QImage, pts_s
    failed = Signal(str)
    playing_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cond = threading.Condition()
        self._open: Path | None = None
        self._request: tuple[str, float] | None = None  # ("seek", t) / ("step", ±1) / ("jump", dt)
        self._playing = False
        self._stop = False
        self.max_side = 1280
        self.reader: Any = None
        self.current_s = 0.0
        self.busy = False
        self._play_origin: tuple[float, float] | None = None  # (wall clock, pts) at play
        self._thread = threading.Thread(target=self._loop, name="video-decoder", daemon=True)
        self._thread.start()

    # --- requests (GUI thread) -------------------------------------------------------------

    def open(self, path: Path) -> None:
        """Open a new video (closing the previous one) and show its first frame."""
        with self._cond:
            self._open = Path(path)
            self._request = ("seek", 0.0)
            self._playing = False
            self._cond.notify()

    def seek(self, t: float) -> None:
        """Show the exact frame on screen at t (replaces any pending request)."""
        self._put(("seek", t))

    def step(self, frames: int) -> None:
        """One frame forward (+1) or back (-1)."""
        self._put(("step", float(frames)))

    def jump(self, seconds: float) -> None:
        """Move by a number of seconds from the current frame."""
        self._put(("jump", seconds))

    def set_playing(self, playing: bool) -> None:
        """Start or pause playback from the current frame."""
        with self._cond:
            self._playing = playing
            self._play_origin = None
            self._request = None
            self._cond.notify()
        self.playing_changed.emit(playing)

    @property
    def playing(self) -> bool:
        return self._playing

    def shutdown(self, timeout: float = 3.0) -> None:
        """Stop the thread and close the file (when the panel goes away)."""
        with self._cond:
            self._stop = True
            self._cond.notify()
        self._thread.join(timeout)

    def _put(self, request: tuple[str, float]) -> None:
        with self._cond:
            self._request = request
            self._playing = False
            self._play_origin = None
            self._cond.notify()

    # --- the worker thread -----------------------------------------------------------------

    def _loop(self) -> None:
        try:
            while True:
                with self._cond:
                    while not (self._stop or self._open or self._request or self._playing):
                        self._cond.wait()
                    if self._stop:
                        return
                    path, self._open = self._open, None
                    request, self._request = self._request, None
                    playing = self._playing
                self.busy = True
                try:
                    if path is not None:
                        self._do_open(path)
                    if self.reader is None:
                        continue
                    if request is not None:
                        self._do_request(*request)
                    elif playing:
                        self._play_tick()
                except EvidenceKitError as exc:
                    self._playing = False
                    self.failed.emit(str(exc))
                except Exception as exc:  # a decoder error must not kill the thread
                    self._playing = False
                    self.failed.emit(f"The video cannot be shown here: {exc}")
                finally:
                    self.busy = False
        finally:
            if self.reader is not None:
                self.reader.close()

    def _do_open(self, path: Path) -> None:
        from evidence_kit.media.video.reader import VideoReader

        if self.reader is not None:
            self.reader.close()
            self.reader = None
        self.reader = VideoReader(path)
        self.current_s = 0.0
        self.opened.emit(self.reader.info)

    def _emit(self, decoded: Any) -> None:
        self.current_s = decoded.pts_s
        image = array_to_qimage(self.reader.to_rgb(decoded, max_side=self.max_side))
        self.frame_ready.emit(image, decoded.pts_s)

    def _do_request(self, kind: str, value: float) -> None:
        rd = self.reader
        if kind == "seek":
            self._emit(rd.frame_at(min(max(value, 0.0), rd.end_s)))
        elif kind == "jump":
            self._emit(rd.frame_at(min(max(self.current_s + value, 0.0), rd.end_s)))
        elif kind == "step":
            if rd._last is None or abs(rd._last.pts_s - self.current_s) > 1e-6:  # noqa: SLF001
                rd.frame_at(self.current_s)
            self._emit(rd.step_forward() if value > 0 else rd.step_back())

    def _play_tick(self) -> None:
        """Show the frame due now; playback follows the wall clock, dropping late frames."""
        rd = self.reader
        with self._cond:
            if self._play_origin is None:
                self._play_origin = (time.monotonic(), self.current_s)
            wall0, pts0 = self._play_origin
        t = pts0 + time.monotonic() - wall0
        if t >= rd.end_s:
            self._emit(rd.frame_at(rd.end_s))
            self._play_origin = None
            self._playing = False
            self.playing_changed.emit(False)
            return
        decoded = rd.frame_at(t)
        if abs(decoded.pts_s - self.current_s) > 1e-6:
            self._emit(decoded)
        time.sleep(0.004)
