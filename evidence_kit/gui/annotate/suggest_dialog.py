"""Asks which suggested redactions to apply: each finding is a checkbox, nothing is silent."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)


class SuggestDialog(QDialog):
    """Lists suggestions; the checked ones become solid redact boxes."""

    def __init__(self, found: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mask personal data"))
        self.found = found
        self.list = QListWidget(self)
        names = {
            "face": self.tr("Face"),
            "text_line": self.tr("Text line"),
            "qr": self.tr("QR code"),
            "datamatrix": self.tr("DataMatrix code"),
            "pdf417": self.tr("PDF417 code"),
            "aztec": self.tr("Aztec code"),
            "maxicode": self.tr("MaxiCode"),
            "barcode": self.tr("Barcode"),
        }
        for n, s in enumerate(found, start=1):
            # numbered like the dashed boxes the editor shows meanwhile
            entry = QListWidgetItem(f"{n}. {names.get(s.kind, s.kind)} — {s.reason}")
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # the tracking-number barcode stays readable unless the shopper ticks it
            entry.setCheckState(Qt.CheckState.Unchecked if s.keep else Qt.CheckState.Checked)
            self.list.addItem(entry)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mask ticked areas"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Tick what should be hidden before anything is uploaded."), self)
        )
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def accepted_annotations(self) -> list[dict[str, Any]]:
        """Redact annotations for the ticked suggestions."""
        return [
            s.annotation()
            for i, s in enumerate(self.found)
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
