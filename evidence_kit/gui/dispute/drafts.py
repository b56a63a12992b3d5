"""The message drafts of the dispute: pick one, edit it, copy it, regenerate it.

The list offers every kind; those that make no sense for the case now are greyed out with
the reason. Edits are saved as you type (one undo step per burst); Regenerate drops your
version after asking. The short version always fits the platform's limit.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.claim.dispute import message_edits, messages
from evidence_kit.claim.dispute.messages import Message
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.i18n import translated
from evidence_kit.gui.base import theme
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import EditClaim
from evidence_kit.gui.base.flow_layout import FlowLayout
from evidence_kit.gui.dispute import labels


class DraftsPanel(QWidget):
    """One draft at a time: subject, long text (editable), warnings, short version."""

    pdf_requested = Signal(str)  # message kind

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.message: Message | None = None
        self._loading = False
        self.kind = QComboBox(self)
        self.kind.setObjectName("messageKind")
        for key, title in labels.message_kinds().items():
            self.kind.addItem(title, key)
        self.state = QLabel(self)
        theme.set_role(self.state, "hint")
        self.state.setWordWrap(True)
        self.subject = QLineEdit(self)
        self.subject.setReadOnly(True)
        self.warnings = QLabel(self)
        self.warnings.setObjectName("messageWarnings")
        self.warnings.setWordWrap(True)
        theme.set_role(self.warnings, "error")
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("messageText")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._timer = QTimer(self, singleShot=True, interval=800)
        self._timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(lambda: None if self._loading else self._timer.start())
        self.copy_button = QPushButton(self.tr("Copy text"), self)
        self.regenerate_button = QPushButton(self.tr("Regenerate from the case"), self)
        self.pdf_button = QPushButton(self.tr("Save as PDF with stills…"), self)
        self.explain_button = QPushButton(self.tr("Show in Russian"), self)
        self.explain_button.setToolTip(self.tr("This draft explained in Russian (read only)"))
        self.short_label = QLabel(self)
        self.short_label.setWordWrap(True)
        self.short = QPlainTextEdit(self)
        self.short.setObjectName("messageShort")
        self.short.setReadOnly(True)
        self.short.setMaximumHeight(96)
        self.copy_short = QPushButton(self.tr("Copy short version"), self)

        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("<b>Message</b>"), self))
        head.addWidget(self.kind, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.state)
        layout.addWidget(self.subject)
        layout.addWidget(self.warnings)
        layout.addWidget(self.editor, 3)
        buttons = FlowLayout()  # wraps rather than widen the window (Russian labels)
        for b in (self.copy_button, self.regenerate_button, self.pdf_button, self.explain_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        layout.addWidget(self.short_label)
        layout.addWidget(self.short, 1)
        row = QHBoxLayout()
        row.addWidget(self.copy_short)
        row.addStretch(1)
        layout.addLayout(row)

        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.copy_button.clicked.connect(lambda: self._copy(self.editor.toPlainText()))
        self.copy_short.clicked.connect(lambda: self._copy(self.short.toPlainText()))
        self.regenerate_button.clicked.connect(self.regenerate)
        self.pdf_button.clicked.connect(lambda: self.pdf_requested.emit(self.current_kind()))
        self.explain_button.clicked.connect(self.explain)

    def explain(self) -> None:
        """This draft explained in the shopper's language, beside the English (read only)."""
        from evidence_kit.claim.explain_messages import explain_message
        from evidence_kit.gui.help.explain_view import show_explanation

        case, kind = self.controller.case, self.current_kind()
        show_explanation(lambda language: explain_message(case, kind, language), self)

    def current_kind(self) -> str:
        return str(self.kind.currentData() or "")

    def choose(self, kind: str) -> None:
        """Show the draft of this kind (the next-action card's button)."""
        index = self.kind.findData(kind)
        if index >= 0:
            self.kind.setCurrentIndex(index)

    def _kind_changed(self) -> None:
        self.flush()
        self.show_case()

    def show_case(self) -> None:
        """Grey out what makes no sense now; show the chosen draft, or why there is none."""
        case = self.controller.case
        model = self.kind.model()
        assert isinstance(model, QStandardItemModel)
        for row in range(self.kind.count()):
            reason = messages.why_not(case, str(self.kind.itemData(row)))
            item = model.item(row)
            item.setEnabled(not reason)
            item.setToolTip(reason)
        kind = self.current_kind()
        reason = messages.why_not(case, kind)
        if reason:
            available = messages.available(case)
            if available and not self._timer.isActive():
                self.kind.setCurrentIndex(self.kind.findData(available[0]))
                return  # _kind_changed shows it
            self._show(None, reason)
            return
        try:
            self._show(messages.build_message(case, kind), "")
        except EvidenceKitError as exc:
            self._show(None, str(exc))

    def _show(self, message: Message | None, reason: str) -> None:
        self.message = message
        for w in (self.editor, self.copy_button, self.regenerate_button, self.pdf_button,
                  self.short, self.copy_short, self.subject, self.explain_button):  # fmt: skip
            w.setEnabled(message is not None)
        if message is None:
            self.state.setText(self.tr("No draft now: {0}").format(reason))
            self._set_text(self.editor, "")
            self._set_text(self.short, "")
            self.subject.setText("")
            self.warnings.setText("")
            self.short_label.setText("")
            return
        audience = {"seller": self.tr("to the seller"), "mediator": self.tr("to the mediator"),
                    "carrier": self.tr("to the carrier"), "bank": self.tr("to your bank")}  # fmt: skip
        edited = self.tr("edited by you") if message.edited else self.tr("generated from the case")
        self.state.setText(f"{audience.get(message.to, '')} · {edited}")
        self.subject.setText(message.subject)
        self.warnings.setText("\n".join("⚠ " + translated(w) for w in message.warnings))
        self.warnings.setVisible(bool(message.warnings))
        if not self._timer.isActive():
            self._set_text(self.editor, message.text)
        self._set_text(self.short, message.short)
        default = self.tr(" (default: check your order page)") if message.limit_is_default else ""  # fmt: skip
        ascii_note = self.tr(" - English characters only") if message.ascii_only else ""
        self.short_label.setText(
            self.tr("<b>Short version</b>: {0}/{1} characters{2}{3}").format(
                len(message.short), message.limit, default, ascii_note
            )
        )

    def _set_text(self, editor: QPlainTextEdit, text: str) -> None:
        if editor.toPlainText() == text:
            return
        self._loading = True
        try:
            editor.setPlainText(text)
        finally:
            self._loading = False

    def flush(self) -> None:
        """Store the edited text now (debounced while typing)."""
        self._timer.stop()
        message = self.message
        text = self.editor.toPlainText()
        if message is None or text == message.text:
            return
        kind = message.kind
        self.controller.push(
            EditClaim(
                self.tr("Edit the message"),
                lambda case: message_edits.set_text(case, kind, text),
                merge_key=f"message-{kind}",
            )
        )

    def regenerate(self) -> None:
        """Drop the shopper's version of this draft, after asking (Undo brings it back)."""
        self.flush()
        message = self.message
        if message is None or not message.edited:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Regenerate the message"),
            self.tr(
                "Replace your edited text with a fresh draft from the case? Undo brings it back."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        kind = message.kind
        self.controller.push(
            EditClaim(
                self.tr("Regenerate the message"), lambda case: message_edits.regenerate(case, kind)
            )  # fmt: skip
        )

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
