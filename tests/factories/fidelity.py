"""Test videos for picture fidelity (issue 15), made with the ffmpeg CLI and PyAV, plus the
oracles the tests compare against: ffmpeg's own decode and autorotation.

- colour: a BT.709 / full-range / 10-bit picture of colour bars and ramps, and HLG / PQ
  versions of it made by ffmpeg's zscale (SDR white at 100 cd/m², zimg's convention);
- orientation and shape: any display matrix written into the MP4 track header (mirrors
  included), and non-square pixels;
- containers and codecs the clip tool meets: MediaRecorder-style VP8 WebM, AV1, ProRes,
  MJPEG AVI, HEVC, B-pyramid H.264, VFR with a gap, extra video tracks and cover images;
- the phone's clock: QuickTime's local `creationdate` beside the UTC `creation_time`.
"""

from __future__ import annotations

import json
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tests.factories.video import BarcodeVideo, H, W, draw_frame, make_barcode_video

FFMPEG = ["ffmpeg", "-v", "error", "-y"]

#: (display) colours of the top bars, left to right
BARS = [(255, 255, 255), (255, 255, 0), (0, 255, 255), (0, 255, 0),
        (255, 0, 255), (255, 0, 0), (0, 0, 255), (0, 0, 0)]  # fmt: skip
