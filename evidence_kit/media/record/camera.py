"""Capture sources for the recorder: the list of cameras and microphones, a real camera
(OpenCV) and a microphone (PyAV's capture devices), and the source to open for a choice
(a video file played as a camera lives in file_source.py; the base class in source.py).
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evidence_kit.core.errors import CameraError
from evidence_kit.media.record.file_source import FileSource
from evidence_kit.media.record.source import (
    LATE_FRAMES,
    AudioSink,
    EndSink,
    Source,
    VideoSink,
    even,
)

__all__ = ["LATE_FRAMES", "AudioSink", "EndSink", "FileSource", "Source", "VideoSink"]

#: env var naming a video file that the GUI offers as a simulated camera (demos, tests)
SOURCE_ENV = "EVIDENCE_KIT_CAMERA_SOURCE"

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
        self.height, self.width = even(frame.shape[0]), even(frame.shape[1])
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
    camera: CameraInfo,
    width: int = 1280,
    height: int = 720,
    fps: float = 30.0,
    loop_file: bool = False,
) -> Source:
    """An opened source for a CameraInfo (a file plays at its own size; with `loop_file` it
    starts again at its end, as a camera preview never runs out)."""
    source: Source
    if camera.file:
        source = FileSource(camera.file, loop=loop_file)
    elif camera.index is not None:
        source = CameraSource(camera.index, width, height, fps)
    else:
        raise CameraError(NO_CAMERA)
    source.open()
    return source


def _cv2() -> Any:
    os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")  # "can't open camera" noise on stderr
    import cv2

    return cv2
