"""Video facts from the container (PyAV): which track is the film, duration, display size,
rotation and mirroring, pixel shape, colour, fps, VFR, codecs, audio, the recording clock,
and how much of a truncated file is readable.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from evidence_kit.core.errors import (
    CorruptMediaError,
    EmptyFileError,
    UnreadableFileError,
    UnsupportedMediaError,
)
from evidence_kit.media.video.colour import stream_colour
from evidence_kit.media.video.orientation import of_stream
from evidence_kit.media.video.picture import Picture, sar_of


@dataclass
class VideoInfo:
    """What `probe` reports (DESIGN §6)."""

    duration_s: float
    width: int  # display width: square pixels, after rotation
    height: int  # display height: square pixels, after rotation
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
    flip: str | None = None  # "horizontal" / "vertical": mirrored before the rotation
    sample_aspect_ratio: str | None = None  # "4:3" when pixels are not square
    hdr: str | None = None  # "hlg" or "pq": shown tone-mapped to SDR
    color_space: str = ""  # the YCbCr matrix the file declares ("" when it does not)
    color_range: str = "tv"  # "tv" (limited) or "pc" (full)
    clock_offset_s: float = 0.0  # when the first frame is shown, after the recording began
    creation_source: str | None = None  # the metadata key the creation time came from
    video_stream: int = 0  # the index of the film's track in the container
    picture: Picture = field(default_factory=Picture, repr=False, compare=False)
    keyframes_s: list[float] | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        data = asdict(self)
        del data["picture"], data["keyframes_s"]
        return data


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


#: metadata keys of the recording's start, best first: the phone's own local clock (with its
#: UTC offset) beats the container's UTC stamp, which loses the offset and the seconds' parts
CLOCK_KEYS = ("com.apple.quicktime.creationdate", "creation_time")
MOVIE_ZERO_FORMATS = ("mov", "matroska")  # timelines that start at 0 by definition


def _creation_time(container: Any, stream: Any) -> tuple[str | None, str | None]:
    """(ISO 8601 creation time, the key it came from), or (None, None)."""
    from datetime import datetime

    for key in CLOCK_KEYS:
        for meta in (container.metadata, stream.metadata):
            value = str(meta.get(key) or "").strip()
            if not value or value.startswith(("1970-01-01", "1904-01-01")):
                continue
            try:
                parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
            text = parsed.isoformat()
            if parsed.utcoffset() is not None and not parsed.utcoffset():
                text = text.replace("+00:00", "Z")
            return text.replace(".000000", ""), key
    return None, None


def _clock_offset(container: Any, first_s: float) -> float:
    """Seconds from the recording's start (the movie's time 0) to the first frame shown."""
    name = container.format.name
    zero = 0.0 if name.startswith(MOVIE_ZERO_FORMATS) else (container.start_time or 0) / 1e6
    return round(min(max(first_s - zero, 0.0), 3600.0), 6)


def pick_video_stream(container: Any) -> Any:
    """The film: the default video track, else the largest; never a cover picture."""
    candidates = [s for s in container.streams.video if not (_flags(s) & ATTACHED_PIC)]
    if not candidates:
        return None

    def score(s: Any) -> tuple[bool, int]:
        ctx = s.codec_context
        return bool(_flags(s) & DEFAULT), (ctx.width or 0) * (ctx.height or 0)

    return max(candidates, key=score)


def pick_audio_stream(container: Any) -> Any:
    """The default sound track, else the first one."""
    streams = list(container.streams.audio)
    defaults = [s for s in streams if _flags(s) & DEFAULT]
    return (defaults or streams or [None])[0]


DEFAULT, ATTACHED_PIC = 0x1, 0x400  # AV_DISPOSITION_*


def _flags(stream: Any) -> int:
    disposition = stream.disposition
    return int(getattr(disposition, "value", disposition) or 0)


def _tail(
    container: Any, stream: Any, size: int, first_pts: int
) -> tuple[float | None, bool, list[float] | None]:
    """(end of the last frame, truncated?, keyframe times) in seconds from the first frame.

    Containers disagree on what their duration counts (MP4 from the first frame, MKV from
    zero), so the end is read from the last packets themselves: seek to the last keyframe
    and walk the packets to EOF, without decoding. A file cut after its index still
    claims its full length, but those packets are missing or cut short. When the file
    gives no duration (a browser's live WebM) the walk covers it all, and the keyframe
    times it saw are kept, so nothing has to seek to find them again.
    """
    tb = stream.time_base
    if not tb:
        return None, False, None
    far = first_pts + int(((container.duration or 0) + abs(container.start_time or 0)) / 1e6 / tb)
    shown: list[tuple[int, int]] = []  # (pts, duration) of the packets that are displayed
    keys: list[int] = []
    try:
        container.seek(max(far, first_pts), stream=stream, backward=True, any_frame=False)
        for packet in container.demux(stream):
            if not packet.size or packet.pts is None:
                continue
            if packet.is_corrupt or (packet.pos is not None and packet.pos + packet.size > size):
                return _readable_end(container, stream, size, first_pts), True, None
            if not packet.is_discard:  # frames an edit list hides are not shown
                shown.append((packet.pts, packet.duration or 0))
                if packet.is_keyframe:
                    keys.append(packet.pts)
    except Exception:
        return _readable_end(container, stream, size, first_pts), True, None
    if not shown:  # the index promises packets the file no longer has
        return _readable_end(container, stream, size, first_pts), True, None
    whole = bool(keys) and min(p for p, _ in shown) <= first_pts  # the walk saw it all
    key_s = [float((k - first_pts) * tb) for k in sorted(keys)] if whole else None
    return float((_last_frame_end(container, stream, shown) - first_pts) * tb), False, key_s


def _last_frame_end(container: Any, stream: Any, shown: list[tuple[int, int]]) -> int:
    """Where the last frame stops being shown (stream time base).

    In MP4 a packet's duration is its decode-time step, which with B-frames and a variable
    rate is no frame's duration (a pause before a reference frame would count twice), so
    there the track's own end (its edit list) is used when it is sane. Elsewhere the
    duration belongs to the frame; without one, the last frame lasts as long as the one
    before it.
    """
    shown.sort()
    last, duration = shown[-1]
    step = last - shown[-2][0] if len(shown) > 1 else 0
    if container.format.name.startswith("mov") and stream.duration:
        track_end = (stream.start_time or 0) + stream.duration
        if last < track_end <= last + max(4 * step, int(2 / stream.time_base)):
            return int(track_end)
        return last + step
    return last + (duration or step)


def _readable_end(container: Any, stream: Any, size: int, first_pts: int) -> float:
    """Seconds (from the first frame) of a truncated file that can be read: the pts of
    the last frame the decoder gives, decoding on from the last intact keyframe."""
    tb = stream.time_base
    last_key = None
    try:
        container.seek(first_pts, stream=stream, backward=True, any_frame=False)
        for packet in container.demux(stream):
            if not packet.size or packet.is_corrupt or packet.pts is None:
                continue
            if packet.pos is not None and packet.pos + packet.size > size:
                break
            if packet.is_keyframe:
                last_key = packet.pts
    except Exception:
        pass
    if last_key is None:
        return 0.0
    from evidence_kit.media.video.reader import decode_from

    last = None
    for frame in decode_from(container, stream, last_key, size):
        if frame.pts is not None:
            last = frame.pts if last is None else max(last, frame.pts)
    return 0.0 if last is None else max(float((last - first_pts) * tb), 0.0)


def probe_container(container: Any, path: Path) -> VideoInfo:
    """Facts of an already opened container (the reader shares its handle)."""
    return probe_with_start(container, path)[0]


def probe_with_start(container: Any, path: Path) -> tuple[VideoInfo, int]:
    """Facts plus the first frame's pts (stream time base), from one decode."""
    import av

    stream = pick_video_stream(container)
    if stream is None:
        kind = "an audio-only file" if container.streams.audio else "not a video"
        raise UnsupportedMediaError(f"{path.name} is {kind}; there is no picture to use.")
    audio = pick_audio_stream(container)
    first = None
    try:
        for frame in container.decode(stream):
            first = frame
            break
    except av.error.FFmpegError as exc:
        raise CorruptMediaError(f"{path.name}: no picture could be decoded ({exc}).") from exc
    if first is None:
        raise CorruptMediaError(f"{path.name} has a video track but no decodable frame.")
    orientation = of_stream(stream, first)
    picture = Picture(stream_colour(stream.codec_context, first), orientation, sar_of(stream))
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
    dw, dh = picture.display_size(w, h)
    size = path.stat().st_size
    end, truncated, keyframes = _tail(container, stream, size, first_pts)
    readable = end if truncated else None
    if end is not None and not truncated and end > 0:
        duration = end
    container.seek(first_pts, stream=stream, backward=True, any_frame=False)
    if readable is not None and readable <= 0:
        raise CorruptMediaError(f"{path.name} is truncated: not even one second can be decoded.")
    creation, source = _creation_time(container, stream)
    colour = picture.colour
    info = VideoInfo(
        duration_s=round(max(duration, 0.0), 6),
        width=dw,
        height=dh,
        rotation=orientation.rotation,
        fps=round(fps, 3),
        variable_frame_rate=vfr,
        video_codec=stream.codec_context.name,
        has_audio=audio is not None,
        audio_codec=audio.codec_context.name if audio is not None else None,
        creation_time=creation,
        coded_width=w,
        coded_height=h,
        frame_count=stream.frames or None,
        container_format=container.format.name,
        bytes=size,
        truncated=truncated,
        readable_s=None if readable is None else round(readable, 3),
        flip=orientation.flip,
        sample_aspect_ratio=None
        if picture.sar == 1
        else f"{picture.sar.numerator}:{picture.sar.denominator}",
        hdr=colour.hdr,
        color_space=colour.matrix,
        color_range=colour.range_name,
        clock_offset_s=_clock_offset(container, start_s),
        creation_source=source,
        video_stream=stream.index,
        picture=picture,
        keyframes_s=keyframes,
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
