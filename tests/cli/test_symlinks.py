"""Issue 14, 4: a case folder with links in it. Every path of the case is resolved and kept
inside the case: nothing outside it is read, sealed, written into, deleted or chmodded, and
an original is checked against its hash before anything is built from it.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from tests.factories.cli import assert_one_line_error, run_cli, run_json
from tests.factories.media import make_photo, make_video


@pytest.fixture
def case(tmp_path: Path) -> tuple[Path, str]:
    """A case with one photo; returns the folder and the photo's id."""
    folder = tmp_path / "Case"
    run_cli("case", "new", folder, "--platform", "ebay", "--order-id", "7", check=True)
    photo = make_photo(tmp_path / "photo.jpg", size=(200, 150))
    return folder, run_json("case", "add", folder, photo)["items"][0]["id"]


def _file_of(folder: Path, item_id: str) -> Path:
    doc = json.loads((folder / "case.json").read_text())
    return folder / next(it["file"] for it in doc["items"] + doc["bin"] if it["id"] == item_id)


def _link_out(path: Path, outside: Path) -> None:
    """Replace a file of the case by a link to `outside`, which holds the same bytes."""
    shutil.copyfile(path, outside)
    path.chmod(0o600)
    path.unlink()
    path.symlink_to(outside)


def _tree(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {
        str(p.relative_to(folder)): (p.lstat().st_mode, p.read_bytes() if p.is_file() else b"")
        for p in sorted(folder.rglob("*"))
    }


def test_render_refuses_an_original_linked_from_outside(case, tmp_path: Path) -> None:
    folder, item = case
    secret = tmp_path / "secret.jpg"
    _link_out(_file_of(folder, item), secret)
    out = tmp_path / "out.png"
    line = assert_one_line_error(run_cli("render", folder, item, "-o", out))
    assert "outside the case" in line and "originals/" in line
    assert not out.exists()


def test_render_refuses_a_swapped_original(case, tmp_path: Path) -> None:
    folder, item = case
    path = _file_of(folder, item)
    path.chmod(0o644)
    make_photo(tmp_path / "other.jpg", size=(200, 150), seed=8)
    path.write_bytes((tmp_path / "other.jpg").read_bytes())
    out = tmp_path / "out.png"
    line = assert_one_line_error(run_cli("render", folder, item, "-o", out), code=1)
    assert "has changed since it was imported" in line
    assert not out.exists()


def test_export_never_seals_a_file_from_outside(case, tmp_path: Path) -> None:
    folder, item = case
    _link_out(_file_of(folder, item), tmp_path / "private.jpg")
    out = tmp_path / "out"
    line = assert_one_line_error(run_cli("export", folder, "-o", out))
    assert "outside the case" in line
    assert not out.exists() or not any(out.rglob("*.zip"))


def test_export_never_writes_through_a_linked_exports_folder(case, tmp_path: Path) -> None:
    folder, _ = case
    outside = tmp_path / "autostart"
    outside.mkdir()
    shutil.rmtree(folder / "exports")
    (folder / "exports").symlink_to(outside)
    line = assert_one_line_error(run_cli("export", folder))
    assert "exports/" in line and "outside the case" in line
    assert list(outside.iterdir()) == []
    # the shopper can still choose that folder, by name
    chosen = run_json("export", folder, "-o", outside)
    assert Path(chosen["bundle"]).is_file()


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_video(tmp_path_factory.mktemp("v") / "unboxing.mp4", seconds=2.0, size=(160, 120))


def test_grab_with_a_linked_derived_folder_writes_inside_the_case(
    tmp_path: Path, video: Path
) -> None:
    folder = tmp_path / "Case"
    run_cli("case", "new", folder, "--platform", "ebay", "--order-id", "7", check=True)
    vid = run_json("case", "add", folder, video)["items"][0]["id"]
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.rmtree(folder / "derived")
    (folder / "derived").symlink_to(outside)
    grabbed = run_cli("case", "grab", folder, vid, "--at", "1.0", "--json")
    assert grabbed.returncode == 0, grabbed.stderr
    frame = json.loads(grabbed.stdout)["items"][0]
    assert frame["file"].startswith("extracted/frames/") and (folder / frame["file"]).is_file()
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("command", ["grab", "clip"])
def test_grab_and_clip_refuse_a_linked_extracted_folder(
    tmp_path: Path, video: Path, command: str
) -> None:
    folder = tmp_path / "Case"
    run_cli("case", "new", folder, "--platform", "ebay", "--order-id", "7", check=True)
    vid = run_json("case", "add", folder, video)["items"][0]["id"]
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.rmtree(folder / "extracted", ignore_errors=True)
    (folder / "extracted").symlink_to(outside)
    before = (folder / "case.json").read_bytes()
    args = ["--at", "1.0"] if command == "grab" else ["--start", "0.2", "--end", "1.0"]
    line = assert_one_line_error(run_cli("case", command, folder, vid, *args))
    assert "extracted/" in line and "outside the case" in line
    assert list(outside.rglob("*")) == []
    assert (folder / "case.json").read_bytes() == before


def test_grab_refuses_a_swapped_video(tmp_path: Path, video: Path) -> None:
    folder = tmp_path / "Case"
    run_cli("case", "new", folder, "--platform", "ebay", "--order-id", "7", check=True)
    vid = run_json("case", "add", folder, video)["items"][0]["id"]
    path = _file_of(folder, vid)
    path.chmod(0o644)
    make_video(tmp_path / "other.mp4", seconds=2.0, size=(160, 120), fps=24)
    path.write_bytes((tmp_path / "other.mp4").read_bytes())
    line = assert_one_line_error(run_cli("case", "grab", folder, vid, "--at", "1.0"), code=1)
    assert "has changed since it was imported" in line
    assert not any((folder / "extracted").rglob("*.png"))


def test_empty_bin_never_changes_a_file_outside_the_case(case, tmp_path: Path) -> None:
    folder, item = case
    path = _file_of(folder, item)
    outside = tmp_path / "shared.jpg"
    shutil.copyfile(path, outside)
    outside.chmod(0o644)
    path.chmod(0o600)
    path.unlink()
    os.link(outside, path)  # the same file under two names: one in the case, one outside
    doc = json.loads((folder / "case.json").read_text())
    doc["bin"], doc["items"] = doc["items"], []
    (folder / "case.json").write_text(json.dumps(doc))
    assert run_cli("case", "empty-bin", folder).returncode == 0
    assert not path.exists()
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644 and outside.stat().st_size > 0


def test_cleanup_never_follows_a_linked_originals_folder(case, tmp_path: Path) -> None:
    folder, _ = case
    outside = tmp_path / "photos"
    outside.mkdir()
    (outside / "a1b2c3_holiday.jpg").write_bytes(b"someone's photo")
    (outside / ".a1b2c3.part").write_bytes(b"someone's file")
    before = _tree(outside)
    shutil.rmtree(folder / "originals")
    (folder / "originals").symlink_to(outside)
    run_cli("case", "show", folder)
    assert _tree(outside) == before
    line = assert_one_line_error(run_cli("case", "add", folder, make_photo(tmp_path / "n.jpg")))
    assert "originals/" in line and "outside the case" in line
    assert _tree(outside) == before
