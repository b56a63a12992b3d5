"""`evidence-kit export`, `verify` and `demo --export` as a user runs them."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from tests.factories.cli import assert_one_line_error, run_cli, run_json
from tests.factories.export import make_case


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("cli")
    store = make_case(root)
    doc = run_json("export", store.root, "-o", root / "out", "--platform", "shopee")
    return store, doc, root


def test_export_json_gives_paths(exported) -> None:
    _, doc, root = exported
    for key in ("bundle", "pdf", "upload_dir"):
        assert Path(doc[key]).exists(), key
    assert doc["platform"] == "shopee"
    # -o names where the export's own folder, named by its time, is made
    folder = Path(doc["folder"])
    assert folder.parent == root / "out" and re.fullmatch(
        r"\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d", folder.name
    )
    assert Path(doc["bundle"]).parent == folder == Path(doc["upload_dir"]).parent
    assert all(f["fits"] for f in doc["files"])


def test_verify_intact_bundle(exported) -> None:
    _, doc, _ = exported
    ok = run_cli("verify", doc["bundle"])
    assert ok.returncode == 0 and ok.stdout.startswith("OK:")
    report = run_json("verify", doc["bundle"])
    assert report["ok"] is True and report["changed"] == []


def test_verify_tampered_bundle_exits_1_and_names_the_file(exported, tmp_path: Path) -> None:
    _, doc, _ = exported
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(doc["bundle"]) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "claim.txt":
                data = data.replace(b"refund", b"refunD", 1)
            zout.writestr(info, data)
    result = run_cli("verify", bad)
    assert result.returncode == 1
    assert "changed: claim.txt" in result.stdout
    as_json = run_cli("verify", bad, "--json")
    assert as_json.returncode == 1 and json.loads(as_json.stdout)["changed"] == ["claim.txt"]


def test_verify_unsafe_or_unreadable_exits_2(tmp_path: Path) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("../../escape.txt", "x")
    assert "'..'" in assert_one_line_error(run_cli("verify", evil), 2)
    assert not (tmp_path.parent / "escape.txt").exists()
    junk = tmp_path / "junk.zip"
    junk.write_text("nope")
    assert_one_line_error(run_cli("verify", junk), 2)
    assert_one_line_error(run_cli("verify", tmp_path / "absent.zip"), 2)


def test_export_refuses_a_changed_original(tmp_path: Path) -> None:
    store = make_case(tmp_path, frame=False)
    item = store.case.items[1]
    path = store.path_of(item)
    path.chmod(0o644)
    path.write_bytes(path.read_bytes() + b"x")
    result = run_cli("export", store.root, "-o", tmp_path / "out")
    message = assert_one_line_error(result, 1)
    assert item.file in message


def test_export_bad_platform_and_missing_case(exported, tmp_path: Path) -> None:
    store, _, _ = exported
    assert "platform" in assert_one_line_error(
        run_cli("export", store.root, "--platform", "mars"), 2
    )
    assert_one_line_error(run_cli("export", tmp_path / "nope"), 2)


def test_demo_export(tmp_path: Path) -> None:
    result = run_cli("demo", "--export", tmp_path / "out", check=True)
    assert "Bundle:" in result.stdout
    [folder] = (tmp_path / "out").iterdir()
    bundle = next(folder.glob("*-evidence.zip"))
    assert run_cli("verify", bundle).returncode == 0
    assert (folder / "upload" / "README.txt").is_file()


def test_export_without_upload_pack(exported, tmp_path: Path) -> None:
    store, _, _ = exported
    doc = run_json("export", store.root, "-o", tmp_path / "only-bundle", "--no-upload")
    assert doc["upload_dir"] is None and doc["files"] == []
    assert sorted(p.name for p in Path(doc["folder"]).iterdir()) == sorted(
        [Path(doc["bundle"]).name, Path(doc["pdf"]).name]
    )
    with zipfile.ZipFile(doc["bundle"]) as zf:
        assert not any(n.startswith("upload/") for n in zf.namelist())
    assert run_cli("verify", doc["bundle"]).returncode == 0
