"""Pre-submit checklist (platform-rules §4.3), per platform and reason.

Where the case can tell, the status is computed: no video, no label photo, blurry photos
(variance of the Laplacian), files over the platform's limits, a claim filed too early.
Other items are 'todo' until the shopper ticks them (claim["ticked"]). Nothing is demanded
that the platform cannot take: no video on eBay or a card form, no "do not confirm receipt"
on Temu, whose own return flow asks for it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from evidence_kit.claim import rules
from evidence_kit.claim.deadlines import Deadline, days_text
from evidence_kit.claim.language import LANGUAGE_NAMES
from evidence_kit.claim.mismatch import (
    RECEIVED_WITH_LISTING,
    included,
    limit_problems,
    takes_video,
)
from evidence_kit.claim.templates import differences
from evidence_kit.core.i18n import N_, _, format_date, ngettext, translated
from evidence_kit.core.model import Case, Item, ItemKind, exhibit_numbers

BLUR_THRESHOLD = 100.0  # variance of the Laplacian on a <=1024 px greyscale copy
_LABEL_WORDS = ("label", "awb", "waybill", "shipping", "etiket", "этикет", "наклейк", "накладн")
_LISTING_WORDS = ("listing", "screenshot", "product page", "скрин", "объявлен", "описани",
                  "карточк", "страниц")  # fmt: skip
_TRACKING_WORDS = ("tracking", "track", "трек", "отслеж", "статус посыл")
_SIZE_WORDS = ("ruler", "tape", "measur", "size label", "size tag", "линейк", "рулетк", "бирк",
               "размер", "замер")  # fmt: skip


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


def _text_of(item: Item) -> str:
    return f"{item.title} {item.original_name} {item.note}".lower()


def _with(items: list[Item], words: tuple[str, ...]) -> list[Item]:
    return [it for it in items if any(w in _text_of(it) for w in words)]


def _is_label(item: Item) -> bool:
    text = _text_of(item)
    return any(w in text for w in _LABEL_WORDS) or (
        "tracking" in text and item.kind != ItemKind.DOCUMENT
    )


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


class _List:
    """The checklist being built, with the shopper's ticks."""

    def __init__(self, ticked: set[str]) -> None:
        self.items: list[CheckItem] = []
        self.ticked = ticked

    def add(self, item_id: str, text: str, status: str, detail: str = "") -> None:
        self.items.append(CheckItem(item_id, text, status, detail))

    def todo(self, item_id: str, text: str, detail: str = "") -> None:
        status = "ok" if item_id in self.ticked else "todo"
        self.items.append(CheckItem(item_id, text, status, detail, tickable=True))

    def found(self, item_id: str, text: str, hits: list[Item], numbers: dict, why: str) -> None:
        """ok when an exhibit fits; otherwise a tick the shopper can give by hand."""
        if hits:
            self.add(item_id, text, "ok", ", ".join(numbers[it.id] for it in hits) + ".")
        else:
            self.todo(item_id, text, why)


