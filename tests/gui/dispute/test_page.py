"""The dispute step with pytest-qt: add, change and remove events with undo and redo (memory
equals the disk after each), a refused event keeps the dialog open and the case unchanged, a
failed save rolls back, the next-action card and the drafts follow the events, the message
edit is one undo step, and the calendar button writes an .ics that parses back."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from evidence_kit.core import event_ops
from evidence_kit.core.errors import DiskFullError
from evidence_kit.core.store import CaseStore, new_case

pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from evidence_kit.gui.base.case_controller import CaseController  # noqa: E402
from evidence_kit.gui.base.tasks import TaskRunner  # noqa: E402
from evidence_kit.gui.dispute.event_dialog import EventDialog  # noqa: E402
from evidence_kit.gui.dispute.page import DisputePage  # noqa: E402

DAY = date.today() - timedelta(days=3)


def _store(tmp_path: Path) -> CaseStore:
    store = new_case(
        tmp_path / "case", platform="paypal", order_id="PP-9", item="Lamp", price="40",
        currency="EUR", ordered=(DAY - timedelta(days=30)).isoformat(),
        delivered=(DAY - timedelta(days=10)).isoformat(),
    )  # fmt: skip
    from evidence_kit.core import case_ops

    case_ops.set_values(store.case, {"reason": "damaged", "remedy": "full_refund"})
    store.save()
    return store


@pytest.fixture
def page(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    controller = CaseController(_store(tmp_path))
    runner = TaskRunner()
    widget = DisputePage(controller, runner)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    widget.refresh()
    yield widget
    runner.wait_all()


def _idle() -> None:
    """Let the page's scheduled refresh run, as the event loop would."""
    QCoreApplication.processEvents()


def _on_disk(page: DisputePage) -> list[dict]:
    return [e.to_dict() for e in CaseStore.open(page.controller.root).case.events]


def _in_memory(page: DisputePage) -> list[dict]:
    return [e.to_dict() for e in page.controller.case.events]


def _fill(monkeypatch: pytest.MonkeyPatch, **fields: object) -> list[str]:
    """Make the next EventDialog.exec() fill these fields and press OK; returns its errors."""
    errors: list[str] = []

    def exec_(dialog: EventDialog) -> int:
        if "kind" in fields:
            dialog.kind.setCurrentIndex(dialog.kind.findData(fields["kind"]))
        if "day" in fields:
            dialog.day.set_iso(str(fields["day"]))
        if "amount" in fields:
            dialog.amount.setText(str(fields["amount"]))
        if "reply" in fields:
            dialog.reply.setCurrentIndex(dialog.reply.findData(fields["reply"]))
        if "tracking" in fields:
            dialog.tracking.setText(str(fields["tracking"]))
        dialog.accept()
        errors.append(dialog.error.text())
        return int(dialog.result())

    monkeypatch.setattr(EventDialog, "exec", exec_)
    return errors


