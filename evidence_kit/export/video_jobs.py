"""The jobs for videos and clips: the contact sheet, and the upload clip cut to the limits.

The sheet (for the PDF and the bundle) and the clip (for the upload pack) run as two jobs in
parallel. When the platform takes no video, the sheet stands in for it in the upload pack.
Both carry the video's masks (media/video/masks.py), and the clip is then re-encoded.
"""

from __future__ import annotations

from evidence_kit.core.errors import MediaError, describe_os_error
from evidence_kit.core.model import Item, ItemKind
from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.core.timecode import format_time
from evidence_kit.export import compress
from evidence_kit.export.exhibits import (
    Context,
    ExhibitOutput,
    UploadFile,
    caption_lines,
    label,
    pdf_image,
    source_label,
    write_file,
)
from evidence_kit.export.naming import human_size
from evidence_kit.export.pdf_summary import PdfExhibit
from evidence_kit.export.plan import Exhibit
from evidence_kit.export.removed import (
    SHEET,
    Cleaned,
    describe_mask,
    video_cleaned,
    video_metadata,
)
from evidence_kit.media.video.masks import any_between


def sheet_job(
    ctx: Context, ex: Exhibit, progress: ProgressFn, cancel: CancelToken
) -> ExhibitOutput:
    """Videos and clips: the contact sheet for the PDF and the bundle (and for the upload
    pack when the platform takes no video). The upload clip is `clip_job`, run in parallel."""
    from PIL import Image

    from evidence_kit.media.video.masks import video_masks
    from evidence_kit.media.video.sheet import contact_sheet

    out = ExhibitOutput(ex)
    item = ex.item
    sheet_path = ctx.exhibits_dir / f"{ex.stem}_sheet.jpg"
    masks = video_masks(ctx.store.case, item)
    try:
        contact_sheet(
            ctx.store.checked(item, cancel=cancel),
            sheet_path,
            cols=4,
            rows=4,
            sha256=item.sha256,
            title=f"{ex.number} {item.public_title}",
            masks=masks,
            progress=lambda f, m: progress(0.9 * f, m),
            cancel=cancel,
        )
        with Image.open(sheet_path) as sheet:
            sheet.load()
            pdf_data, pdf_size = pdf_image(sheet)
            sheet_img = sheet.convert("RGB")
    except MediaError as exc:
        out.problems.append(f"{label(ex)} could not be read as a video: {exc}")
        out.pdf = PdfExhibit(ex.number, item.public_title, caption_lines(ex), item.sha256)
        return out
    except OSError as exc:
        raise describe_os_error(exc, sheet_path) from exc
    out.bundle_files.append((f"exhibits/{sheet_path.name}", sheet_path, "sheet"))
    masked = [describe_mask(m, video=True) for m in masks]
    out.cleaned[f"exhibits/{sheet_path.name}"] = Cleaned([], [SHEET], masked)
    lines = caption_lines(ex) + [
        "Contact sheet: frames at even intervals with their time stamps, showing one continuous recording."
    ]
    out.pdf = PdfExhibit(ex.number, item.public_title, lines, item.sha256, pdf_data, pdf_size, True)
    if ctx.plan.uploads(ex) and not ctx.plan.takes_video:
        limit = ctx.plan.limits.image_max_bytes or None
        fitted = compress.fit_jpeg(sheet_img, limit, cancel)
        if fitted is not None:
            path = ctx.upload_dir / ctx.plan.upload_name(ex)
            write_file(path, fitted.data)
            note = f"{ctx.plan.platform_name} takes no video: this contact sheet stands in for it."
            made = Cleaned([], [SHEET], masked)
            out.upload = UploadFile(
                ex.number, path.name, "image", len(fitted.data), limit, note, made
            )
    progress(1.0, f"{ex.number} sheet done")
    return out


def clip_job(ctx: Context, ex: Exhibit, progress: ProgressFn, cancel: CancelToken) -> ExhibitOutput:
    """The upload clip of a video exhibit, cut or re-encoded to the platform's limits."""
    out = ExhibitOutput(ex)
    try:
        duration = _duration(ctx, ex.item)
    except MediaError as exc:
        out.problems.append(f"{label(ex)}: the upload clip could not be made: {exc}")
        return out
    _upload_clip(ctx, ex, duration, out, progress, cancel)
    progress(1.0, f"{ex.number} clip done")
    return out


