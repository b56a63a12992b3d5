"""Decoded frames turned into what a viewer shows: the file's own colours (tone-mapped to
SDR BT.709 when HDR), upright by its display matrix, at its display size (non-square
pixels widened), in one FFmpeg filter graph per output size.

Every picture we make goes through here: grabs, thumbnails, contact sheets, the player's
preview, re-encoded clips and a file played as a camera, so they all agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from evidence_kit.media.video.colour import Colour, sdr_filters
from evidence_kit.media.video.orientation import UPRIGHT, Orientation

if TYPE_CHECKING:
    import numpy as np

MAX_GRAPHS = 4  # a reader needs one per output size (full, preview, thumbnail...)

# what re-encoded SDR BT.709 video says about itself (FFmpeg's enum values)
BT709_TAGS = {"colorspace": 1, "color_primaries": 1, "color_trc": 1, "color_range": 1}
_MATRIX_TAGS = {"bt709": 1, "bt601": 6, "fcc": 4, "smpte240m": 7}


def sar_of(stream: Any) -> Fraction:
    """The pixel shape: the container's, else the codec's, as av_guess_sample_aspect_ratio
    does; 1 when absent or absurd."""
    for source in (stream, stream.codec_context):
        sar = getattr(source, "sample_aspect_ratio", None)
        if sar and sar.numerator > 0 and sar.denominator > 0:
            value = Fraction(sar.numerator, sar.denominator)
            if Fraction(1, 8) <= value <= 8:
                return value
    return Fraction(1)


def square_size(w: int, h: int, sar: Fraction) -> tuple[int, int]:
    """The coded size with square pixels: widened (or made taller), never shrunk, even."""
    if sar > 1:
        w = round(w * sar)
    elif sar < 1:
        h = round(h / sar)
    return max(2, w // 2 * 2), max(2, h // 2 * 2)


@dataclass(frozen=True)
class Picture:
    """How to show one stream: its colour, orientation and pixel shape."""

    colour: Colour = Colour()
    orientation: Orientation = UPRIGHT
    sar: Fraction = Fraction(1)

    def display_size(self, coded_w: int, coded_h: int) -> tuple[int, int]:
        """(width, height) on screen: square pixels, upright."""
        return self.orientation.upright_size(*square_size(coded_w, coded_h, self.sar))

    def fit(self, coded_w: int, coded_h: int, max_side: int | None) -> tuple[int, int]:
        """The display size, shrunk (even) to fit max_side when given."""
        w, h = self.display_size(coded_w, coded_h)
        if max_side and max(w, h) > max_side:
            scale = max_side / max(w, h)
            w, h = max(2, int(w * scale) // 2 * 2), max(2, int(h * scale) // 2 * 2)
        return w, h

    @property
    def encoder_tags(self) -> dict[str, int]:
        """Colour tags for a re-encoded clip of this stream (always limited range)."""
        if self.colour.needs_lut:
            return dict(BT709_TAGS)
        tags = {"colorspace": _MATRIX_TAGS.get(self.colour.sws_matrix, 6), "color_range": 1}
        if self.colour.primaries in ("bt709", "smpte170m", "bt470bg"):
            tags["color_primaries"] = {"bt709": 1, "bt470bg": 5, "smpte170m": 6}[
                self.colour.primaries
            ]
        if self.colour.transfer in ("bt709", "smpte170m"):
            tags["color_trc"] = {"bt709": 1, "smpte170m": 6}[self.colour.transfer]
        return tags

    def chain(self, out_w: int, out_h: int, fmt: str) -> list[tuple[str, str]]:
        """Filters from a decoded frame to `fmt` ("rgb24" or "yuv420p") at the upright
        size out_w x out_h."""
        w, h = (out_h, out_w) if self.orientation.swaps else (out_w, out_h)
        c = self.colour
        size = f"w={w}:h={h}"
        if c.needs_lut:
            steps = [("scale", f"{size}:in_color_matrix=bt2020:in_range={c.range_name}"),
                     ("format", "gbrp16le"), *sdr_filters(c)]  # fmt: skip
            if fmt == "rgb24":
                steps.append(("format", "rgb24"))
            else:
                steps += [("scale", "out_color_matrix=bt709:out_range=tv"), ("format", fmt)]
        elif fmt == "rgb24":
            steps = [("scale", f"{size}:in_color_matrix={c.sws_matrix}:in_range={c.range_name}"
                               ":out_range=pc"), ("format", "rgb24")]  # fmt: skip
        else:
            # YUV to YUV keeps the matrix (the clip is tagged with it); depth and range
            # are converted (browsers expect 8-bit limited range)
            steps = [("scale", f"{size}:in_range={c.range_name}:out_range=tv"), ("format", fmt)]
        return steps + self.orientation.filters()


class Converter:
    """The filter graphs of one Picture, built on first use for each input and output kind.
    Not thread-safe: one per reader (the reader's lock covers it)."""

    def __init__(self, picture: Picture) -> None:
        self.picture = picture
        self._graphs: dict[tuple[Any, ...], Any] = {}

    def convert(self, frame: Any, out_w: int, out_h: int, fmt: str) -> Any:
        """The frame as an upright `fmt` av.VideoFrame of out_w x out_h."""
        key = (frame.width, frame.height, frame.format.name, int(frame.colorspace or 2),
               int(frame.color_range or 0), out_w, out_h, fmt)  # fmt: skip
        graph = self._graphs.get(key)
        if graph is None:
            if len(self._graphs) >= MAX_GRAPHS:
                self._graphs.pop(next(iter(self._graphs)))
            graph = self._graphs[key] = self._build(frame, self.picture.chain(out_w, out_h, fmt))
        graph.push(frame)
        return graph.pull()

    def rgb(self, frame: Any, max_side: int | None = None) -> np.ndarray:
        """Upright RGB array at display size (or fitting max_side)."""
        w, h = self.picture.fit(frame.width, frame.height, max_side)
        return self.convert(frame, w, h, "rgb24").to_ndarray()

    @staticmethod
    def _build(frame: Any, steps: list[tuple[str, str]]) -> Any:
        import av

        graph = av.filter.Graph()
        tb = frame.time_base or Fraction(1, 1000)
        src = graph.add(
            "buffer",
            f"video_size={frame.width}x{frame.height}:pix_fmt={frame.format.name}"
            f":time_base={tb.numerator}/{tb.denominator}:pixel_aspect=1/1"
            f":colorspace={int(frame.colorspace or 2)}:range={int(frame.color_range or 0)}",
        )
        nodes = [src, *(graph.add(name, args) for name, args in steps), graph.add("buffersink")]
        for a, b in zip(nodes, nodes[1:], strict=False):
            a.link_to(b)
        graph.configure()
        return graph
