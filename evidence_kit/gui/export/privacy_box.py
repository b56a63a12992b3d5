"""The export page's privacy words and choice: what leaves the app and what the sealed bundle
keeps, said plainly before the export; the option of a shareable bundle (masked exhibits
only, the originals listed by hash); after the export, file by file what was removed and
what was kept, in the same words as the upload pack's README.txt (export/upload_pack.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from evidence_kit.export.run import ExportResult


class PrivacyBox(QGroupBox):
    """'What leaves, what stays': the words, the shareable-bundle choice, the details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Privacy"), parent)
        self.words = QLabel(
            self.tr(
                "Upload files, the PDF and a shareable bundle leave without location, camera, "
                "author, comments or your file names, with every mask burned in. The evidence "
                "bundle is for you: it keeps the originals unmasked, with their metadata and "
                "names, because that proves they are untouched. Keep it private."
            ),
            self,
        )
        self.words.setWordWrap(True)
        self.shareable = QCheckBox(
            self.tr(
                "Also make a shareable bundle: masked exhibits only, the originals listed by their hashes"
            ),  # fmt: skip
            self,
        )
        self.shareable.setToolTip(
            self.tr(
                "A second zip to send a mediator or a bank: it holds the masked exhibits and "
                "clean copies, never the originals; their SHA-256 hashes let the originals be "
                "proven later from your own bundle."
            )
        )
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(110)
        self.details.setAccessibleName(self.tr("What was removed and what was kept"))
        self.details.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.words)
        layout.addWidget(self.shareable)
        layout.addWidget(self.details)

    def show_result(self, result: ExportResult) -> None:
        """After an export: each upload file's removed/kept/masked line, and the bundles."""
        from evidence_kit.export.upload_pack import privacy_lines

        lines = privacy_lines(result.files, result.bundle.name) if result.upload_dir else []
        if result.shareable is not None:
            lines.append(
                self.tr("Shareable bundle: {0} (masked exhibits only; safe to send).").format(
                    result.shareable.name
                )
            )
        self.details.setPlainText("\n".join(line.rstrip() for line in lines).strip())
        self.details.setVisible(bool(lines))
