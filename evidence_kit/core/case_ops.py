"""Pure edits of a Case. Each one validates its input and writes the activity log.

The GUI's undo commands and the CLI both call these, so an edit means the same thing
everywhere. None of them touches the disk: the caller saves.
"""

from __future__ import annotations

import copy
import math
import re
import secrets
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from evidence_kit.core import activity_log
from evidence_kit.core.errors import InvalidValueError, ItemNotFoundError
from evidence_kit.core.model import CLAIM_KEYS, FACT_KEYS, PLATFORMS, Case, Item

REASONS = (
    "not_received",
    "not_as_described",
    "defective",
    "wrong_item",
    "missing_parts",
    "damaged",
    "counterfeit",
    "wrong_size",
    "empty_parcel",
)
REMEDIES = ("full_refund", "partial_refund", "return_and_refund", "replacement")
ASPECTS = ("size", "colour", "material", "function", "quantity", "weight", "other")


def new_item_id(case: Case) -> str:
    """A short id, unique within the case (live items and bin)."""
    taken = {it.id for it in case.items + case.bin}
    while True:
        candidate = secrets.token_hex(3)
        if candidate not in taken:
            return candidate


def _parse_date(key: str, value: str) -> str:
    if not value:
        return ""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise InvalidValueError(f"{key} must be a date like 2026-11-20, not '{value}'") from exc


@lru_cache(maxsize=1)
def currencies() -> frozenset[str]:
    """ISO 4217 codes that are legal tender somewhere today (CLDR data, through Babel)."""
    from babel import Locale
    from babel.numbers import get_territory_currencies

    today = date.today()
    territories = [str(t) for t in Locale("en").territories]
    return frozenset(
        code
        for territory in territories
        if len(territory) == 2 and territory.isalpha()
        for code in get_territory_currencies(territory, today, tender=True)
    )


