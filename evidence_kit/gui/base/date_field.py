"""A date the shopper can type (ISO or their own locale's way), pick from a calendar that
opens at today, set to today or clear: the one date widget of the app (facts, the claim, the
dispute's events).

Qt's QDateEdit cannot be empty, opens its calendar at its minimum date and mixes typing with
its "not set" text; this keeps the value as an ISO string ('' when unset) and only reports a
date the shopper finished typing or picked.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.gui.base import icons, theme

_ISO = re.compile(r"^\s*(\d{4})[-./ ](\d{1,2})[-./ ](\d{1,2})\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def parse_date(text: str, locale: QLocale | None = None) -> date | None:
    """The date in `text`: ISO (2026-11-02, 2026/11/02, 20261102) or the locale's short or
    long form (11/2/26, 02.11.2026, 2 November 2026). None when it is not a date."""
    for pattern in (_ISO, _COMPACT):
        m = pattern.match(text)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    locale = locale or QLocale()
    text = text.strip()
    for fmt in _local_formats(locale):
        parsed = locale.toDate(text, fmt, 2000)  # a two-digit year is this century
        if parsed.isValid():
            return date(parsed.year(), parsed.month(), parsed.day())
    return None


def _local_formats(locale: QLocale) -> list[str]:
    """The locale's formats, loosened: one or two digits for day and month, two or four
    for the year."""
    out: list[str] = []
    long = locale.dateFormat(QLocale.FormatType.LongFormat)
    for fmt in (locale.dateFormat(QLocale.FormatType.ShortFormat), long, _no_weekday(long)):
        loose = re.sub(r"(?<!d)dd(?!d)", "d", re.sub(r"(?<!M)MM(?!M)", "M", fmt))
        years = [loose]
        if "yyyy" in loose:
            years.append(loose.replace("yyyy", "yy"))
        elif "yy" in loose:
            years.insert(0, loose.replace("yy", "yyyy"))
        out += [f for f in years if f not in out]
    return out


def _no_weekday(fmt: str) -> str:
    """A long format without its weekday ("dddd, d MMMM yyyy" -> "d MMMM yyyy")."""
    return re.sub(r"^\W*|\W*$", "", re.sub(r"d{4}\W*", "", fmt))


class DateField(QWidget):
    """A typed or picked date. `changed(iso)` ('' when cleared) fires only for a finished,
    valid date that differs from the one shown; `set_iso` shows a value without firing."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, allow_future: bool = False) -> None:
        super().__init__(parent)
        self.allow_future = allow_future
        self._value = ""
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(self.tr("Date"))
        width = self.edit.fontMetrics().horizontalAdvance("0000-00-00") + 24
        self.edit.setFixedWidth(width)
        self.edit.editingFinished.connect(self._on_typed)
        for key in ("Alt+Down", "F4"):  # as a combo box opens its list
            shortcut = QShortcut(QKeySequence(key), self.edit, self.open_calendar)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.calendar_button = self._button("calendar", self.tr("Pick the date"), "Alt+Down")
        self.calendar_button.clicked.connect(self.open_calendar)
        self.today_button = self._button("", self.tr("Today"))
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Set today's date"))
        self.today_button.clicked.connect(lambda: self._commit(date.today()))
        self.clear_button = self._button("x", self.tr("Clear the date"))
        self.clear_button.clicked.connect(lambda: self._commit(None))
        self.readable = QLabel(self)
        self.readable.setObjectName("readableDate")
        theme.set_role(self.readable, "hint")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for w in (self.edit, self.calendar_button, self.today_button, self.clear_button):
            row.addWidget(w)
        row.addSpacing(6)
        row.addWidget(self.readable, 1)
        self.popup: QFrame | None = None
        self.calendar: QCalendarWidget | None = None
        self._show()

    def _button(self, icon_name: str, tip: str, key: str = "") -> QToolButton:
        button = QToolButton(self)
        if icon_name:
            button.setIcon(icons.icon(icon_name))
        button.setToolTip(icons.tip(tip, key))
        button.setAccessibleName(tip)
        return button

    # --- value -------------------------------------------------------------------------------

    def iso(self) -> str:
        """The date shown, as YYYY-MM-DD, or '' when none is set."""
        return self._value

    def set_iso(self, value: str) -> None:
        """Show a date (YYYY-MM-DD or '') without reporting it as a change."""
        self._value = value or ""
        if not (self.edit.hasFocus() and self.edit.isModified()):
            self._show()

    def lineEdit(self) -> QLineEdit:  # noqa: N802 - the name QDateEdit gives it
        return self.edit

    def _show(self, problem: str = "") -> None:
        if not problem:
            self.edit.setText(self._value)
            self.edit.setModified(False)
        self.clear_button.setEnabled(bool(self._value))
        if problem:
            self.readable.setText(problem)
            theme.set_role(self.readable, "bad")
        elif self._value:
            day = QDate.fromString(self._value, "yyyy-MM-dd")
            self.readable.setText(QLocale().toString(day, QLocale.FormatType.LongFormat))
            theme.set_role(self.readable, "hint")
        else:
            self.readable.setText(self._example())
            theme.set_role(self.readable, "hint")

    def _example(self) -> str:
        today = QDate.currentDate()
        local = QLocale().toString(today, QLocale.FormatType.ShortFormat)
        return self.tr("not set: type {0} or {1}, or pick it").format(
            today.toString("yyyy-MM-dd"), local
        )

    def _on_typed(self) -> None:
        if not self.edit.isModified():
            return
        text = self.edit.text().strip()
        if not text:
            self._commit(None)
            return
        day = parse_date(text)
        if day is None:
            self._show(self.tr("not a date: type it like {0}").format(self._example_iso()))
            return
        if day > date.today() and not self.allow_future:
            self._show(self.tr("{0} is in the future").format(day.isoformat()))
            return
        self._commit(day)

    @staticmethod
    def _example_iso() -> str:
        return QDate.currentDate().toString("yyyy-MM-dd")

    def _commit(self, day: date | None) -> None:
        value = day.isoformat() if day else ""
        changed = value != self._value
        self._value = value
        self._show()
        if self.popup is not None:
            self.popup.hide()
        if changed:
            self.changed.emit(value)

    # --- the calendar -----------------------------------------------------------------------

    def open_calendar(self) -> None:
        """Show the calendar at the date shown, or at today when none is set."""
        if self.popup is None:
            self.popup = QFrame(self, Qt.WindowType.Popup)
            self.popup.setFrameShape(QFrame.Shape.StyledPanel)
            self.calendar = QCalendarWidget(self.popup)
            self.calendar.setGridVisible(False)
            self.calendar.setVerticalHeaderFormat(
                QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
            )
            self.calendar.clicked.connect(
                lambda d: self._commit(date(d.year(), d.month(), d.day()))
            )
            self.calendar.activated.connect(
                lambda d: self._commit(date(d.year(), d.month(), d.day()))
            )
            box = QVBoxLayout(self.popup)
            box.setContentsMargins(2, 2, 2, 2)
            box.addWidget(self.calendar)
        assert self.calendar is not None
        today = QDate.currentDate()
        if not self.allow_future:
            self.calendar.setMaximumDate(today)
        shown = QDate.fromString(self._value, "yyyy-MM-dd") if self._value else today
        self.calendar.setSelectedDate(shown)
        self.calendar.setCurrentPage(shown.year(), shown.month())
        self.popup.adjustSize()
        self.popup.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.popup.show()
        self.calendar.setFocus()