def _duration(ctx: Context, item: Item) -> float:
    value = item.meta.get("duration_s")
    if value:
        return float(value)
    from evidence_kit.media.video.probe import probe_video

    return probe_video(ctx.store.path_of(item)).duration_s


def _upload_clip(
    ctx: Context,
    ex: Exhibit,
    duration: float,
    out: ExhibitOutput,
    progress: ProgressFn,
    cancel: CancelToken,
) -> None:
    from evidence_kit.media.video.clip import cut_clip
    from evidence_kit.media.video.masks import video_masks

    limits, item = ctx.plan.limits, ex.item
    end = min(duration, float(limits.video_max_seconds)) if limits.video_max_seconds else duration
    path = ctx.upload_dir / ctx.plan.upload_name(ex)
    masks = video_masks(ctx.store.case, item)
    try:
        result = cut_clip(
            ctx.store.checked(item, cancel=cancel),
            0.0,
            end,
            path,
            max_mb=limits.video_max_bytes / 1_000_000,
            keep_metadata=False,
            masks=masks,
            progress=progress,
            cancel=cancel,
        )
    except MediaError as exc:
        path.unlink(missing_ok=True)
        out.problems.append(f"{label(ex)}: the upload clip could not be made: {exc}")
        return
    path.chmod(0o644)  # the clip's temp file was private; the pack is for the shopper to share
    size = path.stat().st_size
    if size > limits.video_max_bytes:
        path.unlink(missing_ok=True)
        out.problems.append(
            f"{label(ex)} cannot fit the {human_size(limits.video_max_bytes)} video limit; "
            "it was left out of the upload pack (it is in the bundle)."
        )
        return
    offset = item.pts_s if item.kind == ItemKind.CLIP and item.pts_s is not None else 0.0
    start_s, end_s = offset + result.start_s, offset + result.end_s
    # by exhibit number and title, never the file name (it can name the shopper)
    source = source_label(ex) if item.kind == ItemKind.CLIP and ex.parent else ""
    source = source or f"{ex.number} ({item.public_title})"
    note = f"{format_time(start_s)}–{format_time(end_s)} of {source}"
    if end < duration - 0.05:
        note += f" (full length {format_time(duration)}; the whole video is in the bundle)"
        out.notes.append(
            f"{ex.number} is longer than {ctx.plan.platform_name}'s {limits.video_max_seconds} s limit:"
            f" the upload holds {format_time(start_s)}–{format_time(end_s)}."
        )
    cleaned = video_cleaned(video_metadata(ctx.store.path_of(item)), result.stream_copy)
    cleaned.masked = [describe_mask(m, video=True) for m in masks if any_between([m], 0.0, end)]
    out.upload = UploadFile(
        ex.number, path.name, "video", size, limits.video_max_bytes, note, cleaned
    )


def share_job(
    ctx: Context, ex: Exhibit, progress: ProgressFn, cancel: CancelToken
) -> ExhibitOutput:
    """The shareable bundle's copy of a video: full length, no metadata, its masks burned
    in (a stream copy when it has none, so no picture is lost to a re-encode)."""
    from evidence_kit.media.video.clip import cut_clip
    from evidence_kit.media.video.masks import video_masks

    out = ExhibitOutput(ex)
    path = ctx.exhibits_dir / f"{ex.stem}.mp4"
    src = ctx.store.path_of(ex.item)
    masks = video_masks(ctx.store.case, ex.item)
    try:
        result = cut_clip(
            src, 0.0, _duration(ctx, ex.item), path, masks=masks, progress=progress,
            cancel=cancel,
        )  # fmt: skip
    except MediaError as exc:
        path.unlink(missing_ok=True)
        out.problems.append(f"{label(ex)}: its copy for the shareable bundle failed: {exc}")
        return out
    out.share_files.append((f"exhibits/{path.name}", path, "exhibit"))
    cleaned = video_cleaned(video_metadata(src), result.stream_copy)
    cleaned.masked = [describe_mask(m, video=True) for m in masks]
    out.cleaned[f"exhibits/{path.name}"] = cleaned
    progress(1.0, f"{ex.number} copy done")
    return out
