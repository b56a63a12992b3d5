"""A stack of pages that asks only for the room of the page shown.

QStackedWidget asks for the largest minimum of all its pages, shown or not: the video panel's
width held the Claim step wide, and the claim page's the Facts step, so in Russian every step
of the main window was as wide as the widest one (1411 px on a 1280 px screen).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget


class PageStack(QStackedWidget):
    """A QStackedWidget whose size hints are those of its current page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        hint, least = page.minimumSizeHint(), page.minimumSize()
        # as a layout reads a widget: a minimum set on the page wins over its hint (the claim
        # page sets one so that its three columns' hint does not hold it wide)
        return QSize(least.width() or hint.width(), least.height() or hint.height())
