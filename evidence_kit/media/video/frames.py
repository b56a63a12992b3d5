"""Frame-exact grabs: the frame on screen at each time, upright, with its real pts,
optionally the sharpest one nearby, saved as PNG/JPEG with the caption strip.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from evidence_kit.core.errors import (
    InvalidValueError,
)
from evidence_kit.core.hashing import sha256_bytes
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress
from evidence_kit.core.timecode import format_time
from evidence_kit.media.video.caption import add_caption, caption_text, frame_clock
from evidence_kit.media.video.files import check_out_dir, write_atomic
from evidence_kit.media.video.hashcache import BackgroundHash
from evidence_kit.media.video.reader import BIG_PIXELS, DecodedFrame, VideoReader

MAX_GRABS = 1000
MAX_SHARPEST_WINDOW_S = 10.0
FORMATS = {"png": ".png", "jpg": ".jpg", "jpeg": ".jpg"}


@dataclass
class GrabResult:
    """One saved frame: the time asked for, the frame's real time, and the file."""

    requested_s: float
    pts_s: float
    path: Path
    width: int = 0
    height: int = 0
    sha256: str = ""
    bytes: int = 0
    sharpness: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        data = asdict(self)
        data["path"] = str(self.path)
        return data


def sharpness(grey: np.ndarray) -> float:
    """Variance of the Laplacian: higher is sharper."""
    import cv2

    return float(cv2.Laplacian(grey, cv2.CV_64F).var())


