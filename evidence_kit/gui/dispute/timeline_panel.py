"""The dispute's timeline: one row per event, with Add, Change and Remove (each an undo step).

Rows show the day, what happened and its details; a double click or Enter changes the event,
Delete removes it. The buttons under the list add the event that usually comes next.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.core.events import Event
from evidence_kit.core.model import Case, exhibit_numbers
from evidence_kit.gui.base import language, theme
from evidence_kit.gui.dispute import labels


class TimelinePanel(QWidget):
    """Shows the events; asks the page to add, change or remove one."""

    add_requested = Signal()
    edit_requested = Signal(str)  # event id
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("<b>Timeline</b>"), self)
        self.list = QListWidget(self)
        self.list.setObjectName("disputeTimeline")
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.empty = QLabel(
            self.tr("No events yet. When you open the dispute on the platform, add "
                    "'Dispute opened' here: every deadline counts from it."),
            self,
        )  # fmt: skip
        self.empty.setWordWrap(True)
        theme.set_role(self.empty, "hint")
        self.add_button = QPushButton(self.tr("+ Add event…"), self)
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.setToolTip(self.tr("Record what happened (Ctrl+N in this list)"))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_requested.emit)
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.remove_button.clicked.connect(lambda: self._emit(self.remove_requested))
        self.list.itemDoubleClicked.connect(lambda _item: self._emit(self.edit_requested))
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self._emit(self.remove_requested))
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.list)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(lambda: self._emit(self.edit_requested))

    def current_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def _emit(self, signal: SignalInstance) -> None:
        if self.current_id():
            signal.emit(self.current_id())

    def _enable(self) -> None:
        chosen = bool(self.current_id())
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def show_case(self, case: Case) -> None:
        """One row per event, keeping the selected one."""
        keep = self.current_id()
        self.list.clear()
        numbers = exhibit_numbers(case)
        for event in case.events:
            row = QListWidgetItem(self.describe(case, event, numbers))
            row.setData(Qt.ItemDataRole.UserRole, event.id)
            self.list.addItem(row)
            if event.id == keep:
                self.list.setCurrentItem(row)
        self.empty.setVisible(not case.events)
        self.list.setVisible(bool(case.events))
        self._enable()

    def describe(self, case: Case, e: Event, numbers: dict[str, str]) -> str:
        """'2026-11-13  Seller replied: an offer · 2.00 USD · E4'."""
        what = labels.event_kinds()[e.kind]
        if e.reply:
            what += ": " + labels.replies()[e.reply]
        parts = [f"{language.show_date(e.date)}   {what}"]
        if e.amount is not None:
            parts.append(language.show_amount(e.amount, case.facts.currency))
        if e.tracking:
            parts.append(self.tr("tracking {0}").format(e.tracking))
        if e.address_in_form is False:
            parts.append(self.tr("address NOT in the form"))
        if e.items:
            parts.append(", ".join(numbers.get(i, i) for i in e.items))
        text = "  ·  ".join(parts)
        return f"{text}\n      {e.note}" if e.note else text
