"""Marks are checked where the case is loaded: a bad one stops the open, names the item and
the field, and leaves case.json as it was (defect: a 3-number redact rect opened silently)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from evidence_kit.core.errors import CaseCorruptError
from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.media.importer import add_files
from tests.factories.media import make_photo, make_video


def _case_with_marks(tmp_path: Path, marks: list[Any], video: bool = False) -> tuple[Path, str]:
    store = new_case(tmp_path / "case", platform="ebay", order_id="1")
    if video:
        media = make_video(tmp_path / "v.mp4", seconds=1.0, fps=10, size=(160, 120))
    else:
        media = make_photo(tmp_path / "p.jpg")
    item = add_files(store, [media]).items[0]
    doc = json.loads(store.case_file.read_text(encoding="utf-8"))
    doc["items"][0]["annotations"] = marks
    store.case_file.write_text(json.dumps(doc), encoding="utf-8")
    return store.root, item.id


def test_a_redaction_with_a_three_number_rect_stops_the_open(tmp_path: Path) -> None:
    root, item_id = _case_with_marks(
        tmp_path,
        [{"type": "arrow", "points": [[1, 2], [3, 4]]}, {"type": "redact", "rect": [10, 20, 30]}],
    )
    before = (root / "case.json").read_bytes()
    with pytest.raises(CaseCorruptError) as caught:
        CaseStore.open(root)
    assert caught.value.field == "items[0].annotations[1].rect"
    assert item_id in str(caught.value) and "rect" in str(caught.value)
    assert (root / "case.json").read_bytes() == before


@pytest.mark.parametrize(
    ("mark", "field"),
    [
        ("not a mark", "annotations[0]"),
        ({"type": "blur", "rect": [0, 0, 5, 5]}, "annotations[0].type"),
        ({"rect": [0, 0, 5, 5]}, "annotations[0].type"),
        ({"type": "arrow", "points": [[1, 2]]}, "annotations[0].points"),
        ({"type": "line", "points": [[1, 2], [3]]}, "annotations[0].points"),
        ({"type": "pen", "points": "zigzag"}, "annotations[0].points"),
        ({"type": "rect", "rect": [0, 0, "5", 5]}, "annotations[0].rect"),
        ({"type": "rect", "rect": [0, 0, math.nan, 5]}, "annotations[0].rect"),
        ({"type": "ellipse", "rect": [0, 0, math.inf, 5]}, "annotations[0].rect"),
        ({"type": "rect", "rect": [0, 0, 5, 5], "color": "red"}, "annotations[0].color"),
        ({"type": "rect", "rect": [0, 0, 5, 5], "width": 0}, "annotations[0].width"),
        ({"type": "rect", "rect": [0, 0, 5, 5], "width": True}, "annotations[0].width"),
        ({"type": "text", "at": [1, 2], "text": ""}, "annotations[0].text"),
        ({"type": "text", "at": [1, 2], "text": "x", "size": 1}, "annotations[0].size"),
        ({"type": "text", "at": [1, 2], "text": "x", "box": "#00000"}, "annotations[0].box"),
        ({"type": "marker", "at": [1]}, "annotations[0].at"),
        ({"type": "marker", "at": [1, 2], "number": -1}, "annotations[0].number"),
        ({"type": "marker", "at": [1, 2], "size": 3000}, "annotations[0].size"),
        ({"type": "redact", "rect": [0, 0, 5, 5], "style": "blur"}, "annotations[0].style"),
    ],
)
def test_every_bad_mark_is_named(tmp_path: Path, mark: Any, field: str) -> None:
    root, _ = _case_with_marks(tmp_path, [mark])
    before = (root / "case.json").read_bytes()
    with pytest.raises(CaseCorruptError) as caught:
        CaseStore.open(root)
    assert caught.value.field == f"items[0].{field}"
    assert (root / "case.json").read_bytes() == before


def test_a_video_redaction_may_carry_its_times_and_key_positions(tmp_path: Path) -> None:
    timed = {
        "type": "redact",
        "rect": [10, 10, 40, 30],
        "from": 0.5,
        "to": 2,
        "keys": [[0.5, [10, 10, 40, 30]], [2, [60, 20, 40, 30]]],
    }
    root, item_id = _case_with_marks(tmp_path, [timed], video=True)
    assert CaseStore.open(root).case.item(item_id).annotations == [timed]


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"from": -1, "to": 2}, "from"),
        ({"from": 3, "to": 2}, "to"),
        ({"from": 0, "to": math.nan}, "to"),
        ({"from": 0, "to": 2, "keys": [[1, [1, 2, 3]]]}, "keys"),
        ({"from": 0, "to": 2, "keys": "left"}, "keys"),
    ],
)
def test_bad_video_redaction_times_are_named(
    tmp_path: Path, extra: dict[str, Any], field: str
) -> None:
    root, _ = _case_with_marks(
        tmp_path, [{"type": "redact", "rect": [0, 0, 5, 5], **extra}], video=True
    )
    with pytest.raises(CaseCorruptError) as caught:
        CaseStore.open(root)
    assert caught.value.field == f"items[0].annotations[0].{field}"


def test_good_marks_load_exactly_as_written(tmp_path: Path) -> None:
    marks = [
        {"type": "arrow", "points": [[120, 80], [340, 260]], "color": "#e53935", "width": 6},
        {"type": "rect", "rect": [1, 2, 3, 4], "color": "#E53935", "width": 4},
        {"type": "text", "at": [5, 6], "text": "crack", "size": 32, "box": None},
        {"type": "marker", "at": [7, 8], "number": 1},
        {"type": "pen", "points": [[1, 1]], "highlight": True},
        {"type": "redact", "rect": [9, 9, -5, 5], "style": "pixelate"},
    ]
    root, item_id = _case_with_marks(tmp_path, marks)
    assert CaseStore.open(root).case.item(item_id).annotations == marks
