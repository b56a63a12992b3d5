"""Asks which suggested redactions to apply: each finding is a checkbox, nothing is silent."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

ICON = QSize(220, 44)

if TYPE_CHECKING:
    from PIL import Image

    from evidence_kit.media.image.suggest import Suggestion


class SuggestDialog(QDialog):
    """Lists suggestions; the checked ones become solid redact boxes."""

    def __init__(
        self,
        found: list[Suggestion],
        parent: QWidget | None = None,
        picture: Image.Image | None = None,
        scale: float = 1.0,
    ) -> None:
        """picture: the editor's preview (Pillow, `scale` preview px per original px); each
        finding then shows the area it would hide, so "Text line" says which line."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mask personal data"))
        self.found = found
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setIconSize(ICON)
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
            name = names.get(s.kind, s.kind)
            # a code's reason already names it ("QR code holds …")
            text = s.reason if s.reason.startswith(name) else f"{name} — {s.reason}"
            entry = QListWidgetItem(f"{n}. {text}")
            if picture is not None:
                entry.setIcon(_area_icon(picture, s.rect, scale))
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
        self.resize(720, 520)  # a label's dozen lines, each with its picture, without scrolling

    def accepted_annotations(self) -> list[dict[str, Any]]:
        """Redact annotations for the ticked suggestions."""
        return [
            s.annotation()
            for i, s in enumerate(self.found)
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


def _area_icon(picture: Image.Image, rect: list[float], scale: float) -> QIcon:
    """The area a finding would hide, cut from the preview, on a canvas of one size for all
    (so every entry's words start in the same column)."""
    from evidence_kit.gui.base.qt_image import pil_to_qimage

    x, y, w, h = (v * scale for v in rect)
    box = (int(x), int(y), max(int(x) + 1, int(x + w)), max(int(y) + 1, int(y + h)))
    area = QPixmap.fromImage(pil_to_qimage(picture.crop(box).convert("RGB")))
    area = area.scaled(
        ICON, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    canvas = QPixmap(ICON)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.drawPixmap(0, (ICON.height() - area.height()) // 2, area)
    painter.end()
    return QIcon(canvas)
