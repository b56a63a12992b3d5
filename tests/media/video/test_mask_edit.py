"""The video panel's mask edits, Qt-free: a new box over a range, key positions, ranges."""

from __future__ import annotations

import pytest

from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.media.video import mask_edit
from evidence_kit.media.video.masks import rect_at


def test_keys_interpolate_and_replace_a_key_at_the_same_time() -> None:
    mask = mask_edit.new_mask([0, 0, 10, 10], "solid", 4.0, 1.0)  # ends given backwards
    assert (mask["from"], mask["to"]) == (1.0, 4.0) and "keys" not in mask
    moved = mask_edit.with_key(mask, 3.0, [20, 0, 10, 10])
    assert moved["keys"] == [[1.0, [0, 0, 10, 10]], [3.0, [20, 0, 10, 10]]]
    assert rect_at(moved, 2.0) == [10, 0, 10, 10]
    again = mask_edit.with_key(moved, 3.01, [40, 0, 10, 10])  # the same frame: replaced
    assert [k[0] for k in again["keys"]] == [1.0, 3.01]
    at_start = mask_edit.with_key(mask, 1.0, [5, 5, 10, 10])  # at its start: just moved
    assert "keys" not in at_start and at_start["rect"] == [5, 5, 10, 10]
    ranged = mask_edit.with_range(moved, 0.5, 6.0)
    assert (ranged["from"], ranged["to"], ranged["keys"]) == (0.5, 6.0, moved["keys"])
    assert "2 positions" in mask_edit.row_text(moved, 1)
    assert mask_edit.shown_at([(3, moved)], 5.0) == []
    assert mask_edit.shown_at([(3, moved)], 2.0) == [(3, [10, 0, 10, 10])]


def test_a_blur_is_refused() -> None:
    with pytest.raises(EvidenceKitError, match="never used for redaction"):
        mask_edit.new_mask([0, 0, 5, 10], "blur", 0.0, 1.0)
