"""The video panel's sound: the file's own audio through Qt Multimedia (QAudioSink), fed with
PyAV-decoded PCM (media/video/sound_out.py) and kept in step with the picture's clock.

Sound plays while the picture plays forward at normal speed; faster, slower and backwards the
picture plays silent (the pitch would be wrong). Decoding runs on a thread of its own; the GUI
thread only copies ready chunks into the output every 20 ms. Where the output has drifted
from the picture by more than SLACK_S (the machine stalled), late sound is dropped and early
sound waits. The Linux download leaves Qt Multimedia out (packaging/freeze_rules.py): there
the picture plays silent, and `problem` says why.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer

from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.media.video.sound_out import Chunk, SoundFormat, SoundReader

logger = logging.getLogger(__name__)

SLACK_S = 0.08  # sound this far from the picture is pulled back
FEED_MS = 20
QUEUE_CHUNKS = 64  # about a second and a half of AAC frames decoded ahead


class Output(Protocol):
    """What the panel needs of an audio output (QAudioSink and its QIODevice)."""

    def bytes_free(self) -> int: ...
    def buffered_s(self) -> float: ...
    def write(self, pcm: bytes) -> int: ...
    def set_volume(self, volume: float) -> None: ...
    def stop(self) -> None: ...


OutputFactory = Callable[[SoundFormat], "Output | str"]  # an output, or why there is none


class _QtOutput:
    def __init__(self, sink: Any, io: Any, fmt: SoundFormat) -> None:
        self.sink, self.io, self.fmt = sink, io, fmt

    def bytes_free(self) -> int:
        return int(self.sink.bytesFree())

    def buffered_s(self) -> float:
        return (self.sink.bufferSize() - self.sink.bytesFree()) / self.fmt.bytes_per_second

    def write(self, pcm: bytes) -> int:
        return int(self.io.write(pcm))

    def set_volume(self, volume: float) -> None:
        self.sink.setVolume(volume)

    def stop(self) -> None:
        self.sink.stop()
        self.sink.deleteLater()


def qt_output(fmt: SoundFormat) -> Output | str:
    """The system's default sound output through Qt Multimedia, or why there is none."""
    qtm: Any = None
    # the Linux download has no Qt Multimedia; from source it is there on every system
    if not sys.platform.startswith("linux") or not getattr(sys, "frozen", False):
        try:
            import PySide6.QtMultimedia as qtm
        except ImportError:
            qtm = None
    if qtm is None:
        return "This build plays videos without sound."
    device = qtm.QMediaDevices.defaultAudioOutput()
    if device.isNull():
        return "No sound output was found on this computer."
    qfmt = qtm.QAudioFormat()
    qfmt.setSampleRate(fmt.rate)
    qfmt.setChannelCount(fmt.channels)
    qfmt.setSampleFormat(qtm.QAudioFormat.SampleFormat.Int16)
    if not device.isFormatSupported(qfmt):
        return "The sound output does not take this video's sound."
    sink = qtm.QAudioSink(device, qfmt)
    sink.setBufferSize(fmt.bytes_per_second // 4)
    io = sink.start()
    if io is None:
        sink.deleteLater()
        return "The sound output could not be opened."
    return _QtOutput(sink, io, fmt)


class PanelSound(QObject):
    """Plays the shown video's sound while its picture plays at 1x."""

    def __init__(self, parent: QObject | None = None, output: OutputFactory = qt_output) -> None:
        super().__init__(parent)
        self._make_output = output
        self.volume = 1.0
        self.muted = False
        self.problem = ""  # why the video plays silent, in words (empty when it has sound)
        self.position = 0.0  # where the sound written so far ends, on the picture's clock
        self._reader: SoundReader | None = None
        self._out: Output | None = None
        self._origin: tuple[float, float] = (0.0, 0.0)  # (wall clock, pts) of the picture
        self._chunks: queue.Queue[Chunk] = queue.Queue(QUEUE_CHUNKS)
        self._pending: Chunk | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(FEED_MS)
        self._timer.timeout.connect(self.feed)

    @property
    def playing(self) -> bool:
        return self._out is not None

    def set_source(self, reader: SoundReader | None) -> None:
        """The sound of the video now shown (None: none); the old one is closed."""
        self.stop()
        if self._reader is not None:
            self._reader.close()
        self._reader = reader
        self.problem = "" if reader is None or reader.format else "This video has no sound."

    def play(self, origin: tuple[float, float, float] | None) -> None:
        """Follow the picture's clock (wall, pts, speed); silent unless 1x forward."""
        self.stop()
        reader = self._reader
        if origin is None or reader is None or reader.format is None or origin[2] != 1.0:
            return
        out = self._make_output(reader.format)
        if isinstance(out, str):
            self.problem = out
            return
        self.problem = ""
        self._out = out
        out.set_volume(0.0 if self.muted else self.volume)
        wall0, pts0, _ = origin
        self._origin = (wall0, pts0)
        self._stop = threading.Event()
        self._chunks = queue.Queue(QUEUE_CHUNKS)
        at = pts0 + time.monotonic() - wall0
        self._thread = threading.Thread(
            target=_decode, args=(reader, at, self._chunks, self._stop), daemon=True
        )
        self._thread.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None
        if self._out is not None:
            self._out.stop()
            self._out = None
        self._pending = None

    def set_volume(self, volume: float, muted: bool) -> None:
        self.volume, self.muted = min(max(volume, 0.0), 1.0), muted
        if self._out is not None:
            self._out.set_volume(0.0 if muted else self.volume)

    def feed(self) -> None:
        """Copy the sound due next into the output, on the picture's clock."""
        out, reader = self._out, self._reader
        if out is None or reader is None or reader.format is None:
            return
        fmt = reader.format
        frame_bytes = fmt.channels * 2
        wall0, pts0 = self._origin
        # what is written now is heard once the output's buffer has played out
        heard_at = pts0 + time.monotonic() - wall0 + out.buffered_s()
        while (free := out.bytes_free() // frame_bytes * frame_bytes) > 0:
            chunk = self._pending or self._next()
            self._pending = None
            if chunk is None:
                return
            if chunk.t > heard_at + SLACK_S:  # early (the picture stalled): wait
                self._pending = chunk
                return
            late = heard_at - SLACK_S - chunk.t
            if late > 0:  # behind the picture: leave out what was due already
                chunk = _after(chunk, int(late * fmt.rate) * frame_bytes, fmt)
                if not chunk.pcm:
                    continue
            written = out.write(chunk.pcm[:free]) // frame_bytes * frame_bytes
            heard_at = self.position = chunk.t + written / fmt.bytes_per_second
            if written < len(chunk.pcm):
                self._pending = _after(chunk, written, fmt)
                return

    def _next(self) -> Chunk | None:
        try:
            return self._chunks.get_nowait()
        except queue.Empty:
            return None


def _after(chunk: Chunk, cut: int, fmt: SoundFormat) -> Chunk:
    """The chunk without its first `cut` bytes."""
    cut = min(cut, len(chunk.pcm))
    skipped = cut / fmt.bytes_per_second
    return Chunk(chunk.t + skipped, chunk.pcm[cut:], max(chunk.seconds - skipped, 0.0))


def _decode(reader: SoundReader, t: float, out: queue.Queue[Chunk], stop: threading.Event) -> None:
    """The decoding thread: chunks from t on, until stopped (a full queue waits)."""
    try:
        for chunk in reader.chunks(t):
            while not stop.is_set():
                try:
                    out.put(chunk, timeout=0.05)
                    break
                except queue.Full:
                    continue
            if stop.is_set():
                return
    except EvidenceKitError as exc:
        logger.warning("the video's sound stopped: %s", exc)
