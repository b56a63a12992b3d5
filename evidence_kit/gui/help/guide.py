"""Help → Guide: the short illustrated guide from the app's own resources (resources/guide/),
in the UI language, with the keyboard shortcuts the window defines. No network: the pages and
pictures are local files and links are not followed."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.core import i18n
from evidence_kit.core.resources import resource_root
from evidence_kit.gui.base.screen_fit import fit_on_screen
from evidence_kit.gui.help.language_choice import LanguageChoice
from evidence_kit.gui.help.shortcuts import Shortcut, window_shortcuts

MARKER = "<!--shortcuts-->"


def guide_html(language: str, shortcuts: list[Shortcut]) -> str:
    """The guide page in `language` with the shortcut table in place of its marker."""
    folder = resource_root() / "guide"
    page = folder / i18n.normalize(language) / "guide.html"
    text = page.read_text("utf-8")
    rows = "".join(
        f"<tr><td><b>{html.escape(s.keys)}</b>&nbsp;&nbsp;</td><td>{html.escape(s.name)}</td></tr>"
        for s in shortcuts
    )
    return text.replace(MARKER, f"<table cellspacing='2'>{rows}</table>")


class GuideDialog(QDialog):
    """The guide in a read-only browser that opens local pictures only."""

    def __init__(self, window: QWidget, language: str | None = None) -> None:
        super().__init__(window)
        self.setObjectName("guideDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Evidence Kit guide"))
        self._window = window
        self.view = QTextBrowser(self)
        self.view.setObjectName("guideText")
        self.view.setOpenLinks(False)  # nothing leaves the computer
        self.view.setSearchPaths([str(resource_root() / "guide")])
        self.languages = LanguageChoice(language or i18n.language(), i18n.LANGUAGES, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.languages)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.languages.changed.connect(self.refresh)
        self.resize(780, 680)
        fit_on_screen(self)  # 1920 × 1080 at 150 % is 1280 × 720 in Qt's units
        self.refresh()

    def language(self) -> str:
        return self.languages.language()

    def refresh(self) -> None:
        """Show the guide in the chosen language, with the window's shortcuts as they are now."""
        self.view.setHtml(guide_html(self.language(), window_shortcuts(self._window)))


def show_guide(window: QWidget) -> GuideDialog:
    """Open the guide beside the window (non-modal: the steps can be followed as they read)."""
    dialog = GuideDialog(window)
    dialog.show()
    return dialog
