"""Pure edits of a Case. Each one validates its input and writes the activity log.

The GUI's undo commands and the CLI both call these, so an edit means the same thing
everywhere; an undo calls them too, with the values the command kept (marks are edited in
core/mark_ops). None of them touches the disk: the caller saves.
"""

from __future__ import annotations

import copy
import secrets
from typing import Any

from evidence_kit.core import activity_log, case_checks, mark_ops
from evidence_kit.core import annotations as A
from evidence_kit.core.case_values import check_dates, normalize_claim, normalize_fact
from evidence_kit.core.errors import CaseCorruptError, InvalidValueError, ItemNotFoundError
from evidence_kit.core.model import CLAIM_KEYS, FACT_KEYS, SHOWS_MAX, Case, Item


def new_item_id(case: Case) -> str:
    """A short id, unique within the case (live items and bin)."""
    taken = {it.id for it in case.items + case.bin}
    while True:
        candidate = secrets.token_hex(3)
        if candidate not in taken:
            return candidate


class _Missing:
    """Stands for "this claim key was not set" when values are put back."""

    def __repr__(self) -> str:
        return "MISSING"

    def __deepcopy__(self, memo: dict[int, Any]) -> _Missing:
        return self  # one sentinel, however often an undo step is copied


MISSING: Any = _Missing()


def normalize_values(case: Case, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Facts and claim choices as typed, checked and converted (all, before any is set),
    with their dates checked against the case's."""
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
    return facts, claim


def current_values(case: Case, facts: list[str], claim: list[str]) -> tuple[dict, dict]:
    """The stored values of these facts and claim keys (MISSING for an unset claim key)."""
    return (
        {key: getattr(case.facts, key) for key in facts},
        {key: copy.deepcopy(case.claim.get(key, MISSING)) for key in claim},
    )


def put_values(case: Case, facts: dict[str, Any], claim: dict[str, Any]) -> None:
    """Store already checked values as they are (MISSING unsets a claim key) and log them."""
    for key, value in facts.items():
        if key not in FACT_KEYS:
            raise InvalidValueError(f"'{key}' is not a fact; known: {', '.join(FACT_KEYS)}")
        setattr(case.facts, key, value)
    for key, value in claim.items():
        if value is MISSING:
            case.claim.pop(key, None)
        else:
            case.claim[key] = copy.deepcopy(value)
    if facts:
        activity_log.append(case, "facts_set", **facts)
    if claim:
        activity_log.append(case, "claim_set", keys=sorted(claim))


def set_values(case: Case, values: dict[str, Any]) -> None:
    """Set facts and claim choices (validated all first, so a bad one changes nothing)."""
    put_values(case, *normalize_values(case, values))


def _renumber(case: Case) -> None:
    # `order` mirrors the list position, so memory always matches what a save writes
    for n, item in enumerate(case.items):
        item.order = n


def add_items(case: Case, items: list[Item]) -> None:
    """Append imported/recorded/extracted items at the end of the exhibit order."""
    for it in items:
        case.items.append(it)
        _renumber(case)
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


def remove_items(case: Case, item_ids: list[str], bin_index: int | None = None) -> None:
    """Move items to the bin (at `bin_index`, default its end). Their files stay on disk
    until the bin is emptied."""
    for n, item_id in enumerate(item_ids):
        it = case.live(item_id)
        case.items.remove(it)
        case.bin.insert(len(case.bin) if bin_index is None else bin_index + n, it)
        _renumber(case)
        activity_log.append(case, "item_removed", item=it.id, sha256=it.sha256)


def restore_items(case: Case, item_ids: list[str], index: int | None = None) -> None:
    """Bring items back from the bin, to `index` in the list (default: the end)."""
    for n, item_id in enumerate(item_ids):
        it = next((b for b in case.bin if b.id == item_id), None)
        if it is None:
            raise ItemNotFoundError(f"No removed item '{item_id}' in the bin.")
        case.bin.remove(it)
        case.items.insert(len(case.items) if index is None else index + n, it)
        _renumber(case)
        activity_log.append(case, "item_restored", item=it.id)


def empty_bin(case: Case) -> list[Item]:
    """Forget the removed items for good (the store deletes their files); returns them."""
    gone, case.bin = case.bin, []
    for it in gone:
        activity_log.append(case, "bin_emptied_item", item=it.id, sha256=it.sha256)
    return gone


def rename_item(case: Case, item_id: str, title: str) -> None:
    """Set an item's title."""
    it = case.live(item_id)
    it.title = title.strip()
    activity_log.append(case, "item_renamed", item=item_id, title=it.title)


def set_item_fields(case: Case, item_id: str, **values: Any) -> None:
    """Change plain item fields (note, include, crop, rotate, annotations, title, shows)."""
    it = case.live(item_id)
    for key, value in values.items():
        _check_field(key, value)
    for key, value in values.items():
        setattr(it, key, copy.deepcopy(value))
    activity_log.append(case, "item_edited", item=item_id, fields=sorted(values))


def _check_field(key: str, value: Any) -> None:
    # the same rules the load applies (core/model.py), so an edit never makes a case that
    # cannot be opened again
    if key == "annotations":
        A.validate_all(value)
        _check_mark_count(len(value))
    elif key == "crop":
        if value is not None and (not isinstance(value, list) or len(value) != 4):
            raise InvalidValueError("crop must be [x, y, w, h]")
        try:
            case_checks.check_item({"crop": value}, "crop")
        except CaseCorruptError as exc:
            raise InvalidValueError(str(exc).removeprefix("case.json: ")) from None
    elif key == "rotate":
        if value not in (0, 90, 180, 270) or isinstance(value, bool):
            raise InvalidValueError("rotate must be 0, 90, 180 or 270")
    elif key == "include":
        if not isinstance(value, bool):
            raise InvalidValueError("include must be true or false")
    elif key in ("note", "title", "shows"):
        if not isinstance(value, str):
            raise InvalidValueError(f"{key} must be text")
        if key == "shows" and ("\n" in value or len(value) > SHOWS_MAX):
            raise InvalidValueError(
                f"'what it shows' is one line of at most {SHOWS_MAX} characters"
            )
    else:
        raise InvalidValueError(f"item field '{key}' cannot be edited")


def _check_mark_count(count: int) -> None:
    if count > case_checks.MAX_MARKS:
        raise InvalidValueError(
            f"an item can have at most {case_checks.MAX_MARKS} marks; "
            "put the rest on a copy of the photo"
        )


def move_item(case: Case, item_id: str, new_index: int) -> None:
    """Move an item to a new position in the exhibit order."""
    it = case.live(item_id)
    new_index = max(0, min(new_index, len(case.items) - 1))
    case.items.remove(it)
    case.items.insert(new_index, it)
    _renumber(case)
    activity_log.append(case, "item_moved", item=item_id, to=new_index)


def add_annotation(case: Case, item_id: str, annotation: dict[str, Any]) -> None:
    """Append one annotation (DESIGN §3 shape) to an item."""
    _check_mark_count(len(case.live(item_id).annotations) + 1)
    mark_ops.insert_marks(case, item_id, {len(case.live(item_id).annotations): annotation})
