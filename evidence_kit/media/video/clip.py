"""Cut [start, end) of a video into a new MP4 that browsers, phones and upload forms play:
a stream copy (original bits kept) when the cut starts on a keyframe and the source already
is H.264 or HEVC with AAC sound; otherwise (or to fit --max-mb) an H.264/AAC re-encode.

Every clip has its index at the front (faststart) and HEVC is tagged `hvc1` (Apple refuses
`hev1`). A copy shows exactly the frames a re-encode would: the references it must keep
beyond `end` are hidden by the edit list (mp4box). Clips never carry the source's
container metadata (GPS/location atoms, device names): only the picture, the sound and
the display matrix survive, plus creation_time if asked. A video's masks (masks.py) shown
anywhere in the clip force a re-encode, with the boxes burned in.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evidence_kit.core.errors import (
    InvalidValueError,
    TimeRangeError,
    VideoError,
    describe_os_error,
)
from evidence_kit.core.tasks import CancelToken, ProgressFn, Steps, no_progress
from evidence_kit.media.video.caption import frame_clock_iso
from evidence_kit.media.video.encode import MP4_OPTIONS, encode_clip
from evidence_kit.media.video.masks import Mask, any_between
from evidence_kit.media.video.mp4box import end_presentation
from evidence_kit.media.video.probe import pick_audio_stream
from evidence_kit.media.video.reader import TOLERANCE_S, VideoReader

MB = 1_000_000  # upload forms count decimal megabytes; the smaller unit is the safe one
MIN_VIDEO_BPS = 60_000
#: what browsers play from an MP4 without a re-encode: codec -> pixel formats
COPY_VIDEO = {"h264": {"yuv420p", "yuvj420p"}, "hevc": {"yuv420p", "yuvj420p", "yuv420p10le"}}
COPY_AUDIO = {"aac"}
MP4_TAGS = {"h264": "avc1", "hevc": "hvc1"}


@dataclass
class ClipResult:
    """The written clip, its real start/end in the source (s), and how it was made."""

    path: Path
    start_s: float
    end_s: float
    stream_copy: bool
    bytes: int
    width: int = 0
    height: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {
            "path": str(self.path),
            "start_s": self.start_s,
            "end_s": self.end_s,
            "stream_copy": self.stream_copy,
            "bytes": self.bytes,
            "width": self.width,
            "height": self.height,
        }


def _check(start_s: float, end_s: float, max_mb: float | None, rd: VideoReader) -> None:
    rd.check_time(start_s)
    if end_s > rd.end_s + 0.1:  # a tenth of a second of slack for a typed end time
        rd.check_time(end_s)
    if end_s - start_s < 0.05:
        raise TimeRangeError(f"the clip must end after it starts ({start_s} → {end_s})")
    if max_mb is not None and not 0.05 <= max_mb <= 100_000:
        raise InvalidValueError(f"--max-mb must be between 0.05 and 100000, not {max_mb}")


def cut_clip(
    src: Path | str,
    start_s: float,
    end_s: float,
    out: Path | str,
    *,
    max_mb: float | None = None,
    keep_metadata: bool = False,
    allow_copy: bool = True,
    masks: list[Mask] | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> ClipResult:
    """Write the clip to `out` (MP4). See the module docstring for what it keeps;
    allow_copy=False always re-encodes, and so does a mask (masks.py) shown in the clip."""
    from evidence_kit.media.video.files import check_out_dir

    src, out = Path(src), Path(out)
    if out.suffix.lower() not in (".mp4", ".m4v", ".mov"):
        raise InvalidValueError(f"a clip is written as .mp4, not '{out.suffix}'")
    # one thread: this reader decodes at most one GOP here, and a 4K re-encode reuses it
    # (one decoder open at a time keeps a 4K job under the 600 MB budget)
    rd = VideoReader(src, threads=False)
    tmp: Path | None = None
    try:
        _check(start_s, end_s, max_mb, rd)
        end_s = min(end_s, rd.end_s + 1.0)
        check_out_dir(out.parent)
        first = rd.frame_at(start_s)
        start, on_key = first.pts_s, first.key
        del first  # a 4K frame: not kept through the encode
        info = rd.info
        creation = frame_clock_iso(info, start) if keep_metadata else None
        tmp = _temp_path(out)
        # a stream copy keeps the original bits, but is pointless when the clip's share of
        # the file is clearly over the budget: go straight to the re-encode
        share = (end_s - start) / max(info.duration_s, 1e-6)
        too_big = max_mb is not None and src.stat().st_size * share > 1.2 * max_mb * MB
        masks = [m for m in masks or [] if any_between([m], start, end_s)]
        if allow_copy and on_key and browser_plays(rd) and not too_big and not masks:
            try:
                real_end = _stream_copy(rd, start, end_s, tmp, creation, progress, cancel)
                if max_mb is None or tmp.stat().st_size <= max_mb * MB:
                    return _finish(tmp, out, start, real_end, True, info.width, info.height)
            except VideoError:
                pass  # a stream the MP4 muxer refuses after all: re-encode instead
            rd.forget()  # the copy moved the demuxer
            tmp.unlink(missing_ok=True)  # start afresh
        return _reencode(rd, start, end_s, tmp, out, max_mb, creation, masks, progress, cancel)
    finally:
        rd.close()
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def _reencode(
    rd: VideoReader,
    start: float,
    end: float,
    tmp: Path,
    out: Path,
    max_mb: float | None,
    creation: str | None,
    masks: list[Mask],
    progress: ProgressFn,
    cancel: CancelToken | None,
) -> ClipResult:
    """Re-encode [start, end) into tmp, at a bitrate that fits max_mb when given, and
    move it to out."""
    steps = Steps(progress)
    if max_mb is None:
        real_end, size = encode_clip(
            rd, start, end, tmp, None, creation, steps.sub(1, 2), cancel, masks
        )
        return _finish(tmp, out, start, real_end, False, *size)
    budget = max_mb * MB
    video_bps = _video_budget(budget, end - start, rd.info.has_audio)
    for attempt in range(4):
        real_end, size = encode_clip(
            rd, start, end, tmp, video_bps, creation, steps.sub(1, 2), cancel, masks
        )
        got = tmp.stat().st_size
        if got <= budget:
            return _finish(tmp, out, start, real_end, False, *size)
        video_bps = int(video_bps * 0.9 * budget / got)
        if video_bps < MIN_VIDEO_BPS or attempt == 3:
            break
    raise VideoError(
        f"A clip of {end - start:.1f} s does not fit in {max_mb:g} MB; "
        "shorten the clip or allow more MB."
    )


def _temp_path(out: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=".clip.", suffix=".mp4", dir=out.parent)
    except OSError as exc:
        raise describe_os_error(exc, out) from exc
    os.close(fd)
    return Path(name)


def _finish(
    tmp: Path, out: Path, start: float, end: float, copy: bool, w: int, h: int
) -> ClipResult:
    try:
        end_presentation(tmp, b"vide", end - start)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a clip is an ordinary file
        os.replace(tmp, out)
    except OSError as exc:
        raise describe_os_error(exc, out) from exc
    return ClipResult(out, round(start, 6), round(end, 6), copy, out.stat().st_size, w, h)


def browser_plays(rd: VideoReader) -> bool:
    """Whether the source's picture and sound can go into an MP4 as they are."""
    ctx = rd.stream.codec_context
    if ctx.format is None or ctx.format.name not in COPY_VIDEO.get(ctx.name, ()):
        return False
    audio = pick_audio_stream(rd.container)
    return audio is None or audio.codec_context.name in COPY_AUDIO


