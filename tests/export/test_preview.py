"""The Export page's preview says exactly what the export then writes, on every platform kind:
video taken (AliExpress, 3 files), video as a contact sheet (eBay), no files (Amazon), no
file count (PayPal), and PDFs where the form takes none."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_kit.core import case_ops
from evidence_kit.export import preview as P
from evidence_kit.export.plan import plan_export
from evidence_kit.export.run import export_case
from evidence_kit.media.importer import add_files
from tests.factories.export import make_case
from tests.factories.media import make_pdf


def _case(tmp_path: Path, platform: str):  # type: ignore[no-untyped-def]
    """make_case (video, photo, masked photo, screenshot, frame) plus a PDF receipt."""
    store = make_case(tmp_path / platform, platform=platform)
    pdf = make_pdf(tmp_path / platform / "src" / "receipt.pdf")
    (item,) = add_files(store, [pdf]).items
    case_ops.rename_item(store.case, item.id, "Receipt")
    store.save()
    return store


def _written(upload_dir: Path | None) -> dict[str, int]:
    if upload_dir is None or not upload_dir.exists():
        return {}
    return {p.name: p.stat().st_size for p in upload_dir.iterdir() if p.name != "README.txt"}


@pytest.mark.parametrize("platform", ["aliexpress", "ebay", "amazon", "paypal"])
def test_preview_is_what_the_export_writes(tmp_path: Path, platform: str) -> None:
    store = _case(tmp_path, platform)
    plan = plan_export(store)
    planned = P.preview_rows(plan)
    assert [r.number for r in planned] == [ex.number for ex in plan.exhibits]

    checked = P.check_upload(store, platform)
    measured = P.preview_rows(plan, checked.outcomes)
    result = export_case(store, tmp_path / f"out-{platform}", record=False)
    written = _written(result.upload_dir)
    after = P.preview_rows(plan, P.outcomes(plan, result.files, result.problems))

    # the planned names are the names written, and nothing else is written
    assert {r.name for r in planned if r.name} == set(written)
    # the check measured the very files the export wrote, byte for byte in size
    assert {r.name: r.bytes for r in measured if r.name} == written
    assert measured == after
    for row in measured:
        if row.name:
            assert row.state == P.FITS, row
        else:
            assert row.state in (P.ON_REQUEST, P.NOT_TAKEN, P.NO_FILES), row


def test_the_rules_show_before_any_file_is_made(tmp_path: Path) -> None:
    """The defects of issue 18 item 4, from the plan alone."""
    store = _case(tmp_path, "ebay")
    rows = {r.title: r for r in P.preview_rows(plan_export(store))}
    video = rows["Unboxing video"]
    assert video.sheet and video.name.endswith("_sheet.jpg") and video.state == P.PLANNED
    assert rows["Receipt"].name.endswith(".pdf")  # eBay takes PDFs

    rows = P.preview_rows(plan_export(store, "aliexpress"))
    states = [r.state for r in rows]
    # at most 3 files: the first three in order get one, the rest are available on request
    assert states[:3] == [P.PLANNED] * 3
    assert set(states[3:]) <= {P.ON_REQUEST, P.NOT_TAKEN} and P.ON_REQUEST in states[3:]
    assert next(r for r in rows if r.title == "Receipt").state == P.NOT_TAKEN

    rows = P.preview_rows(plan_export(store, "amazon"))
    assert {r.state for r in rows} == {P.NO_FILES}
    rows = P.preview_rows(plan_export(store, "ebay", upload=False))
    assert {r.state for r in rows} == {P.NO_PACK}


def test_a_measured_size_stays_until_its_exhibit_changes(tmp_path: Path) -> None:
    store = _case(tmp_path, "ebay")
    checked = P.check_upload(store, "ebay")
    photo = next(it for it in store.case.items if it.title == "Crack, close up")
    case_ops.add_annotation(
        store.case,
        photo.id,
        {"type": "rect", "rect": [5, 5, 50, 50], "color": "#e53935", "width": 4},
    )
    rows = {r.title: r for r in P.preview_rows(plan_export(store), checked.outcomes)}
    assert rows["Crack, close up"].state == P.PLANNED and rows["Crack, close up"].bytes is None
    assert rows["Shipping label (masked)"].state == P.FITS
    assert rows["Shipping label (masked)"].bytes


def test_a_pdf_the_form_does_not_take_is_on_request_in_the_claim_too(tmp_path: Path) -> None:
    from evidence_kit.claim.attachments import attachments

    store = _case(tmp_path, "aliexpress")
    receipt = next(it for it in store.case.items if it.title == "Receipt")
    # first in order: it takes no room, so three other files still go
    case_ops.move_item(store.case, receipt.id, 0)
    atts = attachments(store.case, "aliexpress")
    assert not atts[0].attached and "PDF" in atts[0].why
    assert sum(a.attached for a in atts) == 3
    result = export_case(store, tmp_path / "out", record=False)
    assert len(_written(result.upload_dir)) == 3
    assert any("does not take PDF files" in w for w in result.warnings)
