"""The clock burned into a take: where it draws, its colours, its text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import numpy as np

from evidence_kit.media.record.overlay import ClockOverlay, clock_text


def test_clock_overlay_draws_only_its_box_and_neutral_colour() -> None:
    w, h = 640, 360
    i420 = np.full((h * 3 // 2, w), 90, np.uint8)
    ClockOverlay(w, h).apply(i420, datetime(2026, 11, 20, 14, 3, 27, tzinfo=UTC))
    luma = i420[:h]
    changed_rows, changed_cols = np.nonzero(luma != 90)
    assert changed_rows.min() > h // 2 and changed_cols.max() < w // 2  # bottom-left only
    assert luma.max() > 200 and luma.min() < 30  # white text on a dark box
    chroma = i420[h:]
    assert set(np.unique(chroma)) <= {90, 128}  # the box is grey, never tinted
    assert (luma[: h // 2] == 90).all()


def test_clock_text_carries_the_utc_offset() -> None:
    when = datetime(2026, 11, 20, 14, 3, 27, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert clock_text(when) == "2026-11-20 14:03:27 UTC+05:30"
