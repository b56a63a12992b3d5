"""Pure edits of one item's marks: insert, remove (markers renumber) and replace.

Each checks its marks against the schema (core/annotations), changes only the positions it
names, writes one activity-log entry, and returns what an undo needs to put things back:
`insert_marks` undoes `remove_marks` exactly, and `replace_marks` undoes itself. Nothing
here touches the disk; the caller saves.
"""

from __future__ import annotations

import copy
from typing import Any

from evidence_kit.core import activity_log
from evidence_kit.core import annotations as A
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.model import Case

Marks = dict[int, dict[str, Any]]  # list position -> mark


def _checked(marks: Marks) -> Marks:
    out = {}
    for index, mark in sorted(marks.items()):
        A.validate(mark, index)
        out[index] = copy.deepcopy(mark)
    return out


def _fits(it: Any, marks: Marks) -> None:
    """A video or clip takes only masks: it is played and cut, never drawn on."""
    if it.is_video and any(m.get("type") != "redact" for m in marks.values()):
        raise InvalidValueError(
            f"item {it.id} is a {it.kind}: it takes only masks (type redact, with from/to);"
            " grab a frame to draw arrows or text"
        )


def _types(marks: Marks) -> list[str]:
    return [str(m.get("type")) for _, m in sorted(marks.items())]


def insert_marks(case: Case, item_id: str, marks: Marks, renumbered: Marks | None = None) -> None:
    """Put marks in so they end up at these positions; first give `renumbered` positions
    back their old dicts (what `remove_marks` returned)."""
    it = case.live(item_id)
    new, old = _checked(marks), _checked(renumbered or {})
    _fits(it, new)
    if any(i >= len(it.annotations) for i in old):
        raise InvalidValueError(f"item {item_id} has no mark {max(old) + 1}")
    if any(not 0 <= i <= len(it.annotations) + n for n, i in enumerate(sorted(new))):
        raise InvalidValueError(f"marks cannot go at {sorted(new)} in item {item_id}")
    for index, mark in old.items():
        it.annotations[index] = mark
    for index, mark in new.items():  # ascending, so each lands where it is meant to
        it.annotations.insert(index, mark)
    activity_log.append(
        case, "annotation_added", item=item_id, positions=sorted(new), types=_types(new)
    )


def remove_marks(
    case: Case, item_id: str, indexes: list[int], renumber: bool = True
) -> tuple[Marks, Marks]:
    """Take marks out; markers left renumber 1..n in list order (unless renumber=False,
    as when an addition is undone).

    Returns the removed marks by their position, and the renumbered markers' old dicts by
    their position after the removal.
    """
    it = case.live(item_id)
    chosen = sorted(set(indexes))
    if not chosen or chosen[0] < 0 or chosen[-1] >= len(it.annotations):
        raise InvalidValueError(f"item {item_id} has no mark(s) {[i + 1 for i in chosen]}")
    removed = {i: it.annotations[i] for i in chosen}
    kept = [m for i, m in enumerate(it.annotations) if i not in removed]
    numbered = A.renumber_markers(kept) if renumber else kept
    renumbered = {i: m for i, (m, n) in enumerate(zip(kept, numbered, strict=True)) if m != n}
    it.annotations = numbered
    activity_log.append(
        case, "annotation_removed", item=item_id, positions=chosen, types=_types(removed)
    )
    return removed, renumbered


def replace_marks(case: Case, item_id: str, marks: Marks, change: str = "edited") -> Marks:
    """Give the marks at these positions new dicts; returns the old ones.

    `change` says what happened for the log: "moved", "reshaped", "restyled", "edited".
    """
    it = case.live(item_id)
    new = _checked(marks)
    _fits(it, new)
    if any(not 0 <= i < len(it.annotations) for i in new):
        raise InvalidValueError(f"item {item_id} has no mark(s) {[i + 1 for i in new]}")
    old = {i: it.annotations[i] for i in new}
    for index, mark in new.items():
        it.annotations[index] = mark
    activity_log.append(
        case, f"annotation_{change}", item=item_id, positions=sorted(new), types=_types(new)
    )
    return old
