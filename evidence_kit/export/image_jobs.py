"""The jobs for photos, frames and documents: render with the marks, fit the upload file.

An unedited exhibit is its original, already sealed under originals/; an edited one (marks,
crop, turn, masks inherited from its video, a comparison) also gets its render under
exhibits/. A small upright JPEG is uploaded as its first picture with its metadata blocks
dropped; anything else is re-encoded to fit the platform's limit. A PDF is uploaded without
its document info and XMP. Each upload file says what it lost and kept (removed.py).
"""

from __future__ import annotations

from typing import Any

from evidence_kit.core.errors import MediaError, UnreadableFileError
from evidence_kit.core.model import Item, ItemKind
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.export import compress
from evidence_kit.export.document_clean import clean_pdf
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
from evidence_kit.export.removed import (
    DRAWN,
    PAGES,
    Cleaned,
    describe_mask,
    image_cleaned,
    image_metadata,
)


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
    from evidence_kit.media.image.render import changes_pixels

    out = ExhibitOutput(ex)
    item = ex.item
    edited = changes_pixels(ctx.store, item)  # marks, crop, turn, inherited masks...
    progress(0.05, f"Rendering {ex.number}")
    try:
        img = _render(ctx.store, item, cancel)
    except MediaError as exc:
        out.problems.append(f"{label(ex)} could not be rendered: {exc}")
        return out
    cancel.check()
    is_doc = item.kind == ItemKind.DOCUMENT
    found = image_metadata(ctx.store.path_of(item))
    if edited:  # unedited exhibits are their original, already sealed under originals/
        suffix = ".png" if is_doc else ".jpg"
        path = ctx.exhibits_dir / f"{ex.stem}{suffix}"
        write_file(path, compress.encode_png(img) if is_doc else compress.encode_jpeg(img, 92))
        out.bundle_files.append((f"exhibits/{path.name}", path, "exhibit"))
        out.cleaned[f"exhibits/{path.name}"] = Cleaned(found, [DRAWN], mask_words(ctx, item))
    elif ctx.plan.shareable:  # the shareable bundle has no originals: a clean copy instead
        _clean_copy(ctx, ex, img, is_doc, found, out)
    progress(0.4, f"Fitting {ex.number} to the limit")
    cancel.check()
    data, pdf_size = pdf_image(img)
    out.pdf = PdfExhibit(
        ex.number, item.public_title, caption_lines(ex), item.sha256, data, pdf_size
    )
    if ctx.plan.uploads(ex):
        _upload_image(ctx, ex, img, found, out, cancel)
    progress(1.0, f"{ex.number} done")
    return out


def _clean_copy(
    ctx: Context, ex: Exhibit, img: Any, is_doc: bool, found: list[str], out: ExhibitOutput
) -> None:
    """An unedited picture without its metadata: its own first picture when it is a JPEG,
    else a fresh lossless PNG (a document) or a JPEG at quality 92 (a photo)."""
    data = _first_picture(ctx, ex.item)
    cleaned = image_cleaned(found, lossless=data is not None)
    suffix = ".jpg"
    if data is None:
        data = compress.encode_png(img) if is_doc else compress.encode_jpeg(img, 92)
        suffix = ".png" if is_doc else ".jpg"
    path = ctx.exhibits_dir / f"{ex.stem}{suffix}"
    write_file(path, data)
    out.share_files.append((f"exhibits/{path.name}", path, "exhibit"))
    out.cleaned[f"exhibits/{path.name}"] = cleaned


def _first_picture(ctx: Context, item: Item) -> bytes | None:
    """An upright JPEG's own first picture without its metadata (every pixel kept), or None
    when the item is no such JPEG."""
    fmt = str(item.meta.get("format", "")).lower()
    if fmt not in ("jpeg", "jpg", "mpo") or int(item.meta.get("orientation", 1) or 1) != 1:
        return None  # mpo: a JPEG with more pictures after its first
    return compress.strip_jpeg_metadata(ctx.store.path_of(item).read_bytes())


def _upload_image(
    ctx: Context, ex: Exhibit, img: Any, found: list[str], out: ExhibitOutput, cancel: CancelToken
) -> None:
    item = ex.item
    limit = ctx.plan.upload_limit(ex)
    data: bytes | None = None
    lossless = False
    name = ctx.plan.upload_name(ex)  # the name the Export page showed
    if ctx.plan.sent_as_is(item):
        data = _first_picture(ctx, item)  # already a small upright JPEG: every pixel kept
        lossless = data is not None
    if data is None and name.endswith(".png"):
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
    cleaned = image_cleaned(found, lossless)
    cleaned.masked = mask_words(ctx, item)
    out.upload = UploadFile(ex.number, path.name, kind, len(data), limit, cleaned=cleaned)


def mask_words(ctx: Context, item: Item) -> list[str]:
    """How each mask on the picture is drawn, its own and those its video gives it."""
    from evidence_kit.media.image.render import inherited_masks

    own = [a for a in item.annotations if a.get("type") == "redact"]
    words = [describe_mask(a, video=False) for a in own]
    words += [
        describe_mask(a, video=False) + " kept from the video's mask"
        for a in inherited_masks(ctx.store.case, item)
    ]
    return words


def document_job(
    ctx: Context, ex: Exhibit, progress: ProgressFn, cancel: CancelToken
) -> ExhibitOutput:
    """PDF documents: uploaded without their metadata when the platform takes PDFs."""
    out = ExhibitOutput(ex)
    item = ex.item
    lines = caption_lines(ex) + ["PDF document: open it from the bundle (exhibits/ or originals/)."]
    out.pdf = PdfExhibit(ex.number, item.public_title, lines, item.sha256)
    # the plan attaches a PDF only where the form takes PDFs (upload_pack says so otherwise)
    uploads = ctx.plan.uploads(ex) and ctx.plan.takes_kind(ex)
    if not uploads and not ctx.plan.shareable:
        return out
    try:
        cleaned = clean_pdf(ctx.store.path_of(item))
    except UnreadableFileError as exc:
        out.problems.append(
            f"{label(ex)} could not be cleaned of its metadata ({exc}); it is only in the"
            " bundle's originals/, never in an upload or a shareable bundle."
        )
        return out
    cancel.check()
    if ctx.plan.shareable:
        copy = ctx.exhibits_dir / f"{ex.stem}.pdf"
        write_file(copy, cleaned.data)
        out.share_files.append((f"exhibits/{copy.name}", copy, "exhibit"))
        out.cleaned[f"exhibits/{copy.name}"] = Cleaned(cleaned.removed, [PAGES])
    if not uploads:
        return out
    limit = ctx.plan.upload_limit(ex)
    size = len(cleaned.data)
    if limit is not None and size > limit:
        out.problems.append(
            f"{label(ex)} is a {human_size(size)} PDF, over the {human_size(limit)} limit."
        )
    else:
        path = ctx.upload_dir / ctx.plan.upload_name(ex)
        write_file(path, cleaned.data)
        words = Cleaned(cleaned.removed, [PAGES])
        out.upload = UploadFile(ex.number, path.name, "document", size, limit, cleaned=words)
    progress(1.0, f"{ex.number} done")
    return out
