"""A read-only view of the claim or a message draft explained in the shopper's language
(claim/explain*.py), opened by "Show in Russian" beside the English text.

It opens in Russian, the language the button names, and can switch to the English
explanation; the English text that is sent is never changed from here.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.claim.explain import Explanation
from evidence_kit.core import i18n
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.gui.base.error_dialog import show_error
from evidence_kit.gui.base.screen_fit import fit_on_screen
from evidence_kit.gui.help.language_choice import LanguageChoice


def to_html(explanation: Explanation) -> str:
    """The explanation as simple HTML: a title, the note, and one block per section."""
    parts = [f"<h2>{html.escape(explanation.title)}</h2>"]
    parts += [f"<p><i>{html.escape(line)}</i></p>" for line in explanation.intro]
    for heading, lines in explanation.sections:
        parts.append(f"<h3>{html.escape(heading)}</h3>")
        body = "<br>".join(
            ("&nbsp;" * 4 if line.startswith(" ") else "") + html.escape(line.strip())
            for line in lines
        )
        parts.append(f"<p>{body}</p>")
    return "\n".join(parts)


class ExplainDialog(QDialog):
    """The explanation, in Russian or English, with Copy and Close."""

    def __init__(
        self,
        build: Callable[[str], Explanation],
        language: str = "ru",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("explainDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._build = build
        self.setWindowTitle(self.tr("Explained in your language"))
        self.view = QTextBrowser(self)
        self.view.setObjectName("explainText")
        self.view.setOpenLinks(False)
        # Русский first: the button said "Show in Russian"
        self.languages = LanguageChoice(language, i18n.LANGUAGES[::-1], self)
        note = QLabel(self.tr("Read only: the text you send stays in English."), self)
        note.setWordWrap(True)
        copy = QPushButton(self.tr("Copy"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.view.toPlainText()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.languages)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.languages.changed.connect(self.refresh)
        self.resize(760, 620)
        fit_on_screen(self)  # 1920 × 1080 at 150 % is 1280 × 720 in Qt's units
        self.refresh()

    def language(self) -> str:
        return self.languages.language()

    def refresh(self) -> None:
        """Build the explanation again in the chosen language."""
        try:
            explanation = self._build(self.language())
        except EvidenceKitError as exc:
            self.view.setPlainText(str(exc))
            return
        self.view.setHtml(to_html(explanation))


def show_explanation(
    build: Callable[[str], Explanation], parent: QWidget | None = None
) -> ExplainDialog | None:
    """Open the view (non-modal, so the English stays in sight beside it); one dialog and
    nothing opened when the case cannot be explained now."""
    try:
        build("ru")
    except EvidenceKitError as exc:
        show_error(QCoreApplication.translate("ExplainDialog", "Cannot explain this now"), str(exc))
        return None
    dialog = ExplainDialog(build, "ru", parent)
    dialog.show()
    return dialog
