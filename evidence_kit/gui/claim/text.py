"""The claim text: the subject line, the editable long version (paragraphs that no longer
match the case are highlighted and explained), regenerate (keeping the shopper's paragraphs),
the wording suggestions, and the short version with its count against the platform's limit.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPalette, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.claim import edits
from evidence_kit.claim.draft import ClaimDraft
from evidence_kit.gui.base import theme
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import EditClaim
from evidence_kit.gui.base.notify import flash_button
from evidence_kit.gui.claim.wording_panel import WordingPanel


class ClaimTextPanel(QWidget):
    """Long text (editable), short text (read-only), and their buttons."""

    translate_text_requested = Signal()

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._loading = False
        self.draft: ClaimDraft | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        title = QLabel(self.tr("<b>Claim text</b>"), self)
        self.state = QLabel(self)
        self.state.setObjectName("textState")
        self.state.setWordWrap(True)
        head.addWidget(title)
        head.addWidget(self.state, 1)
        layout.addLayout(head)

        subject_row = QHBoxLayout()
        subject_row.addWidget(QLabel(self.tr("Subject"), self))
        self.subject = QLineEdit(self)
        self.subject.setObjectName("claimSubject")
        self.subject.setReadOnly(True)
        self.subject.setToolTip(self.tr("For the form's subject or title field, if it has one."))
        subject_row.addWidget(self.subject, 1)
        copy_subject = QPushButton(self.tr("Copy"), self)
        copy_subject.clicked.connect(lambda: self._copy(self.subject.text(), copy_subject))
        subject_row.addWidget(copy_subject)
        layout.addLayout(subject_row)

        self.stale = QLabel(self)
        self.stale.setObjectName("staleBanner")
        self.stale.setWordWrap(True)
        theme.set_role(self.stale, "banner")
        layout.addWidget(self.stale)

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("claimText")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._timer = QTimer(self, singleShot=True, interval=800)
        self._timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(lambda: None if self._loading else self._timer.start())
        layout.addWidget(self.editor, 3)

        buttons = QHBoxLayout()
        self.regenerate_button = QPushButton(self.tr("Regenerate"), self)
        self.regenerate_button.clicked.connect(self.regenerate)
        self.copy_button = QPushButton(self.tr("Copy text"), self)
        self.copy_button.clicked.connect(
            lambda: self._copy(self.editor.toPlainText(), self.copy_button)
        )
        self.translate_button = QPushButton(self.tr("Translate to English..."), self)
        self.translate_button.clicked.connect(self.translate_text_requested.emit)
        self.explain_button = QPushButton(self.tr("Show in Russian"), self)
        self.explain_button.setToolTip(self.tr("The same claim explained in Russian (read only)"))
        self.explain_button.clicked.connect(self.explain)
        buttons_shown = (self.regenerate_button, self.copy_button, self.translate_button)
        for b in (*buttons_shown, self.explain_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.wording = WordingPanel(controller, self)
        layout.addWidget(self.wording)

        self.short_label = QLabel(self)
        self.short_label.setObjectName("shortLabel")
        self.short_label.setWordWrap(True)
        layout.addWidget(self.short_label)
        self.short = QPlainTextEdit(self)
        self.short.setObjectName("shortText")
        self.short.setReadOnly(True)
        self.short.setMaximumHeight(110)
        layout.addWidget(self.short, 1)
        copy_short = QPushButton(self.tr("Copy short version"), self)
        copy_short.clicked.connect(lambda: self._copy(self.short.toPlainText(), copy_short))
        row = QHBoxLayout()
        row.addWidget(copy_short)
        row.addStretch(1)
        layout.addLayout(row)

    def explain(self) -> None:
        """The claim explained in the shopper's language, beside the English (read only)."""
        from evidence_kit.claim.explain import explain_claim
        from evidence_kit.gui.help.explain_view import show_explanation

        case, root = self.controller.case, self.controller.root
        show_explanation(lambda language: explain_claim(case, language, root=root), self)

    def show_draft(self, draft: ClaimDraft) -> None:
        """Show the draft; the editor keeps the cursor when the text is unchanged."""
        self.draft = draft
        self._loading = True
        try:
            if self.editor.toPlainText() != draft.text and not self._timer.isActive():
                position = self.editor.textCursor().position()
                self.editor.setPlainText(draft.text)
                cursor = self.editor.textCursor()
                cursor.setPosition(min(position, len(draft.text)))
                self.editor.setTextCursor(cursor)
            self.short.setPlainText(draft.short)
        finally:
            self._loading = False
        self.subject.setText(draft.subject)
        self.subject.setCursorPosition(0)
        self.stale.setText(
            "\u26a0 " + self.tr("Out of date:") + " " + " ".join(draft.stale) if draft.stale else ""
        )
        self.stale.setVisible(bool(draft.stale))
        self._mark_stale(draft.stale_paragraphs)
        self.wording.show_draft(draft)
        self.state.setText(
            self.tr("edited by you - Regenerate updates it and keeps your paragraphs")
            if draft.edited
            else self.tr("generated from the case; edit it freely")
        )
        limit_note = self.tr(" (default: check your order page)") if draft.limit_is_default else ""
        ascii_note = self.tr(" - English characters only") if draft.ascii_only else ""
        self.short_label.setText(
            self.tr("<b>Short version</b>: {0}/{1} characters{2}{3}").format(
                len(draft.short), draft.limit, limit_note, ascii_note
            )
        )

    def _mark_stale(self, paragraphs: list[str]) -> None:
        """Highlight the paragraphs that no longer match the case (the text is not changed)."""
        marks = []
        text = self.editor.toPlainText()
        color = self.palette().color(QPalette.ColorRole.Highlight)
        color.setAlpha(60)
        for para in paragraphs:
            at = text.find(para)
            if at < 0:
                continue
            mark = QTextEdit.ExtraSelection()
            mark.format.setBackground(color)
            mark.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(at)
            cursor.setPosition(at + len(para), QTextCursor.MoveMode.KeepAnchor)
            mark.cursor = cursor
            marks.append(mark)
        self.editor.setExtraSelections(marks)

    def flush(self) -> None:
        """Store the editor's text now (debounced while typing)."""
        self._timer.stop()
        text = self.editor.toPlainText()
        if self.draft is not None and text == self.draft.text:
            return
        self.controller.push(
            EditClaim(
                self.tr("Edit claim text"),
                lambda case: edits.set_text(case, text),
                merge_key="claim-text",
            )
        )

    def regenerate(self) -> None:
        """Rebuild the text; ask first when the shopper's own paragraphs would be affected."""
        self.flush()
        plan = edits.plan_regenerate(self.controller.case)
        keep = True
        if plan.needs_confirmation:
            answer = self.ask_keep(len(plan.user_paragraphs))
            if answer is None:
                return
            keep = answer
        self.controller.push(
            EditClaim(
                self.tr("Regenerate claim text"),
                lambda case: edits.regenerate(case, keep_user=keep),
            )
        )

    def ask_keep(self, count: int) -> bool | None:
        """Keep the shopper's paragraphs (True), replace them (False), or cancel (None)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Regenerate the claim"))
        box.setText(
            self.tr("You wrote or changed %n paragraph(s). Keep them in the new text?", "", count)
        )
        box.setInformativeText(
            self.tr("'Replace everything' drops your changes; Undo brings them back.")
        )
        keep = box.addButton(self.tr("Keep my paragraphs"), QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(
            self.tr("Replace everything"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep:
            return True
        if clicked is replace:
            return False
        return None

    def _copy(self, text: str, button: QPushButton) -> None:
        QGuiApplication.clipboard().setText(text)
        flash_button(button, self.tr("Copied ✓"))
