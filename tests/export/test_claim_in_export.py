"""Issue 11 in the export: the upload pack follows the claim's attachment rule, and a claim
whose edited text went stale is exported with its numbers fixed and a warning first."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

from evidence_kit.claim.draft import draft_claim
from evidence_kit.claim.edits import set_text
from evidence_kit.core import case_ops
from evidence_kit.core.store import CaseStore
from evidence_kit.export.run import export_case
from tests.factories.export import make_case

TODAY = date(2026, 11, 25)


def test_upload_pack_and_claim_name_the_same_attached_exhibits(tmp_path: Path) -> None:
    store = make_case(tmp_path / "src")  # AliExpress: at most 3 files; 5 exhibits
    case_ops.set_values(store.case, {"received": "yes", "reason": "damaged", "remedy": "full_refund"})  # fmt: skip
    result = export_case(store, tmp_path / "out", today=TODAY, record=False)
    assert sorted(f.exhibit for f in result.files) == ["E1", "E2", "E3"]
    with zipfile.ZipFile(result.bundle) as z:
        claim_txt = z.read("claim.txt").decode("utf-8")
    attached = claim_txt.split("Evidence (attached):")[1].split("Available on request:")[0]
    assert "E3" in attached and "E4" not in attached
    assert any("E4, E5 are not in upload/" in w for w in result.warnings)


def test_a_stale_edited_claim_is_renumbered_and_warned_about(tmp_path: Path) -> None:
    store = make_case(tmp_path / "src", platform="shopee")
    case = store.case
    case_ops.set_values(case, {"received": "yes", "reason": "damaged", "remedy": "full_refund"})
    first, second = case.items[0], case.items[1]  # the video E1, the photo E2
    set_text(case, draft_claim(case, TODAY).text + "\n\nThe crack shows in E2.", TODAY)
    case_ops.move_item(case, second.id, 0)  # the photo is now E1, the video E2
    store.save()
    result = export_case(store, tmp_path / "out", today=TODAY, record=False)
    with zipfile.ZipFile(result.bundle) as z:
        claim_txt = z.read("claim.txt").decode("utf-8")
    assert "The crack shows in E1." in claim_txt and first.id != second.id
    assert result.warnings[0].startswith("The claim text in this export no longer matches the case")
    out = subprocess.run([sys.executable, "-m", "evidence_kit", "export", str(store.root), "-o",
                          str(tmp_path / "cli")], capture_output=True, text=True, timeout=300)  # fmt: skip
    assert out.returncode in (0, 1), out.stderr
    assert out.stderr.startswith("evidence-kit: warning: The claim text in this export no longer")
    assert CaseStore.open(store.root).case.claim["text"].endswith("E2.")  # the case is untouched