def _evidence(out: _List, case: Case, reason: str, received: bool, root: Path | None) -> None:
    platform_id = case.facts.platform
    items = included(case)
    numbers = exhibit_numbers(case)
    if not received:
        out.found("tracking_screenshot", _("A screenshot of the tracking page."),
                  _with(items, _TRACKING_WORDS), numbers,
                  _("Save the tracking page (its last status and date) and add it."))  # fmt: skip
        return
    videos = [it for it in items if it.is_video]
    if takes_video(platform_id) or not platform_id:
        text = _("The video starts with the sealed parcel and shows the label, in one take.")
        if videos:
            out.todo("video_sealed", text)
        else:
            out.add("video_sealed", text, "missing", _("No unboxing video in the evidence."))
    else:
        text = _("Keep the unboxing video; this form takes none, so attach still frames from it.")
        detail = "" if videos else _("An unboxing video still helps: keep it for requests.")
        out.todo("video_sealed", text, detail)
    labels = [it for it in items if _is_label(it)]
    label = _("A photo of the shipping label with the tracking number.")
    if not labels:
        out.add("label_photo", label, "missing", _("No item is titled as a label; add one or rename it."))  # fmt: skip
    elif not any(a.get("type") == "redact" for it in labels for a in it.annotations):
        out.add("label_photo", label, "warn", _("Mask the name, address and phone on the label."))
    else:
        out.add("label_photo", label, "ok", _("Personal details masked."))
    photos = [it for it in items if it.kind in (ItemKind.PHOTO, ItemKind.FRAME)]
    diffs = differences(case.claim)
    each = _("Every difference has a photo.")
    if not photos:
        out.add("photo_per_difference", each, "missing", _("No photos or frames yet."))
    elif len(photos) < len(diffs):
        out.add("photo_per_difference", each, "warn", ngettext("{n} differences but {photos} photo.", "{n} differences but {photos} photos.", len(photos)).format(n=len(diffs), photos=len(photos)))  # fmt: skip
    else:
        out.todo("photo_per_difference", each)
    unsaid = [numbers[it.id] for it in items if not it.shows.strip()]
    if unsaid:
        out.add("exhibits_explained", _("Every exhibit says what it shows."), "warn",
                ngettext("Say what {numbers} shows: the claim cites that line (in the evidence list, or case item CASE E1 shows=...).",
                         "Say what {numbers} show: the claim cites that line (in the evidence list, or case item CASE E1 shows=...).",
                         len(unsaid)).format(numbers=", ".join(unsaid)))  # fmt: skip
    else:
        out.add("exhibits_explained", _("Every exhibit says what it shows."), "ok")
    if reason in RECEIVED_WITH_LISTING:
        out.found("listing_screenshot", _("A screenshot of the listing as it was when you ordered."),
                  _with(items, _LISTING_WORDS), numbers,
                  _("Mediators compare the item with the listing: add a screenshot of it."))  # fmt: skip
    if reason == "wrong_size":
        hits = _with(items, _SIZE_WORDS)
        text = _("A photo of the item measured with a ruler, and of its size label.")
        if hits:
            out.add("size_photo", text, "ok", ", ".join(numbers[it.id] for it in hits) + ".")
        else:
            out.add("size_photo", text, "missing", _("Lay it flat, measure it, photograph both."))
    if root is not None and photos:
        scores = {numbers[it.id]: sharpness(root / it.file, it.sha256) for it in photos}
        blurry = [n for n, s in scores.items() if s is not None and s < BLUR_THRESHOLD]
        text = _("Photos are sharp, not blurry.")
        if blurry:
            out.add("sharp_photos", text, "warn", _("Blurry: {numbers}. Retake them in good light.").format(numbers=", ".join(blurry)))  # fmt: skip
        else:
            out.add("sharp_photos", text, "ok")


def _platform(out: _List, case: Case, received: bool, deadlines: list[Deadline]) -> None:
    """Steps one platform asks for before it takes the claim."""
    platform_id, claim = case.facts.platform, case.claim
    if platform_id == "amazon" and received:
        out.todo("amazon_return_request", _("Request a return from the seller first (Your Orders)."),
                 _("A-to-z takes a 'different than expected' claim only after a return request."))  # fmt: skip
    if platform_id == "card" and received and claim.get("reason") != "empty_parcel":
        text = _("Return the item, or try to, and keep the tracking number.")
        if claim.get("return_attempted") or claim.get("return_tracking"):
            out.add("card_return", text, "ok", str(claim.get("return_tracking") or claim.get("return_attempted")))  # fmt: skip
        else:
            out.add("card_return", text, "missing",
                    _("Issuers expect a return or an attempt for 'not as described': set "
                      "return_attempted (and return_tracking)."))  # fmt: skip
    opening = next((d for d in deadlines if d.id == "open_dispute"), None)
    if platform_id == "aliexpress" and not received and opening and opening.status != "closed":
        out.todo("extend_protection", _("Still in transit? Ask the seller to extend Buyer Protection."),
                 _("Do it before {date}, while it is open.").format(date=format_date(opening.date)))  # fmt: skip


