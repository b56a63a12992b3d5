"""How a video's pixels must be read to look as the phone showed them: the YCbCr matrix
and range it was coded with, and, for HDR (HLG, PQ) or BT.2020 video, a tone and gamut
mapping to SDR BT.709, the only kind every screen, PDF viewer and upload form shows right.

All of it runs in FFmpeg through PyAV's filter graph, on 16 bits per channel: libswscale
does the matrix and range exactly; the HDR part is `lut1d` (transfer curves, 16k points,
made by tonemap.py) around `colorchannelmixer` (the primaries, in linear light). The FFmpeg inside the PyAV wheel has no
zscale, and swscale's own tone mapping (FFmpeg 8) puts SDR white at 203 cd/m², which shows
the 100 cd/m² white of SDR-made HDR video as light grey. A 3D LUT would do all in one step
but is off by 15+ code values at saturated colours (measured at 65³), so the curves stay 1D:

1. PQ: the SMPTE ST 2084 EOTF gives display light. HLG: the BT.2100 inverse OETF, then the
   reference OOTF (1000 cd/m² peak, system gamma 1.2) per channel, which is exact for
   neutral tones (zimg applies it to luminance; colours differ by a few code values).
2. 100 cd/m² is SDR white (zimg's and BT.2408's SDR-in-HDR level). Below 80 % of it the
   light is kept exactly; above, an extended-Reinhard shoulder rolls the highlights off so
   the mastering peak lands on white.
3. BT.2020 → BT.709 primaries in linear light, then BT.1886's inverse (gamma 2.4).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# FFmpeg's AVColorSpace / AVColorTransferCharacteristic / AVColorPrimaries values
_MATRIX_NAMES = {1: "bt709", 4: "fcc", 5: "bt470bg", 6: "smpte170m", 7: "smpte240m",
                 9: "bt2020nc", 10: "bt2020c"}  # fmt: skip
_SWS_MATRIX = {"bt709": "bt709", "fcc": "fcc", "bt470bg": "bt601", "smpte170m": "bt601",
               "smpte240m": "smpte240m", "bt2020nc": "bt2020", "bt2020c": "bt2020"}  # fmt: skip
_TRC_NAMES = {1: "bt709", 4: "gamma22", 5: "gamma28", 6: "smpte170m", 7: "smpte240m",
              8: "linear", 13: "iec61966-2-1", 14: "bt2020-10", 15: "bt2020-12",
              16: "smpte2084", 18: "arib-std-b67"}  # fmt: skip
_PRIMARY_NAMES = {1: "bt709", 4: "bt470m", 5: "bt470bg", 6: "smpte170m", 7: "smpte240m",
                  9: "bt2020"}  # fmt: skip
HDR_TRC = {16: "pq", 18: "hlg"}
BT2020 = 9
FULL_RANGE = 2  # AVCOL_RANGE_JPEG


@dataclass(frozen=True)
class Colour:
    """The colour facts of a video stream that decide how its pixels are converted."""

    matrix: str = ""  # FFmpeg's name of the YCbCr matrix, "" when the file does not say
    full_range: bool = False
    transfer: str = ""  # FFmpeg's name, "" when unknown
    primaries: str = ""
    hdr: str | None = None  # "hlg" or "pq"
    peak_nits: float = 0.0  # mastering peak (PQ), when the file says

    @property
    def sws_matrix(self) -> str:
        """The matrix for libswscale. An untagged file is read as ffmpeg reads it (BT.601),
        which is also what our own recorder's camera path writes."""
        if self.hdr or self.wide_gamut:
            return "bt2020"
        return _SWS_MATRIX.get(self.matrix, "bt601")

    @property
    def wide_gamut(self) -> bool:
        return self.primaries == "bt2020"

    @property
    def needs_lut(self) -> bool:
        """HDR, or SDR in BT.2020 primaries: more than a matrix is needed."""
        return bool(self.hdr) or self.wide_gamut

    @property
    def range_name(self) -> str:
        return "pc" if self.full_range else "tv"


def stream_colour(codec_context: Any, frame: Any | None = None) -> Colour:
    """The colour facts of a decoder (after its first frame), preferring the frame's own."""
    space = getattr(frame, "colorspace", None) or codec_context.colorspace
    rng = getattr(frame, "color_range", None) or codec_context.color_range
    fmt = frame.format.name if frame is not None else (codec_context.pix_fmt or "")
    trc = int(codec_context.color_trc or 0)
    return Colour(
        matrix=_MATRIX_NAMES.get(int(space or 0), ""),
        full_range=int(rng or 0) == FULL_RANGE or fmt.startswith("yuvj"),
        transfer=_TRC_NAMES.get(trc, ""),
        primaries=_PRIMARY_NAMES.get(int(codec_context.color_primaries or 0), ""),
        hdr=HDR_TRC.get(trc),
        peak_nits=_mastering_peak(frame),
    )


def _mastering_peak(frame: Any | None) -> float:
    """Peak luminance from the frame's HDR side data (content light level, then the
    mastering display), or 0 when absent."""
    if frame is None:
        return 0.0
    import struct

    peak = 0.0
    for sd in getattr(frame, "side_data", []):
        kind, raw = str(sd.type), bytes(sd)
        if kind.endswith("CONTENT_LIGHT_LEVEL") and len(raw) >= 4:
            peak = float(struct.unpack("<I", raw[:4])[0]) or peak  # MaxCLL
        elif kind.endswith("MASTERING_DISPLAY_METADATA") and len(raw) >= 88 and not peak:
            num, den = struct.unpack("<ii", raw[72:80])  # max_luminance (AVRational)
            if den > 0 and raw[84]:  # has_luminance
                peak = num / den
    return peak if 100.0 < peak <= 10_000.0 else 0.0


def sdr_filters(colour: Colour) -> list[tuple[str, str]]:
    """Filters (name, args) from gbrp16le BT.2020 R'G'B' to BT.709 R'G'B' (tonemap.py)."""
    from evidence_kit.media.video.tonemap import BT2020_TO_BT709 as m
    from evidence_kit.media.video.tonemap import curve_files

    light, gamma = curve_files(colour.hdr, round(colour.peak_nits, -1))

    mix = ":".join(f"{o}{i}={m[n][k]:.6f}" for n, o in enumerate("rgb")
                   for k, i in enumerate("rgb"))  # fmt: skip
    return [
        ("lut1d", f"file={_escape(light)}:interp=linear"),
        ("colorchannelmixer", mix),
        ("lut1d", f"file={_escape(gamma)}:interp=linear"),
    ]


def _escape(path: Any) -> str:
    """A path as a filter option value (':' and '\\' are separators there)."""
    return str(path).replace("\\", "/").replace(":", "\\:").replace("'", "\\'")
