"""Per-exhibit export work: render, fit the upload file, contact sheet, PDF picture.

Each exhibit is decoded once and every output is made from that one image. A problem with
one exhibit (too big to fit, undecodable video) is recorded and the rest goes on; only
cancel, disk errors and integrity errors stop the whole export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_kit.core.errors import MediaError, describe_os_error
from evidence_kit.core.model import Item
from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.core.timecode import format_time
from evidence_kit.export import compress
from evidence_kit.export.naming import human_size
from evidence_kit.export.pdf_summary import PdfExhibit

PDF_SIDE = 1400  # enough for a sharp A4 picture, small enough to keep the PDF light
IMAGE_KINDS = ("photo", "frame", "document")


@dataclass
class UploadFile:
    """One file of the upload pack and how it relates to the platform's limit."""

    exhibit: str
    name: str
    kind: str  # image | video | document
    bytes: int
    limit: int | None
    note: str = ""

    @property
    def fits(self) -> bool:
        return self.limit is None or self.bytes <= self.limit

    def to_dict(self) -> dict[str, Any]:
        return {
            "exhibit": self.exhibit,
            "name": self.name,
            "kind": self.kind,
            "bytes": self.bytes,
            "limit": self.limit,
            "fits": self.fits,
            "note": self.note,
        }


@dataclass
class Exhibit:
    """One included item and its place in the exhibit order."""

    number: str
    item: Item
    stem: str
    parent: Item | None = None
    parent_number: str | None = None


@dataclass
class ExhibitOutput:
    """What one exhibit produced."""

    exhibit: Exhibit
    upload: UploadFile | None = None
    bundle_files: list[tuple[str, Path, str]] = field(default_factory=list)  # (arcname, path, role)
    pdf: PdfExhibit | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for README "not included"


@dataclass
class Context:
    """Everything a job needs besides its exhibit."""

    store: Any
    limits: Any  # claim.rules.UploadLimits
    platform_name: str
    upload_dir: Path
    exhibits_dir: Path
    uploads_allowed: bool


def _label(ex: Exhibit) -> str:
    return f"{ex.number} ({ex.item.title or ex.item.original_name or ex.item.id})"


def _mb(n: int) -> str:
    return human_size(n)


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise describe_os_error(exc, path) from exc


