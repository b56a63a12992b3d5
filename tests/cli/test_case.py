"""The case commands through the real `evidence-kit` executable."""

from __future__ import annotations

import hashlib
import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from evidence_kit import __version__
from tests.factories.cli import ROOT, assert_one_line_error, run_cli, run_json
from tests.factories.media import make_bomb_png, make_photo, make_video, truncate


def test_version_is_quick_and_light() -> None:
    result = run_cli("--version", check=True)
    assert result.stdout.strip() == f"evidence-kit {__version__}"
    # --version must not pull in the heavy libraries (that is what keeps it fast)
    code = (
        "import sys; from evidence_kit.cli import main; main(['--version']);"
        "heavy = [m for m in ('PySide6', 'av', 'cv2', 'PIL', 'reportlab', 'numpy') if m in sys.modules];"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT
    ).stdout
    assert "HEAVY []" in out


def test_new_add_show_keep_true_read_only_originals(tmp_path: Path) -> None:
    case = tmp_path / "Кейс заказа 1"
    run_cli("case", "new", case, "--platform", "aliexpress", "--order-id", "8123", "--item", "Кожаная сумка",
            "--price", "12.50", "--currency", "USD", "--ordered", "2026-11-01", check=True)  # fmt: skip
    photo = make_photo(tmp_path / "фото 1.jpg")
    video = make_video(tmp_path / "unboxing video.mp4", audio=True)
    added = run_json("case", "add", case, photo, video)
    assert [i["kind"] for i in added["items"]] == ["photo", "video"]
    for entry, src in zip(added["items"], (photo, video), strict=True):
        assert set(entry) >= {"id", "kind", "file", "sha256"}
        copied = case / entry["file"]
        assert copied.read_bytes() == src.read_bytes()
        assert entry["sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()
        assert not copied.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    shown = run_json("case", "show", case)
    assert set(shown) >= {"schema_version", "facts", "items", "claim", "log"}
    assert shown["facts"]["item"] == "Кожаная сумка"
    assert [i["sha256"] for i in shown["items"]] == [i["sha256"] for i in added["items"]]
    text = run_cli("case", "show", case, check=True).stdout
    assert "E1" in text and "E2" in text and "Кожаная сумка" in text


def test_set_facts_and_claim_keys(tmp_path: Path) -> None:
    case = tmp_path / "c"
    run_cli("case", "new", case, "--platform", "ebay", "--order-id", "1", check=True)
    run_cli("case", "set", case, "delivered=2026-11-20", "price=9,99", "reason=wrong_item",
            "received=yes", "listing_says=red", "received_is=blue", check=True)  # fmt: skip
    doc = run_json("case", "show", case)
    assert doc["facts"]["delivered"] == "2026-11-20" and doc["facts"]["price"] == 9.99
    assert doc["claim"]["reason"] == "wrong_item" and doc["claim"]["received"] is True


@pytest.mark.parametrize(
    "args",
    [
        ["case", "set", "{case}", "price=abc"],
        ["case", "set", "{case}", "colour=red"],
        ["case", "set", "{case}", "noequals"],
        ["case", "set", "{case}", "delivered=20/11/2026"],
        ["case", "show", "{tmp}/no such case"],
        ["case", "new", "{case}", "--platform", "ebay", "--order-id", "2"],
        ["case", "new", "{tmp}/x", "--platform", "wish", "--order-id", "2"],
        ["case", "add", "{case}", "{tmp}/missing.jpg"],
        ["case", "frobnicate"],
    ],
)
def test_bad_input_is_one_line_exit_2_and_case_untouched(tmp_path: Path, args: list[str]) -> None:
    case = tmp_path / "c"
    run_cli("case", "new", case, "--platform", "ebay", "--order-id", "1", check=True)
    before = (case / "case.json").read_bytes()
    result = run_cli(*[a.format(case=case, tmp=tmp_path) for a in args])
    assert_one_line_error(result)
    assert (case / "case.json").read_bytes() == before


@pytest.mark.parametrize(
    ("maker", "fragment"),
    [
        (lambda t: ((t / "zero.mp4").write_bytes(b""), t / "zero.mp4")[1], "empty"),
        (lambda t: ((t / "text.mp4").write_text("hello"), t / "text.mp4")[1], "not a photo, video"),
        (lambda t: truncate(make_video(t / "f.mp4", seconds=3), t / "cut.mp4", 0.5), "truncated"),
        (lambda t: make_bomb_png(t / "bomb.png"), "decompression bomb"),
    ],
)  # fmt: skip
def test_bad_files_through_the_cli(tmp_path: Path, maker, fragment: str) -> None:
    case = tmp_path / "c"
    run_cli("case", "new", case, "--platform", "ebay", "--order-id", "1", check=True)
    before = (case / "case.json").read_bytes()
    line = assert_one_line_error(run_cli("case", "add", case, maker(tmp_path)))
    assert fragment in line
    assert (case / "case.json").read_bytes() == before
    assert list((case / "originals").iterdir()) == []


def test_corrupt_and_newer_case_files(tmp_path: Path) -> None:
    case = tmp_path / "c"
    run_cli("case", "new", case, "--platform", "ebay", "--order-id", "1", check=True)
    (case / "case.json").write_text("{broken")
    assert "damaged" in assert_one_line_error(run_cli("case", "show", case))
    doc = {"schema_version": 99, "facts": {}, "items": [], "claim": {}, "log": []}
    (case / "case.json").write_text(json.dumps(doc))
    assert "newer" in assert_one_line_error(run_cli("case", "show", case))
    assert json.loads((case / "case.json").read_text())["schema_version"] == 99


def test_demo_builds_a_copy_and_leaves_the_bundled_files(tmp_path: Path) -> None:
    sample = ROOT / "resources" / "sample"
    before = {p.name: p.read_bytes() for p in sample.iterdir()}
    target = tmp_path / "demo case"
    code = (
        "from pathlib import Path; from evidence_kit.media.sample import make_sample_case;"
        f"s = make_sample_case(Path({str(target)!r})); print(len(s.case.items))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "4"
    shown = run_json("case", "show", target)
    assert {i["kind"] for i in shown["items"]} == {"video", "photo", "document"}
    assert {p.name: p.read_bytes() for p in sample.iterdir()} == before