WHITE_BAR = (slice(8, H // 2 - 8), slice(4, W // 8 - 4))  # inside the white bar
MAGENTA_BAR = (slice(8, H // 2 - 8), slice(4 * W // 8 + 4, 5 * W // 8 - 4))


def colour_pattern(size: tuple[int, int] = (W, H)) -> np.ndarray:
    """RGB: eight saturated bars on top; below, ramps and a little texture."""
    w, h = size
    rgb = np.zeros((h, w, 3), dtype=np.uint8)
    for i, colour in enumerate(BARS):
        rgb[: h // 2, i * w // 8 : (i + 1) * w // 8] = colour
    x = np.linspace(0.0, 1.0, w)[None, :]
    y = np.linspace(0.0, 1.0, h - h // 2)[:, None]
    rgb[h // 2 :, :, 0] = np.round(255 * x * y)
    rgb[h // 2 :, :, 1] = np.round(255 * x * (1 - y))
    rgb[h // 2 :, :, 2] = np.round(255 * (1 - x) * 0.5 + 60 * y)
    noise = np.random.default_rng(5).integers(-12, 12, (h - h // 2, w, 1))
    rgb[h // 2 :] = np.clip(rgb[h // 2 :].astype(int) + noise, 0, 255).astype(np.uint8)
    return rgb


def encode_rgb(
    path: Path, rgb: np.ndarray, vf: str, codec: list[str], frames: int = 10, fps: int = 30
) -> Path:
    """Encode `frames` copies of an RGB picture with the ffmpeg CLI (filters `vf`)."""
    h, w = rgb.shape[:2]
    subprocess.run(
        [*FFMPEG, "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-r", str(fps),
         "-i", "-", "-vf", vf, *codec, str(path)],
        input=rgb.tobytes() * frames, check=True,
    )  # fmt: skip
    return path


def sdr_video(path: Path, *, full_range: bool = False, bits: int = 8) -> Path:
    """The colour pattern as BT.709 video, limited or full range, 8- or 10-bit."""
    rng = "pc" if full_range else "tv"
    fmt = "yuv420p10le" if bits == 10 else ("yuvj420p" if full_range else "yuv420p")
    codec = (["-c:v", "libx265", "-x265-params", "log-level=error"] if bits == 10
             else ["-c:v", "libx264"])  # fmt: skip
    tags = ["-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709",
            "-color_range", rng]  # fmt: skip
    vf = f"scale=out_color_matrix=bt709:out_range={rng},format={fmt}"
    return encode_rgb(path, colour_pattern(), vf, [*codec, "-crf", "12", *tags])


def hdr_video(path: Path, transfer: str, rgb: np.ndarray | None = None, frames: int = 10) -> Path:
    """The pattern as 10-bit HEVC BT.2020 HLG ("hlg") or PQ ("pq"), converted by zscale
    the way ffmpeg users do it (display-referred, SDR white = 100 cd/m²)."""
    trc = {"hlg": "arib-std-b67", "pq": "smpte2084"}[transfer]
    vf = (f"zscale=tin=bt709:pin=bt709:min=gbr:rin=full:t={trc}:p=bt2020:m=bt2020nc:r=limited,"
          "format=yuv420p10le")  # fmt: skip
    params = f"log-level=error:colorprim=bt2020:transfer={trc}:colormatrix=bt2020nc:keyint=5"
    codec = ["-c:v", "libx265", "-x265-params", params, "-crf", "14", "-color_primaries",
             "bt2020", "-color_trc", trc, "-colorspace", "bt2020nc", "-color_range", "tv"]  # fmt: skip
    return encode_rgb(path, colour_pattern() if rgb is None else rgb, vf, codec, frames)


def ffmpeg_rgb(path: Path, t: float = 0.0, extra: list[str] | None = None) -> np.ndarray:
    """The frame at t as the ffmpeg CLI decodes it (its colour conversion, autorotation
    and size), as an RGB array: the independent oracle."""
    from PIL import Image

    png = path.with_suffix(f".oracle{int(t * 1000)}.png")
    subprocess.run(
        [*FFMPEG, "-ss", f"{t:.6f}", "-i", str(path), *(extra or []), "-frames:v", "1",
         "-pix_fmt", "rgb24", str(png)],
        check=True,
    )  # fmt: skip
    return np.asarray(Image.open(png).convert("RGB"))


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    """Peak signal-to-noise ratio of two 8-bit pictures (inf when equal)."""
    assert a.shape == b.shape, (a.shape, b.shape)
    mse = float(((a.astype(np.float64) - b.astype(np.float64)) ** 2).mean())
    return float("inf") if mse == 0 else 10 * np.log10(255.0**2 / mse)


# --- display matrices and pixel shape ---------------------------------------------------------

#: 2x2 display matrices (a, b, c, d as the MP4 tkhd stores them) of every mirror and turn
MATRICES = {
    "rot_a": (0, -1, 1, 0),
    "rot_b": (0, 1, -1, 0),
    "rot180": (-1, 0, 0, -1),
    "hflip": (-1, 0, 0, 1),
    "vflip": (1, 0, 0, -1),
    "transpose": (0, 1, 1, 0),
    "antitranspose": (0, -1, -1, 0),
}


def _boxes(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]]:
    out, pos = [], start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        out.append((kind, pos, size))
        pos += size
    return out


def set_display_matrix(src: Path, dst: Path, matrix: tuple[int, int, int, int]) -> Path:
    """Copy an MP4 with the video track's header matrix replaced (as phones write it)."""
    subprocess.run([*FFMPEG, "-i", str(src), "-map", "0", "-c", "copy", str(dst)], check=True)
    data = bytearray(dst.read_bytes())
    (moov,) = [b for b in _boxes(data, 0, len(data)) if b[0] == b"moov"]
    for kind, pos, size in _boxes(data, moov[1] + 8, moov[1] + moov[2]):
        if kind != b"trak":
            continue
        inner = _boxes(data, pos + 8, pos + size)
        tkhd = [b for b in inner if b[0] == b"tkhd"][0]
        mdia = [b for b in inner if b[0] == b"mdia"][0]
        hdlr = [b for b in _boxes(data, mdia[1] + 8, mdia[1] + mdia[2]) if b[0] == b"hdlr"][0]
        if data[hdlr[1] + 16 : hdlr[1] + 20] != b"vide":
            continue
        version = data[tkhd[1] + 8]
        at = tkhd[1] + 8 + (52 if version == 1 else 40)
        a, b, c, d = (v << 16 for v in matrix)
        struct.pack_into(">9i", data, at, a, b, 0, c, d, 0, 0, 0, 1 << 30)
    dst.write_bytes(bytes(data))
    return dst


def non_square_video(path: Path) -> Path:
    """480x360 stored with SAR 4:3 (640x360 on screen): a black disc on white that is
    round only when the pixels are shown 4:3 wide."""
    dw, dh = 640, 360
    yy, xx = np.mgrid[0:dh, 0:dw]
    disc = ((xx - dw / 2) ** 2 + (yy - dh / 2) ** 2) < 120**2
    display = np.where(disc[..., None], 0, 255).astype(np.uint8).repeat(3, axis=2)
    stored = np.ascontiguousarray(display[:, ::4, :].repeat(3, axis=1))  # 640 -> 480 wide
    return encode_rgb(path, stored, "setsar=4/3,format=yuv420p", ["-c:v", "libx264"], frames=10)


# --- containers and codecs -----------------------------------------------------------------


def mediarecorder_webm(path: Path, frames: int = 90, fps: int = 30) -> BarcodeVideo:
    """VP8 + Opus in a live WebM, as a browser's MediaRecorder writes it: a keyframe at the
    start only, no cues and no duration in the header."""
    return make_barcode_video(
        path, frames=frames, fps=fps, codec="libvpx", gop=10_000, audio=True,
        audio_codec="libopus", container_options={"live": "1"},
    )  # fmt: skip


def barcode_with(path: Path, codec: str, **kw: object) -> BarcodeVideo:
    """A barcode video in another codec/container: AV1, ProRes, MJPEG, HEVC ..."""
    presets: dict[str, dict[str, object]] = {
        "libaom-av1": dict(options={"cpu-used": "8"}, gop=15),
        "libsvtav1": dict(options={"svtav1-params": "log-level=0"}, gop=15),
        "prores_ks": dict(pix_fmt="yuv422p10le", gop=None, audio=True),
        "mjpeg": dict(pix_fmt="yuvj420p", gop=None),
        "libx265": dict(options={"x265-params": "log-level=error:keyint=15"}, gop=None),
    }
    return make_barcode_video(path, codec=codec, **{**presets.get(codec, {}), **kw})  # type: ignore[arg-type]


def bpyramid_h264(path: Path, frames: int = 120) -> BarcodeVideo:
    """H.264 with 3 B-frames in a pyramid: references shown after the frames that use them."""
    opts = {"bf": "3", "b-pyramid": "normal", "sc_threshold": "0"}
    return make_barcode_video(path, frames=frames, gop=30, audio=True, options=opts)


def vfr_gap_video(path: Path) -> BarcodeVideo:
    """VFR H.264 with B-frames in MP4 and a 1.7 s pause in the last GOP (a phone that held
    one picture): the decode-time step around the pause is not any frame's duration."""
    times = [round(n / 30, 3) for n in range(int(4.5 * 30))]
    times += [round(4.5 + 1.7 + n / 30, 3) for n in range(15)]
    return make_barcode_video(path, times=times, gop=300, options={"bf": "3"})


def with_extra_track(main: BarcodeVideo, path: Path, kind: str) -> BarcodeVideo:
    """MKV whose first video track is not the film: "small" (a 64x48 track, not default)
    or "cover" (an MJPEG cover picture, attached)."""
    other = path.with_suffix(".other.mkv")
    if kind == "small":
        subprocess.run([*FFMPEG, "-f", "lavfi", "-i", "testsrc=size=64x48:rate=5:d=0.6",
                        "-c:v", "libx264", str(other)], check=True)  # fmt: skip
        subprocess.run(
            [*FFMPEG, "-i", str(other), "-i", str(main.path), "-map", "0:v", "-map", "1",
             "-c", "copy", "-disposition:v:0", "0", "-disposition:v:1", "default", str(path)],
            check=True,
        )  # fmt: skip
    else:
        cover = path.with_suffix(".jpg")
        from PIL import Image

        Image.fromarray(draw_frame(999, (160, 96))).save(cover)
        subprocess.run(
            [*FFMPEG, "-i", str(cover), "-i", str(main.path), "-map", "0", "-map", "1",
             "-c", "copy", "-disposition:v:0", "attached_pic", str(path)],
            check=True,
        )  # fmt: skip
    return BarcodeVideo(path, main.pts)


LOCAL_CLOCK = "2026-11-20T15:03:27+0100"  # the phone's own clock, with its offset
UTC_CLOCK = "2026-11-20T14:03:27.000000Z"  # what the MP4 header says (UTC, rounded)


def phone_clock_mov(src: BarcodeVideo, path: Path, video_offset_s: float = 1.0) -> Path:
    """A MOV as an iPhone writes it: a UTC creation_time and the local
    com.apple.quicktime.creationdate, with sound from 0 s and the picture from 1 s."""
    subprocess.run(
        [*FFMPEG, "-itsoffset", str(video_offset_s), "-i", str(src.path), "-f", "lavfi",
         "-i", f"sine=d={src.pts[-1] + video_offset_s + 0.5}", "-map", "0:v", "-map", "1:a",
         "-c:v", "copy", "-c:a", "aac", "-movflags", "use_metadata_tags",
         "-metadata", f"creation_time={UTC_CLOCK}",
         "-metadata", f"com.apple.quicktime.creationdate={LOCAL_CLOCK}", str(path)],
        check=True,
    )  # fmt: skip
    return path


# --- checks --------------------------------------------------------------------------------


@dataclass
class ClipCheck:
    """What ffprobe and the file itself say about a clip."""

    codec: str
    tag: str
    audio: str | None
    faststart: bool
    frames: int
    color: dict[str, str]


def check_clip(path: Path) -> ClipCheck:
    """ffprobe must accept the clip and decode every packet without a word on stderr."""
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert probe.returncode == 0 and probe.stderr == "", probe.stderr
    decode = subprocess.run([*FFMPEG, "-i", str(path), "-f", "null", "-"], capture_output=True,
                            text=True)  # fmt: skip
    assert decode.returncode == 0 and decode.stderr == "", decode.stderr
    data = json.loads(probe.stdout)
    assert data["format"]["format_name"].startswith("mov,mp4")
    video = [s for s in data["streams"] if s["codec_type"] == "video"]
    audio = [s for s in data["streams"] if s["codec_type"] == "audio"]
    assert len(video) == 1
    raw = path.read_bytes()
    top = [kind for kind, _, _ in _boxes(raw, 0, len(raw))]
    v = video[0]
    color = {k: v.get(k, "") for k in ("color_space", "color_transfer", "color_primaries",
                                       "color_range")}  # fmt: skip
    check = ClipCheck(
        codec=v["codec_name"], tag=v["codec_tag_string"],
        audio=audio[0]["codec_name"] if audio else None,
        faststart=b"moov" in top and top.index(b"moov") < top.index(b"mdat"),
        frames=int(v.get("nb_frames", 0)), color=color,
    )  # fmt: skip
    # what every clip must be, whatever it was cut from
    assert (check.codec, check.tag) in {("h264", "avc1"), ("hevc", "hvc1")}, check
    assert check.faststart and check.audio in (None, "aac"), check
    return check
