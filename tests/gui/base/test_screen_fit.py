"""Windows open fully on the screen's available area: a laptop smaller than 1280 × 800 (or at
150 % scaling), and a size or position saved on a bigger monitor that is gone."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from evidence_kit.core.settings import Settings
from evidence_kit.gui.base.screen_fit import FRAME_ALLOWANCE, fit_on_screen
from evidence_kit.gui.shell.main_window import MainWindow


def area() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def framed(window: QWidget) -> QRect:
    """The window's outer rectangle, allowing for a frame not drawn yet (offscreen has none)."""
    g = window.geometry()
    return QRect(g.topLeft(), g.size() + FRAME_ALLOWANCE)


def test_main_window_fits_a_screen_smaller_than_it_asks_for(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert area().height() < 800 + FRAME_ALLOWANCE.height()  # offscreen: an 800 × 800 screen
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    assert area().contains(framed(window)), (window.geometry(), area())
    assert window.width() >= 600 and window.height() >= 600  # shrunk, not collapsed


def test_a_size_saved_on_a_bigger_monitor_is_brought_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(Settings())
    qtbot.addWidget(first)
    first.resize(2400, 1300)
    first.move(3000, 200)  # the right half of a monitor that is no longer plugged in
    first.close()  # saves the geometry
    again = MainWindow(Settings())
    qtbot.addWidget(again)
    assert area().contains(framed(again)), (again.geometry(), area())


def test_never_smaller_than_the_layout_allows(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setMinimumSize(QSize(700, 790))
    widget.resize(1500, 1500)
    fit_on_screen(widget)
    assert widget.height() == 790 and widget.width() == area().width() - FRAME_ALLOWANCE.width()
