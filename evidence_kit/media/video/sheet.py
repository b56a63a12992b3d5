"""Contact sheet: a grid of frames with their real times under a header (the video's name
or exhibit title, duration, recording clock, hash), so a mediator sees at a glance the take
is continuous. The video's masks are burned into the tiles they show in.
"""

from __future__ import annotations

from pathlib import Path

from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress
from evidence_kit.core.timecode import format_time
from evidence_kit.media.video.caption import font, frame_clock
from evidence_kit.media.video.hashcache import BackgroundHash
from evidence_kit.media.video.masks import Mask, Masker
from evidence_kit.media.video.reader import VideoReader

MAX_CELLS = 100
TILE_W = 400
GAP = 8
BG = (24, 24, 24)
FG = (240, 240, 240)
DIM = (170, 170, 170)


def header_lines(name: str, reader: VideoReader, sha256: str) -> list[str]:
    """The header text: what, how long, when (recording clock) and the hash."""
    info = reader.info
    lines = [name]
    facts = [
        f"duration {format_time(info.duration_s)}",
        f"{info.width}x{info.height}",
        f"{info.fps:g} fps{' (variable)' if info.variable_frame_rate else ''}",
        info.video_codec,
        "audio" if info.has_audio else "no audio",
    ]
    turned = reader.picture.orientation.describe()
    if turned:
        facts.append(f"{turned} to upright")
    if info.hdr:
        facts.append(f"HDR ({info.hdr.upper()}) shown as SDR")
    lines.append(" · ".join(facts))
    start = frame_clock(info, 0.0)
    if start:
        end = frame_clock(info, info.duration_s)
        lines.append(f"recording clock {start} → {end} (from file metadata)")
    else:
        lines.append("recording clock: not recorded in the file")
    if info.truncated:
        lines.append(f"TRUNCATED FILE: only the first {format_time(reader.end_s)} can be read")
    lines.append(f"sha256 {sha256}")
    return lines


def contact_sheet(
    path: Path | str,
    out: Path | str,
    *,
    cols: int = 4,
    rows: int = 4,
    sha256: str | None = None,
    title: str | None = None,
    masks: list[Mask] | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> Path:
    """Write the sheet as JPEG or PNG (by out's suffix) and return its path.

    title: what the header calls the video (an export passes 'E1 Unboxing', never the file
    name); masks: the video's masks (masks.py), burned into every tile they show in."""
    from PIL import Image, ImageDraw

    from evidence_kit.media.video.frames import check_out_dir, encode_image, write_atomic
    from evidence_kit.media.video.thumbs import thumbnails

    if not (1 <= cols <= 12 and 1 <= rows <= 25) or cols * rows > MAX_CELLS:
        raise InvalidValueError(f"a sheet has 1-12 columns, 1-25 rows, at most {MAX_CELLS} cells")
    path, out = Path(path), Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".jpg", ".jpeg", ".png"):
        raise InvalidValueError(f"the sheet must be .jpg or .png, not '{out.suffix}'")
    stop = CancelToken()
    try:
        with VideoReader(path) as rd:
            check_out_dir(out.parent)
            # the header's hash is read on a second thread while the frames decode
            hasher = BackgroundHash(path, sha256, stop, cancel)
            thumbs = thumbnails(rd, cols * rows, TILE_W, progress=progress, cancel=cancel)
            lines = header_lines(title or path.name, rd, hasher.get() or "")
            masker = Masker(masks or [], rd.info.width)
    finally:
        stop.cancel()  # a no-op once the hash is done; stops it after a failure
    for th in thumbs:
        th.rgb = masker.rgb(th.rgb, th.pts_s)
    tile_h = max(th.rgb.shape[0] for th in thumbs)
    tile_w = max(th.rgb.shape[1] for th in thumbs)
    label_h = 26
    head_font, body_font, cell_font = font(22), font(16), font(16)
    head_h = 16 + 30 + 22 * (len(lines) - 1) + 10
    width = cols * tile_w + (cols + 1) * GAP
    height = head_h + rows * (tile_h + label_h + GAP) + GAP
    sheet = Image.new("RGB", (width, height), BG)
    draw = ImageDraw.Draw(sheet)
    y = 14
    for i, line in enumerate(lines):
        fnt = head_font if i == 0 else body_font
        draw.text((GAP + 4, y), line, font=fnt, fill=FG if i == 0 else DIM)
        y += 30 if i == 0 else 22
    for n, th in enumerate(thumbs):
        r, c = divmod(n, cols)
        x = GAP + c * (tile_w + GAP)
        y = head_h + r * (tile_h + label_h + GAP)
        h, w = th.rgb.shape[:2]
        sheet.paste(Image.fromarray(th.rgb), (x + (tile_w - w) // 2, y + (tile_h - h) // 2))
        draw.text((x + 2, y + tile_h + 4), format_time(th.pts_s), font=cell_font, fill=FG)
    if cancel is not None:
        cancel.check()
    import numpy as np

    write_atomic(out, encode_image(np.asarray(sheet), "png" if suffix == ".png" else "jpg"))
    progress(1.0, "Contact sheet saved")
    return out