def test_add_change_remove_with_undo(page: DisputePage, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(monkeypatch, kind="dispute_opened", day=DAY.isoformat())
    page.add_event()
    _idle()
    assert [e["kind"] for e in _on_disk(page)] == ["dispute_opened"] == [e["kind"] for e in _in_memory(page)]  # fmt: skip
    assert "escalate" in page.card.text.text().lower()  # PayPal: 20 days to escalate
    assert page.card.days.text().startswith("17 day")
    _fill(monkeypatch, kind="seller_replied", reply="offer", amount="4", day=DAY.isoformat())
    page.add_event()
    _idle()
    assert page.card.draft_button.isVisible() and page.drafts.current_kind() == "counter_offer"
    assert "4.00 EUR" in page.drafts.editor.toPlainText()
    first = page.controller.case.events[0].id
    page.timeline.list.setCurrentRow(0)
    _fill(monkeypatch, day=(DAY - timedelta(days=1)).isoformat())
    page.edit_event(first)
    _idle()
    assert _on_disk(page)[0]["date"] == (DAY - timedelta(days=1)).isoformat()
    page.remove_event(first)
    _idle()
    assert [e["kind"] for e in _on_disk(page)] == ["seller_replied"]
    for _ in range(2):  # the removal, then the change of date
        page.controller.undo()
    _idle()
    assert [e["date"] for e in _on_disk(page)] == [DAY.isoformat(), DAY.isoformat()]
    assert _on_disk(page) == _in_memory(page)
    assert page.timeline.list.count() == 2
    page.controller.redo()
    _idle()
    assert _on_disk(page) == _in_memory(page) and _on_disk(page)[0]["date"] != DAY.isoformat()
    page.controller.undo()
    page.controller.undo()  # the offer
    _idle()
    assert [e["kind"] for e in _on_disk(page)] == ["dispute_opened"] == [e["kind"] for e in _in_memory(page)]  # fmt: skip


def test_bad_event_keeps_the_dialog_and_the_case(page: DisputePage, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    before = (page.controller.root / "case.json").read_bytes()
    errors = _fill(monkeypatch, kind="return_shipped", day=DAY.isoformat())
    page.add_event()
    _idle()
    assert "tracking number" in errors[0]
    errors = _fill(monkeypatch, kind="refund_received", amount="41", day=DAY.isoformat())
    page.add_event()
    _idle()
    assert "more than the price" in errors[0]
    errors = _fill(monkeypatch, kind="escalated", day="2001-01-01")
    page.add_event()
    _idle()
    assert "before the order" in errors[0]
    assert (page.controller.root / "case.json").read_bytes() == before
    assert page.controller.case.events == []


def test_failed_save_rolls_back(page: DisputePage, monkeypatch: pytest.MonkeyPatch) -> None:
    errors: list[str] = []
    page.controller.error_raised.connect(errors.append)

    def full() -> None:
        raise DiskFullError("The disk is full.")

    monkeypatch.setattr(page.controller.store, "save", full)
    _fill(monkeypatch, kind="dispute_opened", day=DAY.isoformat())
    page.add_event()
    _idle()
    assert page.controller.case.events == [] and errors and "disk is full" in errors[0]
    assert not page.controller.undo_stack.canUndo()


def test_message_edit_is_one_undo_step_and_copy(page: DisputePage) -> None:
    case = page.controller.case
    event_ops.add_event(case, event_ops.make_event(case, "dispute_opened", DAY.isoformat()))
    page.controller.save()
    page.refresh()
    page.drafts.choose("pushback_close_first")
    editor = page.drafts.editor
    editor.setPlainText(editor.toPlainText() + "\n\nP.S. my own words")
    page.drafts.flush()
    _idle()
    saved = CaseStore.open(page.controller.root).case.claim["messages"]["pushback_close_first"]
    assert saved.endswith("my own words") and "edited by you" in page.drafts.state.text()
    page.drafts.copy_button.click()
    assert QGuiApplication.clipboard().text().endswith("my own words")
    page.controller.undo()
    _idle()
    assert "messages" not in CaseStore.open(page.controller.root).case.claim
    assert not editor.toPlainText().endswith("my own words")
    assert len(page.drafts.short.toPlainText()) <= 500


def test_greyed_out_drafts_say_why(page: DisputePage) -> None:
    model = page.drafts.kind.model()
    row = page.drafts.kind.findData("appeal")
    assert not model.item(row).isEnabled()  # type: ignore[attr-defined]
    assert "no lost decision" in model.item(row).toolTip()  # type: ignore[attr-defined]


def test_calendar_button(page: DisputePage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # fmt: skip
    from icalendar import Calendar

    assert not page.calendar_button.isEnabled() or page.controller.case.events == []
    case = page.controller.case
    event_ops.add_event(case, event_ops.make_event(case, "dispute_opened", DAY.isoformat()))
    page.controller.save()
    page.refresh()
    assert page.calendar_button.isEnabled()
    out = tmp_path / "mine"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(str(a)))
    page.calendar_button.click()
    cal = Calendar.from_ical((tmp_path / "mine.ics").read_bytes())
    (event,) = cal.walk("VEVENT")
    assert event.decoded("dtstart") == DAY + timedelta(days=20)
    assert "mine.ics" in page.calendar_note.text()
