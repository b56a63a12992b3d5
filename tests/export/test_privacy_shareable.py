"""Issue 13's Build 3: the shopper's bundle keeps the unmasked originals and says so; the
shareable bundle holds masked exhibits only, lists the originals by hash, and verify knows it."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from evidence_kit.cli import main as cli_main
from evidence_kit.export.run import ExportResult, export_case
from evidence_kit.export.verify import verify_bundle
from evidence_kit.media.importer import add_files
from tests.factories.export import make_case
from tests.factories.media import make_photo


def rewrite_zip(src: Path, dst: Path, replace: dict[str, bytes]) -> Path:
    """A copy of a zip with some members' bytes replaced."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, replace.get(info.filename, zin.read(info.filename)))
    return dst


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, ExportResult]:
    root = tmp_path_factory.mktemp("share")
    store = make_case(root)
    named = make_photo(root / "src" / "IMG_4527 JaneDoe.jpg", seed=12)
    assert not add_files(store, [named]).skipped  # a file named after the shopper
    return store, export_case(store, root / "out", shareable=True, record=False)


def test_the_shareable_bundle_holds_masked_exhibits_only(exported) -> None:
    store, result = exported
    assert result.shareable is not None and result.shareable.name.endswith("-shareable.zip")
    with zipfile.ZipFile(result.shareable) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
        verify = zf.read("VERIFY.txt").decode()
        blobs = {n: zf.read(n) for n in names}
    assert not [n for n in names if n.startswith("originals/")]
    numbers = {ex["exhibit"] for ex in manifest["exhibits"]}
    for number in numbers:  # every exhibit can be seen in it
        assert any(n.startswith(f"exhibits/{number}_") for n in names), (number, names)
    assert manifest["bundle"] == "shareable" and "log" not in manifest
    sealed = [it for it in store.case.items]  # every item is included or a parent here
    assert {o["sha256"] for o in manifest["originals"]} == {it.sha256 for it in sealed}
    assert manifest["log_entries"] == len(store.case.log)
    assert manifest["log_head"] == store.case.log[-1].hash
    assert "does NOT" in verify and "hold the original files" in verify
    # the name a file had never travels in it, in any member (the PDF is read as text)
    for name, data in blobs.items():
        if name.endswith(".pdf"):
            pdf = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True)
            data = pdf.stdout
        assert b"janedoe" not in data.lower().replace(b" ", b""), name


def test_the_shareable_bundle_checks_with_standard_tools_and_verify(exported, tmp_path) -> None:
    _, result = exported
    folder = tmp_path / "unzipped"
    shutil.unpack_archive(result.shareable, folder)
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True)
    assert check.returncode == 0, check.stdout
    report = verify_bundle(result.shareable)
    assert report.ok and report.kind == "shareable" and report.originals_listed >= 5
    private = verify_bundle(result.bundle)
    assert private.ok and private.kind == "private" and private.originals_listed == 0


def test_cli_verify_says_what_a_shareable_bundle_is(exported, capsys) -> None:
    _, result = exported
    assert cli_main(["verify", str(result.shareable)]) == 0
    out = capsys.readouterr().out
    assert "shareable bundle" in out and "listed by hash, not included" in out
    assert cli_main(["verify", str(result.shareable), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "shareable"


def test_a_changed_shareable_bundle_is_reported(exported, tmp_path) -> None:
    _, result = exported
    with zipfile.ZipFile(result.shareable) as zf:
        target = next(n for n in zf.namelist() if n.startswith("exhibits/"))
        data = bytearray(zf.read(target))
    data[len(data) // 2] ^= 0xFF
    bad = rewrite_zip(result.shareable, tmp_path / "bad.zip", {target: bytes(data)})
    report = verify_bundle(bad)
    assert not report.ok and report.changed == [target]


def test_the_private_bundle_says_it_keeps_the_originals_unmasked(exported) -> None:
    _, result = exported
    with zipfile.ZipFile(result.bundle) as zf:
        verify = zf.read("VERIFY.txt").decode()
        manifest = json.loads(zf.read("manifest.json"))
    assert "NOT masked" in verify and result.shareable.name in verify
    assert manifest["bundle"] == "private" and manifest["log"]
    originals = [f for f in manifest["files"] if f["role"] == "original"]
    imported = [f for f in originals if f["kind"] != "frame"]
    assert imported and all(f.get("original_name") for f in imported)
    assert "IMG_4527 JaneDoe.jpg" in {f["original_name"] for f in imported}
    readme = (result.upload_dir / "README.txt").read_text("utf-8")
    assert "keeps the originals exactly as you imported them" in readme
    assert "unmasked" in readme
