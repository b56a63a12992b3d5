"""Pre-submit checklist (platform-rules §4.3) and reason/evidence mismatch warnings.

Where the case can tell, the status is computed: no video, no label photo, blurry photos
(variance of the Laplacian), files over the platform's limits. Other items are 'todo' until
the shopper ticks them (claim["ticked"]).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from evidence_kit.claim import rules
from evidence_kit.claim.deadlines import Deadline, earliest_filing
from evidence_kit.claim.templates import differences
from evidence_kit.core.model import Case, Item, ItemKind, exhibit_numbers

BLUR_THRESHOLD = 100.0  # variance of the Laplacian on a <=1024 px greyscale copy
_LABEL_WORDS = ("label", "awb", "waybill", "tracking", "shipping", "etiket", "этикет", "наклейк")


@dataclass
class CheckItem:
    """One line of the checklist."""

    id: str
    item: str
    status: str  # ok | missing | warn | todo
    detail: str = ""
    tickable: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _included(case: Case) -> list[Item]:
    numbers = exhibit_numbers(case)
    return [it for it in case.items if it.id in numbers]


def _is_label(item: Item) -> bool:
    text = f"{item.title} {item.original_name} {item.note}".lower()
    return any(word in text for word in _LABEL_WORDS)


def _mb(value: float) -> str:
    return f"{value / 1_000_000:.1f} MB"


@lru_cache(maxsize=256)
def _sharpness_cached(path: str, sha256: str) -> float | None:
    import cv2
    import numpy as np

    try:
        data = np.fromfile(path, dtype=np.uint8)
    except OSError:
        return None
    img = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)
    if img is None:
        return None
    h, w = img.shape[:2]
    scale = 1024 / max(h, w)
    if scale < 1:
        img = cv2.resize(img, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA)
    return float(cv2.Laplacian(img, cv2.CV_64F).var())


def sharpness(path: Path, sha256: str = "") -> float | None:
    """Variance of the Laplacian of an image (higher is sharper); None if unreadable."""
    return _sharpness_cached(str(path), sha256)


def _format_of(item: Item) -> str:
    fmt = str(item.meta.get("format") or Path(item.file).suffix.lstrip(".")).lower()
    return {"jpg": "jpeg", "tif": "tiff", "heic": "heif"}.get(fmt, fmt)


def limit_problems(case: Case, limits: rules.UploadLimits) -> list[str]:
    """Why the included files would not pass the platform's upload form."""
    numbers = exhibit_numbers(case)
    items = _included(case)
    problems: list[str] = []
    if limits.max_files == 0 and items:
        return [
            "This form takes no attachments: send the evidence in the messages with the seller."
        ]
    if limits.max_files is not None and len(items) > limits.max_files:
        problems.append(
            f"{len(items)} files; the form takes {limits.max_files}: choose the strongest."
        )
    for it in items:
        num, fmt = numbers[it.id], _format_of(it)
        if it.is_video:
            if not limits.video_formats:
                problems.append(f"{num}: the form takes no video; export still frames instead.")
                continue
            duration = it.meta.get("duration_s")
            if it.kind == ItemKind.CLIP and it.end_s is not None and it.pts_s is not None:
                duration = it.end_s - it.pts_s
            if isinstance(duration, (int, float)) and duration > limits.video_max_seconds > 0:
                problems.append(
                    f"{num} is {duration:.0f} s long; the limit is {limits.video_max_seconds} s: "
                    "cut a clip."
                )
            if limits.video_max_bytes and it.bytes > limits.video_max_bytes:
                problems.append(
                    f"{num} is {_mb(it.bytes)}; the limit is {_mb(limits.video_max_bytes)}."
                )
            continue
        if fmt == "pdf":
            if "pdf" not in limits.document_formats:
                problems.append(f"{num} is a PDF; the form takes images only.")
            continue
        if limits.image_formats and fmt and fmt not in limits.image_formats:
            problems.append(f"{num} is {fmt}; the form takes {', '.join(limits.image_formats)}.")
        if it.bytes > limits.image_max_bytes > 0:
            problems.append(
                f"{num} is {_mb(it.bytes)}; the limit is {_mb(limits.image_max_bytes)}."
            )
    total = sum(it.bytes for it in items)
    if limits.total_max_bytes and total > limits.total_max_bytes:
        problems.append(
            f"All files add up to {_mb(total)}; the limit is {_mb(limits.total_max_bytes)}."
        )
    return problems


