"""Capture sources for the recorder: a real camera (OpenCV), a video file played in real time
as if it were a camera (`--source FILE`), and a microphone (PyAV's capture devices).

Every source runs its own thread and hands frames to callbacks, stamped on the
`time.monotonic()` clock at the moment of capture. Video frames are I420 (yuv420p) arrays of
shape (height * 3 // 2, width), the format the H.264 encoder takes without a conversion.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from evidence_kit.core.errors import CameraError, UnreadableFileError

logger = logging.getLogger(__name__)

#: env var naming a video file that the GUI offers as a simulated camera (demos, tests)
SOURCE_ENV = "EVIDENCE_KIT_CAMERA_SOURCE"

VideoSink = Callable[[np.ndarray, float], None]  # (I420 frame, capture time on monotonic clock)
AudioSink = Callable[[Any, float], None]  # (av.AudioFrame, capture time of its first sample)
EndSink = Callable[[str], None]  # why the source stopped, in words for the shopper

#: a camera driver keeps about this many frames queued (V4L2 uses 4 buffers); a file
#: played as a camera skips a frame only when we are later than that for it
LATE_FRAMES = 4

#: how long a camera may send nothing before we call it lost
CAMERA_SILENCE_S = 2.0

SYSFS_VIDEO = Path("/sys/class/video4linux")

NO_CAMERA = (
    "No camera was found. Connect a camera (or allow camera access), "
    "or import a video you recorded with your phone instead."
)


@dataclass(frozen=True)
class CameraInfo:
    """A camera the shopper can pick: an OpenCV index, or a file played as a camera."""

    name: str
    index: int | None = None
    file: str | None = None


@dataclass(frozen=True)
class MicInfo:
    """A microphone, as a PyAV (libavdevice) input format plus device name."""

    name: str
    fmt: str
    device: str


# --- listing -------------------------------------------------------------------------------


def list_cameras(probe_indices: int = 0, sysfs: Path = SYSFS_VIDEO) -> list[CameraInfo]:
    """Cameras by name. On Linux the names come from sysfs (no device is opened).

    Elsewhere OpenCV cannot name cameras, so up to `probe_indices` indices are opened to see
    which exist. A file named by $EVIDENCE_KIT_CAMERA_SOURCE is offered as a simulated camera.
    """
    found: list[CameraInfo] = []
    if sys.platform.startswith("linux"):
        if sysfs.is_dir():
            for dev in sorted(sysfs.glob("video*"), key=lambda p: int(p.name[5:] or 0)):
                index = int(dev.name[5:] or 0)
                # each USB camera exposes a capture node and a metadata node; index 0 of the
                # interface is the capture one
                if (dev / "index").exists() and (dev / "index").read_text().strip() not in (
                    "",
                    "0",
                ):
                    continue
                name = (dev / "name").read_text().strip() if (dev / "name").exists() else ""
                found.append(CameraInfo(name or f"Camera {index}", index=index))
    else:
        cv2 = _cv2()
        for index in range(probe_indices):
            cap = cv2.VideoCapture(index)
            if cap.isOpened():
                found.append(CameraInfo(f"Camera {index + 1}", index=index))
            cap.release()
    simulated = os.environ.get(SOURCE_ENV)
    if simulated and Path(simulated).is_file():
        found.append(CameraInfo(f"{Path(simulated).name} (video file as camera)", file=simulated))
    return found


def list_microphones() -> list[MicInfo]:
    """Microphones PyAV can open on this system (may be empty: then takes have no sound)."""
    import av

    formats = av.formats_available
    mics: list[MicInfo] = []
    if sys.platform.startswith("linux") and "alsa" in formats:
        cards = Path("/proc/asound/cards")
        text = cards.read_text() if cards.exists() else ""
        names = [line.split("]:", 1)[1].strip() for line in text.splitlines() if "]:" in line]
        if names:
            # "default" follows the desktop's choice (PulseAudio/PipeWire through ALSA)
            mics.append(MicInfo("System default microphone", "alsa", "default"))
            for n, name in enumerate(names):
                mics.append(MicInfo(name.split(" - ", 1)[-1], "alsa", f"plughw:{n}"))
    elif sys.platform == "darwin" and "avfoundation" in formats:
        mics.append(MicInfo("Default microphone", "avfoundation", ":0"))
    elif sys.platform == "win32" and "dshow" in formats:
        # dshow needs the device's exact name; the GUI supplies it from Qt's device list
        pass
    return mics


# --- sources -------------------------------------------------------------------------------


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


class FileSource(Source):
    """A video file played in real time as a camera would deliver it.

    Frames are released at their presentation time on the wall clock, stamped with it as a
    camera driver stamps capture time; a frame we are more than LATE_FRAMES intervals late
    for is skipped and counted, as a camera overwrites a buffer nobody read. The file's own sound is delivered the same way, like a microphone.
    """

    def __init__(
        self, path: Path | str, width: int | None = None, height: int | None = None
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.name = self.path.name
        self._want = (width, height)
        self._container: Any = None
        self._audio_done = threading.Event()

    def open(self) -> None:
        import av

        if not self.path.is_file():
            raise UnreadableFileError(f"The source video {self.path} does not exist.")
        try:
            self._container = av.open(str(self.path), metadata_errors="ignore")
        except (av.error.FFmpegError, OSError) as exc:
            raise CameraError(f"{self.path.name} cannot be played as a camera: {exc}") from exc
        if not self._container.streams.video:
            self._container.close()
            raise CameraError(f"{self.path.name} has no picture to play as a camera.")
        vs = self._container.streams.video[0]
        vs.thread_type = "AUTO"
        w, h = self._want
        self.width = _even(w or vs.codec_context.width)
        self.height = _even(h or vs.codec_context.height)
        rate = vs.average_rate or vs.guessed_rate
        self.fps = float(rate) if rate else 30.0
        if self._container.streams.audio:
            au = self._container.streams.audio[0]
            self.audio_rate = au.codec_context.sample_rate
            self.audio_layout = "mono" if au.codec_context.channels == 1 else "stereo"

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
        stream = self._container.streams.video[0]
        try:
            for frame in self._container.decode(stream):
                if self._stop.is_set():
                    return ""
                if frame.pts is None or frame.time_base is None:
                    continue
                s = float(frame.pts * frame.time_base)
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
                on_video(self._to_i420(frame), due)
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

        try:
            with av.open(str(self.path), metadata_errors="ignore") as container:
                stream = container.streams.audio[0]
                for frame in container.decode(stream):
                    started.wait()
                    if self._stop.is_set() or self._audio_done.is_set() or "start" not in clock:
                        return
                    if frame.pts is None or frame.time_base is None:
                        continue
                    due = clock["start"] + (float(frame.pts * frame.time_base) - clock["base"])
                    wait = due - time.monotonic()
                    if wait > 0 and self._stop.wait(wait):
                        return
                    on_audio(frame, due)
        except av.error.FFmpegError as exc:
            logger.warning("the source's sound could not be read: %s", exc)

    def _to_i420(self, frame: Any) -> np.ndarray:
        if frame.format.name != "yuv420p" or (frame.width, frame.height) != (
            self.width,
            self.height,
        ):
            frame = frame.reformat(width=self.width, height=self.height, format="yuv420p")
        return frame.to_ndarray(format="yuv420p")

    def _release(self) -> None:
        if self._container is not None:
            self._container.close()
            self._container = None


class CameraSource(Source):
    """A real camera through OpenCV's capture (V4L2, AVFoundation, Media Foundation)."""

    def __init__(self, index: int, width: int = 1280, height: int = 720, fps: float = 30.0) -> None:
        super().__init__()
        self.index = index
        self.name = f"camera {index}"
        self.width, self.height, self.fps = width, height, fps
        self._cap: Any = None

    def open(self) -> None:
        cv2 = _cv2()
        cap = cv2.VideoCapture(self.index)
        if not cap.isOpened():
            cap.release()
            raise CameraError(NO_CAMERA)
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        cap.set(cv2.CAP_PROP_FPS, self.fps)
        ok, frame = cap.read()
        if not ok or frame is None:
            cap.release()
            raise CameraError(
                f"Camera {self.index} is there but sends no picture (in use by another app?)."
            )
        self.height, self.width = _even(frame.shape[0]), _even(frame.shape[1])
        self.fps = float(cap.get(cv2.CAP_PROP_FPS) or self.fps) or 30.0
        self._cap = cap

    def _run(self, on_video: VideoSink, on_audio: AudioSink) -> str:
        cv2 = _cv2()
        last_ok = time.monotonic()
        while not self._stop.is_set():
            ok, bgr = self._cap.read()
            now = time.monotonic()
            if not ok or bgr is None:
                if now - last_ok > CAMERA_SILENCE_S:
                    return "The camera stopped sending pictures (unplugged?)."
                self._stop.wait(0.02)
                continue
            last_ok = now
            bgr = bgr[: self.height, : self.width]
            on_video(cv2.cvtColor(bgr, cv2.COLOR_BGR2YUV_I420), now)
            self.delivered += 1
        return ""

    def _release(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


class MicSource(Source):
    """A microphone read through PyAV's capture devices (ALSA, AVFoundation, DirectShow)."""

    def __init__(self, mic: MicInfo, rate: int = 48000) -> None:
        super().__init__()
        self.mic = mic
        self.name = mic.name
        self.audio_rate = rate
        self.audio_layout = "mono"
        self._container: Any = None

    def open(self) -> None:
        import av

        if self.mic.fmt == "alsa" and "ALSA_CONFIG_PATH" not in os.environ:
            # the ALSA library inside the PyAV wheel looks for its configuration under its own
            # build prefix; point it at the system's so "default" and card names resolve
            for conf in ("/usr/share/alsa/alsa.conf", "/etc/alsa/alsa.conf"):
                if Path(conf).is_file():
                    os.environ["ALSA_CONFIG_PATH"] = conf
                    break
        options = {"sample_rate": str(self.audio_rate), "channels": "1"}
        try:
            self._container = av.open(self.mic.device, format=self.mic.fmt, options=options)
        except (av.error.FFmpegError, OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise CameraError(
                f"The microphone '{self.mic.name}' cannot be opened ({reason})."
            ) from exc
        if not self._container.streams.audio:
            self._container.close()
            raise CameraError(f"The microphone '{self.mic.name}' delivers no sound.")
        ctx = self._container.streams.audio[0].codec_context
        self.audio_rate = ctx.sample_rate or self.audio_rate
        self.audio_layout = "mono" if ctx.channels == 1 else "stereo"

    def _run(self, on_video: VideoSink, on_audio: AudioSink) -> str:
        import av

        stream = self._container.streams.audio[0]
        try:
            for packet in self._container.demux(stream):
                if self._stop.is_set():
                    return ""
                for frame in packet.decode():
                    # the packet arrived when its last sample was captured
                    on_audio(frame, time.monotonic() - frame.samples / frame.sample_rate)
        except av.error.FFmpegError as exc:
            return f"The microphone stopped: {exc}"
        return "The microphone stopped."

    def _release(self) -> None:
        if self._container is not None:
            self._container.close()
            self._container = None


def open_camera(
    camera: CameraInfo, width: int = 1280, height: int = 720, fps: float = 30.0
) -> Source:
    """An opened source for a CameraInfo (a file plays at its own size unless asked)."""
    source: Source
    if camera.file:
        source = FileSource(camera.file)
    elif camera.index is not None:
        source = CameraSource(camera.index, width, height, fps)
    else:
        raise CameraError(NO_CAMERA)
    source.open()
    return source


def _even(n: int) -> int:
    return max(2, int(n) - int(n) % 2)


def _cv2() -> Any:
    os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")  # "can't open camera" noise on stderr
    import cv2

    return cv2
