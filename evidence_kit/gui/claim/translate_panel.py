"""'Translate to English' in the claim step: runs only on request, in the background, and
shows the result for review before anything in the case changes. Offline, it says so and
keeps the original text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.claim.translate import Translation, translate_text
from evidence_kit.core.errors import NetworkError
from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.base.tr_marks import QT_TRANSLATE_NOOP

FIELD_LABELS = {
    "notes": QT_TRANSLATE_NOOP("TranslationReview", "Notes"),
    "listing_says": QT_TRANSLATE_NOOP("TranslationReview", "Listing says"),
    "received_is": QT_TRANSLATE_NOOP("TranslationReview", "Received"),
    "seller_reply": QT_TRANSLATE_NOOP("TranslationReview", "Seller's reply"),
    "text": QT_TRANSLATE_NOOP("TranslationReview", "Claim text"),
}


class TranslationReview(QDialog):
    """Original next to the (editable) translation, per field."""

    def __init__(self, results: dict[str, Translation], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review the translation"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Check the English before it goes into your claim. You can correct it."),
                self,
            )
        )
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Your text</b>"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>English</b>"), self), 0, 2)
        self.edits: dict[str, QPlainTextEdit] = {}
        for row, (key, result) in enumerate(results.items(), start=1):
            grid.addWidget(QLabel(self.tr(FIELD_LABELS.get(key, key)), self), row, 0)
            original = QPlainTextEdit(result.original, self)
            original.setReadOnly(True)
            translated = QPlainTextEdit(result.text, self)
            translated.setObjectName(f"translation_{key}")
            grid.addWidget(original, row, 1)
            grid.addWidget(translated, row, 2)
            self.edits[key] = translated
        layout.addLayout(grid, 1)
        buttons = QDialogButtonBox(self)
        self.use_button = buttons.addButton(
            self.tr("Use the translation"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Keep the original"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        """The reviewed English text per field."""
        return {key: edit.toPlainText() for key, edit in self.edits.items()}


def run_translation(
    parent: QWidget,
    runner: TaskRunner,
    fields: dict[str, str],
    backend: str,
    apply: Callable[[dict[str, str]], None],
) -> None:
    """Translate `fields` in the background, let the shopper review, then call `apply`."""
    fields = {k: v for k, v in fields.items() if v.strip()}
    if not fields:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("TranslationReview", "Translate"),
            QCoreApplication.translate("TranslationReview", "There is no text to translate yet."),
        )
        return

    def work(progress: ProgressFn, cancel: CancelToken) -> dict[str, Translation]:
        return {
            k: translate_text(v, backend, progress=progress, cancel=cancel)
            for k, v in fields.items()
        }

    def done(results: dict[str, Translation]) -> None:
        dialog = TranslationReview(results, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            apply(dialog.values())

    def failed(exc: Exception) -> None:
        if isinstance(exc, NetworkError):
            QMessageBox.information(
                parent, QCoreApplication.translate("TranslationReview", "Translate"), str(exc)
            )
        else:
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("TranslationReview", "Translate"),
                QCoreApplication.translate(
                    "TranslationReview",
                    "The translation failed ({0}). Your text was kept as it is.",
                ).format(exc),
            )

    runner.start(
        QCoreApplication.translate("TranslationReview", "Translating to English"),
        work,
        on_done=done,
        on_error=failed,
    )