def mismatch_warnings(case: Case) -> list[str]:
    """Where the chosen reason, remedy and the evidence do not fit together."""
    claim = case.claim
    reason = claim.get("reason") or ""
    received = claim.get("received")
    remedy = claim.get("remedy") or ""
    items = _included(case)
    kinds = {it.kind for it in items}
    has_video = any(it.is_video for it in items)
    has_photo = bool(kinds & {ItemKind.PHOTO, ItemKind.FRAME})
    aspects = str(claim.get("aspect") or "")
    out: list[str] = []
    if reason == "not_received" and received is True:
        out.append(
            "You said the parcel arrived, but the reason is 'not received': choose what is wrong with it."
        )
    if reason and reason != "not_received" and received is False:
        out.append("You said the parcel did not arrive: the reason should be 'not received'.")
    if reason == "defective" and not has_video:
        out.append(
            "'Does not work' needs a video showing that it does not work; without one, "
            "mediators judge the reason invalid. Record or import a video."
        )
    if reason in ("not_as_described", "wrong_item", "wrong_size", "counterfeit", "damaged",
                  "missing_parts", "empty_parcel") and not (has_photo or has_video):  # fmt: skip
        out.append("This reason needs photos or a video of what arrived; there is none yet.")
    if reason in (
        "not_as_described",
        "wrong_size",
        "wrong_item",
        "missing_parts",
    ) and not differences(claim):
        out.append("State the difference: what the listing says against what you received.")
    if reason == "wrong_size" and "size" not in aspects:
        out.append(
            "For a wrong size, measure the item with a ruler, photograph it and the size label."
        )
    if reason in ("missing_parts", "empty_parcel") and "weight" not in aspects:
        out.append(
            "For missing parts or an empty parcel, weigh the contents and compare with the weight on "
            "the label (aspect 'weight')."
        )
    if (
        reason in ("missing_parts", "empty_parcel", "damaged")
        and received is not False
        and not has_video
    ):
        out.append(
            "An unboxing video from the sealed parcel is the strongest proof for this reason."
        )
    if reason == "not_received" and remedy == "partial_refund":
        out.append("Nothing arrived: ask for a full refund, not a partial one.")
    if remedy == "partial_refund" and claim.get("refund_percent") is None:
        out.append("Choose the percentage of the partial refund; the draft uses the suggested one.")
    if remedy == "replacement" and reason in ("not_received", "empty_parcel"):
        out.append(
            "A replacement of a parcel that never arrived often fails; a full refund is safer."
        )
    platform_id = case.facts.platform
    if platform_id and remedy and remedy not in rules.remedies(platform_id):
        offered = ", ".join(v["label"] for v in rules.remedies(platform_id).values())
        out.append(
            f"{rules.platform_name(platform_id)} does not offer this remedy; it offers: {offered}."
        )
    return out


