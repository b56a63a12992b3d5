"""Where the case does not hold together: the reason against the facts and the evidence, the
files against the form's limits, a claim filed before the platform takes it.

Each warning says what to do next. Video is asked for only where the form takes video; where
it does not, the shopper is told to attach still frames and keep the video for requests.
"""

from __future__ import annotations

from pathlib import Path

from evidence_kit.claim import rules
from evidence_kit.claim.deadlines import Deadline, days_text
from evidence_kit.claim.templates import differences
from evidence_kit.core.i18n import _, format_date, translated
from evidence_kit.core.model import Case, Item, ItemKind, exhibit_numbers

RECEIVED_WITH_LISTING = ("not_as_described", "wrong_item", "wrong_size", "counterfeit")
NEEDS_PICTURES = ("not_as_described", "wrong_item", "wrong_size", "counterfeit", "damaged",
                  "missing_parts", "empty_parcel")  # fmt: skip


def included(case: Case) -> list[Item]:
    """The items that are exhibits, in exhibit order."""
    numbers = exhibit_numbers(case)
    return [it for it in case.items if it.id in numbers]


def takes_video(platform_id: str) -> bool:
    """True when the platform's form accepts video files."""
    return bool(platform_id) and bool(rules.upload_limits(platform_id).video_formats)


def _mb(value: float) -> str:
    return f"{value / 1_000_000:.1f} MB"


def _format_of(item: Item) -> str:
    fmt = str(item.meta.get("format") or Path(item.file).suffix.lstrip(".")).lower()
    return {"jpg": "jpeg", "tif": "tiff", "heic": "heif"}.get(fmt, fmt)


def limit_problems(case: Case, limits: rules.UploadLimits) -> list[str]:
    """Why the included files would not pass the platform's upload form."""
    numbers = exhibit_numbers(case)
    items = included(case)
    problems: list[str] = []
    too_big = _("{number} is {size}; the limit is {limit}.")
    if limits.max_files == 0 and items:
        return [
            _("This form takes no attachments: send the evidence in the messages with the seller.")
        ]
    if limits.max_files is not None and len(items) > limits.max_files:
        first, rest = numbers[items[0].id], numbers[items[limits.max_files].id]
        last = numbers[items[limits.max_files - 1].id]
        problems.append(
            _(
                "{count} files; the form takes {max}: {first}-{last} are attached, {rest} on are "
                "available on request. Put the strongest first."
            ).format(count=len(items), max=limits.max_files, first=first, last=last, rest=rest)
        )
    for it in items:
        num, fmt = numbers[it.id], _format_of(it)
        if it.is_video:
            if not limits.video_formats:
                problems.append(
                    _(
                        "{number}: the form takes no video; a contact sheet of stills stands in."
                    ).format(number=num)
                )
                continue
            duration = it.meta.get("duration_s")
            if it.kind == ItemKind.CLIP and it.end_s is not None and it.pts_s is not None:
                duration = it.end_s - it.pts_s
            if isinstance(duration, (int, float)) and duration > limits.video_max_seconds > 0:
                problems.append(
                    _("{number} is {seconds} s long; the limit is {limit} s: cut a clip.").format(
                        number=num, seconds=f"{duration:.0f}", limit=limits.video_max_seconds
                    )
                )
            if limits.video_max_bytes and it.bytes > limits.video_max_bytes:
                problems.append(
                    too_big.format(
                        number=num, size=_mb(it.bytes), limit=_mb(limits.video_max_bytes)
                    )
                )
            continue
        if fmt == "pdf":
            if "pdf" not in limits.document_formats:
                problems.append(
                    _("{number} is a PDF; the form takes images only.").format(number=num)
                )
            continue
        if limits.image_formats and fmt and fmt not in limits.image_formats:
            problems.append(_("{number} is {format}; the form takes {formats}.").format(number=num, format=fmt, formats=", ".join(limits.image_formats)))  # fmt: skip
        if it.bytes > limits.image_max_bytes > 0:
            problems.append(
                too_big.format(number=num, size=_mb(it.bytes), limit=_mb(limits.image_max_bytes))
            )
    total = sum(it.bytes for it in items)
    if limits.total_max_bytes and total > limits.total_max_bytes:
        problems.append(
            _("All files add up to {size}; the limit is {limit}.").format(
                size=_mb(total), limit=_mb(limits.total_max_bytes)
            )  # fmt: skip
        )
    return problems


