"""verify cross-checks the manifest against the sealed activity log (issue 14, item 11),
and VERIFY.txt says what a clean result proves and what it does not."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from evidence_kit.export.run import export_case
from evidence_kit.export.verify import verify_bundle
from tests.factories.cli import run_cli
from tests.factories.export import make_case
from tests.factories.rebundle import rebundle


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("log")
    store = make_case(folder / "c")
    return export_case(store, folder / "out", upload=False, record=False).bundle


def _an_original(bundle: Path) -> str:
    return next(n for n in zipfile.ZipFile(bundle).namelist() if n.startswith("originals/"))


def test_a_swapped_original_with_a_consistent_manifest_is_caught(
    bundle: Path, tmp_path: Path
) -> None:
    name = _an_original(bundle)
    forged = rebundle(bundle, tmp_path / "forged.zip", replace={name: b"a different file"})
    report = verify_bundle(forged)
    assert not report.changed and not report.missing and not report.extra  # hashes agree
    assert any(
        p.startswith(f"{name} is not the file the activity log recorded")
        for p in report.log_problems
    ), report.log_problems
    result = run_cli("verify", forged)
    assert result.returncode == 1 and "TAMPERED" in result.stdout
    assert "not the file the activity log recorded" in result.stdout


def test_an_original_the_log_never_added_is_caught(bundle: Path, tmp_path: Path) -> None:
    name = _an_original(bundle)

    def rename_item(manifest: dict) -> None:
        for entry in manifest["files"]:
            if entry["path"] == name:
                entry["item_id"] = "zzzzzz"

    forged = rebundle(bundle, tmp_path / "forged.zip", edit_manifest=rename_item)
    report = verify_bundle(forged)
    assert f"{name} is not in the activity log: no import or extraction added it" in (
        report.log_problems
    )


def test_an_honest_bundle_is_clean_and_verify_txt_says_what_that_proves(bundle: Path) -> None:
    report = verify_bundle(bundle)
    assert report.ok, report.lines()
    text = " ".join(zipfile.ZipFile(bundle).read("VERIFY.txt").decode().split())
    assert "A clean result proves:" in text and "It does not prove:" in text
    assert "the hash the log recorded when that file was imported or extracted" in text
    assert "who made the bundle" in text and "carries no trusted timestamp" in text
