"""Settings: the UI language (System, English, Русский). A new language takes effect at once:
the window is rebuilt around the open case (gui/shell/language_switch.py)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.gui.base import language


class SettingsDialog(QDialog):
    """The preferences that are not chosen where they are used."""

    def __init__(self, current_language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        for choice in language.CHOICES:
            self.language.addItem(language.choice_label(choice), choice)
        self.language.setCurrentIndex(max(self.language.findData(current_language), 0))
        self.language.setAccessibleName(self.tr("Language"))
        note = QLabel(
            self.tr(
                "The window changes language at once; the open case stays open. "
                "The claim and the PDF for the mediator stay in English."
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    @property
    def language_choice(self) -> str:
        """ "system", "en" or "ru"."""
        return str(self.language.currentData())