def _deadline_item(out: _List, deadlines: list[Deadline], early: list[Deadline]) -> None:
    too_early = _("Not too early to file.")
    for e in early:
        name, day, needs = translated(e.name), format_date(e.date), translated(e.needs)
        if e.status == "wait":
            status = "warn" if e.advisory else "missing"
            out.add(f"earliest_{e.id}", too_early, status,
                    _("{name}: {date} ({days} from now).").format(name=name, date=day, days=days_text(e.days_left)))  # fmt: skip
        elif e.status == "unknown" and not e.advisory:
            out.add(f"earliest_{e.id}", too_early, "warn",
                    _("Enter {needs}: {name}.").format(needs=needs, name=name))  # fmt: skip
    opening = next((d for d in deadlines if d.id == "open_dispute"), None)
    if opening is None:
        return
    status = {"ok": "ok", "soon": "warn", "closed": "missing", "unknown": "warn"}[opening.status]
    name, day = translated(opening.name), format_date(opening.date)
    detail = _("{name}: {date} ({days} left).").format(name=name, date=day, days=days_text(opening.days_left))  # fmt: skip
    if opening.status == "closed":
        detail = _("{name} was {date}. Check your order page: if its timer still runs, file now.").format(name=name, date=day)  # fmt: skip
    elif opening.status == "unknown":
        detail = _("{name}: about {date}. Enter {needs} to know the real date.").format(name=name, date=day, needs=translated(opening.needs))  # fmt: skip
    out.add("deadline", _("File before the deadline."), status, detail)


def build(
    case: Case,
    deadlines: list[Deadline],
    early: list[Deadline],
    warnings: list[str],
    today: date,
    root: Path | None = None,
    wording: str = "",
    languages: dict[str, str] | None = None,
) -> list[CheckItem]:
    """The checklist. `root` (the case folder) enables the blur check; `wording` is the line
    about suggestions still to decide; `languages` maps a field to the language it is in."""
    claim = case.claim
    saved = claim.get("ticked")
    out = _List({t for t in saved if isinstance(t, str)} if isinstance(saved, list) else set())
    reason = str(claim.get("reason") or "")
    received = claim.get("received") is not False and reason != "not_received"
    platform_id = case.facts.platform

    if platform_id != "temu":  # Temu's own return flow asks the shopper to confirm receipt
        out.todo("no_confirm", _("Do not confirm receipt while the dispute is open."))
    out.todo("no_close_on_promise", _("Do not close the dispute on a promise; wait until the refund arrives."))  # fmt: skip
    out.todo("inside_dispute", _("Keep every agreement inside the dispute: no private messages, no off-platform payment."))  # fmt: skip
    if claim.get("remedy") == "return_and_refund" or claim.get("return_agreed"):
        out.todo("return_tracking", _("Enter the return tracking number in the dispute form."))

    contact = _("Contact the seller first.")
    contacted = claim.get("contacted_seller")
    if contacted:
        out.add(
            "contact_seller",
            contact,
            "ok",
            _("Contacted on {date}.").format(date=format_date(contacted)),
        )
    else:
        strict = platform_id in ("amazon", "card")
        out.add("contact_seller", contact, "missing" if strict else "warn",
                _("Write to the seller through the platform and note the date."))  # fmt: skip
    _deadline_item(out, deadlines, early)
    _evidence(out, case, reason, received, root)
    _platform(out, case, received, deadlines)
    if wording:
        out.add("wording", _("Your own words are calm and private."), "warn", wording)
    foreign = {k: v for k, v in (languages or {}).items() if v != "en"}
    if foreign:
        language = translated(
            LANGUAGE_NAMES.get(next(iter(foreign.values())), N_("another language"))
        )
        strict = bool(platform_id) and rules.upload_limits(platform_id).ascii_only
        out.add("english_notes", _("Your notes are in English."), "missing" if strict else "warn",
                _("Your notes are in {language}: translate them or write them in English.").format(language=language))  # fmt: skip

    matches = _("The reason matches the problem.")
    if not reason:
        out.add("reason_matches", matches, "missing", _("Choose a reason."))
    elif warnings:
        out.add("reason_matches", matches, "warn", warnings[0])
    else:
        out.add("reason_matches", matches, "ok")
    if platform_id:
        problems = limit_problems(case, rules.upload_limits(platform_id))
        out.add("within_limits", _("The files are within the platform's limits."),
                "warn" if problems else "ok", " ".join(problems))  # fmt: skip
    return out.items