def build(
    case: Case,
    deadlines: list[Deadline],
    warnings: list[str],
    today: date,
    root: Path | None = None,
) -> list[CheckItem]:
    """The checklist for this case. `root` (the case folder) enables the blur check."""
    claim = case.claim
    saved = claim.get("ticked")
    ticked = {t for t in saved if isinstance(t, str)} if isinstance(saved, list) else set()
    received = claim.get("received") is not False and claim.get("reason") != "not_received"
    platform_id = case.facts.platform
    items = _included(case)
    out: list[CheckItem] = []

    def todo(item_id: str, text: str, detail: str = "") -> None:
        done = item_id in ticked
        out.append(CheckItem(item_id, text, "ok" if done else "todo", detail, tickable=True))

    todo("no_confirm", "Do not confirm receipt while the dispute is open.")
    todo(
        "no_close_on_promise",
        "Do not close the dispute on a promise; wait until the refund arrives.",
    )
    todo("inside_dispute", "Keep every agreement inside the dispute: no private messages, no off-platform payment.")  # fmt: skip
    if claim.get("remedy") == "return_and_refund" or claim.get("return_agreed"):
        todo("return_tracking", "Enter the return tracking number in the dispute form.")

    contacted = claim.get("contacted_seller")
    strict = platform_id in ("amazon", "card")
    if contacted:
        earliest = earliest_filing(case)
        if earliest and today < earliest:
            out.append(CheckItem("contact_seller", "Contact the seller first.", "warn",
                                 f"Wait until {earliest.isoformat()} before filing (2 business days).", False))  # fmt: skip
        else:
            out.append(
                CheckItem(
                    "contact_seller",
                    "Contact the seller first.",
                    "ok",
                    f"Contacted on {contacted}.",
                )
            )
    else:
        out.append(CheckItem("contact_seller", "Contact the seller first.", "missing" if strict else "warn",
                             "Write to the seller through the platform and note the date."))  # fmt: skip

    if received:
        videos = [it for it in items if it.is_video]
        if videos:
            todo(
                "video_sealed",
                "The video starts with the sealed parcel and shows the label, in one take.",
            )
        else:
            out.append(CheckItem("video_sealed", "The video starts with the sealed parcel and shows the label.",
                                 "missing", "No unboxing video in the evidence."))  # fmt: skip
        labels = [it for it in items if _is_label(it)]
        if not labels:
            out.append(CheckItem("label_photo", "A photo of the shipping label with the tracking number.",
                                 "missing", "No item is titled as a label; add one or rename it."))  # fmt: skip
        elif not any(a.get("type") == "redact" for it in labels for a in it.annotations):
            out.append(CheckItem("label_photo", "A photo of the shipping label with the tracking number.",
                                 "warn", "Mask the name, address and phone on the label."))  # fmt: skip
        else:
            out.append(CheckItem("label_photo", "A photo of the shipping label with the tracking number.", "ok",
                                 "Personal details masked."))  # fmt: skip
        photos = [it for it in items if it.kind in (ItemKind.PHOTO, ItemKind.FRAME)]
        diffs = differences(claim)
        if not photos:
            out.append(CheckItem("photo_per_difference", "Every difference has a photo.", "missing",
                                 "No photos or frames yet."))  # fmt: skip
        elif len(photos) < len(diffs):
            out.append(CheckItem("photo_per_difference", "Every difference has a photo.", "warn",
                                 f"{len(diffs)} differences but {len(photos)} photos."))  # fmt: skip
        else:
            todo("photo_per_difference", "Every difference has a photo.")
        if root is not None and photos:
            numbers = exhibit_numbers(case)
            scores = {numbers[it.id]: sharpness(root / it.file, it.sha256) for it in photos}
            blurry = [n for n, s in scores.items() if s is not None and s < BLUR_THRESHOLD]
            if blurry:
                out.append(CheckItem("sharp_photos", "Photos are sharp, not blurry.", "warn",
                                     f"Blurry: {', '.join(blurry)}. Retake them in good light."))  # fmt: skip
            else:
                out.append(CheckItem("sharp_photos", "Photos are sharp, not blurry.", "ok"))

    if not claim.get("reason"):
        out.append(
            CheckItem(
                "reason_matches", "The reason matches the problem.", "missing", "Choose a reason."
            )
        )
    elif warnings:
        out.append(
            CheckItem("reason_matches", "The reason matches the problem.", "warn", warnings[0])
        )
    else:
        out.append(CheckItem("reason_matches", "The reason matches the problem.", "ok"))

    if platform_id:
        problems = limit_problems(case, rules.upload_limits(platform_id))
        status = "warn" if problems else "ok"
        out.append(CheckItem("within_limits", "The files are within the platform's limits.", status,
                             " ".join(problems)))  # fmt: skip
        opening = next((d for d in deadlines if d.id == "open_dispute"), None)
        if opening is not None:
            left = opening.days_left
            detail = f"{opening.name}: {opening.date} ({left} day{'' if left == 1 else 's'} left)."
            status = {"ok": "ok", "soon": "warn", "closed": "missing"}[opening.status]
            if opening.status == "closed":
                detail = f"{opening.name} was {opening.date}. Ask the platform to extend it, or check your order page."  # fmt: skip
            out.append(CheckItem("deadline", "File before the deadline.", status, detail))
    return out
