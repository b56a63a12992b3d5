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


def test_set_text_regenerate_and_tick(case_dir: Path, tmp_path: Path) -> None:
    base = json.loads(run("claim", str(case_dir), "--json", "--today", "2026-11-26").stdout)["text"]
    mine = "These shoes were for a race on 1 December."
    text_file = tmp_path / "text.txt"
    text_file.write_text(base + "\n\n" + mine, encoding="utf-8")
    out = run(
        "claim", str(case_dir), "--set-text", str(text_file), "--json", "--today", "2026-11-26"
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["text"].endswith(mine)
    run("case", "set", str(case_dir), "refund_percent=40")
    out = run("claim", str(case_dir), "--regenerate", "keep", "--json", "--today", "2026-11-26")
    doc = json.loads(out.stdout)
    assert mine in doc["text"] and "16.00 USD (40% of 40.00 USD)" in doc["text"]
    out = run("claim", str(case_dir), "--regenerate", "replace", "--json", "--today", "2026-11-26")
    assert mine not in json.loads(out.stdout)["text"] and "replaced 1 paragraph" in out.stderr
    out = run("claim", str(case_dir), "--tick", "no_confirm", "--json")
    status = {c["id"]: c["status"] for c in json.loads(out.stdout)["checklist"]}
    assert status["no_confirm"] == "ok"
    bad = run("claim", str(case_dir), "--tick", "no_such_item")
    assert bad.returncode == 2 and "not a checklist item" in bad.stderr


def test_translate_in_process_with_a_fake_backend(case_dir: Path, capsys) -> None:
    from evidence_kit.claim import translate
    from evidence_kit.cli import main
    from evidence_kit.core.store import CaseStore

    class Fake:
        def __init__(self, source: str, target: str) -> None:
            pass

        def translate(self, text: str) -> str:
            return "English: " + text

    class Offline(Fake):
        def translate(self, text: str) -> str:
            raise ConnectionError("offline")

    saved = dict(translate._BACKENDS)
    translate.register_backend("fake", "Fake", Fake)
    translate.register_backend("offline", "Offline", Offline)
    try:
        assert main(["claim", str(case_dir), "--translate", "--backend", "fake"]) == 0
        assert "Check the English" in capsys.readouterr().out
        assert CaseStore.open(case_dir).case.claim["listing_says"] == "EU 42"  # not applied
        assert main(["claim", str(case_dir), "--translate", "--backend", "fake", "--apply"]) == 0
        assert CaseStore.open(case_dir).case.claim["listing_says"] == "English: EU 42"
        assert main(["claim", str(case_dir), "--translate", "--backend", "offline", "--apply"]) == 2
        assert "needs an internet connection" in capsys.readouterr().err
        assert CaseStore.open(case_dir).case.claim["listing_says"] == "English: EU 42"
    finally:
        translate._BACKENDS.clear()
        translate._BACKENDS.update(saved)


def test_refund_advice_and_platform_notes_in_text_and_json(case_dir: Path) -> None:
    out = run("claim", str(case_dir), "--today", "2026-11-26")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    refund = text.split("--- Refund ---")[1].split("---")[0]
    assert "usually 30-40% of the price (12.00 USD - 16.00 USD)" in refund
    assert "Ask for 40%, 16.00 USD, to leave room to bargain" in refund
    assert "settle for no less than 35%" in refund
    assert "After 12.50 USD return postage a full refund still brings 27.50 USD" in refund
    assert "--- Good to know ---" in text and "closes the dispute" in text
    doc = json.loads(run("claim", str(case_dir), "--json", "--today", "2026-11-26").stdout)
    assert doc["refund"]["ask"] == 40 and "room to bargain" in doc["refund"]["summary"]
    assert any("closes the dispute" in n for n in doc["notes"])
    assert doc["subject"].startswith("AliExpress order 8123") and "Subject" not in doc["text"]


def test_wording_suggestions_are_accepted_or_kept_from_the_command_line(case_dir: Path) -> None:
    run("case", "set", str(case_dir), "notes=The sole is loose. Call me on +44 7911 123456.")
    doc = json.loads(run("claim", str(case_dir), "--json", "--today", "2026-11-26").stdout)
    (found,) = doc["suggestions"]
    assert found["kind"] == "phone" and found["decision"] == "pending"
    assert "7911" in doc["text"]  # nothing removed before the shopper says so
    printed = run("claim", str(case_dir), "--today", "2026-11-26").stdout
    assert f"{found['id']}  pending  phone number" in printed
    out = run("claim", str(case_dir), "--accept", found["id"], "--json", "--today", "2026-11-26")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert "7911" not in doc["text"] and doc["suggestions"][0]["decision"] == "accept"
    doc = json.loads(run("claim", str(case_dir), "--keep", "all", "--json").stdout)
    assert doc["suggestions"][0]["decision"] == "accept"  # 'all' means all still pending
    bad = run("claim", str(case_dir), "--accept", "nope")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    assert "not a wording suggestion" in bad.stderr


def test_readme_documents_every_case_set_key() -> None:
    from evidence_kit.core.model import CLAIM_KEYS, FACT_KEYS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    section = readme.split("### Keys for `case set`")[1].split("\n## ")[0]
    for key in FACT_KEYS + CLAIM_KEYS:
        assert f"| `{key}` |" in section, key


def test_claim_explained_in_russian_and_english(case_dir: Path) -> None:
    out = run("claim", str(case_dir), "--explain", "ru", "--today", "2026-11-26")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Ваша претензия по-русски")
    assert "Оплачено: 40,00\xa0$" in out.stdout and "05.12.2026" in out.stdout
    assert "Размер: в описании — «EU 42»; получено — «EU 40»." in out.stdout
    assert "[ ] Не подтверждайте получение, пока спор открыт." in out.stdout
    english = run("claim", str(case_dir), "--explain", "en", "--today", "2026-11-26")
    assert english.returncode == 0, english.stderr
    assert "--- Deadlines ---" in english.stdout and "--- Before you submit ---" in english.stdout
    assert "2026-12-05: Last day to open the dispute (9 days left)" in english.stdout
    doc = json.loads(run("claim", str(case_dir), "--explain", "ru", "--json").stdout)
    assert doc["language"] == "ru" and doc["sections"][0]["heading"] == "Тема"
    # the claim itself stays English
    plain = run("claim", str(case_dir), "--today", "2026-11-26")
    assert plain.stdout.startswith("Subject: AliExpress order 8123") and "40.00 USD" in plain.stdout
    bad = run("claim", str(case_dir), "--explain", "de")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