def _pdf_image(img: Any) -> tuple[bytes, tuple[int, int]]:
    from PIL import Image

    # a box reduce first: no 36 MB copy of a 12 MP photo, and the filter runs on few pixels
    factor = max(1, max(img.size) // PDF_SIDE)
    small = img.reduce(factor) if factor > 1 else img
    if max(small.size) > PDF_SIDE:
        scale = PDF_SIDE / max(small.size)
        size = (max(1, round(small.width * scale)), max(1, round(small.height * scale)))
        small = small.resize(size, Image.Resampling.BILINEAR)
    return compress.encode_jpeg(compress.flatten(small), 82), small.size


def caption_lines(ex: Exhibit) -> list[str]:
    """Kind, source file, time and note: what the mediator needs to place the exhibit."""
    it = ex.item
    lines = []
    name = it.original_name or Path(it.file).name
    if it.kind == "frame" and it.pts_s is not None:
        parent = f"{ex.parent_number} " if ex.parent_number else ""
        source = ex.parent.original_name if ex.parent else ""
        lines.append(f"Frame at {format_time(it.pts_s)} of {parent}{source}".rstrip())
    elif it.kind == "clip" and it.pts_s is not None:
        end = f"–{format_time(it.end_s)}" if it.end_s is not None else ""
        parent = f" of {ex.parent_number}" if ex.parent_number else ""
        lines.append(f"Clip {format_time(it.pts_s)}{end}{parent}")
    else:
        lines.append(f"{it.kind.capitalize()}: {name}")
    if it.kind == "video" and it.meta.get("duration_s"):
        w, h = it.meta.get("width"), it.meta.get("height")
        size = f", {w}×{h}" if w and h else ""
        lines.append(f"Duration {format_time(float(it.meta['duration_s']))}{size}")
    if it.captured_at:
        lines.append(f"Captured {it.captured_at} (from the file's metadata)")
    if it.annotations:
        redacted = sum(1 for a in it.annotations if a.get("type") == "redact")
        marks = len(it.annotations) - redacted
        parts = [
            f"{marks} mark(s)" if marks else "",
            f"{redacted} area(s) masked" if redacted else "",
        ]
        lines.append(
            "Shown with " + " and ".join(p for p in parts if p) + "; the original is unchanged."
        )
    if it.note:
        lines.append(it.note)
    return lines


def _render(store: Any, item: Item, cancel: CancelToken) -> Any:
    """render_item's steps with a cancel check between them: each costs up to half a
    second on a 12 MP photo, and Cancel must take effect within one."""
    from evidence_kit.media.image import render

    base, scale = render.load_base(store, item)
    cancel.check()
    out = render.render_image(base, item.annotations, scale) if item.annotations else base
    cancel.check()
    return render.crop_and_rotate(out, item.crop, item.rotate, scale)


def image_job(
    ctx: Context, ex: Exhibit, progress: ProgressFn, cancel: CancelToken
) -> ExhibitOutput:
    """Photos, frames and image documents."""
    out = ExhibitOutput(ex)
    item = ex.item
    edited = bool(item.annotations or item.crop or item.rotate)
    progress(0.05, f"Rendering {ex.number}")
    try:
        img = _render(ctx.store, item, cancel)
    except MediaError as exc:
        out.problems.append(f"{_label(ex)} could not be rendered: {exc}")
        return out
    cancel.check()
    is_doc = item.kind == "document"
    if edited:  # unedited exhibits are their original, already sealed under originals/
        suffix = ".png" if is_doc else ".jpg"
        path = ctx.exhibits_dir / f"{ex.stem}{suffix}"
        _write(path, compress.encode_png(img) if is_doc else compress.encode_jpeg(img, 92))
        out.bundle_files.append((f"exhibits/{path.name}", path, "exhibit"))
    progress(0.4, f"Fitting {ex.number} to the limit")
    cancel.check()
    data, pdf_size = _pdf_image(img)
    out.pdf = PdfExhibit(
        ex.number, item.title or item.original_name, caption_lines(ex), item.sha256, data, pdf_size
    )
    if ctx.uploads_allowed:
        _upload_image(ctx, ex, img, edited, out, cancel)
    progress(1.0, f"{ex.number} done")
    return out


def _upload_image(
    ctx: Context, ex: Exhibit, img: Any, edited: bool, out: ExhibitOutput, cancel: CancelToken
) -> None:
    limits, item = ctx.limits, ex.item
    limit = limits.image_max_bytes or None
    data: bytes | None = None
    suffix = ".jpg"
    original = ctx.store.path_of(item)
    fmt = str(item.meta.get("format", "")).lower()
    if (
        not edited
        and fmt in ("jpeg", "jpg")
        and int(item.meta.get("orientation", 1) or 1) == 1
        and "jpeg" in limits.image_formats
        and (limit is None or item.bytes <= limit)
    ):
        # already a small upright JPEG: drop its metadata blocks, keep every pixel
        data = compress.strip_jpeg_metadata(original.read_bytes())
    if data is None and item.kind == "document" and "png" in limits.image_formats:
        png = compress.encode_png(img)
        if limit is None or len(png) <= limit:
            data, suffix = png, ".png"
    if data is None:
        fitted = compress.fit_jpeg(img, limit, cancel)
        if fitted is None:
            out.problems.append(
                f"{_label(ex)} cannot fit the {_mb(limit or 0)} limit even at "
                f"{compress.MIN_SIDE} px; it was left out of the upload pack (it is in the bundle)."
            )
            return
        data = fitted.data
        if fitted.scaled:
            out.notes.append(
                f"{ex.number} was scaled down to {fitted.width}×{fitted.height} to fit."
            )
    path = ctx.upload_dir / f"{ex.stem}{suffix}"
    _write(path, data)
    kind = "document" if item.kind == "document" else "image"
    out.upload = UploadFile(ex.number, path.name, kind, len(data), limit)


def document_job(
    ctx: Context, ex: Exhibit, progress: ProgressFn, cancel: CancelToken
) -> ExhibitOutput:
    """PDF documents: uploaded as they are when the platform takes PDFs."""
    out = ExhibitOutput(ex)
    item = ex.item
    lines = caption_lines(ex) + ["PDF document: open it from the bundle (originals/)."]
    out.pdf = PdfExhibit(ex.number, item.title or item.original_name, lines, item.sha256)
    if not ctx.uploads_allowed:
        return out
    limit = ctx.limits.image_max_bytes or None
    if "pdf" not in ctx.limits.document_formats:
        out.notes.append(f"{ex.number} is a PDF; {ctx.platform_name} does not take PDF files.")
    elif limit is not None and item.bytes > limit:
        out.problems.append(
            f"{_label(ex)} is a {_mb(item.bytes)} PDF, over the {_mb(limit)} limit."
        )
    else:
        path = ctx.upload_dir / f"{ex.stem}.pdf"
        _write(path, ctx.store.path_of(item).read_bytes())
        out.upload = UploadFile(ex.number, path.name, "document", item.bytes, limit)
    progress(1.0, f"{ex.number} done")
    return out


def _duration(ctx: Context, item: Item) -> float:
    value = item.meta.get("duration_s")
    if value:
        return float(value)
    from evidence_kit.media.video.probe import probe_video

    return probe_video(ctx.store.path_of(item)).duration_s


def takes_video(ctx: Context) -> bool:
    """True when the platform takes video files in its form."""
    return bool(ctx.uploads_allowed and ctx.limits.video_max_bytes and ctx.limits.video_formats)


def sheet_job(
    ctx: Context, ex: Exhibit, progress: ProgressFn, cancel: CancelToken
) -> ExhibitOutput:
    """Videos and clips: the contact sheet for the PDF and the bundle (and for the upload
    pack when the platform takes no video). The upload clip is `clip_job`, run in parallel."""
    from PIL import Image

    from evidence_kit.media.video.sheet import contact_sheet

    out = ExhibitOutput(ex)
    item = ex.item
    sheet_path = ctx.exhibits_dir / f"{ex.stem}_sheet.jpg"
    try:
        contact_sheet(
            ctx.store.path_of(item),
            sheet_path,
            cols=4,
            rows=4,
            sha256=item.sha256,
            progress=lambda f, m: progress(0.9 * f, m),
            cancel=cancel,
        )
        with Image.open(sheet_path) as sheet:
            sheet.load()
            pdf_data, pdf_size = _pdf_image(sheet)
            sheet_img = sheet.convert("RGB")
    except MediaError as exc:
        out.problems.append(f"{_label(ex)} could not be read as a video: {exc}")
        out.pdf = PdfExhibit(ex.number, item.title, caption_lines(ex), item.sha256)
        return out
    except OSError as exc:
        raise describe_os_error(exc, sheet_path) from exc
    out.bundle_files.append((f"exhibits/{sheet_path.name}", sheet_path, "sheet"))
    lines = caption_lines(ex) + [
        "Contact sheet: frames at even intervals with their time stamps, showing one continuous recording."
    ]
    out.pdf = PdfExhibit(
        ex.number, item.title or item.original_name, lines, item.sha256, pdf_data, pdf_size, True
    )
    if ctx.uploads_allowed and not takes_video(ctx):
        limit = ctx.limits.image_max_bytes or None
        fitted = compress.fit_jpeg(sheet_img, limit, cancel)
        if fitted is not None:
            path = ctx.upload_dir / f"{ex.stem}_sheet.jpg"
            _write(path, fitted.data)
            note = f"{ctx.platform_name} takes no video: this contact sheet stands in for it."
            out.upload = UploadFile(ex.number, path.name, "image", len(fitted.data), limit, note)
    progress(1.0, f"{ex.number} sheet done")
    return out


def clip_job(ctx: Context, ex: Exhibit, progress: ProgressFn, cancel: CancelToken) -> ExhibitOutput:
    """The upload clip of a video exhibit, cut or re-encoded to the platform's limits."""
    out = ExhibitOutput(ex)
    try:
        duration = _duration(ctx, ex.item)
    except MediaError as exc:
        out.problems.append(f"{_label(ex)}: the upload clip could not be made: {exc}")
        return out
    _upload_clip(ctx, ex, duration, out, progress, cancel)
    progress(1.0, f"{ex.number} clip done")
    return out


def merge(parts: list[ExhibitOutput]) -> ExhibitOutput:
    """One exhibit's output from the outputs of its jobs (sheet + clip for a video)."""
    out = ExhibitOutput(parts[0].exhibit)
    for part in parts:
        out.upload = out.upload or part.upload
        out.pdf = out.pdf or part.pdf
        out.bundle_files += part.bundle_files
        out.problems += part.problems
        out.notes += part.notes
    return out


def _upload_clip(
    ctx: Context,
    ex: Exhibit,
    duration: float,
    out: ExhibitOutput,
    progress: ProgressFn,
    cancel: CancelToken,
) -> None:
    from evidence_kit.media.video.clip import cut_clip

    limits, item = ctx.limits, ex.item
    end = min(duration, float(limits.video_max_seconds)) if limits.video_max_seconds else duration
    path = ctx.upload_dir / f"{ex.stem}.mp4"
    try:
        result = cut_clip(
            ctx.store.path_of(item),
            0.0,
            end,
            path,
            max_mb=limits.video_max_bytes / 1_000_000,
            keep_metadata=False,
            progress=progress,
            cancel=cancel,
        )
    except MediaError as exc:
        path.unlink(missing_ok=True)
        out.problems.append(f"{_label(ex)}: the upload clip could not be made: {exc}")
        return
    path.chmod(0o644)  # the clip's temp file was private; the pack is for the shopper to share
    size = path.stat().st_size
    if size > limits.video_max_bytes:
        path.unlink(missing_ok=True)
        out.problems.append(
            f"{_label(ex)} cannot fit the {_mb(limits.video_max_bytes)} video limit; "
            "it was left out of the upload pack (it is in the bundle)."
        )
        return
    offset = item.pts_s if item.kind == "clip" and item.pts_s is not None else 0.0
    start_s, end_s = offset + result.start_s, offset + result.end_s
    of = f"of {ex.parent_number} " if item.kind == "clip" and ex.parent_number else "of "
    source = (
        ex.parent.original_name if item.kind == "clip" and ex.parent else item.original_name
    ) or item.file
    note = f"{format_time(start_s)}–{format_time(end_s)} {of}{source}"
    if end < duration - 0.05:
        note += f" (full length {format_time(duration)}; the whole video is in the bundle)"
        out.notes.append(
            f"{ex.number} is longer than {ctx.platform_name}'s {limits.video_max_seconds} s limit:"
            f" the upload holds {format_time(start_s)}–{format_time(end_s)}."
        )
    out.upload = UploadFile(ex.number, path.name, "video", size, limits.video_max_bytes, note)
