"""Item kinds: one enum, stored in case.json as the same plain strings, and what each kind is."""

from __future__ import annotations

import json

import pytest

from evidence_kit.core.errors import CaseCorruptError
from evidence_kit.core.model import Case, Item, ItemKind

HASH = "a" * 64


def _item(kind: str, file: str = "originals/x.jpg", **meta: object) -> Item:
    return Item("i1", kind, file, HASH, 10, "2026-11-20T10:00:00Z", meta=dict(meta))


def test_kinds_load_as_the_enum_and_save_as_the_same_strings() -> None:
    doc = {
        "schema_version": 2,
        "facts": {},
        "claim": {},
        "log": [],
        "items": [
            {"id": f"i{n}", "kind": kind, "file": f"originals/{n}", "sha256": HASH, "bytes": 1,
             "imported_at": "2026-11-20T10:00:00Z"}
            for n, kind in enumerate(["video", "photo", "frame", "clip", "document"])
        ],
    }  # fmt: skip
    case = Case.from_dict(doc)
    assert [type(it.kind) for it in case.items] == [ItemKind] * 5
    saved = json.loads(json.dumps(case.to_dict()))
    assert [it["kind"] for it in saved["items"]] == ["video", "photo", "frame", "clip", "document"]
    assert Case.from_dict(saved).to_dict() == case.to_dict()


def test_an_unknown_kind_names_the_field() -> None:
    doc = {"id": "i1", "kind": "hologram", "file": "originals/x", "sha256": HASH, "bytes": 1,
           "imported_at": "2026-11-20T10:00:00Z"}  # fmt: skip
    with pytest.raises(CaseCorruptError, match=r"items\[3\]\.kind must be one of video, photo"):
        Item.from_dict(doc, "items[3]")
    with pytest.raises(CaseCorruptError, match=r"items\[3\]\.kind must be text"):
        Item.from_dict(dict(doc, kind=7), "items[3]")


def test_a_kind_given_as_text_in_code_becomes_the_enum() -> None:
    assert _item("clip").kind is ItemKind.CLIP
    with pytest.raises(ValueError):
        _item("hologram")


@pytest.mark.parametrize(
    ("item", "video", "pdf", "image"),
    [
        (_item("video", "originals/a.mov"), True, False, False),
        (_item("clip", "derived/clips/a.mp4"), True, False, False),
        (_item("photo"), False, False, True),
        (_item("frame", "derived/frames/a.png"), False, False, True),
        (_item("document", "originals/listing.png", format="png"), False, False, True),
        (_item("document", "originals/receipt.PDF"), False, True, False),
        (_item("document", "originals/receipt", format="pdf"), False, True, False),
    ],
)
def test_what_each_kind_is(item: Item, video: bool, pdf: bool, image: bool) -> None:
    assert (item.is_video, item.is_pdf, item.is_image) == (video, pdf, image)
