"""Ask only what a new case needs: the platform, the order id and where to keep it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from evidence_kit.core import paths
from evidence_kit.core.model import PLATFORMS
from evidence_kit.gui.base import theme

HINT_WIDTH = 420  # px the folder line may take before it is shortened in the middle
PLATFORM_NAMES = {
    "aliexpress": "AliExpress",
    "ebay": "eBay",
    "amazon": "Amazon (A-to-z)",
    "paypal": "PayPal",
    "temu": "Temu",
    "shopee": "Shopee",
    "lazada": "Lazada",
    "card": "Card chargeback",
}


class NewCaseDialog(QDialog):
    """Returns platform, order id and the case folder via properties after exec()."""

    def __init__(self, default_platform: str = "aliexpress", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.platform = QComboBox(self)
        for pid in PLATFORMS:
            self.platform.addItem(PLATFORM_NAMES[pid], pid)
        if default_platform in PLATFORMS:
            self.platform.setCurrentIndex(PLATFORMS.index(default_platform))
        self.order_id = QLineEdit(self)
        self.order_id.setPlaceholderText(self.tr("as shown on your order page"))
        self.folder = QLineEdit(str(paths.cases_dir()), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.hint = QLabel(self)
        theme.set_role(self.hint, "hint")
        # a long order number makes a long folder name: it is shortened in the middle, so
        # the dialog keeps its width and its buttons stay on the screen
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(HINT_WIDTH + 140)
        self.order_id.textChanged.connect(self._update)
        self.folder.textChanged.connect(self._update)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create case"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Order number"), self.order_id)
        form.addRow(self.tr("Keep it in"), folder_row)
        form.addRow("", self.hint)
        form.addRow(self.buttons)
        self._update()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Where to keep the case"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _update(self) -> None:
        ok = bool(self.order_id.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        folder = str(self.case_dir) if ok else ""
        short = self.hint.fontMetrics().elidedText(folder, Qt.TextElideMode.ElideMiddle, HINT_WIDTH)
        self.hint.setText(self.tr("The case folder will be:\n{0}").format(short) if ok else "")
        self.hint.setToolTip(folder)

    @property
    def platform_id(self) -> str:
        return str(self.platform.currentData())

    @property
    def case_dir(self) -> Path:
        """The new case's folder: '<platform> order <id>' inside the chosen folder."""
        from evidence_kit.media.importer import safe_name

        name = safe_name(f"{self.platform.currentText()} order {self.order_id.text().strip()}")
        base = Path(self.folder.text()).expanduser() / name
        candidate, n = base, 2
        while (candidate / "case.json").exists():
            candidate = base.with_name(f"{base.name} ({n})")
            n += 1
        return candidate
