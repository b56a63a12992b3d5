"""Re-encoding a clip to H.264/AAC MP4 with upright pixels: exact first and last frames,
an optional bitrate that fits a byte budget, and memory kept low on 4K sources.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path
from typing import Any

from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.media.video.probe import probe_video
from evidence_kit.media.video.reader import TOLERANCE_S, VideoReader

OUT_TB = Fraction(1, 90_000)


def scaled_size(w: int, h: int, fps: float, video_bps: int | None) -> tuple[int, int]:
    """Output size: the source size, shrunk only when the bitrate is too low for it."""
    scale = 1.0
    if video_bps is not None:
        max_pixels = video_bps / (max(fps, 1.0) * 0.06)  # keep ≥ ~0.06 bits per pixel
        scale = min(1.0, math.sqrt(max_pixels / max(w * h, 1)))
    sw = max(64, int(w * scale) // 2 * 2)
    sh = max(64, int(h * scale) // 2 * 2)
    return min(sw, w // 2 * 2), min(sh, h // 2 * 2)


def encode_clip(
    src: Path,
    start: float,
    end: float,
    tmp: Path,
    video_bps: int | None,
    creation: str | None,
    progress: ProgressFn,
    cancel: CancelToken | None,
) -> tuple[float, tuple[int, int]]:
    """Re-encode [start, end) to H.264/AAC with upright pixels; return (real end, size)."""
    import av

    info = probe_video(src)
    big = info.width * info.height > 1920 * 1088
    # above 1080p, frame threads in the decoder and x264 would pass the 600 MB budget
    with VideoReader(src, threads=not big) as rd, av.open(str(tmp), "w", format="mp4") as out:
        if creation:
            out.metadata["creation_time"] = creation
        w, h = scaled_size(info.width, info.height, info.fps, video_bps)
        rate = Fraction(round(info.fps or 30)) if info.fps else Fraction(30)
        opts = {"preset": "veryfast"}
        if big:
            opts["x264-params"] = "threads=1:rc-lookahead=3:sync-lookahead=0:bframes=1"
        if video_bps is None:
            opts["crf"] = "18"
        vout = out.add_stream("libx264", rate=rate, options=opts)
        vout.width, vout.height, vout.pix_fmt = w, h, "yuv420p"
        vout.codec_context.time_base = OUT_TB
        if video_bps is not None:
            vout.codec_context.bit_rate = video_bps
            vout.codec_context.options = {**opts, "maxrate": str(int(video_bps * 1.3)),
                                          "bufsize": str(int(video_bps * 2))}  # fmt: skip
        audio = AudioCut(src, rd.first_pts * rd.time_base, start, end, out, video_bps)
        last_end = start
        prev_pts = -1
        for decoded in rd.frames_between(start, end):
            if cancel is not None:
                cancel.check()
            if decoded.pts_s >= end - TOLERANCE_S and decoded.pts_s > start:
                break
            rgb = rd.to_rgb(decoded) if info.rotation else None
            if rgb is not None:
                frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            else:
                frame = decoded.frame
            if (frame.width, frame.height) != (w, h) or frame.format.name != "yuv420p":
                frame = frame.reformat(width=w, height=h, format="yuv420p")
            pts = int(round((decoded.pts_s - start) / OUT_TB))
            if pts <= prev_pts:
                continue
            prev_pts = pts
            frame.pts, frame.time_base = pts, OUT_TB
            frame.pict_type = av.video.frame.PictureType.NONE
            for packet in vout.encode(frame):
                out.mux(packet)
            last_end = decoded.pts_s + (1.0 / info.fps if info.fps else 0.033)
            progress((decoded.pts_s - start) / max(end - start, 1e-3), "Encoding the clip")
        for packet in vout.encode():
            out.mux(packet)
        audio.run(min(last_end, end), cancel)
    progress(1.0, "Clip encoded")
    return last_end, (w, h)


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
            if not probe.streams.audio:
                return
            ain = probe.streams.audio[0]
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
            ain = inp.streams.audio[0]
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
