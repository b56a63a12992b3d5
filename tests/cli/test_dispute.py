"""`case event`, `case events`, `message` and `calendar`, run for real in a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.factories.cli import assert_one_line_error, run_cli, run_json


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    case = tmp_path / "case"
    run_cli("case", "new", case, "--platform", "paypal", "--order-id", "PP-77", "--item", "Lamp",
            "--price", "40", "--currency", "EUR", "--ordered", "2026-11-01",
            "--delivered", "2026-11-10", check=True)  # fmt: skip
    run_cli("case", "set", case, "reason=missing_parts", "remedy=full_refund", check=True)
    return case


def event(case: Path, *args: object, today: str = "2026-11-20") -> subprocess.CompletedProcess[str]:
    return run_cli("case", "event", case, *args, "--today", today)


def test_events_json_shape(case_dir: Path) -> None:
    assert event(case_dir, "dispute_opened", "--date", "2026-11-12").returncode == 0
    out = event(case_dir, "seller_replied", "--reply", "offer", "--amount", "4,00", "--date",
                "2026-11-13", "--note", "Offered 10%")  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "Next: Decline the offer of 4.00 EUR" in out.stdout
    doc = run_json("case", "events", case_dir, "--today", "2026-11-20")
    assert [e["kind"] for e in doc["events"]] == ["dispute_opened", "seller_replied"]
    assert doc["events"][1]["amount"] == 4.0 and doc["events"][1]["reply"] == "offer"
    assert {"text", "due", "days_left"} <= set(doc["next_action"])
    assert doc["next_action"]["due"] == "2026-12-02" and doc["next_action"]["days_left"] == 12
    (escalate,) = doc["deadlines"]
    assert {"name", "date", "days_left", "source"} <= set(escalate)
    assert (escalate["id"], escalate["date"], escalate["source"]) == ("escalate", "2026-12-02", "P4")  # fmt: skip
    text = run_cli("case", "events", case_dir, "--today", "2026-11-20", check=True).stdout
    assert "2026-12-02" in text and "[P4, H]" in text and "Offered 10%" in text
    log = (case_dir / "activity-log.jsonl").read_text()
    assert log.count('"event_added"') == 2


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("dispute_opened", "--date", "2026-10-30"), "before the order"),
        (("dispute_opened", "--date", "2026-12-30"), "in the future"),
        (("dispute_won",), "unknown event kind"),
        (("refund_received", "--amount", "-5"), "negative"),
        (("refund_received", "--amount", "40.01"), "more than the price"),
        (("refund_received", "--amount", "lots"), "must be a number"),
        (("return_shipped",), "tracking number"),
        (("seller_replied", "--reply", "maybe"), "--reply must be one of"),
        (("escalated", "--item", "E9"), "No evidence item"),
    ],
)
def test_bad_events_exit_2_and_change_nothing(case_dir: Path, args: tuple, says: str) -> None:
    before = (case_dir / "case.json").read_bytes()
    log = (case_dir / "activity-log.jsonl").read_bytes()
    line = assert_one_line_error(event(case_dir, *args))
    assert says in line
    assert (case_dir / "case.json").read_bytes() == before
    assert (case_dir / "activity-log.jsonl").read_bytes() == log


def test_message_kinds_that_make_no_sense(case_dir: Path) -> None:
    line = assert_one_line_error(run_cli("message", case_dir, "appeal"))
    assert "no lost decision" in line
    line = assert_one_line_error(run_cli("message", case_dir, "counter_offer"))
    assert "no offer" in line
    line = assert_one_line_error(run_cli("message", case_dir, "thank_you"))
    assert "unknown message kind" in line
    line = assert_one_line_error(run_cli("message", case_dir, "still_not_received"))
    assert "has not arrived" in line


def test_message_json_and_short(case_dir: Path) -> None:
    event(case_dir, "dispute_opened", "--date", "2026-11-12")
    event(case_dir, "seller_replied", "--reply", "close_first", "--date", "2026-11-14")
    doc = run_json("message", case_dir, "pushback_close_first", "--today", "2026-11-20")
    assert "PP-77" in doc["text"] and "40.00 EUR" in doc["text"]
    assert len(doc["short"]) <= doc["limit"] and "PP-77" in doc["short"]
    assert any("not kept" in w for w in doc["warnings"])
    short = run_cli("message", case_dir, "pushback_close_first", "--short", "--today", "2026-11-20", check=True)  # fmt: skip
    assert short.stdout.strip() == doc["short"]
    event(case_dir, "closed_lost", "--date", "2026-11-19", "--note", "Not enough evidence")
    appeal = run_cli("message", case_dir, "appeal", "--today", "2026-11-20", check=True).stdout
    assert "I appeal the decision of 2026-11-19" in appeal and "Not enough evidence" in appeal


def test_calendar_parses_back(case_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "deadlines.ics"
    line = assert_one_line_error(run_cli("calendar", case_dir, "-o", out, "--today", "2027-12-01"))
    assert "no open deadline" in line and not out.exists()
    event(case_dir, "dispute_opened", "--date", "2026-11-12")
    event(case_dir, "return_agreed", "--date", "2026-11-18", "--address-in-form", "no")
    done = run_cli("calendar", case_dir, "-o", out, "--today", "2026-11-20", check=True)
    assert "2 deadline(s)" in done.stdout
    cal = Calendar.from_ical(out.read_bytes())
    days = sorted(str(e.decoded("dtstart")) for e in cal.walk("VEVENT"))
    assert days == ["2026-11-28", "2026-12-02"]  # return 10 d, escalate 20 d [P4]
    assert all(len(e.walk("VALARM")) == 1 for e in cal.walk("VEVENT"))
    bad = assert_one_line_error(run_cli("calendar", case_dir, "-o", tmp_path / "x.txt", "--today", "2026-11-20"))  # fmt: skip
    assert ".ics" in bad


def test_chargeback_pdf_has_stills_for_video(tmp_path: Path) -> None:
    from tests.factories.export import make_case

    store = make_case(tmp_path)
    store.close()
    event(store.root, "dispute_opened", "--date", "2026-11-21", today="2026-11-30")
    event(store.root, "closed_lost", "--date", "2026-11-28", today="2026-11-30")
    pdf = tmp_path / "letter.pdf"
    out = run_cli("message", store.root, "chargeback", "-o", pdf, "--today", "2026-11-30", check=True)  # fmt: skip
    assert "Card dispute" in out.stdout and pdf.exists()
    if shutil.which("qpdf"):
        assert subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True).returncode == 0
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "8123456789012345" in text and "Exhibits (stills)" in text
        assert "Contact sheet" in text  # the video goes in as its sheet of stills
        assert "Available on request" not in text  # the PDF holds every exhibit
        assert "attached as a contact sheet of stills" in text
    if shutil.which("pdfimages"):
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True).stdout  # fmt: skip
        assert len(listing.strip().splitlines()) - 2 >= 5  # 4 pictures + the sheet
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".letter.")]
    doc = json.loads((store.root / "case.json").read_text())
    assert len(doc["events"]) == 2


def test_message_explained_in_russian(case_dir: Path) -> None:
    event(case_dir, "dispute_opened", "--date", "2026-11-12")
    event(case_dir, "seller_replied", "--reply", "close_first", "--date", "2026-11-14")
    out = run_cli("message", case_dir, "pushback_close_first", "--explain", "ru", "--today", "2026-11-20", check=True)  # fmt: skip
    assert out.stdout.startswith("«Закройте спор, я заплачу потом»")
    assert "вы отказываетесь закрывать спор до возврата денег" in out.stdout
    assert "40,00\xa0€" in out.stdout and "такие обещания не выполняют" in out.stdout
    refused = run_cli("message", case_dir, "appeal", "--explain", "ru")
    assert refused.returncode == 2 and "no lost decision" in refused.stderr
