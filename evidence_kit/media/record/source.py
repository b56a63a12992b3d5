"""The picture/sound source every recorder input is: a thread that hands frames to
callbacks, stamped on the `time.monotonic()` clock at the moment of capture. Video frames are
I420 (yuv420p) arrays of shape (height * 3 // 2, width), the format the H.264 encoder takes
without a conversion.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import numpy as np

logger = logging.getLogger("evidence_kit.media.record.camera")

VideoSink = Callable[[np.ndarray, float], None]  # (I420 frame, capture time on monotonic clock)
AudioSink = Callable[[Any, float], None]  # (av.AudioFrame, capture time of its first sample)
EndSink = Callable[[str], None]  # why the source stopped, in words for the shopper

#: a camera driver keeps about this many frames queued (V4L2 uses 4 buffers); a file
#: played as a camera skips a frame only when we are later than that for it
LATE_FRAMES = 4


class Source:
    """A picture source. `open()` raises CameraError; `start()` runs the capture thread."""

    name = "source"
    width = 0
    height = 0
    fps = 30.0
    audio_rate: int | None = None  # set when the source carries its own sound (a file)
    audio_layout: str | None = None

    def __init__(self) -> None:
        self.dropped = 0  # frames the source had to skip because we were late reading them
        self.delivered = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def open(self) -> None:
        """Acquire the device or file; raise CameraError if it is not there."""

    def start(self, on_video: VideoSink, on_audio: AudioSink, on_end: EndSink) -> None:
        """Run capture on a thread until stop(), end of source or loss of the device."""
        self._stop.clear()

        def run() -> None:
            reason = ""
            try:
                reason = self._run(on_video, on_audio)
            except Exception as exc:  # a capture thread must always report how it ended
                logger.exception("capture failed")
                reason = f"The camera failed: {exc}"
            finally:
                self._release()
            if not self._stop.is_set():
                on_end(reason or "The camera stopped.")

        self._thread = threading.Thread(target=run, name=f"capture-{self.name}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the capture thread and release the device."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)
        self._thread = None

    def _run(self, on_video: VideoSink, on_audio: AudioSink) -> str:
        raise NotImplementedError

    def _release(self) -> None:
        pass


def even(n: int) -> int:
    """A frame dimension the I420 encoder takes (even, at least 2)."""
    return max(2, int(n) - int(n) % 2)
