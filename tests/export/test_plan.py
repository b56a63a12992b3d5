"""The export plan: worked out from the case alone, and what the export then writes."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.model import Case, Facts, Item
from evidence_kit.core.store import CaseStore
from evidence_kit.export.plan import plan_export
from evidence_kit.export.run import export_case
from tests.factories.export import make_case


def _item(item_id: str, kind: str, file: str, **fields: object) -> Item:
    item = Item(item_id, kind, file, "0" * 64, 1000, "2026-11-20T10:00:00Z")
    for key, value in fields.items():
        setattr(item, key, value)
    return item


def _store(tmp_path: Path, platform: str = "aliexpress") -> CaseStore:
    """A case whose files do not exist: the plan must not need them."""
    items = [
        _item("v1", "video", "originals/unboxing.mp4", title="Unboxing", include=False),
        _item("f1", "frame", "derived/frames/v1_1.000.png", parent="v1", pts_s=1.0),
        _item("p1", "photo", "originals/crack.jpg", title="Crack, close up"),
        _item("d1", "document", "originals/receipt.pdf", meta={"format": "pdf"}),
        _item("c1", "clip", "derived/clips/v1.mp4", parent="v1", pts_s=0.0, end_s=2.0),
        _item("p2", "photo", "originals/crack.jpg.png", include=False),
    ]
    case = Case(facts=Facts(platform=platform, order_id="8123"), items=items)
    return CaseStore(tmp_path / "My case — Кружка", case)


def test_plan_numbers_the_included_items_and_seals_their_sources(tmp_path: Path) -> None:
    plan = plan_export(_store(tmp_path))
    assert [(ex.number, ex.item.id) for ex in plan.exhibits] == [
        ("E1", "f1"),
        ("E2", "p1"),
        ("E3", "d1"),
        ("E4", "c1"),
    ]
    assert plan.exhibits[1].stem == "E2_crack-close-up"
    # the frame's and the clip's video is left out as an exhibit but sealed as their source
    assert [it.id for it in plan.sealed] == ["v1", "f1", "p1", "d1", "c1"]
    assert plan.exhibits[0].parent is not None and plan.exhibits[0].parent.id == "v1"
    assert plan.exhibits[0].parent_number is None
    # originals are named like their exhibits (a file name can name the shopper); a video
    # only its frames cite goes by its id
    assert plan.originals["v1"] == "originals/v1_video.mp4"
    assert plan.originals["p1"] == "originals/E2_crack-close-up.jpg"
    assert plan.originals["d1"] == "originals/E3_document.pdf"
    assert plan.bundle_name == "my-case-evidence.zip"
    assert plan.pdf_name == "my-case-summary.pdf"


def test_jobs_follow_the_platform_form(tmp_path: Path) -> None:
    store = _store(tmp_path)
    jobs = {
        ex.item.id: plan_export(store, "aliexpress").jobs_for(ex)
        for ex in plan_export(store).exhibits
    }
    assert jobs == {
        "f1": [(2, "image")],
        "p1": [(2, "image")],
        "d1": [(2, "document")],
        # E3 is a PDF, which AliExpress's form does not take: it uses none of the 3 files,
        # so E4 still gets its upload clip
        "c1": [(0, "clip"), (1, "sheet")],
    }
    shopee = plan_export(store, "shopee")  # video, and no file count: the clip starts first
    assert shopee.jobs_for(shopee.exhibits[3]) == [(0, "clip"), (1, "sheet")]
    ali = plan_export(store, "aliexpress")
    assert ali.attached == {"E1", "E2", "E4"} and [ex.number for ex in ali.on_request] == ["E3"]
    ebay = plan_export(store, "ebay")  # no video on eBay's form: the sheet stands in
    assert not ebay.takes_video and ebay.jobs_for(ebay.exhibits[3]) == [(1, "sheet")]
    amazon = plan_export(store, "Amazon ")  # a form with no attachments at all
    assert amazon.platform == "amazon" and not amazon.uploads_allowed
    asked_none = plan_export(store, "aliexpress", upload=False)
    assert not asked_none.uploads_allowed and not asked_none.takes_video


def test_a_case_without_a_known_platform_cannot_be_planned(tmp_path: Path) -> None:
    store = _store(tmp_path, platform="")
    with pytest.raises(InvalidValueError, match="Choose the platform"):
        plan_export(store)
    with pytest.raises(InvalidValueError, match="Choose the platform"):
        plan_export(store, "etsy")


def test_the_export_writes_what_the_plan_names(tmp_path: Path) -> None:
    store = make_case(tmp_path / "src")
    plan = plan_export(store)
    result = export_case(store, tmp_path / "out", today=date(2026, 11, 25), record=False)
    assert result.bundle.name == plan.bundle_name and result.pdf.name == plan.pdf_name
    names = set(zipfile.ZipFile(result.bundle).namelist())
    assert set(plan.originals.values()) == {n for n in names if n.startswith("originals/")}
    uploaded = {f.exhibit for f in result.files}
    # the form's first N exhibits, by the same rule as the claim (claim/attachments.py)
    assert uploaded == plan.attached and plan.attached <= {ex.number for ex in plan.exhibits}