def parse_number(key: str, value: Any) -> float | None:
    """A number as people type it: "1499.90", "1 499,90", "1,499.90", "1.499,90", "12,5"."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    compact = re.sub(r"[\s\u00a0\u202f']", "", text).rstrip("%")
    if "," in compact and "." in compact:  # the later mark is the decimal one
        thousands = "," if compact.rfind(",") < compact.rfind(".") else "."
        compact = compact.replace(thousands, "").replace(",", ".")
    elif re.fullmatch(r"[1-9]\d{0,2}([.,])\d{3}(\1\d{3})*", compact):
        compact = re.sub(r"[.,]", "", compact)  # "1,499" or "1.499.000": digit groups
    else:
        compact = compact.replace(",", ".")
    try:
        number = float(compact)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or not re.fullmatch(r"-?\d+(\.\d+)?", compact):
        raise InvalidValueError(
            f"{key} must be a number like 1499.90 (1 499,90 and 1,499.90 work too), not '{value}'"
        )
    return number


def normalize_fact(key: str, value: Any) -> Any:
    """Check and convert one fact as typed by a user."""
    if key not in FACT_KEYS:
        raise InvalidValueError(f"'{key}' is not a fact; known: {', '.join(FACT_KEYS)}")
    text = "" if value is None else str(value).strip()
    if key == "platform":
        text = text.lower()
        if text and text not in PLATFORMS:
            raise InvalidValueError(f"platform must be one of {', '.join(PLATFORMS)}")
        return text
    if key == "price":
        price = parse_number(key, text)
        if price is not None and not 0 < price <= 1e9:
            raise InvalidValueError(f"price must be more than 0 (what you paid), not '{value}'")
        return None if price is None else round(price, 2)
    if key == "currency":
        if text and text.upper() not in currencies():
            raise InvalidValueError(
                f"currency must be an ISO 4217 code like USD, EUR or RUB, not '{value}'"
            )
        return text.upper()
    if key in ("ordered", "delivered"):
        return _parse_date(key, text)
    return text


def normalize_claim(key: str, value: Any) -> Any:
    """Check and convert one claim choice as typed by a user."""
    if key not in CLAIM_KEYS:
        raise InvalidValueError(f"'{key}' is not a claim key; known: {', '.join(CLAIM_KEYS)}")
    text = "" if value is None else str(value).strip()
    if key in ("received", "still_works"):
        low = text.lower()
        if low in ("yes", "y", "true", "1"):
            return True
        if low in ("no", "n", "false", "0"):
            return False
        if not low:
            return None
        raise InvalidValueError(f"{key} must be yes or no")
    if key == "reason":
        if text and text not in REASONS:
            raise InvalidValueError(f"reason must be one of {', '.join(REASONS)}")
        return text
    if key == "remedy":
        if text and text not in REMEDIES:
            raise InvalidValueError(f"remedy must be one of {', '.join(REMEDIES)}")
        return text
    if key == "refund_percent":
        pct = parse_number(key, text)
        if pct is not None and pct >= 100:
            raise InvalidValueError(
                f"refund_percent={value} is a full refund, not a partial one: set remedy=full_refund"
            )
        if pct is not None and pct < 1:
            raise InvalidValueError(
                f"refund_percent must be from 1 to 99 (a share of the price), not '{value}'"
            )
        return pct
    if key == "country":
        from babel import Locale

        code = text.upper()
        if code and (len(code) != 2 or code not in Locale("en").territories):
            raise InvalidValueError(
                f"country must be a 2-letter code like RU, DE or US, not '{value}'"
            )
        return code
    if key in DATE_CLAIM_KEYS:
        return _parse_date(key, text)
    if key == "aspect":
        # one or more, separated by ';' to pair with listing_says/received_is parts
        parts = [p.strip().lower().replace("color", "colour") for p in text.split(";")]
        bad = [p for p in parts if p and p not in ASPECTS]
        if bad:
            raise InvalidValueError(f"aspect must be one of {', '.join(ASPECTS)}, not '{bad[0]}'")
        return "; ".join(p for p in parts if p)
    if key == "return_postage":
        postage = parse_number(key, text)
        if postage is not None and not 0 <= postage <= 1e9:
            raise InvalidValueError("return_postage must be between 0 and 1e9")
        return None if postage is None else round(postage, 2)
    return text


DATE_CLAIM_KEYS = (
    "contacted_seller", "expected_by", "dispute_opened", "return_agreed", "return_attempted",
)  # fmt: skip
_NOT_BEFORE_ORDER = ("delivered", "expected_by", *DATE_CLAIM_KEYS)
_NOT_IN_FUTURE = ("ordered", "delivered", "contacted_seller", "dispute_opened", "return_agreed",
                  "return_attempted")  # fmt: skip


def check_dates(
    facts: dict[str, Any], claim: dict[str, Any], changed: set[str], today: date | None = None
) -> None:
    """Refuse dates that cannot be true: a delivery before the order, a contact in the future.

    Only rules that involve a `changed` key are checked, so an old hand-edited value never
    blocks an unrelated edit. A day of slack allows for time zones.
    """
    latest = (today or date.today()) + timedelta(days=1)
    dates = {**{k: facts.get(k) for k in ("ordered", "delivered")}, **claim}
    ordered = _iso(dates.get("ordered"))
    for key in changed:
        day = _iso(dates.get(key))
        if day is None:
            continue
        if key in _NOT_IN_FUTURE and day > latest:
            hint = ": for a date still to come, set expected_by" if key == "delivered" else ""
            raise InvalidValueError(f"{key} ({day}) is in the future{hint}")
        if key in _NOT_BEFORE_ORDER and ordered and day < ordered:
            raise InvalidValueError(f"{key} ({day}) is before the order date ({ordered})")
    if "ordered" in changed and ordered:
        for key in _NOT_BEFORE_ORDER:
            day = _iso(dates.get(key))
            if day and day < ordered:
                raise InvalidValueError(f"ordered ({ordered}) is after {key} ({day})")


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def set_values(case: Case, values: dict[str, Any]) -> None:
    """Set facts and claim choices (validated all first, so a bad one changes nothing)."""
    facts: dict[str, Any] = {}
    claim: dict[str, Any] = {}
    for key, value in values.items():
        if key in FACT_KEYS:
            facts[key] = normalize_fact(key, value)
        elif key in CLAIM_KEYS:
            claim[key] = normalize_claim(key, value)
        else:
            raise InvalidValueError(
                f"unknown key '{key}'; facts: {', '.join(FACT_KEYS)}; claim: {', '.join(CLAIM_KEYS)}"
            )
    check_dates({**vars(case.facts), **facts}, {**case.claim, **claim}, set(facts) | set(claim))
    for key, value in facts.items():
        setattr(case.facts, key, value)
    case.claim.update(claim)
    if facts:
        activity_log.append(case, "facts_set", **facts)
    if claim:
        activity_log.append(case, "claim_set", keys=sorted(claim))


def add_items(case: Case, items: list[Item]) -> None:
    """Append imported/recorded/extracted items at the end of the exhibit order."""
    for it in items:
        it.order = len(case.items)
        case.items.append(it)
        activity_log.append(
            case,
            "item_added",
            item=it.id,
            kind=it.kind,
            source=it.source,
            file=it.file,
            sha256=it.sha256,
            bytes=it.bytes,
            parent=it.parent,
            pts_s=it.pts_s,
        )


def _live(case: Case, item_id: str) -> Item:
    it = case.find(item_id)
    if it is None:
        raise ItemNotFoundError(f"No evidence item '{item_id}' in this case.")
    return it


def remove_items(case: Case, item_ids: list[str]) -> None:
    """Move items to the bin. Their files stay on disk until the bin is emptied."""
    for item_id in item_ids:
        it = _live(case, item_id)
        case.items.remove(it)
        case.bin.append(it)
        activity_log.append(case, "item_removed", item=it.id, sha256=it.sha256)


def restore_items(case: Case, item_ids: list[str]) -> None:
    """Bring items back from the bin to the end of the list."""
    for item_id in item_ids:
        it = next((b for b in case.bin if b.id == item_id), None)
        if it is None:
            raise ItemNotFoundError(f"No removed item '{item_id}' in the bin.")
        case.bin.remove(it)
        case.items.append(it)
        activity_log.append(case, "item_restored", item=it.id)


def rename_item(case: Case, item_id: str, title: str) -> None:
    """Set an item's title."""
    it = _live(case, item_id)
    it.title = title.strip()
    activity_log.append(case, "item_renamed", item=item_id, title=it.title)


