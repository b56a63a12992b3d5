"""What an export will write, worked out before any file is read or written.

`plan_export` is cheap and touches no file: it names the platform and its limits, the
exhibits in order with their file stems, the originals the bundle seals and their names in
it, the bundle's and the PDF's names, and the jobs each exhibit needs. The export runs the
plan; a preview can show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from evidence_kit.claim.rules import UploadLimits
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.model import PLATFORMS, Case, Item, ItemKind, exhibit_numbers
from evidence_kit.core.store import CaseStore
from evidence_kit.export.naming import exhibit_stem, original_names, slug

#: clip: the upload clip of a video; sheet: its contact sheet; image: a photo, frame or image
#: document rendered with its marks; document: a PDF document cleaned of its metadata;
#: share: a video's full-length masked copy for the shareable bundle
JobName = Literal["clip", "sheet", "image", "document", "share"]


@dataclass
class Exhibit:
    """One included item and its place in the exhibit order."""

    number: str
    item: Item
    stem: str
    parent: Item | None = None
    parent_number: str | None = None


@dataclass
class ExportPlan:
    """What one export of a case for one platform holds."""

    platform: str  # the platform id
    platform_name: str
    limits: UploadLimits
    upload: bool  # the shopper asked for an upload pack
    exhibits: list[Exhibit]
    sealed: list[Item]  # the originals the bundle seals, in case order
    originals: dict[str, str]  # item id -> its name in the bundle ('originals/…')
    base: str  # the stem of the bundle's and the PDF's file names
    # the exhibit numbers the form gets (claim/attachments.py, the rule the claim follows
    # too); None: every exhibit
    attached: frozenset[str] | None = None
    # only the jobs that make upload files (the Export page's size check)
    uploads_only: bool = False
    # also a shareable bundle: masked exhibits only, the originals listed by their hashes
    shareable: bool = False
    # the items whose render differs from their file (marks, crop, turn, masks inherited
    # from their video, a comparison made again): never sent as they are
    edited: frozenset[str] = frozenset()

    @property
    def bundle_name(self) -> str:
        return f"{self.base}-evidence.zip"

    @property
    def shareable_name(self) -> str:
        return f"{self.base}-shareable.zip"

    @property
    def pdf_name(self) -> str:
        return f"{self.base}-summary.pdf"

    @property
    def uploads_allowed(self) -> bool:
        """Upload files are made: the shopper asked, and the form takes attachments."""
        return self.upload and self.limits.max_files != 0

    @property
    def takes_video(self) -> bool:
        """The platform's form takes video files."""
        return bool(
            self.uploads_allowed and self.limits.video_max_bytes and self.limits.video_formats
        )

    def uploads(self, ex: Exhibit) -> bool:
        """This exhibit gets a file in the upload pack (the rest are available on request)."""
        return self.uploads_allowed and (self.attached is None or ex.number in self.attached)

    def takes_kind(self, ex: Exhibit) -> bool:
        """The form takes this kind of file at all (a PDF only where PDFs are accepted)."""
        return not ex.item.is_pdf or "pdf" in self.limits.document_formats

    @property
    def on_request(self) -> list[Exhibit]:
        """The exhibits the form has no room for, in order."""
        return [ex for ex in self.exhibits if self.uploads_allowed and not self.uploads(ex)]

    def upload_name(self, ex: Exhibit) -> str:
        """The name of the exhibit's file in the upload pack, when it gets one. An image
        document planned as PNG becomes a JPEG if the PNG is over the limit."""
        item = ex.item
        if item.is_video:
            return f"{ex.stem}.mp4" if self.takes_video else f"{ex.stem}_sheet.jpg"
        if item.is_pdf:
            return f"{ex.stem}.pdf"
        if (
            item.kind == ItemKind.DOCUMENT
            and "png" in self.limits.image_formats
            and not self.sent_as_is(item)
        ):
            return f"{ex.stem}.png"
        return f"{ex.stem}.jpg"

    def sent_as_is(self, item: Item) -> bool:
        """An unedited, upright JPEG within the limit: uploaded with only its metadata
        blocks dropped, every pixel kept."""
        limit = self.limits.image_max_bytes or None
        return (
            item.id not in self.edited
            and str(item.meta.get("format", "")).lower() in ("jpeg", "jpg")
            and int(item.meta.get("orientation", 1) or 1) == 1
            and "jpeg" in self.limits.image_formats
            and (limit is None or item.bytes <= limit)
        )

    def upload_limit(self, ex: Exhibit) -> int | None:
        """The size limit of the exhibit's upload file (None: no limit)."""
        if ex.item.is_video and self.takes_video:
            return self.limits.video_max_bytes or None
        return self.limits.image_max_bytes or None

    def jobs_for(self, ex: Exhibit) -> list[tuple[int, JobName]]:
        """(priority, job) for one exhibit: the upload clip first, the longest job of all."""
        if self.uploads_only and not self.uploads(ex):
            return []
        if ex.item.is_video:
            clip = self.takes_video and self.uploads(ex)
            if self.uploads_only:
                return [(0, "clip")] if clip else [(1, "sheet")]
            jobs: list[tuple[int, JobName]] = [(0, "clip")] if clip else []
            jobs += [(0, "share")] if self.shareable else []
            return [*jobs, (1, "sheet")]
        if ex.item.is_pdf:
            return [(2, "document")]
        return [(2, "image")]


def plan_exhibits(case: Case) -> list[Exhibit]:
    """Included items in exhibit order, with their numbers and file stems."""
    numbers = exhibit_numbers(case)
    out = []
    for it in case.items:
        if it.include:
            parent = case.find(it.parent) if it.parent else None
            number = numbers[it.id]
            out.append(
                Exhibit(number, it, exhibit_stem(number, it), parent, numbers.get(it.parent or ""))
            )
    return out


def items_to_seal(case: Case, exhibits: list[Exhibit]) -> list[Item]:
    """Included items plus the items they were taken from (a frame's video), in case order."""
    wanted = {ex.item.id for ex in exhibits}
    for ex in exhibits:
        parent = ex.parent
        while parent is not None and parent.id not in wanted:
            wanted.add(parent.id)
            parent = case.find(parent.parent) if parent.parent else None
    return [it for it in case.items if it.id in wanted]


def plan_export(
    store: CaseStore, platform: str | None = None, *, upload: bool = True, shareable: bool = False
) -> ExportPlan:
    """The plan for exporting the case for `platform` (default: the case's own).

    Raises InvalidValueError when no known platform is given or set in the case.
    """
    from evidence_kit.claim.attachments import attached_numbers
    from evidence_kit.claim.rules import platform_name, upload_limits
    from evidence_kit.media.image.render import changes_pixels

    case = store.case
    platform = (platform or case.facts.platform or "").strip().lower()
    if platform not in PLATFORMS:
        raise InvalidValueError(
            f"Choose the platform to export for: one of {', '.join(PLATFORMS)}."
        )
    exhibits = plan_exhibits(case)
    sealed = items_to_seal(case, exhibits)
    return ExportPlan(
        platform=platform,
        platform_name=platform_name(platform),
        limits=upload_limits(platform),
        upload=upload,
        exhibits=exhibits,
        sealed=sealed,
        originals=original_names(sealed, {ex.item.id: ex.stem for ex in exhibits}),
        base=slug(store.name) or slug(case.facts.order_id) or "case",
        attached=frozenset(attached_numbers(case, platform)),
        shareable=shareable,
        edited=frozenset(ex.item.id for ex in exhibits if changes_pixels(store, ex.item)),
    )