def _video_budget(budget_bytes: float, seconds: float, has_audio: bool) -> int:
    total_bps = budget_bytes * 8 * 0.94 / max(seconds, 0.1)  # ~6% for the MP4 container
    audio_bps = (96_000 if total_bps > 600_000 else 48_000) if has_audio else 0
    video_bps = int(total_bps - audio_bps)
    if video_bps < MIN_VIDEO_BPS:
        raise VideoError(
            f"{seconds:.1f} s of video cannot fit in {budget_bytes / MB:g} MB; "
            "shorten the clip or allow more MB."
        )
    return video_bps


# --- stream copy -----------------------------------------------------------------------------


def _stream_copy(
    rd: VideoReader,
    start: float,
    end: float,
    tmp: Path,
    creation: str | None,
    progress: ProgressFn,
    cancel: CancelToken | None,
) -> float:
    """Copy packets from the keyframe at `start` to `end`; return the real end (s): `end`,
    or where the video stops before it.

    Times are compared as integers in each stream's time base: this loop sees every
    packet of a long clip, and Fraction arithmetic would dominate it.
    """
    import av

    inp, vin = rd.container, rd.stream
    ain = pick_audio_stream(inp)
    vtb = float(vin.time_base)
    first_pts = rd.first_pts
    v_off = first_pts + int(round(start / vtb))
    v_end = first_pts + int(round((end - TOLERANCE_S) / vtb))
    v_stop = first_pts + int(round((end + 0.5) / vtb))  # decode order runs a little ahead
    span = max(v_end - v_off, 1)
    try:
        out = av.open(str(tmp), "w", format="mp4", options=MP4_OPTIONS)
    except (av.error.FFmpegError, OSError) as exc:
        raise describe_os_error(OSError(str(exc)), tmp) from exc
    next_pts: int | None = None  # the first frame shown at or after `end`
    try:
        if creation:
            out.metadata["creation_time"] = creation
        # opaque: the packets are muxed as they are; no encoder is opened (x265 would
        # print its banner for nothing)
        vout = out.add_stream_from_template(vin, opaque=True)
        vout.codec_context.codec_tag = MP4_TAGS[vin.codec_context.name]
        vout.metadata.clear()
        aout = None
        a_off = a_end = 0
        if ain is not None:
            aout = out.add_stream_from_template(ain, opaque=True)
            aout.metadata.clear()
            atb = float(ain.time_base)
            a_off = int(round((first_pts * vtb + start) / atb))
            a_end = int(round((first_pts * vtb + end) / atb))
        inp.seek(v_off, stream=vin, backward=True, any_frame=False)
        pending: list[Any] = []  # packets past `end` that later ones may refer to
        video_done = False
        audio_done = ain is None
        count = 0
        for packet in inp.demux(*[s for s in (vin, ain) if s is not None]):
            pts = packet.pts
            if pts is None or packet.size == 0:
                continue
            if packet.stream is vin:
                if video_done or pts < v_off:
                    continue  # pts < v_off: open-GOP leading pictures before the keyframe
                dts = packet.dts if packet.dts is not None else pts
                if dts >= v_stop:
                    video_done = True
                    continue
                _shift(packet, v_off, vout)
                if pts >= v_end:
                    next_pts = pts if next_pts is None else min(next_pts, pts)
                    pending.append(packet)
                    continue
                for held in pending:  # a frame before `end` refers to these: keep them,
                    out.mux(held)  # and the edit list hides them (see _finish)
                pending.clear()
                out.mux(packet)
                count += 1
                if count % 64 == 0:
                    if cancel is not None:
                        cancel.check()
                    progress((pts - v_off) / span, "Copying the clip")
            elif aout is not None:
                if pts >= a_end:
                    audio_done = True
                elif pts >= a_off:
                    _shift(packet, a_off, aout)
                    out.mux(packet)
            if video_done and audio_done:
                break
    except av.error.FFmpegError as exc:
        raise VideoError(f"stream copy failed: {exc}") from exc
    finally:
        out.close()
    progress(1.0, "Clip copied")
    if next_pts is None:  # the video ends before `end`
        return min(end, rd.video_end_s)
    return min(end, (next_pts - first_pts) * vtb)


def _shift(packet: Any, offset: int, stream: Any) -> None:
    packet.pts -= offset
    if packet.dts is not None:
        packet.dts -= offset
    packet.stream = stream
