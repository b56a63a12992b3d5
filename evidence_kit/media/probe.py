"""Video facts from the container (PyAV): duration, display size, rotation, fps, VFR,
codecs, audio and creation time.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from evidence_kit.core.errors import CorruptMediaError, UnreadableFileError, UnsupportedMediaError


@dataclass
class VideoInfo:
    """What `probe` reports (DESIGN §6)."""

    duration_s: float
    width: int  # display width, after rotation
    height: int  # display height, after rotation
    rotation: int  # clockwise degrees to make the picture upright: 0, 90, 180, 270
    fps: float
    variable_frame_rate: bool
    video_codec: str
    has_audio: bool
    audio_codec: str | None
    creation_time: str | None
    coded_width: int
    coded_height: int
    frame_count: int | None
    sha256: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)


def _open(path: Path) -> Any:
    import av

    if not path.exists():
        raise UnreadableFileError(f"{path} does not exist.")
    if path.stat().st_size == 0:
        raise CorruptMediaError(f"{path.name} is empty (0 bytes).")
    try:
        return av.open(str(path), metadata_errors="ignore")
    except av.error.InvalidDataError as exc:
        raise CorruptMediaError(
            f"{path.name} cannot be read as a video (damaged, or truncated before its index)."
        ) from exc
    except (av.error.FFmpegError, OSError) as exc:
        raise CorruptMediaError(f"{path.name} cannot be opened as a video: {exc}") from exc


def _creation_time(container: Any, stream: Any) -> str | None:
    for meta in (container.metadata, stream.metadata):
        value = meta.get("creation_time")
        if value and not value.startswith("1970-01-01") and not value.startswith("1904-01-01"):
            return value.replace(".000000Z", "Z")
    return None


def _rotation(stream: Any, first_frame: Any | None) -> int:
    """Clockwise degrees to apply so the picture is upright."""
    raw: float | None = None
    if first_frame is not None and getattr(first_frame, "rotation", None) is not None:
        # PyAV reports the display matrix angle counter-clockwise
        raw = -float(first_frame.rotation)
    elif "rotate" in stream.metadata:
        try:
            raw = float(stream.metadata["rotate"])
        except ValueError:
            raw = None
    if raw is None:
        return 0
    return int(round(raw / 90.0)) * 90 % 360


def probe_video(path: Path | str) -> VideoInfo:
    """Open a video and report its facts. Raises named errors for anything unusable."""
    import av

    path = Path(path)
    container = _open(path)
    try:
        if not container.streams.video:
            kind = "an audio-only file" if container.streams.audio else "not a video"
            raise UnsupportedMediaError(f"{path.name} is {kind}; there is no picture to use.")
        stream = container.streams.video[0]
        audio = container.streams.audio[0] if container.streams.audio else None
        first = None
        try:
            for frame in container.decode(stream):
                first = frame
                break
        except av.error.FFmpegError as exc:
            raise CorruptMediaError(f"{path.name}: no picture could be decoded ({exc}).") from exc
        if first is None:
            raise CorruptMediaError(f"{path.name} has a video track but no decodable frame.")
        rotation = _rotation(stream, first)
        duration = 0.0
        if container.duration:
            duration = container.duration / 1_000_000
        elif stream.duration and stream.time_base:
            duration = float(stream.duration * stream.time_base)
        avg = stream.average_rate or stream.guessed_rate or Fraction(0)
        fps = float(avg) if avg else 0.0
        base = stream.base_rate or stream.guessed_rate
        # r_frame_rate (base_rate) is the lowest common rate; an average far from it means VFR
        vfr = bool(avg and base and abs(float(base) - float(avg)) / float(avg) > 0.01)
        w, h = stream.codec_context.width, stream.codec_context.height
        dw, dh = (h, w) if rotation in (90, 270) else (w, h)
        return VideoInfo(
            duration_s=round(duration, 6),
            width=dw,
            height=dh,
            rotation=rotation,
            fps=round(fps, 3),
            variable_frame_rate=vfr,
            video_codec=stream.codec_context.name,
            has_audio=audio is not None,
            audio_codec=audio.codec_context.name if audio is not None else None,
            creation_time=_creation_time(container, stream),
            coded_width=w,
            coded_height=h,
            frame_count=stream.frames or None,
        )
    finally:
        container.close()
