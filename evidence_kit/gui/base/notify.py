"""Small confirmations: a button that says "Copied ✓" for a moment, and a line in the main
window's status bar from any widget inside it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QMainWindow, QWidget

FLASH_MS = 1800


def flash_button(button: QAbstractButton, text: str, ms: int = FLASH_MS) -> None:
    """Show `text` on the button for a moment, then its own words again."""
    own = button.property("ownText") or button.text()
    button.setProperty("ownText", own)
    button.setText(text)

    def restore() -> None:
        button.setText(own)
        button.setProperty("ownText", None)

    timer = button.findChild(QTimer, "flashTimer")
    if timer is None:
        timer = QTimer(button)
        timer.setObjectName("flashTimer")
        timer.setSingleShot(True)
    else:
        timer.timeout.disconnect()
    timer.timeout.connect(restore)
    timer.start(ms)


def status(widget: QWidget, text: str, ms: int = 4000) -> None:
    """Say something in the status bar of the window `widget` sits in (if it has one)."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, ms)
