"""The date widget: typed dates (ISO and the locale's own), a calendar that opens at today,
Today and Clear; in the facts form and the claim flow, the typed date drives the deadlines."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from evidence_kit.core.store import CaseStore, new_case

pytest.importorskip("pytestqt")

from PySide6.QtCore import QDate, QLocale, Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from evidence_kit.gui.base.case_controller import CaseController  # noqa: E402
from evidence_kit.gui.base.date_field import DateField, parse_date  # noqa: E402
from evidence_kit.gui.facts.form import FactsForm  # noqa: E402


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("2026-11-02", "en_US", date(2026, 11, 2)),
        (" 2026/11/2 ", "ru_RU", date(2026, 11, 2)),
        ("20261102", "de_DE", date(2026, 11, 2)),
        ("11/2/26", "en_US", date(2026, 11, 2)),
        ("11/2/2026", "en_US", date(2026, 11, 2)),
        ("02/11/2026", "en_GB", date(2026, 11, 2)),
        ("2.11.2026", "ru_RU", date(2026, 11, 2)),
        ("02.11.26", "ru_RU", date(2026, 11, 2)),
        ("2 November 2026", "en_GB", date(2026, 11, 2)),
        ("2026-02-30", "en_US", None),
        ("next tuesday", "en_US", None),
        ("", "en_US", None),
    ],
)
def test_parse_date_iso_and_local(text: str, locale: str, expected: date | None) -> None:
    assert parse_date(text, QLocale(locale)) == expected


def type_into(qtbot: Any, field: DateField, text: str) -> None:
    edit = field.lineEdit()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


@pytest.fixture
def field(qtbot: Any) -> DateField:
    widget = DateField()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_typed_date_is_reported_once_and_shown_in_words(qtbot: Any, field: DateField) -> None:
    seen: list[str] = []
    field.changed.connect(seen.append)
    type_into(qtbot, field, "2026-11-02")
    assert seen == ["2026-11-02"] and field.iso() == "2026-11-02"
    assert field.lineEdit().text() == "2026-11-02"
    assert "2026" in field.readable.text() and "2" in field.readable.text()
    type_into(qtbot, field, "2026-11-02")  # the same again: no second change
    assert seen == ["2026-11-02"]


def test_a_bad_date_is_kept_for_fixing_and_not_reported(qtbot: Any, field: DateField) -> None:
    field.set_iso("2026-01-05")
    seen: list[str] = []
    field.changed.connect(seen.append)
    type_into(qtbot, field, "2026-13-40")
    assert seen == [] and field.iso() == "2026-01-05"
    assert field.lineEdit().text() == "2026-13-40"  # what was typed stays, to be fixed
    assert "not a date" in field.readable.text()
    future = (date.today() + timedelta(days=3)).isoformat()
    type_into(qtbot, field, future)
    assert seen == [] and "future" in field.readable.text()


def test_calendar_opens_at_today_or_the_date(qtbot: Any, field: DateField) -> None:
    field.open_calendar()
    assert field.calendar is not None
    today = QDate.currentDate()
    assert field.calendar.selectedDate() == today
    assert (field.calendar.yearShown(), field.calendar.monthShown()) == (
        today.year(),
        today.month(),
    )
    field.popup.hide()
    field.set_iso("2025-03-09")
    field.open_calendar()
    assert (field.calendar.yearShown(), field.calendar.monthShown()) == (2025, 3)
    seen: list[str] = []
    field.changed.connect(seen.append)
    field.calendar.clicked.emit(QDate(2025, 3, 14))
    assert seen == ["2025-03-14"] and not field.popup.isVisible()


def test_today_and_clear(qtbot: Any, field: DateField) -> None:
    seen: list[str] = []
    field.changed.connect(seen.append)
    assert not field.clear_button.isEnabled()
    qtbot.mouseClick(field.today_button, Qt.MouseButton.LeftButton)
    assert seen == [date.today().isoformat()]
    assert field.clear_button.isEnabled()
    qtbot.mouseClick(field.clear_button, Qt.MouseButton.LeftButton)
    assert seen[-1] == "" and field.iso() == "" and field.lineEdit().text() == ""
    assert "not set" in field.readable.text()


# --- in the facts form -------------------------------------------------------------------


@pytest.fixture
def form(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FactsForm:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    store = new_case(tmp_path / "case", platform="ebay", order_id="1")
    controller = CaseController(store)
    controller.error_raised.connect(lambda m: None)
    widget = FactsForm(controller)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_facts_form_takes_typed_dates_and_they_drive_the_deadlines(
    qtbot: Any, form: FactsForm
) -> None:
    from evidence_kit.claim.deadlines import compute

    delivered = (date.today() - timedelta(days=5)).isoformat()
    ordered = (date.today() - timedelta(days=20)).isoformat()
    type_into(qtbot, form.ordered, ordered)
    type_into(qtbot, form.delivered, delivered)
    case = form.controller.case
    assert (case.facts.ordered, case.facts.delivered) == (ordered, delivered)
    on_disk = CaseStore.open(form.controller.root).case.facts
    assert (on_disk.ordered, on_disk.delivered) == (ordered, delivered)
    first = next(d for d in compute(case) if d.id == "open_dispute")
    assert first.status != "unknown" and first.days_left == 25  # eBay: 30 days after delivery
    form.controller.undo()  # one undo step per date
    assert form.controller.case.facts.delivered == "" and form.delivered.iso() == ""
    qtbot.mouseClick(form.ordered.clear_button, Qt.MouseButton.LeftButton)
    assert form.controller.case.facts.ordered == ""


def test_facts_form_shows_a_refused_date_as_the_case_has_it(qtbot: Any, form: FactsForm) -> None:
    type_into(qtbot, form.ordered, "2026-11-10")
    type_into(qtbot, form.delivered, "2026-11-01")  # before the order: refused by the core
    assert form.controller.case.facts.delivered == ""
    assert form.delivered.iso() == "" and form.delivered.lineEdit().text() == ""
