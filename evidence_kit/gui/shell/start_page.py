"""First screen: New case, Open case, Recent cases, Open sample case."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class StartPage(QWidget):
    """Emits what the user wants; the main window acts on it."""

    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Evidence Kit"), self)
        title.setObjectName("startTitle")
        title.setStyleSheet("font-size: 28px; font-weight: 600;")
        subtitle = QLabel(
            self.tr(
                "Your order came broken, wrong, incomplete or never came?\n"
                "Collect the proof, mark it up, and send a clear claim before the deadline."
            ),
            self,
        )
        subtitle.setStyleSheet("color: palette(mid); font-size: 14px;")
        self.new_button = self._big_button(
            self.tr("New case…"), self.tr("Start a dispute for one order")
        )
        self.open_button = self._big_button(
            self.tr("Open case…"), self.tr("Continue a case folder")
        )
        self.sample_button = self._big_button(
            self.tr("Open sample case"), self.tr("Try the app on a cracked-mug example")
        )
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button.clicked.connect(self.sample_requested)

        self.recent = QListWidget(self)
        self.recent.setObjectName("recentCases")
        self.recent.itemActivated.connect(
            lambda it: self.recent_chosen.emit(it.data(Qt.ItemDataRole.UserRole))
        )
        recent_label = QLabel(self.tr("Recent cases"), self)
        recent_label.setStyleSheet("font-weight: 600;")
        self.recent_empty = QLabel(self.tr("No recent cases yet."), self)

        buttons = QVBoxLayout()
        for b in (self.new_button, self.open_button, self.sample_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        recent_box = QVBoxLayout()
        recent_box.addWidget(recent_label)
        recent_box.addWidget(self.recent)
        recent_box.addWidget(self.recent_empty)
        recent_box.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(buttons, 1)
        sep = QFrame(self)
        sep.setFrameShape(QFrame.Shape.VLine)
        row.addWidget(sep)
        row.addLayout(recent_box, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 36)
        outer.addWidget(title)
        outer.addWidget(subtitle)
        outer.addSpacing(24)
        outer.addLayout(row, 1)

    def _big_button(self, text: str, hint: str) -> QPushButton:
        button = QPushButton(f"{text}\n{hint}", self)
        button.setMinimumHeight(64)
        button.setStyleSheet("text-align: left; padding: 8px 16px; font-size: 14px;")
        return button

    def set_recent(self, paths: list[str]) -> None:
        """Show the recent cases that still exist on disk."""
        self.recent.clear()
        for p in paths:
            path = Path(p)
            if not (path / "case.json").exists():
                continue
            item = QListWidgetItem(f"{path.name}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        empty = self.recent.count() == 0
        self.recent.setVisible(not empty)
        self.recent.setMinimumHeight(0 if empty else 300)
        self.recent_empty.setVisible(empty)
