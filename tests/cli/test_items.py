"""Build 1: every exhibit says what it shows; `case item` edits it, and the claim cites it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.media.importer import add_files
from tests.factories.media import make_photo


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "evidence_kit", *args], capture_output=True,
                          text=True, timeout=120)  # fmt: skip


def _case(tmp_path: Path) -> Path:
    store = new_case(tmp_path / "case", platform="ebay", order_id="77", price="20",
                     currency="USD", delivered="2026-11-20")  # fmt: skip
    photos = [make_photo(tmp_path / f"{name}.jpg", seed=n) for n, name in
              enumerate(("crack-close-up", "label", "box"))]  # fmt: skip
    add_files(store, photos)
    store.save()
    return store.root


def test_case_item_sets_title_shows_include_and_order(tmp_path: Path) -> None:
    root = _case(tmp_path)
    shows = "the crack, 6 cm, seen right after opening"
    out = run("case", "item", str(root), "E1", f"shows={shows}", "title=Crack", "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert (doc["number"], doc["shows"], doc["title"], doc["order"]) == ("E1", shows, "Crack", 1)
    out = run("case", "item", str(root), "E3", "order=1", "--json")
    assert json.loads(out.stdout)["number"] == "E1"  # the box is first now
    out = run("case", "item", str(root), "E2", "include=no", "--json")
    doc = json.loads(out.stdout)
    assert doc["number"] is None and doc["include"] is False
    case = CaseStore.open(root).case
    assert [it.include for it in case.items] == [True, False, True]
    assert case.items[1].shows == shows and case.log[-1].action == "item_edited"


def test_the_claim_cites_what_it_shows_not_the_file_name(tmp_path: Path) -> None:
    root = _case(tmp_path)
    run("case", "set", str(root), "received=yes", "reason=damaged", "remedy=full_refund")
    text = json.loads(run("claim", str(root), "--json", "--today", "2026-11-26").stdout)["text"]
    assert "crack-close-up" not in text and "E1 (photo)." in text
    run("case", "item", str(root), "E1", "shows=the crack, 6 cm, seen right after opening")
    doc = json.loads(run("claim", str(root), "--json", "--today", "2026-11-26").stdout)
    assert "E1 (photo): the crack, 6 cm, seen right after opening." in doc["text"]
    explained = {c["id"]: c for c in doc["checklist"]}["exhibits_explained"]
    assert explained["status"] == "warn" and "E2, E3" in explained["detail"]


def test_bad_item_values_are_one_line_and_change_nothing(tmp_path: Path) -> None:
    root = _case(tmp_path)
    before = (root / "case.json").read_bytes()
    for pairs in (["include=maybe"], ["order=9"], ["colour=red"], ["shows=" + "x" * 201],
                  ["title=ok", "order=0"]):  # fmt: skip
        out = run("case", "item", str(root), "E1", *pairs)
        assert out.returncode == 2 and out.stderr.count("\n") == 1, (pairs, out.stderr)
    assert run("case", "item", str(root), "E9").returncode == 2
    assert (root / "case.json").read_bytes() == before
