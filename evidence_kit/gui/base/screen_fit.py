"""Keeping a top-level window, frame and all, on the screen it opens on.

A laptop at 1366 × 768, or at 1920 × 1080 with 150 % scaling (1280 × 720 in Qt's units), is
smaller than the 1280 × 800 the main window asks for, and a size saved on a large monitor is
larger still: without this the status bar and the buttons at the bottom open off-screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: title bar and borders, for a window whose frame the window manager has not drawn yet
FRAME_ALLOWANCE = QSize(16, 40)


def fit_on_screen(window: QWidget) -> None:
    """Shrink the window to its screen's available area (no smaller than its layout allows)
    and move it fully onto that area. Maximised and full-screen windows are left alone."""
    if window.isMaximized() or window.isFullScreen():
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    inner, outer = window.geometry(), window.frameGeometry()
    frame_w = outer.width() - inner.width() or FRAME_ALLOWANCE.width()
    frame_h = outer.height() - inner.height() or FRAME_ALLOWANCE.height()
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    width = max(min(inner.width(), area.width() - frame_w), least.width())
    height = max(min(inner.height(), area.height() - frame_h), least.height())
    window.resize(width, height)
    placed = QRect(outer.topLeft(), QSize(width + frame_w, height + frame_h))
    if not area.contains(placed):
        # a position saved on a screen that is gone, or too far right or down: bring it in
        left = min(max(placed.left(), area.left()), area.right() + 1 - placed.width())
        top = min(max(placed.top(), area.top()), area.bottom() + 1 - placed.height())
        window.move(max(left, area.left()), max(top, area.top()))
