"""The one error dialog, and the log folder behind it.

`sys.excepthook` (installed by app.py) and the task runner's default error handler land here.
Errors that come in a burst go into the dialog already on screen instead of stacking new
ones. The dialog never blocks the caller (it is shown, not exec'd), so an error raised inside
a slot, or a worker's error delivered late, cannot wedge the event loop.

Help → "Open log folder" and the dialog's button both call `open_log_folder`, which opens
the folder in the file manager or, when none can be started, says why and shows the path.
"""

from __future__ import annotations

import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.core import paths
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.gui.base import folders, theme

_dialog: ErrorDialog | None = None


class ErrorDialog(QDialog):
    """What went wrong, in words; the technical details folded away; the log folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evidence Kit — something went wrong"))
        self.count = 0
        self.entries: list[str] = []  # every error in full, for Copy details
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        theme.set_role(self.headline, "strong")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where = QLabel(
            self.tr("The details are in the log file: {0}").format(paths.log_file()), self
        )
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.set_role(where, "hint")
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.details.setMinimumHeight(160)
        self.details_button = QPushButton(self.tr("Show details"), self)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        copy_button = QPushButton(self.tr("Copy details"), self)
        copy_button.clicked.connect(self._copy)
        log_button = QPushButton(self.tr("Open log folder"), self)
        log_button.clicked.connect(lambda: open_log_folder(self))
        close = QPushButton(self.tr("Close"), self)
        close.setDefault(True)
        close.clicked.connect(self.accept)

        text = QVBoxLayout()
        text.addWidget(self.headline)
        text.addWidget(self.message)
        text.addWidget(where)
        text.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        buttons = QHBoxLayout()
        for b in (self.details_button, copy_button, log_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.resize(600, 200)

    def add(self, headline: str, message: str, details: str) -> None:
        """Show an error; a later one while this is open is added below the first."""
        self.count += 1
        if self.count == 1:
            self.headline.setText(headline)
            self.message.setText(message)
        else:
            self.headline.setText(self.tr("%n errors happened.", "", self.count))
            self.message.setText(self.tr("The latest: {0} {1}").format(headline, message))
        self.entries.append(f"{headline}\n{message}\n{details}".strip())
        if details:  # a traceback: folded away, for support
            self.details.appendPlainText(f"{headline}\n{details}")
        self.details_button.setVisible(bool(self.details.toPlainText()))
        if not self.details.isVisible():  # fit the words, no empty band under them
            self.resize(self.width(), self.sizeHint().height())

    def _toggle_details(self, on: bool) -> None:
        self.details.setVisible(on)
        self.details_button.setText(self.tr("Hide details") if on else self.tr("Show details"))
        self.resize(self.width(), self.sizeHint().height())

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText("\n\n".join(self.entries))

    def done(self, result: int) -> None:
        """Closed: the next error opens a fresh dialog."""
        global _dialog
        if _dialog is self:
            _dialog = None
        super().done(result)


def current_dialog() -> ErrorDialog | None:
    """The error dialog on screen, if any."""
    return _dialog


def show_error(headline: str, message: str, details: str = "") -> ErrorDialog:
    """Show one error in the one dialog (opening it if it is not on screen)."""
    global _dialog
    if _dialog is None:
        _dialog = ErrorDialog(QApplication.activeWindow())
    _dialog.add(headline, message, details)
    _dialog.show()
    _dialog.raise_()
    return _dialog


def show_exception(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    context: str = "",
) -> ErrorDialog:
    """The dialog for an exception: a user-facing message, or a bug with its traceback."""
    if isinstance(exc, EvidenceKitError):
        headline = (
            QApplication.translate("ErrorDialog", "“{0}” did not finish.").format(context)
            if context
            else QApplication.translate("ErrorDialog", "That did not work.")
        )
        return show_error(headline, str(exc))
    headline = QApplication.translate("ErrorDialog", "Evidence Kit ran into a bug.")
    if context:
        headline += " " + QApplication.translate("ErrorDialog", "(while: {0})").format(context)
    message = QApplication.translate(
        "ErrorDialog",
        "This is not something you did, and what was saved before stays saved. If it "
        "happens again, please send the log file (Open log folder).",
    )
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    return show_error(headline, message, details)


def show_task_error(label: str, exc: Exception) -> None:
    """The task runner's default handler for work that has no error callback of its own."""
    show_exception(type(exc), exc, exc.__traceback__, label)


class ThreadErrorRelay(QObject):
    """Carries an exception from another thread to the dialog, on the GUI thread."""

    raised = Signal(object, object, object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # a method of this object (which lives on the GUI thread), not a plain function:
        # that is what makes the call queued when the signal comes from another thread
        self.raised.connect(self._show)

    @Slot(object, object, object, str)
    def _show(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        context: str,
    ) -> None:
        show_exception(exc_type, exc, tb, context)


# --- the log folder ----------------------------------------------------------------------


def open_log_folder(parent: QWidget | None = None) -> bool:
    """Open the log folder in the file manager, or say why not and where it is."""
    folder = paths.log_dir()
    title, where = (
        QApplication.translate("ErrorDialog", "Log folder"),
        QApplication.translate("ErrorDialog", "The log files are in:"),
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = QApplication.translate(
            "ErrorDialog", "The log folder cannot be created: {0}"
        ).format(exc)
        folders.say(parent, title, reason, where, folder)
        return False
    return folders.open_folder(parent, folder, title, where)
