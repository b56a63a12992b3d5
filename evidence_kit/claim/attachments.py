"""Which exhibits go into the dispute form: the one rule the claim, the upload pack and the
export preview all follow.

Where a form takes N files, the first N exhibits in the shopper's order are attached and the
rest are "available on request". A PDF the form does not take is available on request and
takes no room. Where it takes no video, a video or clip is attached as its
contact sheet (a still image) and the video itself is available on request; it is never cited
as attached. Where it takes no attachments at all (Amazon's A-to-z box), nothing is.
"""

from __future__ import annotations

from dataclasses import dataclass

from evidence_kit.claim import rules
from evidence_kit.core.model import Case, exhibit_numbers

FILE, SHEET, NONE = "file", "sheet", ""
ON_REQUEST = "available on request"


@dataclass(frozen=True)
class Attachment:
    """One exhibit and how the form gets it."""

    number: str  # "E3"
    item_id: str
    form: str  # "file": as it is; "sheet": a video's contact sheet stands in; "": not attached
    why: str = ""  # why it is not attached, or how it is attached, for the shopper

    @property
    def attached(self) -> bool:
        return self.form != NONE


def attachments(case: Case, platform_id: str | None = None) -> list[Attachment]:
    """Every exhibit in order, each attached or available on request (see the module doc)."""
    numbers = exhibit_numbers(case)
    items = [it for it in case.items if it.id in numbers]
    platform_id = platform_id if platform_id is not None else case.facts.platform
    if not platform_id:
        return [Attachment(numbers[it.id], it.id, FILE) for it in items]
    limits = rules.upload_limits(platform_id)
    if limits.max_files == 0:
        why = f"the form takes no files: {ON_REQUEST}"
        return [Attachment(numbers[it.id], it.id, NONE, why) for it in items]
    out: list[Attachment] = []
    room = limits.max_files
    for it in items:
        number = numbers[it.id]
        if room is not None and room <= 0:
            out.append(Attachment(number, it.id, NONE, f"the form takes {limits.max_files} files: {ON_REQUEST}"))  # fmt: skip
            continue
        if it.is_pdf and "pdf" not in limits.document_formats:
            # takes no room: the form gets nothing for it
            out.append(Attachment(number, it.id, NONE, f"the form takes no PDF files: {ON_REQUEST}"))  # fmt: skip
            continue
        if it.is_video and not limits.video_formats:
            out.append(Attachment(number, it.id, SHEET, f"the form takes no video: a contact sheet stands in, the video is {ON_REQUEST}"))  # fmt: skip
        else:
            out.append(Attachment(number, it.id, FILE))
        if room is not None:
            room -= 1
    return out


def attached_numbers(case: Case, platform_id: str | None = None) -> set[str]:
    """The exhibit numbers that get an upload file."""
    return {a.number for a in attachments(case, platform_id) if a.attached}
