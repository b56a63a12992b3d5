"""Issue 14, 2: exhibits live in extracted/ (read-only), derived/ holds only caches.

Deleting derived/ never makes an export refuse; `case rebuild` makes its caches again; a
case from before extracted/ has its frames, clips and comparisons moved on the next command
(case.json.bak kept, the move in the activity log), and a crash in the middle of that move
loses nothing.
"""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest

from evidence_kit.core.errors import DiskFullError
from evidence_kit.core.store import CaseStore
from tests.factories.cli import assert_one_line_error, run_cli, run_json
from tests.factories.media import make_photo, make_video


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_video(tmp_path_factory.mktemp("v") / "unboxing.mp4", seconds=2.0, size=(160, 120))


def _case_with_exhibits(tmp_path: Path, video: Path) -> tuple[Path, dict[str, str]]:
    """A case with a video, a grabbed frame, a clip and a comparison, made by the CLI."""
    case = tmp_path / "Case"
    run_cli("case", "new", case, "--platform", "ebay", "--order-id", "7", check=True)
    listing = make_photo(tmp_path / "listing.png", size=(200, 150), camera=False)
    photo = make_photo(tmp_path / "photo.jpg", size=(200, 150), seed=4)
    ids = [it["id"] for it in run_json("case", "add", case, video, listing, photo)["items"]]
    frame = run_json("case", "grab", case, ids[0], "--at", "1.0")["items"][0]["id"]
    clip = run_json("case", "clip", case, ids[0], "--start", "0.2", "--end", "1.2")["item"]["id"]
    compare = run_json("case", "compare", case, ids[1], ids[2])["item"]
    return case, {"frame": frame, "clip": clip, "compare": compare}


def _items(case: Path) -> dict[str, dict]:
    return {it["id"]: it for it in run_json("case", "show", case)["items"]}


def test_exhibits_are_read_only_files_in_extracted(tmp_path: Path, video: Path) -> None:
    case, made = _case_with_exhibits(tmp_path, video)
    items = _items(case)
    for kind, folder in (("frame", "frames"), ("clip", "clips"), ("compare", "compare")):
        rel = items[made[kind]]["file"]
        assert rel.startswith(f"extracted/{folder}/"), rel
        mode = (case / rel).stat().st_mode
        assert not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH), (rel, oct(mode))
    assert not (case / "derived" / "frames").exists()


def test_deleting_derived_never_makes_export_refuse(tmp_path: Path, video: Path) -> None:
    case, _ = _case_with_exhibits(tmp_path, video)
    (case / "derived" / "thumbs").mkdir(parents=True, exist_ok=True)
    shutil.rmtree(case / "derived")
    done = run_cli("export", case, "--json")
    assert done.returncode == 0, done.stderr
    assert Path(json.loads(done.stdout)["bundle"]).is_file()


def test_rebuild_makes_the_caches_again(tmp_path: Path, video: Path) -> None:
    case, _ = _case_with_exhibits(tmp_path, video)
    shutil.rmtree(case / "derived", ignore_errors=True)
    rebuilt = run_json("case", "rebuild", case)
    # video, listing, photo, frame, comparison (a clip is a video: its first frame)
    assert rebuilt["thumbnails"] == 6
    thumbs = sorted((case / "derived" / "thumbs").iterdir())
    assert len(thumbs) == 6 and all(p.stat().st_size > 0 for p in thumbs)
    assert run_cli("case", "rebuild", case, check=True).stdout.startswith("Rebuilt 6 thumbnail")


def _old_layout(tmp_path: Path, video: Path) -> tuple[Path, dict[str, str]]:
    """What an older Evidence Kit left: exhibits (and an interrupted take) under derived/."""
    case, made = _case_with_exhibits(tmp_path, video)
    doc = json.loads((case / "case.json").read_text())
    for it in doc["items"]:
        if it["file"].startswith("extracted/"):
            old = case / it["file"].replace("extracted/", "derived/", 1)
            old.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(case / it["file"], old)
            it["file"] = it["file"].replace("extracted/", "derived/", 1)
    (case / "case.json").write_text(json.dumps(doc, indent=2))
    takes = case / "derived" / "takes"
    takes.mkdir(parents=True)
    shutil.copy(video, takes / "take-20261120-101500.mp4")
    shutil.rmtree(case / "extracted", ignore_errors=True)
    return case, made


def test_an_old_case_has_its_exhibits_moved_out_of_derived(tmp_path: Path, video: Path) -> None:
    case, made = _old_layout(tmp_path, video)
    before = (case / "case.json").read_bytes()
    shown = run_cli("case", "show", case, check=True)
    assert "moved 3 frame(s), clip(s) and comparison(s) from derived/" in shown.stderr
    assert run_cli("case", "show", case, check=True).stderr == ""  # said once
    assert (case / "case.json.bak").read_bytes() == before
    items = _items(case)
    for item_id in made.values():
        assert items[item_id]["file"].startswith("extracted/")
        assert (case / items[item_id]["file"]).is_file()
    moved = [e for e in run_json("case", "show", case)["log"] if e["action"] == "exhibits_moved"]
    assert len(moved) == 1 and sorted(moved[0]["details"]["items"]) == sorted(made.values())
    assert (case / "recording" / "take-20261120-101500.mp4").is_file()
    shutil.rmtree(case / "derived")
    assert run_cli("export", case).returncode == 0


def test_a_crash_in_the_middle_of_the_move_loses_nothing(tmp_path: Path, video: Path) -> None:
    case, made = _old_layout(tmp_path, video)
    # the crash: one file already moved, case.json still naming derived/
    rel = next(
        it["file"] for it in json.loads((case / "case.json").read_text())["items"]
        if it["id"] == made["frame"]
    )  # fmt: skip
    target = case / rel.replace("derived/", "extracted/", 1)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(case / rel, target)
    run_cli("case", "show", case, check=True)
    items = _items(case)
    assert all((case / items[i]["file"]).is_file() for i in made.values())
    assert run_cli("export", case).returncode == 0


def test_a_failed_save_puts_the_files_back(
    tmp_path: Path, video: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case, made = _old_layout(tmp_path, video)
    before = (case / "case.json").read_bytes()
    files = sorted(p.relative_to(case) for p in case.rglob("*") if p.is_file())

    def full(self: CaseStore) -> None:
        raise DiskFullError("The disk is full")

    monkeypatch.setattr(CaseStore, "_write", full)
    with pytest.raises(DiskFullError):
        CaseStore.open(case, lock=True)
    assert (case / "case.json").read_bytes() == before
    after = sorted(p.relative_to(case) for p in case.rglob("*") if p.is_file())
    moved_takes = {Path("recording/take-20261120-101500.mp4")}
    assert set(after) - moved_takes == set(files) - {Path("derived/takes/take-20261120-101500.mp4")}


def test_rebuild_refuses_a_derived_folder_that_leads_outside(tmp_path: Path, video: Path) -> None:
    case = tmp_path / "Case"
    run_cli("case", "new", case, "--platform", "ebay", "--order-id", "7", check=True)
    outside = tmp_path / "elsewhere"
    (outside / "thumbs").mkdir(parents=True)
    keep = outside / "thumbs" / "mine.jpg"
    keep.write_bytes(b"not a cache")
    shutil.rmtree(case / "derived")
    (case / "derived").symlink_to(outside)
    line = assert_one_line_error(run_cli("case", "rebuild", case))
    assert "derived/" in line and "outside the case" in line
    assert keep.read_bytes() == b"not a cache"
