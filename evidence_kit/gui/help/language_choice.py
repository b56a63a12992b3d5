"""'Language: ○ English ● Русский', the row the explanation view and the guide open with."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from evidence_kit.core import i18n


class LanguageChoice(QWidget):
    """One radio button per catalog language, named in that language; `changed` on a switch."""

    changed = Signal()

    def __init__(self, current: str, order: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Language:"), self))
        for code in order:
            button = QRadioButton(i18n.NATIVE_NAMES[code], self)
            button.setProperty("language", code)
            button.setChecked(code == i18n.normalize(current))
            self.group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.group.buttonToggled.connect(lambda _b, on: self.changed.emit() if on else None)

    def language(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("language")) if checked else "en"
