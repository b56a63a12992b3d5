"""Re-encoding a clip to H.264/AAC MP4 as the source is shown: its colours (HDR tone-mapped
to SDR BT.709, and the clip tagged with what it holds), upright, square pixels, its masks
burned in; exact first and last frames; an optional bitrate that fits a byte budget; memory
kept low on 4K.
"""

from __future__ import annotations

import contextlib
import math
from fractions import Fraction
from pathlib import Path
from typing import Any

from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.media.video.mask_yuv import YuvMasker
from evidence_kit.media.video.masks import Mask
from evidence_kit.media.video.probe import pick_audio_stream
from evidence_kit.media.video.reader import BIG_PIXELS, TOLERANCE_S, VideoReader

OUT_TB = Fraction(1, 90_000)
MP4_OPTIONS = {"movflags": "+faststart"}  # the index first: plays while it downloads


def scaled_size(w: int, h: int, fps: float, video_bps: int | None) -> tuple[int, int]:
    """Output size: the source size, shrunk only when the bitrate is too low for it."""
    scale = 1.0
    if video_bps is not None:
        max_pixels = video_bps / (max(fps, 1.0) * 0.06)  # keep ≥ ~0.06 bits per pixel
        scale = min(1.0, math.sqrt(max_pixels / max(w * h, 1)))
    sw = max(64, int(w * scale) // 2 * 2)
    sh = max(64, int(h * scale) // 2 * 2)
    return min(sw, w // 2 * 2), min(sh, h // 2 * 2)


def _x264_options(big: bool, video_bps: int | None) -> dict[str, str]:
    opts = {"preset": "veryfast"}
    if big:
        # above 1080p, x264's threads, lookahead, B-frames, extra references and sub-pixel
        # planes would pass the 600 MB budget beside a 4K decoder (measured: 420 MB for
        # x264 alone with a 3-frame lookahead, 180 MB like this)
        opts["preset"] = "ultrafast"
        opts["x264-params"] = "threads=1:rc-lookahead=0:sync-lookahead=0:bframes=0:ref=1:mbtree=0"
    if video_bps is None:
        opts["crf"] = "18"
    else:
        opts.update(maxrate=str(int(video_bps * 1.3)), bufsize=str(int(video_bps * 2)))
    return opts


def encode_clip(
    reader: VideoReader,
    start: float,
    end: float,
    tmp: Path,
    video_bps: int | None,
    creation: str | None,
    progress: ProgressFn,
    cancel: CancelToken | None,
    masks: list[Mask] | None = None,
) -> tuple[float, tuple[int, int]]:
    """Re-encode [start, end) as the viewer shows it, with `masks` (the video's, in its
    display pixels and clock) burned in; return (real end, size).

    The real end is `end`, or where the video stops before it. Up to 1080p a second
    reader decodes with frame threads (faster); above, the caller's single-threaded one
    is used, as frame threads hold frames each.
    """
    import av

    big = reader.info.width * reader.info.height > BIG_PIXELS
    with contextlib.ExitStack() as stack:
        rd = reader if big else stack.enter_context(VideoReader(reader.path, info=reader.info))
        out = stack.enter_context(av.open(str(tmp), "w", format="mp4", options=MP4_OPTIONS))
        info = rd.info
        if creation:
            out.metadata["creation_time"] = creation
        w, h = scaled_size(info.width, info.height, info.fps, video_bps)
        rate = Fraction(round(info.fps or 30)) if info.fps else Fraction(30)
        vout = out.add_stream("libx264", rate=rate, options=_x264_options(big, video_bps))
        vout.width, vout.height, vout.pix_fmt = w, h, "yuv420p"
        ctx = vout.codec_context
        ctx.time_base = OUT_TB
        tags = rd.picture.encoder_tags
        for name, value in tags.items():
            setattr(ctx, name, value)
        masker = YuvMasker(masks or [], info.width, tags.get("colorspace", 6))
        if video_bps is not None:
            ctx.bit_rate = video_bps
        audio = AudioCut(rd.path, rd.first_pts * rd.time_base, start, end, out, video_bps)
        real_end = min(end, rd.video_end_s)
        # each frame is encoded once the next one is known, so its packet can carry its
        # real duration: the muxer's last sample must last until the clip's end, even when
        # the phone held that picture longer than a frame interval
        held: Any = None
        durations: dict[int, int] = {}

        def send(frame: Any, until: int) -> None:
            durations[frame.pts] = until - frame.pts
            for packet in vout.encode(frame):
                packet.duration = durations.pop(packet.pts or 0, 0)
                out.mux(packet)

        for decoded in rd.frames_between(start, end):
            if cancel is not None:
                cancel.check()
            if decoded.pts_s >= end - TOLERANCE_S and decoded.pts_s > start:
                real_end = min(end, decoded.pts_s)  # the next frame: the clip stops here
                break
            pts = int(round((decoded.pts_s - start) / OUT_TB))
            if held is not None and pts <= held.pts:
                continue
            frame = rd.converter.convert(decoded.frame, w, h, "yuv420p")
            if masker:
                frame = masker.apply(frame, decoded.pts_s)
            frame.pts, frame.time_base = pts, OUT_TB
            frame.pict_type = av.video.frame.PictureType.NONE
            if held is not None:
                send(held, pts)
            held = frame
            progress((decoded.pts_s - start) / max(end - start, 1e-3), "Encoding the clip")
        if held is not None:
            send(held, max(int(round((real_end - start) / OUT_TB)), held.pts + 1))
        for packet in vout.encode():
            packet.duration = durations.pop(packet.pts or 0, 0)
            out.mux(packet)
        audio.run(real_end, cancel)
    progress(1.0, "Clip encoded")
    return real_end, (w, h)


class AudioCut:
    """Decodes the source's audio over [start, end) and re-encodes it to AAC."""

    def __init__(
        self, src: Path, first_s: Fraction, start: float, end: float, out: Any, budget: int | None
    ) -> None:
        import av

        self.src = src
        self.first_s = float(first_s)
        self.start = start
        self.stream = None
        with av.open(str(src)) as probe:
            ain = pick_audio_stream(probe)
            if ain is None:
                return
            self.rate = ain.codec_context.sample_rate or 48000
            layout = ain.codec_context.layout.name if ain.codec_context.layout else "stereo"
            self.layout = "mono" if layout == "mono" else "stereo"
        bitrate = 96_000 if budget is None or budget > 500_000 else 48_000
        self.stream = out.add_stream("aac", rate=self.rate, layout=self.layout)
        self.stream.codec_context.bit_rate = bitrate

    def run(self, end: float, cancel: CancelToken | None) -> None:
        """Decode, trim to [start, end) in the video's clock, encode, mux."""
        if self.stream is None:
            return
        import av

        resampler = av.AudioResampler(format="fltp", layout=self.layout, rate=self.rate)
        fifo = av.AudioFifo()
        lo = self.first_s + self.start
        hi = self.first_s + end
        with av.open(str(self.src)) as inp:
            ain = inp.streams[pick_audio_stream(inp).index]
            tb = float(ain.time_base or Fraction(1, self.rate))
            inp.seek(int(max(lo - 0.5, 0) / tb), stream=ain, backward=True)
            try:
                for frame in inp.decode(ain):
                    if cancel is not None:
                        cancel.check()
                    if frame.pts is None:
                        continue
                    t0 = frame.pts * tb
                    if t0 >= hi:
                        break
                    for rs in resampler.resample(frame):
                        self._push(fifo, rs, t0, lo, hi)
            except av.error.FFmpegError:
                pass  # a damaged tail: keep the sound we have
        samples = 0
        size = self.stream.codec_context.frame_size or 1024
        while fifo.samples:
            chunk = fifo.read(min(size, fifo.samples))
            if chunk is None:
                break
            chunk.pts = samples
            chunk.sample_rate = self.rate
            samples += chunk.samples
            for packet in self.stream.encode(chunk):
                self.stream.container.mux(packet)
        for packet in self.stream.encode():
            self.stream.container.mux(packet)

    def _push(self, fifo: Any, frame: Any, t0: float, lo: float, hi: float) -> None:
        import av

        arr = frame.to_ndarray()
        first = max(0, int(round((lo - t0) * self.rate)))
        last = min(arr.shape[1], int(round((hi - t0) * self.rate)))
        if last <= first:
            return
        part = av.AudioFrame.from_ndarray(
            arr[:, first:last].copy(), format="fltp", layout=self.layout
        )
        part.sample_rate = self.rate
        part.pts = None
        fifo.write(part)
