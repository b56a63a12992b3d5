"""The app's icons: Lucide's line icons (resources/icons/lucide, ISC licence beside them),
drawn at paint time in the palette's text colour, so they are sharp at any scale and follow
light and dark mode without being made again.

`icon("camera")` takes a Lucide file name; `tip(text, key)` writes a tooltip that names the
shortcut, the way every button in the app shows it.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QKeySequence, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from evidence_kit.core.resources import resource_root
from evidence_kit.gui.base import theme

FOLDER = "icons/lucide"


class _LineIcon(QIconEngine):
    """Paints one SVG in the colour the palette gives text in that mode."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self.svg = svg
        self._renderers: dict[str, QSvgRenderer] = {}

    def _renderer(self, color: QColor) -> QSvgRenderer:
        key = color.name(QColor.NameFormat.HexArgb)
        renderer = self._renderers.get(key)
        if renderer is None:
            data = self.svg.replace(b"currentColor", color.name().encode())
            renderer = QSvgRenderer(QByteArray(data))
            renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            self._renderers[key] = renderer
        return renderer

    @staticmethod
    def _color(mode: QIcon.Mode) -> QColor:
        pal = theme.palette()
        if mode == QIcon.Mode.Disabled:
            return pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
        if mode == QIcon.Mode.Selected:
            return pal.color(QPalette.ColorRole.HighlightedText)
        return pal.color(QPalette.ColorRole.ButtonText)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(self._color(mode)).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(  # noqa: N802 - Qt API
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pix = QPixmap(size * scale)
        pix.fill(Qt.GlobalColor.transparent)
        pix.setDevicePixelRatio(scale)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pix

    def clone(self) -> QIconEngine:
        return _LineIcon(self.svg)


@cache
def icon(name: str) -> QIcon:
    """The Lucide icon of that name (a file in resources/icons/lucide). Unknown names raise
    ValueError: they are programming errors, caught by the icon test."""
    path = resource_root() / FOLDER / f"{name}.svg"
    if not path.is_file():
        raise ValueError(f"no icon {name!r} in {FOLDER}")
    return QIcon(_LineIcon(path.read_bytes()))


def tip(text: str, key: str = "") -> str:
    """A tooltip that names its shortcut: 'Arrow (A)'."""
    if not key:
        return text
    return f"{text} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})"
