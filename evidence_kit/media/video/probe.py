"""Video facts from the container (PyAV): duration, display size, rotation, fps, VFR,
codecs, audio, creation time, and how much of a truncated file is readable.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from evidence_kit.core.errors import (
    CorruptMediaError,
    EmptyFileError,
    UnreadableFileError,
    UnsupportedMediaError,
)


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
    container_format: str = ""
    bytes: int = 0
    truncated: bool = False
    readable_s: float | None = None  # set when truncated: the part that can be decoded

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)


def open_container(path: Path) -> Any:
    """av.open with named errors for missing, empty and unreadable files."""
    import av

    if not path.exists():
        raise UnreadableFileError(f"{path} does not exist.")
    if not path.is_file():
        raise UnreadableFileError(f"{path} is not a file.")
    if path.stat().st_size == 0:
        raise EmptyFileError(f"{path.name} is empty (0 bytes).")
    try:
        return av.open(str(path), metadata_errors="ignore")
    except av.error.InvalidDataError as exc:
        raise CorruptMediaError(
            f"{path.name} cannot be read as a video (not a video, damaged, "
            "or truncated before its index)."
        ) from exc
    except PermissionError as exc:
        raise UnreadableFileError(f"No permission to read {path}.") from exc
    except (av.error.FFmpegError, OSError) as exc:
        raise CorruptMediaError(f"{path.name} cannot be opened as a video: {exc}") from exc


_open = open_container  # older name, kept for callers


def _creation_time(container: Any, stream: Any) -> str | None:
    for meta in (container.metadata, stream.metadata):
        value = meta.get("creation_time") or meta.get("com.apple.quicktime.creationdate")
        if value and not value.startswith("1970-01-01") and not value.startswith("1904-01-01"):
            return str(value).replace(".000000Z", "Z")
    return None


def _rotation(stream: Any, first_frame: Any | None) -> int:
    """Clockwise degrees to apply so the picture is upright.

    PyAV's `frame.rotation` is the display matrix angle, counter-clockwise (as
    av_display_rotation_get). A file tagged `rotate=90` by ffmpeg 5.1 carries a matrix of
    +90, which ffmpeg's own autorotation shows turned a quarter counter-clockwise: so the
    clockwise turn we apply is the negated angle. tests/media/test_video_probe.py checks
    this against ffmpeg's output with a marker in the top-left corner.
    """
    raw: float | None = None
    if first_frame is not None and getattr(first_frame, "rotation", None):
        raw = -float(first_frame.rotation)
    elif "rotate" in stream.metadata:
        # the legacy tag already means "turn clockwise by this much"
        try:
            raw = float(stream.metadata["rotate"])
        except ValueError:
            raw = None
    if raw is None:
        return 0
    return int(round(raw / 90.0)) * 90 % 360


def _tail(container: Any, stream: Any, size: int, first_pts: int) -> tuple[float | None, bool]:
    """(end of the last frame, truncated?) in seconds from the first frame.

    Containers disagree on what their duration counts (MP4 from the first frame, MKV from
    zero), so the end is read from the last packets themselves: seek to the last keyframe
    and walk the packets to EOF, without decoding. A file cut after its index still
    claims its full length, but those packets are missing or cut short.
    """
    tb = stream.time_base
    if not tb:
        return None, False
    far = first_pts + int(((container.duration or 0) + abs(container.start_time or 0)) / 1e6 / tb)
    end = None
    try:
        container.seek(max(far, first_pts), stream=stream, backward=True, any_frame=False)
        for packet in container.demux(stream):
            if not packet.size or packet.pts is None:
                continue
            if packet.is_corrupt or (packet.pos is not None and packet.pos + packet.size > size):
                end = None
                break
            until = packet.pts + (packet.duration or 0)
            end = until if end is None else max(end, until)
    except Exception:
        end = None
    if end is not None:
        return float((end - first_pts) * tb), False
    return _readable_end(container, stream, size, first_pts), True


def _readable_end(container: Any, stream: Any, size: int, first_pts: int) -> float:
    """Seconds (from the first frame) of a truncated file that can be read."""
    tb = stream.time_base
    last = None
    try:
        container.seek(first_pts, stream=stream, backward=True, any_frame=False)
        for packet in container.demux(stream):
            if not packet.size or packet.is_corrupt or packet.pts is None:
                continue
            if packet.pos is not None and packet.pos + packet.size > size:
                break
            last = packet.pts if last is None else max(last, packet.pts)
    except Exception:
        pass
    if last is None:
        return 0.0
    # the very last packet may be cut short: keep one frame of margin
    return max(float((last - first_pts) * tb) - 0.05, 0.0)


def probe_container(container: Any, path: Path) -> VideoInfo:
    """Facts of an already opened container (the reader shares its handle)."""
    return probe_with_start(container, path)[0]


def probe_with_start(container: Any, path: Path) -> tuple[VideoInfo, int]:
    """Facts plus the first frame's pts (stream time base), from one decode."""
    import av

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
    first_pts = first.pts or 0
    start_s = float(first_pts * stream.time_base) if stream.time_base else 0.0
    duration = 0.0
    if container.duration:
        # container duration runs from the container's start; ours from the first frame
        c_start = (container.start_time or 0) / 1_000_000
        duration = container.duration / 1_000_000 - max(start_s - c_start, 0.0)
    elif stream.duration and stream.time_base:
        duration = float(stream.duration * stream.time_base)
    avg = stream.average_rate or stream.guessed_rate or Fraction(0)
    fps = float(avg) if avg else 0.0
    base = stream.base_rate or stream.guessed_rate
    # r_frame_rate (base_rate) is the lowest common rate; an average far from it means VFR
    vfr = bool(avg and base and abs(float(base) - float(avg)) / float(avg) > 0.01)
    w, h = stream.codec_context.width, stream.codec_context.height
    dw, dh = (h, w) if rotation in (90, 270) else (w, h)
    size = path.stat().st_size
    end, truncated = _tail(container, stream, size, first_pts)
    readable = end if truncated else None
    if end is not None and not truncated and end > 0:
        duration = end
    container.seek(first_pts, stream=stream, backward=True, any_frame=False)
    if readable is not None and readable <= 0:
        raise CorruptMediaError(f"{path.name} is truncated: not even one second can be decoded.")
    info = VideoInfo(
        duration_s=round(max(duration, 0.0), 6),
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
        container_format=container.format.name,
        bytes=size,
        truncated=truncated,
        readable_s=None if readable is None else round(readable, 3),
    )
    return info, int(first_pts)


def probe_video(path: Path | str) -> VideoInfo:
    """Open a video and report its facts. Raises named errors for anything unusable."""
    path = Path(path)
    container = open_container(path)
    try:
        return probe_container(container, path)
    finally:
        container.close()
