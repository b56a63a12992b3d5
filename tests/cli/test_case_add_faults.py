"""`case add` and `empty-bin` against hostile input (issue 14, items 3, 7 and 10).

Exit 0 means everything asked for is now in the case; 2 means something could not be
imported. Odd names are stored safely, the original name is kept, nothing is orphaned.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from evidence_kit.core.store import CaseStore, new_case
from tests.factories.cli import assert_one_line_error, run_cli, run_json
from tests.factories.media import make_photo


@pytest.fixture
def case(tmp_path: Path) -> Path:
    root = tmp_path / "c"
    new_case(root, platform="ebay", order_id="1")
    return root


def _originals(case: Path) -> set[str]:
    return {p.name for p in (case / "originals").iterdir()}


def _referenced(case: Path) -> set[str]:
    doc = json.loads((case / "case.json").read_text(encoding="utf-8"))
    return {Path(it["file"]).name for it in doc["items"] + doc["bin"]}


# --- item 10: exit codes and --json -----------------------------------------------------------


def test_the_same_file_twice_is_imported_once_and_exits_0(case: Path, tmp_path: Path) -> None:
    photo = make_photo(tmp_path / "good.jpg")
    result = run_cli("case", "add", case, photo, photo)
    assert result.returncode == 0, result.stderr
    assert "skipped: good.jpg is already in this case" in result.stderr
    assert len(run_json("case", "show", case)["items"]) == 1
    again = run_cli("case", "add", case, photo, "--json")  # already there: still all in the case
    assert again.returncode == 0
    doc = json.loads(again.stdout)
    assert doc["imported"] == [] and doc["failed"] == []
    assert [s["path"] for s in doc["skipped"]] == [str(photo)]


def test_an_empty_folder_says_so_and_exits_2(case: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".hidden").write_text("x")
    line = assert_one_line_error(run_cli("case", "add", case, tmp_path / "empty"))
    assert "the folder empty has no files to import" in line


def test_json_lists_imported_skipped_and_failed(case: Path, tmp_path: Path) -> None:
    good = make_photo(tmp_path / "good.jpg")
    other = make_photo(tmp_path / "other.jpg", seed=4)
    (tmp_path / "notes.txt").write_text("hello")
    run_cli("case", "add", case, other, check=True)
    result = run_cli("case", "add", case, good, other, tmp_path / "notes.txt", "--json")
    assert result.returncode == 2
    doc = json.loads(result.stdout)
    assert [i["file"].split("_", 1)[1] for i in doc["imported"]] == ["good.jpg"]
    assert doc["items"] == doc["imported"]
    assert [s["path"] for s in doc["skipped"]] == [str(other)]
    assert [f["path"] for f in doc["failed"]] == [str(tmp_path / "notes.txt")]
    assert "not a photo, video" in doc["failed"][0]["reason"]


# --- item 7: names that are not UTF-8, names that are too long --------------------------------


def test_a_name_that_is_not_utf8_is_stored_safely_and_kept(case: Path, tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/photo-\xff\xfe caf\xe9.jpg"  # Latin-1 bytes, not UTF-8
    make_photo(Path(os.fsdecode(raw)))
    doc = run_json("case", "add", case, os.fsdecode(raw))
    (item,) = doc["imported"]
    stored = case / item["file"]
    assert stored.is_file()
    stored.name.encode("utf-8")  # the stored name is plain text
    shown = run_json("case", "show", case)["items"][0]
    assert shown["original_name"] == "photo-\\xff\\xfe caf\\xe9.jpg"
    assert _originals(case) == _referenced(case)


def test_a_62_emoji_name_is_shortened_and_kept_whole_in_the_case(
    case: Path, tmp_path: Path
) -> None:
    name = "📦" * 62 + ".jpg"  # 252 bytes: the id in front used to push it past 255
    make_photo(tmp_path / name)
    doc = run_json("case", "add", case, tmp_path / name)
    (item,) = doc["imported"]
    stored = Path(item["file"]).name
    assert len(stored.encode("utf-8")) <= 140 and stored.endswith(".jpg")
    assert stored.split("_", 1)[1].startswith("📦📦📦")
    shown = run_json("case", "show", case)["items"][0]
    assert shown["original_name"] == name and shown["title"] == "📦" * 62
    assert _originals(case) == _referenced(case)


def test_a_save_that_fails_after_the_copies_leaves_no_orphan(case: Path, tmp_path: Path) -> None:
    from evidence_kit.core.errors import EvidenceKitError
    from evidence_kit.media.importer import add_files

    store = CaseStore.open(case)
    photos = [make_photo(tmp_path / f"p{n}.jpg", seed=n) for n in range(2)]
    store.case.facts.item = "\udcff"  # text that cannot be written as UTF-8
    with pytest.raises(EvidenceKitError):
        add_files(store, photos)
    assert store.case.items == [] and _originals(case) == set()


# --- item 3: empty-bin never deletes what a live item uses ------------------------------------


@pytest.mark.parametrize("alias", ["originals/./{name}", "originals//{name}", "./originals/{name}"])
def test_empty_bin_keeps_a_live_file_behind_an_alias(
    case: Path, tmp_path: Path, alias: str
) -> None:
    photo = make_photo(tmp_path / "p.jpg")
    (item,) = run_json("case", "add", case, photo)["imported"]
    doc = json.loads((case / "case.json").read_text(encoding="utf-8"))
    binned = dict(doc["items"][0], id="ffffff")
    binned["file"] = alias.format(name=Path(item["file"]).name)
    doc["bin"].append(binned)
    (case / "case.json").write_text(json.dumps(doc), encoding="utf-8")
    run_cli("case", "empty-bin", case, check=True)
    assert (case / item["file"]).read_bytes() == photo.read_bytes()
    assert run_json("case", "show", case)["bin"] == []
