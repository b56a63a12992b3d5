"""The jobs for photos, frames and documents: render with the marks, fit the upload file.

An unedited exhibit is its original, already sealed under originals/; an edited one also
gets its render under exhibits/. A small upright JPEG is uploaded as it is, with its
metadata blocks dropped; anything else is re-encoded to fit the platform's limit.
"""

from __future__ import annotations

from typing import Any

from evidence_kit.core.errors import MediaError
from evidence_kit.core.model import Item, ItemKind
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.export import compress
from evidence_kit.export.exhibits import (
    Context,
    ExhibitOutput,
    UploadFile,
    caption_lines,
    label,
    pdf_image,
    write_file,
)
from evidence_kit.export.naming import human_size
from evidence_kit.export.pdf_summary import PdfExhibit
from evidence_kit.export.plan import Exhibit


def _render(store: CaseStore, item: Item, cancel: CancelToken) -> Any:
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
        out.problems.append(f"{label(ex)} could not be rendered: {exc}")
        return out
    cancel.check()
    is_doc = item.kind == ItemKind.DOCUMENT
    if edited:  # unedited exhibits are their original, already sealed under originals/
        suffix = ".png" if is_doc else ".jpg"
        path = ctx.exhibits_dir / f"{ex.stem}{suffix}"
        write_file(path, compress.encode_png(img) if is_doc else compress.encode_jpeg(img, 92))
        out.bundle_files.append((f"exhibits/{path.name}", path, "exhibit"))
    progress(0.4, f"Fitting {ex.number} to the limit")
    cancel.check()
    data, pdf_size = pdf_image(img)
    out.pdf = PdfExhibit(
        ex.number, item.title or item.original_name, caption_lines(ex), item.sha256, data, pdf_size
    )
    if ctx.plan.uploads(ex):
        _upload_image(ctx, ex, img, out, cancel)
    progress(1.0, f"{ex.number} done")
    return out


def _upload_image(
    ctx: Context, ex: Exhibit, img: Any, out: ExhibitOutput, cancel: CancelToken
) -> None:
    item = ex.item
    limit = ctx.plan.upload_limit(ex)
    data: bytes | None = None
    name = ctx.plan.upload_name(ex)  # the name the Export page showed
    if ctx.plan.sent_as_is(item):
        data = compress.strip_jpeg_metadata(ctx.store.path_of(item).read_bytes())
    elif name.endswith(".png"):
        png = compress.encode_png(img)
        if limit is None or len(png) <= limit:
            data = png
        else:
            name = name.removesuffix(".png") + ".jpg"
    if data is None:
        fitted = compress.fit_jpeg(img, limit, cancel)
        if fitted is None:
            out.problems.append(
                f"{label(ex)} cannot fit the {human_size(limit or 0)} limit even at "
                f"{compress.MIN_SIDE} px; it was left out of the upload pack (it is in the bundle)."
            )
            return
        data = fitted.data
        if fitted.scaled:
            out.notes.append(
                f"{ex.number} was scaled down to {fitted.width}×{fitted.height} to fit."
            )
    path = ctx.upload_dir / name
    write_file(path, data)
    kind = "document" if item.kind == ItemKind.DOCUMENT else "image"
    out.upload = UploadFile(ex.number, path.name, kind, len(data), limit)


def document_job(
    ctx: Context, ex: Exhibit, progress: ProgressFn, cancel: CancelToken
) -> ExhibitOutput:
    """PDF documents: uploaded as they are (the plan attaches them only where PDFs are taken)."""
    out = ExhibitOutput(ex)
    item = ex.item
    lines = caption_lines(ex) + ["PDF document: open it from the bundle (originals/)."]
    out.pdf = PdfExhibit(ex.number, item.title or item.original_name, lines, item.sha256)
    if not ctx.plan.uploads(ex):
        return out
    limit = ctx.plan.upload_limit(ex)
    if limit is not None and item.bytes > limit:
        out.problems.append(
            f"{label(ex)} is a {human_size(item.bytes)} PDF, over the {human_size(limit)} limit."
        )
    else:
        path = ctx.upload_dir / ctx.plan.upload_name(ex)
        write_file(path, ctx.store.path_of(item).read_bytes())
        out.upload = UploadFile(ex.number, path.name, "document", item.bytes, limit)
    progress(1.0, f"{ex.number} done")
    return out
