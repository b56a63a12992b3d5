"""What the per-exhibit jobs share: their inputs, their outputs, and the helpers they use.

Each exhibit is decoded once and every output is made from that one image. A problem with
one exhibit (too big to fit, undecodable video) is recorded and the rest goes on; only
cancel, disk errors and integrity errors stop the whole export. The jobs themselves are in
image_jobs.py and video_jobs.py; jobs.py runs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_kit.core.errors import describe_os_error
from evidence_kit.core.model import ItemKind
from evidence_kit.core.store import CaseStore
from evidence_kit.core.timecode import format_time
from evidence_kit.export import compress
from evidence_kit.export.pdf_summary import PdfExhibit
from evidence_kit.export.plan import Exhibit, ExportPlan
from evidence_kit.export.removed import Cleaned

PDF_SIDE = 1400  # enough for a sharp A4 picture, small enough to keep the PDF light


@dataclass
class UploadFile:
    """One file of the upload pack and how it relates to the platform's limit."""

    exhibit: str
    name: str
    kind: str  # image | video | document
    bytes: int
    limit: int | None
    note: str = ""
    cleaned: Cleaned | None = None  # what the file lost on the way out, what it kept

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
            "cleaned": self.cleaned.to_dict() if self.cleaned else None,
        }


@dataclass
class ExhibitOutput:
    """What one exhibit produced."""

    exhibit: Exhibit
    upload: UploadFile | None = None
    bundle_files: list[tuple[str, Path, str]] = field(default_factory=list)  # (arcname, path, role)
    # the shareable bundle's stand-ins for what the private one keeps only as an original:
    # an unedited photo without its metadata, a cleaned PDF, a video's masked copy
    share_files: list[tuple[str, Path, str]] = field(default_factory=list)
    # what each of those files (by its name in the bundle) lost and kept
    cleaned: dict[str, Cleaned] = field(default_factory=dict)
    pdf: PdfExhibit | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for README "not included"


@dataclass
class Context:
    """Everything a job needs besides its exhibit."""

    store: CaseStore
    plan: ExportPlan
    upload_dir: Path
    exhibits_dir: Path


def merge(parts: list[ExhibitOutput]) -> ExhibitOutput:
    """One exhibit's output from the outputs of its jobs (sheet + clip for a video)."""
    out = ExhibitOutput(parts[0].exhibit)
    for part in parts:
        out.upload = out.upload or part.upload
        out.pdf = out.pdf or part.pdf
        out.bundle_files += part.bundle_files
        out.share_files += part.share_files
        out.cleaned.update(part.cleaned)
        out.problems += part.problems
        out.notes += part.notes
    return out


def label(ex: Exhibit) -> str:
    """'E2 (Crack, close up)': how problems name an exhibit."""
    return f"{ex.number} ({ex.item.public_title})"


def write_file(path: Path, data: bytes) -> None:
    """Write bytes, turning an OS error into a named one (disk full, read-only)."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise describe_os_error(exc, path) from exc


def pdf_image(img: Any) -> tuple[bytes, tuple[int, int]]:
    """A light JPEG of the picture for the PDF, and its size."""
    from PIL import Image

    # a box reduce first: no 36 MB copy of a 12 MP photo, and the filter runs on few pixels
    factor = max(1, max(img.size) // PDF_SIDE)
    small = img.reduce(factor) if factor > 1 else img
    if max(small.size) > PDF_SIDE:
        scale = PDF_SIDE / max(small.size)
        size = (max(1, round(small.width * scale)), max(1, round(small.height * scale)))
        small = small.resize(size, Image.Resampling.BILINEAR)
    return compress.encode_jpeg(compress.flatten(small), 82), small.size


def source_label(ex: Exhibit) -> str:
    """'E1 (Unboxing video)': the video a frame or clip was taken from, by its exhibit
    number and title (never its file name); '' when it has none."""
    if ex.parent is None:
        return ""
    title = f"({ex.parent.public_title})"
    return f"{ex.parent_number} {title}" if ex.parent_number else title


def caption_lines(ex: Exhibit) -> list[str]:
    """What it shows, kind, source file, time and note: what the mediator needs to place the
    exhibit."""
    it = ex.item
    lines = [f"Shows: {it.shows}"] if it.shows else []
    of = f" of {source_label(ex)}" if ex.parent is not None else ""
    if it.kind == ItemKind.FRAME and it.pts_s is not None:
        lines.append(f"Frame at {format_time(it.pts_s)}{of}")
    elif it.kind == ItemKind.CLIP and it.pts_s is not None:
        end = f"–{format_time(it.end_s)}" if it.end_s is not None else ""
        lines.append(f"Clip {format_time(it.pts_s)}{end}{of}")
    else:
        lines.append(it.kind.value.capitalize())
    if it.kind == ItemKind.VIDEO and it.meta.get("duration_s"):
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