def set_item_fields(case: Case, item_id: str, **values: Any) -> None:
    """Change plain item fields (note, include, crop, rotate, annotations)."""
    it = _live(case, item_id)
    allowed = {"note", "include", "crop", "rotate", "annotations", "title"}
    for key, value in values.items():
        if key not in allowed:
            raise InvalidValueError(f"item field '{key}' cannot be edited")
        setattr(it, key, copy.deepcopy(value))
    activity_log.append(case, "item_edited", item=item_id, fields=sorted(values))


def move_item(case: Case, item_id: str, new_index: int) -> None:
    """Move an item to a new position in the exhibit order."""
    it = _live(case, item_id)
    new_index = max(0, min(new_index, len(case.items) - 1))
    case.items.remove(it)
    case.items.insert(new_index, it)
    for n, item in enumerate(case.items):
        item.order = n
    activity_log.append(case, "item_moved", item=item_id, to=new_index)


def add_annotation(case: Case, item_id: str, annotation: dict[str, Any]) -> None:
    """Append one annotation (DESIGN §3 shape) to an item."""
    it = _live(case, item_id)
    if not isinstance(annotation, dict) or not isinstance(annotation.get("type"), str):
        raise InvalidValueError("an annotation must be a JSON object with a 'type'")
    it.annotations.append(copy.deepcopy(annotation))
    activity_log.append(case, "annotation_added", item=item_id, type=annotation["type"])


# --- snapshots for undo --------------------------------------------------------------------


def snapshot(case: Case) -> dict[str, Any]:
    """Everything undo can restore: facts, items and claim (never the log or the bin)."""
    doc = case.to_dict()
    return {"facts": doc["facts"], "items": doc["items"], "claim": doc["claim"]}


def restore_snapshot(case: Case, snap: dict[str, Any], label: str) -> None:
    """Return facts, items and claim to a snapshot, logging it as an undo/redo.

    Items that the snapshot no longer lists go to the bin, so their files are never
    orphaned; items it brings back leave the bin.
    """
    from evidence_kit.core.model import Facts

    target = [Item.from_dict(d, f"items[{i}]") for i, d in enumerate(snap["items"])]
    target_ids = {it.id for it in target}
    dropped = [it for it in case.items if it.id not in target_ids]
    case.bin = [b for b in case.bin if b.id not in target_ids] + dropped
    case.items = target
    case.facts = Facts.from_dict(copy.deepcopy(snap["facts"]))
    case.claim = copy.deepcopy(snap["claim"])
    activity_log.append(case, label)