def too_early(early: list[Deadline]) -> list[str]:
    """Earliest-filing rules not met yet, as warnings (advisory ones say who they concern)."""
    out = []
    for e in early:
        if e.status == "wait":
            out.append(_("Too early to file: {name}: {date} ({days} from now).").format(name=translated(e.name), date=format_date(e.date), days=days_text(e.days_left)))  # fmt: skip
        elif e.status == "unknown":
            out.append(_("Enter {needs} to know when you may file: {name}.").format(needs=translated(e.needs), name=translated(e.name)))  # fmt: skip
    return out


def warnings(case: Case, early: list[Deadline] | None = None) -> list[str]:
    """Where the chosen reason, remedy, dates and the evidence do not fit together."""
    claim = case.claim
    reason = claim.get("reason") or ""
    received = claim.get("received")
    remedy = claim.get("remedy") or ""
    platform_id = case.facts.platform
    video_ok = takes_video(platform_id) or not platform_id
    items = included(case)
    has_video = any(it.is_video for it in items)
    has_photo = any(it.kind in (ItemKind.PHOTO, ItemKind.FRAME) for it in items)
    aspects = str(claim.get("aspect") or "")
    out: list[str] = []
    if reason == "not_received" and received is True:
        out.append(
            _(
                "You said the parcel arrived, but the reason is 'not received': choose what is wrong with it."
            )
        )
    if reason and reason != "not_received" and received is False:
        out.append(_("You said the parcel did not arrive: the reason should be 'not received'."))
    out += too_early([e for e in early or [] if not e.advisory and e.status == "wait"])
    if reason == "defective" and not has_video:
        if video_ok:
            out.append(
                _(
                    "'Does not work' needs a video showing that it does not work; without one, "
                    "mediators judge the reason invalid. Record or import a video."
                )
            )
        elif not has_photo:
            out.append(
                _(
                    "'Does not work' needs proof that it does not work. This form takes no video: "
                    "attach still frames of the fault and keep the video for requests."
                )
            )
    if reason in NEEDS_PICTURES and not (has_photo or has_video):
        out.append(_("This reason needs photos or a video of what arrived; there is none yet."))
    if reason in ("not_as_described", "wrong_size", "wrong_item", "missing_parts") and not (
        differences(claim)
    ):
        out.append(_("State the difference: what the listing says against what you received."))
    if reason == "wrong_size" and "size" not in aspects:
        out.append(
            _("For a wrong size, measure the item with a ruler, photograph it and the size label.")
        )
    if reason in ("missing_parts", "empty_parcel") and "weight" not in aspects:
        out.append(
            _(
                "For missing parts or an empty parcel, weigh the contents and compare with the weight on "
                "the label (aspect 'weight')."
            )
        )
    strong = reason in ("missing_parts", "empty_parcel", "damaged") and received is not False
    if strong and not has_video and video_ok:
        out.append(
            _("An unboxing video from the sealed parcel is the strongest proof for this reason.")
        )
    if reason == "not_received" and remedy == "partial_refund":
        out.append(_("Nothing arrived: ask for a full refund, not a partial one."))
    if remedy == "partial_refund" and claim.get("refund_percent") is None:
        out.append(
            _("Choose the percentage of the partial refund; the draft uses the suggested one.")
        )
    if remedy == "replacement" and reason in ("not_received", "empty_parcel"):
        out.append(
            _("A replacement of a parcel that never arrived often fails; a full refund is safer.")
        )
    if platform_id and remedy and remedy not in rules.remedies(platform_id):
        offered = ", ".join(v["label"] for v in rules.remedies(platform_id).values())
        out.append(
            _("{platform} does not offer this remedy; it offers: {offered}.").format(
                platform=rules.platform_name(platform_id), offered=offered
            )  # fmt: skip
        )
    return out
