"""The dialog that adds or changes one event of the dispute.

It shows only the fields the kind uses (the seller's reply, the return's tracking number,
where the return address came from) and checks the event with the same core function the
command line uses; a refused event keeps the dialog open with the reason under the fields.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.core import case_values, event_ops
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.events import Event
from evidence_kit.core.model import Case, exhibit_numbers
from evidence_kit.gui.base import theme
from evidence_kit.gui.base.date_field import DateField
from evidence_kit.gui.dispute import labels


class EventDialog(QDialog):
    """Add (event=None) or edit an event; `made` holds the checked result after exec()."""

    def __init__(self, case: Case, event: Event | None = None, kind: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.case = case
        self.editing = event
        self.made: Event | None = None
        self.setWindowTitle(self.tr("Change the event") if event else self.tr("Add an event"))
        self.kind = QComboBox(self)
        for key, label in labels.event_kinds().items():
            self.kind.addItem(label, key)
        self.day = DateField(self, allow_future=True)  # the core refuses days still to come
        self.amount = QLineEdit(self)
        currency = case.facts.currency or ""
        self.amount.setPlaceholderText(self.tr("none") + (f" ({currency})" if currency else ""))
        self.reply = QComboBox(self)
        for key, label in labels.replies().items():
            self.reply.addItem(label, key)
        self.tracking = QLineEdit(self)
        self.tracking.setPlaceholderText(self.tr("the return parcel's tracking number"))
        self.address = QCheckBox(self.tr("The seller gave the return address inside the dispute form"), self)  # fmt: skip
        self.note = QPlainTextEdit(self)
        self.note.setMaximumHeight(70)
        self.items = QListWidget(self)
        self.items.setMaximumHeight(110)
        numbers = exhibit_numbers(case)
        for it in case.items:
            row = QListWidgetItem(f"{numbers.get(it.id, '--')}  {it.title or it.original_name or it.id}")  # fmt: skip
            row.setData(Qt.ItemDataRole.UserRole, it.id)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.items.addItem(row)
        self.error = QLabel(self)
        self.error.setObjectName("eventError")
        self.error.setWordWrap(True)
        theme.set_role(self.error, "bad")
        self.form = QFormLayout()
        self.form.addRow(self.tr("What happened"), self.kind)
        self.form.addRow(self.tr("Day"), self.day)
        self.form.addRow(self.tr("Amount"), self.amount)
        self.form.addRow(self.tr("The seller"), self.reply)
        self.form.addRow(self.tr("Tracking"), self.tracking)
        self.form.addRow("", self.address)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow(self.tr("Evidence"), self.items)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._show_fields)
        self._fill(event, kind)
        self._show_fields()
        self.resize(460, self.sizeHint().height())

    def _fill(self, event: Event | None, kind: str) -> None:
        start = event.date if event else date.today().isoformat()
        self.day.set_iso(start)
        if event is None:
            self.kind.setCurrentIndex(max(self.kind.findData(kind or "dispute_opened"), 0))
            return
        self.kind.setCurrentIndex(max(self.kind.findData(event.kind), 0))
        self.amount.setText("" if event.amount is None else f"{event.amount:g}")
        self.reply.setCurrentIndex(max(self.reply.findData(event.reply or "offer"), 0))
        self.tracking.setText(event.tracking)
        self.address.setChecked(bool(event.address_in_form))
        self.note.setPlainText(event.note)
        for row in range(self.items.count()):
            item = self.items.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in event.items:
                item.setCheckState(Qt.CheckState.Checked)

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        for widget, shown in (
            (self.reply, kind == "seller_replied"),
            (self.tracking, kind == "return_shipped"),
            (self.address, kind == "return_agreed"),
        ):
            self.form.setRowVisible(widget, shown)
        self.error.setText("")

    def accept(self) -> None:
        """Check the event; keep the dialog open with the reason when it is refused."""
        kind = self.kind.currentData()
        linked = [
            str(self.items.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.items.count())
            if self.items.item(r).checkState() == Qt.CheckState.Checked
        ]
        try:
            amount = case_values.parse_number(self.tr("the amount"), self.amount.text())
            self.made = event_ops.make_event(
                self.case,
                kind,
                self.day.iso(),
                amount=amount,
                note=self.note.toPlainText(),
                items=linked,
                reply=self.reply.currentData() if kind == "seller_replied" else "",
                tracking=self.tracking.text() if kind == "return_shipped" else "",
                address_in_form=self.address.isChecked() if kind == "return_agreed" else None,
                event_id=self.editing.id if self.editing else "",
            )
        except EvidenceKitError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
