"""`evidence-kit claim CASE [--short] [--json]` and the claim keys of `case set`, run for real."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "evidence_kit", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    case = tmp_path / "case"
    out = run("case", "new", str(case), "--platform", "aliexpress", "--order-id", "8123",
              "--item", "Кожаная сумка", "--price", "40", "--currency", "usd",
              "--delivered", "2026-11-20", "--ordered", "2026-11-01")  # fmt: skip
    assert out.returncode == 0, out.stderr
    out = run("case", "set", str(case), "received=yes", "reason=wrong_size", "aspect=size",
              "listing_says=EU 42", "received_is=EU 40", "remedy=partial_refund", "refund_percent=35",
              "still_works=yes", "return_postage=12.5", "contacted_seller=2026-11-21",
              "seller_reply=no reply", "buyer_name=Анна")  # fmt: skip
    assert out.returncode == 0, out.stderr
    return case


def test_claim_json(case_dir: Path) -> None:
    out = run("claim", str(case_dir), "--json", "--today", "2026-11-26")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert {"text", "short", "limit", "deadlines", "checklist"} <= set(doc)
    assert doc["limit"] == 500 and len(doc["short"]) <= 500
    assert doc["text"].isascii() and doc["short"].isascii()
    assert "Kozhanaya sumka" in doc["text"] and doc["text"].rstrip().endswith("Anna")
    assert "a partial refund of 14.00 USD (35% of 40.00 USD)" in doc["text"]
    assert 'Size - listing says: "EU 42"; received: EU 40.' in doc["text"]
    first = doc["deadlines"][0]
    assert {"name", "date", "days_left", "source"} <= set(first)
    assert (first["date"], first["days_left"], first["source"]) == ("2026-12-05", 9, "A6")
    assert all({"item", "status"} <= set(c) for c in doc["checklist"])
    assert {c["status"] for c in doc["checklist"]} <= {"ok", "missing", "warn", "todo"}
    # keeping brings 14.00; returning brings 40.00 - 12.50 postage = 27.50
    assert doc["refund"]["amount"] == 14.0 and doc["refund"]["return_net"] == 27.5
    assert doc["refund"]["recommend"] == "return"


def test_claim_text_and_short(case_dir: Path) -> None:
    out = run("claim", str(case_dir), "--today", "2026-11-26")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Subject: AliExpress order 8123 - wrong size")
    assert "--- Deadlines ---" in out.stdout and "2026-12-05" in out.stdout
    assert "--- Before you submit ---" in out.stdout
    short = run("claim", str(case_dir), "--short", "--today", "2026-11-26")
    assert short.returncode == 0 and len(short.stdout.strip()) <= 500
    assert short.stdout.strip().endswith("Please reply by 2026-12-01.")


def test_bad_input_is_one_line_exit_2(case_dir: Path, tmp_path: Path) -> None:
    for args in (("case", "set", str(case_dir), "aspect=smell"),
                 ("case", "set", str(case_dir), "return_postage=cheap"),
                 ("case", "set", str(case_dir), "still_works=maybe"),
                 ("claim", str(tmp_path / "nope")),
                 ("claim", str(case_dir), "--today", "soon")):  # fmt: skip
        out = run(*args)
        assert out.returncode == 2, args
        assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


def test_edited_text_is_printed(case_dir: Path) -> None:
    from evidence_kit.claim.edits import set_text
    from evidence_kit.core.store import CaseStore

    store = CaseStore.open(case_dir)
    set_text(store.case, "My own claim text.")
    store.save()
    out = run("claim", str(case_dir), "--json")
    assert json.loads(out.stdout)["text"] == "My own claim text."
    assert json.loads(out.stdout)["edited"] is True