def frame_sharpness(reader: VideoReader, decoded: DecodedFrame) -> float:
    width = min(960, max(decoded.frame.width // 2, 32))
    return sharpness(reader.grey_small(decoded, width))


def sharpest_near(
    reader: VideoReader, t: float, window: float, cancel: CancelToken | None = None
) -> tuple[DecodedFrame, float]:
    """The sharpest frame shown within t ± window, and its score."""
    start = max(t - window, 0.0)
    end = min(t + window, reader.end_s)
    best: tuple[DecodedFrame, float] | None = None
    for decoded in reader.frames_between(start, end):
        if cancel is not None:
            cancel.check()
        score = frame_sharpness(reader, decoded)
        if best is None or score > best[1]:
            best = (decoded, score)
    assert best is not None  # frames_between always yields the frame at start
    return best


def encode_image(rgb: np.ndarray, fmt: str) -> bytes:
    """PNG (lossless, FFmpeg's fast encoder) or JPEG (quality 92) bytes of an RGB array."""
    rgb = np.ascontiguousarray(rgb)
    if fmt == "png":
        import av

        ctx = av.CodecContext.create("png", "w")
        ctx.width, ctx.height, ctx.pix_fmt = rgb.shape[1], rgb.shape[0], "rgb24"
        # the 'up' filter at level 1 is ~4x faster than libpng's adaptive filters, ~same size
        ctx.options = {"compression_level": "1", "pred": "up"}
        # the encoder reads the array in place, and a PNG is one packet: on a 4K frame
        # every copy is 25 MB of the 600 MB budget
        frame = av.VideoFrame.from_numpy_buffer(rgb, format="rgb24")
        packets = [*ctx.encode(frame), *ctx.encode(None)]
        return bytes(packets[0]) if len(packets) == 1 else b"".join(bytes(p) for p in packets)
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG", quality=92)
    return buf.getvalue()


def _check_request(times: list[float], sharpest: float | None, fmt: str) -> str:
    if not times:
        raise InvalidValueError("give at least one time (--at T)")
    if len(times) > MAX_GRABS:
        raise InvalidValueError(f"{len(times)} grabs is too many at once (at most {MAX_GRABS})")
    if sharpest is not None and not 0 < sharpest <= MAX_SHARPEST_WINDOW_S:
        raise InvalidValueError(
            f"--sharpest must be between 0 and {MAX_SHARPEST_WINDOW_S:g} seconds, not {sharpest}"
        )
    key = fmt.lower().lstrip(".")
    if key not in FORMATS:
        raise InvalidValueError(f"format must be png or jpg, not '{fmt}'")
    return "png" if key == "png" else "jpg"


def grab_frames(
    path: Path | str,
    times: list[float],
    out_dir: Path | str,
    *,
    sharpest: float | None = None,
    caption: bool = True,
    fmt: str = "png",
    sha256: str | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    name_prefix: str | None = None,
    reader: VideoReader | None = None,
    caption_name: str | None = None,
) -> list[GrabResult]:
    """Save the frame on screen at each time (or the sharpest within ±sharpest s).

    Results come back in the order of `times`. Every pts is the frame's own. Nothing is
    written for a time that is out of range: all times are checked first. caption_name:
    what the caption calls the video (a case's grab passes its title; default the file name).
    """
    path = Path(path)
    out_dir = Path(out_dir)
    kind = _check_request(times, sharpest, fmt)
    # the hash (for the caption) starts first: on a large file it is the longest part
    hash_cancel = CancelToken()
    hasher = BackgroundHash(path, sha256, hash_cancel, cancel) if caption else None
    own = reader is None
    try:
        rd = reader or VideoReader(path)
    except BaseException:
        hash_cancel.cancel()
        raise
    try:
        for t in times:
            rd.check_time(t)
        check_out_dir(out_dir)
        prefix = name_prefix if name_prefix is not None else path.stem
        order = sorted(range(len(times)), key=lambda i: times[i])  # decode forward, seek less
        results: list[GrabResult | None] = [None] * len(times)
        order_key: dict[int, float] = {}
        writes: dict[float, Future[GrabResult]] = {}

        def write(decoded: DecodedFrame, score: float | None) -> GrabResult:
            # the colour conversion (tone mapping on HDR) runs here too, on the writer
            # thread, while the main thread decodes the next grab; only this thread uses
            # the reader's converter meanwhile
            rgb = rd.to_rgb(decoded)
            pts_s = decoded.pts_s
            h, w = rgb.shape[:2]
            if hasher is not None:
                clock = frame_clock(rd.info, pts_s)
                name = caption_name or path.name
                rgb = add_caption(rgb, caption_text(name, pts_s, clock, hasher.get()))
            data = encode_image(rgb, kind)
            stamp = format_time(pts_s).replace(":", "-")
            target = out_dir / f"{prefix}_{stamp}{FORMATS[kind]}"
            write_atomic(target, data)
            return GrabResult(pts_s, pts_s, target, w, h, sha256_bytes(data), len(data), score)

        # where a seek lands for each time (packets only): with sparse keyframes the
        # grabs are decoded in one forward pass instead of one pass each
        keys = {i: rd.keyframe_before(times[i]) for i in order} if not sharpest else {}

        # conversion, encoding and writing run on a second thread while the next frame
        # decodes
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="grab-writer") as pool:
            in_flight: list[Future[GrabResult]] = []
            # frames waiting to be written: each 4K one is 25 MB, and its caption another
            queue_limit = 2 if rd.info.width * rd.info.height <= BIG_PIXELS else 1
            for done, index in enumerate(order):
                if cancel is not None:
                    cancel.check()
                t = times[index]
                progress(done / len(order), f"Frame at {format_time(t)}")
                score = None
                if sharpest:
                    decoded, score = sharpest_near(rd, t, sharpest, cancel)
                else:
                    decoded = rd.frame_at(t, key_s=keys[index])
                key = round(decoded.pts_s, 6)
                if key not in writes:
                    fut = pool.submit(write, decoded, score)
                    writes[key] = fut
                    in_flight.append(fut)
                    while len(in_flight) > queue_limit:  # bounded memory on 4K video
                        in_flight.pop(0).result()
                order_key[index] = key
            for index, key in order_key.items():
                made = writes[key].result()
                results[index] = GrabResult(**{**made.__dict__, "requested_s": times[index]})
        progress(1.0, "Frames saved")
        return [r for r in results if r is not None]
    finally:
        hash_cancel.cancel()  # no-op when the hash is done; stops it after a failure
        if own:
            rd.close()


def frame_at(path: Path | str, t: float) -> tuple[np.ndarray, float]:
    """Upright RGB array of the frame on screen at t, and its real pts (s)."""
    with VideoReader(path) as rd:
        decoded = rd.frame_at(t)
        return rd.to_rgb(decoded), decoded.pts_s
