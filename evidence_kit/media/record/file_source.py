"""A video file played in real time as if it were a camera (`record --source FILE`, demos,
tests): its pictures shown as any player shows them (upright by the display matrix, square
pixels, real colours: the same conversion as grabs), and its own sound like a microphone.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from evidence_kit.core.errors import CameraError, MediaError, UnreadableFileError
from evidence_kit.media.record.source import (
    LATE_FRAMES,
    AudioSink,
    Source,
    VideoSink,
    even,
    logger,
)


class FileSource(Source):
    """A video file played in real time as a camera would deliver it.

    Frames are released at their presentation time on the wall clock, stamped with it as a
    camera driver stamps capture time; a frame we are more than LATE_FRAMES intervals late
    for is skipped and counted, as a camera overwrites a buffer nobody read. The file's own
    sound is delivered the same way, like a microphone. Pictures go through RGB into I420
    with BT.601, exactly as a camera's do (CameraSource), so a take is coded one way.

    With `loop` (the recorder's preview) the file starts again at its end, as a camera never
    runs out, and `on_pass_end` hears of each end; `rewind` starts it again at once (a take
    records the file from its first frame).
    """

    def __init__(
        self,
        path: Path | str,
        width: int | None = None,
        height: int | None = None,
        loop: bool = False,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.name = self.path.name
        self.loop = loop  # the recorder's preview: the file starts again, never "ends"
        self._want = (width, height)
        self._reader: Any = None
        self._rewind: Callable[[], None] | None = None
        self._rewind_lock = threading.Lock()
        self.on_pass_end: Callable[[str], None] | None = None

    def open(self) -> None:
        from evidence_kit.media.video.probe import pick_audio_stream
        from evidence_kit.media.video.reader import VideoReader

        if not self.path.is_file():
            raise UnreadableFileError(f"The source video {self.path} does not exist.")
        try:
            self._reader = VideoReader(self.path)
        except MediaError as exc:
            raise CameraError(f"{self.path.name} cannot be played as a camera: {exc}") from exc
        info = self._reader.info
        w, h = self._want
        self.width = even(w or info.width)
        self.height = even(h or info.height)
        self.fps = info.fps or 30.0
        audio = pick_audio_stream(self._reader.container)
        if audio is not None:
            self.audio_rate = audio.codec_context.sample_rate
            self.audio_layout = "mono" if audio.codec_context.channels == 1 else "stereo"

    def rewind(self, then: Callable[[], None]) -> None:
        """Play the file again from its first frame; `then()` runs on the capture thread just
        before that frame is delivered (a take starts there: nothing of the earlier pass, its
        picture or its sound, reaches it)."""
        with self._rewind_lock:
            self._rewind = then

    def _take_rewind(self) -> Callable[[], None] | None:
        with self._rewind_lock:
            then, self._rewind = self._rewind, None
            return then

    def _run(self, on_video: VideoSink, on_audio: AudioSink) -> str:
        import av

        ended = f"The source video {self.path.name} ended."
        then: Callable[[], None] | None = None
        try:
            while not self._stop.is_set():
                if not self._play_once(on_video, on_audio, then):
                    return ""  # stopped
                then = self._take_rewind()
                if then is None:  # the pass reached the end of the file
                    if not self.loop:
                        return ended
                    if self.on_pass_end is not None:
                        self.on_pass_end(ended)
        except av.error.FFmpegError as exc:
            return f"The source video {self.path.name} could not be read any further ({exc})."
        return ""

    def _play_once(
        self, on_video: VideoSink, on_audio: AudioSink, then: Callable[[], None] | None
    ) -> bool:
        """One pass through the file; False once stopped. A rewind ends the pass early."""
        # Sound is paced on its own thread with its own demuxer: decoding both in file order
        # would hold each picture back behind the sound interleaved after it.
        clock: dict[str, float] = {}
        started, done = threading.Event(), threading.Event()
        audio_thread = None
        if self.audio_rate:
            audio_thread = threading.Thread(
                target=self._run_audio, args=(on_audio, clock, started, done), daemon=True
            )
            audio_thread.start()
        late_limit = LATE_FRAMES / max(self.fps, 1.0)
        frames = self._reader.scan()
        try:
            for decoded in frames:
                if self._stop.is_set():
                    return False
                with self._rewind_lock:
                    if self._rewind is not None:
                        return True
                s = decoded.pts_s
                if not started.is_set():
                    # the clock starts at the first decoded picture, not at open: the
                    # decoder's start-up latency is not the camera's
                    clock.update(start=time.monotonic(), base=s)
                    if then is not None:
                        then()
                    started.set()
                due = clock["start"] + (s - clock["base"])
                wait = due - time.monotonic()
                if wait > 0 and self._stop.wait(wait):
                    return False
                if time.monotonic() - due > late_limit:
                    self.dropped += 1
                    continue
                on_video(self._to_i420(decoded.frame), due)
                self.delivered += 1
            return not self._stop.is_set()
        finally:
            frames.close()  # the reader forgets its position before the next pass seeks
            started.set()  # an audio thread still waiting for the clock must not hang
            done.set()
            if audio_thread is not None:
                audio_thread.join(timeout=2)

    def _run_audio(
        self,
        on_audio: AudioSink,
        clock: dict[str, float],
        started: threading.Event,
        done: threading.Event,
    ) -> None:
        import av

        from evidence_kit.media.video.probe import pick_audio_stream

        try:
            with av.open(str(self.path), metadata_errors="ignore") as container:
                stream = pick_audio_stream(container)
                base = self._reader.first_pts * self._reader.time_base
                for frame in container.decode(stream):
                    started.wait()
                    if self._stop.is_set() or done.is_set() or "start" not in clock:
                        return
                    if frame.pts is None or frame.time_base is None:
                        continue
                    # on the picture's clock: its first frame is t = 0
                    t = float(frame.pts * frame.time_base - base)
                    due = clock["start"] + (t - clock["base"])
                    wait = due - time.monotonic()
                    if wait > 0 and self._stop.wait(wait):
                        return
                    on_audio(frame, due)
        except av.error.FFmpegError as exc:
            logger.warning("the source's sound could not be read: %s", exc)

    def _to_i420(self, frame: Any) -> np.ndarray:
        import cv2

        rgb = self._reader.converter.convert(frame, self.width, self.height, "rgb24")
        return cv2.cvtColor(rgb.to_ndarray(), cv2.COLOR_RGB2YUV_I420)

    def _release(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
