"""The dispute in the export: manifest.json carries the events, summary.pdf has a timeline page."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from evidence_kit.core import event_ops
from evidence_kit.export.run import export_case
from tests.factories.export import make_case

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")


def test_manifest_and_pdf_carry_the_events(tmp_path: Path) -> None:
    store = make_case(tmp_path, frame=False)
    case = store.case
    shot = case.items[3].id  # the screenshot of the listing stands in for the seller's message
    for kind, day, kw in [
        ("dispute_opened", "2026-11-21", {}),
        ("seller_replied", "2026-11-22", {"reply": "offer", "amount": 1.25, "items": [shot]}),
        ("return_shipped", "2026-11-24", {"tracking": "RR123456789CN"}),
    ]:
        event_ops.add_event(case, event_ops.make_event(case, kind, day, today=date(2026, 11, 25), **kw))  # type: ignore[arg-type]  # fmt: skip
    store.save()
    result = export_case(store, tmp_path / "out", today=date(2026, 11, 25))
    with zipfile.ZipFile(result.bundle) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert [e["kind"] for e in manifest["events"]] == ["dispute_opened", "seller_replied", "return_shipped"]  # fmt: skip
    assert manifest["events"][1]["items"] == [shot] and manifest["events"][1]["amount"] == 1.25
    assert [e["action"] for e in manifest["log"]].count("event_added") == 3
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(result.pdf), "-"], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
        page = text[text.index("Dispute timeline") : text.index("Timeline (activity log)")]
        assert "Seller replied: an offer" in page and "1.25 USD" in page and "evidence E4" in page
        assert "RR123456789CN" in page and "Next action" in page


def test_no_timeline_page_without_events(tmp_path: Path) -> None:
    from evidence_kit.export.pdf_timeline import timeline_page

    store = make_case(tmp_path, frame=False)
    assert timeline_page(store.case) is None
