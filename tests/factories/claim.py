"""In-memory cases for the claim tests: facts, claim choices and evidence items, no files."""

from __future__ import annotations

import hashlib
from typing import Any

from evidence_kit.core.model import Case, Facts, Item


def item(
    item_id: str,
    kind: str,
    title: str = "",
    *,
    pts_s: float | None = None,
    end_s: float | None = None,
    parent: str | None = None,
    size: int = 200_000,
    fmt: str = "",
    duration_s: float | None = None,
    redact: bool = False,
    include: bool = True,
    note: str = "",
) -> Item:
    """An evidence item whose file need not exist."""
    meta: dict[str, Any] = {}
    if fmt:
        meta["format"] = fmt
    if duration_s is not None:
        meta["duration_s"] = duration_s
    ext = {"video": "mp4", "clip": "mp4", "document": fmt or "pdf"}.get(kind, "jpg")
    return Item(
        id=item_id,
        kind=kind,
        file=f"originals/{item_id}.{ext}",
        sha256=hashlib.sha256(item_id.encode()).hexdigest(),
        bytes=size,
        imported_at="2026-11-21T10:00:00Z",
        source="extracted" if kind in ("frame", "clip") else "imported",
        parent=parent,
        pts_s=pts_s,
        end_s=end_s,
        title=title,
        note=note,
        include=include,
        annotations=[{"type": "redact", "rect": [0, 0, 10, 10], "style": "solid"}]
        if redact
        else [],
        meta=meta,
    )


def unboxing_items() -> list[Item]:
    """A typical received-parcel set: video, a frame at 00:01:12, a photo, a masked label."""
    return [
        item("vid001", "video", "Unboxing video", duration_s=45.0, fmt="mp4", size=8_000_000),
        item("frm002", "frame", "Defect visible", pts_s=72.4, parent="vid001", fmt="png"),
        item("pho003", "photo", "Close-up with ruler", fmt="jpeg"),
        item("lab004", "photo", "Shipping label", fmt="jpeg", redact=True),
    ]


def make_case(
    platform: str, facts: dict[str, Any], claim: dict[str, Any], items: list[Item]
) -> Case:
    """A Case with the given platform, facts, claim choices and items (in exhibit order)."""
    case = Case(facts=Facts(platform=platform, **facts), claim=dict(claim))
    for n, it in enumerate(items):
        it.order = n
    case.items = list(items)
    return case
