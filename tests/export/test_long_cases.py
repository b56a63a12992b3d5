"""Long cases stay bounded where a person reads them (issue 14, item 6).

The PDF's timeline shows the start and the end of a long activity log and says where the
rest is; manifest.json keeps every entry. An item cannot collect more marks than the limit.
Speed is measured in benchmarks/bench_faults.py, never here.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from evidence_kit.core import activity_log, case_ops
from evidence_kit.core.case_checks import MAX_MARKS
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.export.pdf_content import PDF_LOG_HEAD, PDF_LOG_TAIL
from evidence_kit.export.run import export_case
from evidence_kit.export.verify import verify_bundle
from tests.factories.export import make_case


def test_a_long_log_is_bounded_in_the_pdf_and_whole_in_the_manifest(tmp_path: Path) -> None:
    store = make_case(tmp_path / "c", frame=False)
    for n in range(1200):
        activity_log.append(store.case, "claim_set", keys=["notes"], step=f"step-{n:04d}")
    store.save()
    total = len(store.case.log)
    result = export_case(store, tmp_path / "out", upload=False, record=False)
    text = subprocess.run(
        ["pdftotext", "-layout", str(result.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    left_out = total - PDF_LOG_HEAD - PDF_LOG_TAIL
    assert f"{left_out:,} entries are left out here" in " ".join(text.split())
    assert f"full log of {total:,} entries is in manifest.json" in " ".join(text.split())
    shown = {n for n in range(1200) if f"step-{n:04d}" in text}
    assert max(shown) == 1199 and len(shown) == PDF_LOG_TAIL + PDF_LOG_HEAD - (total - 1200)
    with zipfile.ZipFile(result.bundle) as zf:
        assert len(json.loads(zf.read("manifest.json"))["log"]) == total
    report = verify_bundle(result.bundle)
    assert report.ok and report.log_entries == total


def test_an_item_takes_no_more_marks_than_the_limit(tmp_path: Path) -> None:
    store = make_case(tmp_path / "c", frame=False)
    item = store.case.items[1]
    marks = [{"type": "marker", "at": [5, 5], "number": 1}] * (MAX_MARKS - 1)
    case_ops.set_item_fields(store.case, item.id, annotations=marks)
    case_ops.add_annotation(store.case, item.id, {"type": "marker", "at": [5, 5]})
    assert len(item.annotations) == MAX_MARKS
    with pytest.raises(InvalidValueError, match=f"at most {MAX_MARKS} marks"):
        case_ops.add_annotation(store.case, item.id, {"type": "marker", "at": [5, 5]})
    with pytest.raises(InvalidValueError, match=f"at most {MAX_MARKS} marks"):
        case_ops.set_item_fields(store.case, item.id, annotations=marks + marks[:2])
    assert len(item.annotations) == MAX_MARKS


def test_verify_lists_each_absent_file_once(tmp_path: Path) -> None:
    store = make_case(tmp_path / "c", frame=False)
    result = export_case(store, tmp_path / "out", upload=False, record=False)
    stripped = tmp_path / "stripped.zip"
    with zipfile.ZipFile(result.bundle) as src, zipfile.ZipFile(stripped, "w") as dst:
        for info in src.infolist():
            if not info.filename.startswith("originals/"):
                dst.writestr(info, src.read(info))
    report = verify_bundle(stripped)
    originals = [f for f in json.loads(zipfile.ZipFile(stripped).read("manifest.json"))["files"]
                 if f["path"].startswith("originals/")]  # fmt: skip
    assert report.missing == sorted(f["path"] for f in originals)
