"""A video file played in real time as if it were a camera (`record --source FILE`, demos,
tests): its pictures shown as any player shows them (upright by the display matrix, square
pixels, real colours: the same conversion as grabs), and its own sound like a microphone.
"""

from __future__ import annotations

import threading
import time
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
    """

    def __init__(
        self, path: Path | str, width: int | None = None, height: int | None = None
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.name = self.path.name
        self._want = (width, height)
        self._reader: Any = None
        self._audio_done = threading.Event()

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

    def _run(self, on_video: VideoSink, on_audio: AudioSink) -> str:
        import av

        # Sound is paced on its own thread with its own demuxer: decoding both in file order
        # would hold each picture back behind the sound interleaved after it.
        clock: dict[str, float] = {}
        started = threading.Event()
        audio_thread = None
        if self.audio_rate:
            audio_thread = threading.Thread(
                target=self._run_audio, args=(on_audio, clock, started), daemon=True
            )
            audio_thread.start()
        late_limit = LATE_FRAMES / max(self.fps, 1.0)
        rd = self._reader
        try:
            for decoded in rd.scan():
                if self._stop.is_set():
                    return ""
                s = decoded.pts_s
                if not started.is_set():
                    # the clock starts at the first decoded picture, not at open: the
                    # decoder's start-up latency is not the camera's
                    clock.update(start=time.monotonic(), base=s)
                    started.set()
                due = clock["start"] + (s - clock["base"])
                wait = due - time.monotonic()
                if wait > 0 and self._stop.wait(wait):
                    return ""
                if time.monotonic() - due > late_limit:
                    self.dropped += 1
                    continue
                on_video(self._to_i420(decoded.frame), due)
                self.delivered += 1
        except av.error.FFmpegError as exc:
            return f"The source video {self.path.name} could not be read any further ({exc})."
        finally:
            started.set()  # an audio thread still waiting for the clock must not hang
            if audio_thread is not None:
                self._audio_done.set()
                audio_thread.join(timeout=2)
        return f"The source video {self.path.name} ended."

    def _run_audio(
        self, on_audio: AudioSink, clock: dict[str, float], started: threading.Event
    ) -> None:
        import av

        from evidence_kit.media.video.probe import pick_audio_stream

        try:
            with av.open(str(self.path), metadata_errors="ignore") as container:
                stream = pick_audio_stream(container)
                base = self._reader.first_pts * self._reader.time_base
                for frame in container.decode(stream):
                    started.wait()
                    if self._stop.is_set() or self._audio_done.is_set() or "start" not in clock:
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
