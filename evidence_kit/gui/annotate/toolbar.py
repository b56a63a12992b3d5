"""The editor's two toolbars: the tools (icons, their single keys in the tooltips) with the
view buttons after them, and the style pickers (colour, line width, size, redaction style)
followed by the editor's helpers. Both fit beside the evidence list at 1280 px.

The single keys work window-wide while the editor is on screen, so they work as soon as a
photo is picked in the list (Qt ignores them while the editor is hidden, and a text field
with the focus keeps its letters). The pickers say what the shopper chose through signals;
`show_style` shows a selected mark's style without turning that into an edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QLabel,
    QMenu,
    QSpinBox,
    QToolBar,
    QToolButton,
    QWidget,
)

from evidence_kit.gui.annotate.factory import TOOLS, Style
from evidence_kit.gui.base import icons, theme

TOOL_ICONS = {"select": "mouse-pointer-2", "arrow": "arrow-up-right", "rect": "square",
              "ellipse": "circle", "line": "slash", "pen": "pencil", "highlight": "highlighter",
              "text": "type", "marker": "hash", "redact": "eye-off", "crop": "crop"}  # fmt: skip


class EditorToolbars(QObject):
    """Builds the tools bar and the options bar on `owner`, whose shortcuts they get."""

    tool_chosen = Signal(str)
    color_chosen = Signal(str)
    width_chosen = Signal(int)
    size_chosen = Signal(int)
    redact_style_chosen = Signal(str)

    def __init__(self, owner: QWidget, style: Style) -> None:
        super().__init__(owner)
        self.owner = owner
        self.tools = QToolBar(owner)  # the tools, then rotate, uncrop and zoom
        self.tools.setObjectName("editorTools")
        self.tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.tools.setIconSize(QSize(20, 20))
        self.options = QToolBar(owner)  # style pickers, then the helpers
        self.options.setObjectName("editorOptions")
        self.options.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.options.setIconSize(QSize(18, 18))
        self.tool_actions: dict[str, QAction] = {}
        self._view_started = False
        self._build_tools()
        self._build_pickers(style)
        self.zoom_label = QLabel("100%", owner)

    def _build_tools(self) -> None:
        group = QActionGroup(self)
        group.setExclusive(True)
        for tool in TOOLS:
            action = QAction(icons.icon(TOOL_ICONS[tool.id]), self.tr(tool.label), self.owner)
            action.setCheckable(True)
            action.setToolTip(icons.tip(self.tr(tool.label), tool.key))
            action.setShortcut(QKeySequence(tool.key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, t=tool.id: self.tool_chosen.emit(t))
            group.addAction(action)
            self.owner.addAction(action)
            self.tools.addAction(action)
            self.tool_actions[tool.id] = action

    def _build_pickers(self, style: Style) -> None:
        owner = self.owner
        self.color_button = QToolButton(owner)
        self.color_button.setToolTip(self.tr("Colour of new and selected marks"))
        self.color_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.color_button)
        names = (
            self.tr("Red"),
            self.tr("Yellow"),
            self.tr("Green"),
            self.tr("Blue"),
            self.tr("White"),
            self.tr("Black"),
        )
        for value, name in zip(theme.MARK_COLORS, names, strict=True):
            menu.addAction(swatch(value), name, lambda v=value: self.color_chosen.emit(v))
        menu.addSeparator()
        menu.addAction(self.tr("Other colour…"), lambda: self._pick_color(style.color))
        self.color_button.setMenu(menu)
        self.options.addWidget(self.color_button)
        self.width_spin = QSpinBox(owner)
        self.width_spin.setRange(1, 200)
        self.width_spin.setPrefix(self.tr("Line "))
        self.width_spin.setValue(int(style.width))
        self.width_spin.setToolTip(self.tr("Line width of new and selected marks"))
        self.width_spin.valueChanged.connect(self.width_chosen.emit)
        self.options.addWidget(self.width_spin)
        self.size_spin = QSpinBox(owner)
        self.size_spin.setRange(8, 400)
        self.size_spin.setPrefix(self.tr("Size "))
        self.size_spin.setValue(int(style.text_size))
        self.size_spin.setToolTip(self.tr("Size of new and selected texts and markers"))
        self.size_spin.valueChanged.connect(self.size_chosen.emit)
        self.options.addWidget(self.size_spin)
        self.redact_combo = QComboBox(owner)
        self.redact_combo.addItem(self.tr("Solid"), "solid")
        self.redact_combo.addItem(self.tr("Pixelate (secure)"), "pixelate")
        self.redact_combo.setToolTip(
            self.tr("How redactions hide: an opaque box, or pixels made only from the surroundings")
        )
        self.redact_combo.currentIndexChanged.connect(
            lambda _: self.redact_style_chosen.emit(self.redact_combo.currentData())
        )
        self.options.addWidget(self.redact_combo)
        self.options.addSeparator()
        self.show_color(style.color)

    def add_view_button(
        self, icon_name: str, text: str, slot: Callable[[], Any], key: str = ""
    ) -> QAction:
        """An icon after the tools (rotate, uncrop, fit, 100%), its words in the tooltip."""
        if not self._view_started:
            self.tools.addSeparator()
            self._view_started = True
        return self._add(self.tools, icon_name, text, slot, key)

    def add_button(
        self, icon_name: str, text: str, slot: Callable[[], Any], key: str = ""
    ) -> QAction:
        """An icon and its words on the options bar (the helpers: find personal data, compare)."""
        return self._add(self.options, icon_name, text, slot, key)

    def _add(
        self, bar: QToolBar, icon_name: str, text: str, slot: Callable[[], Any], key: str
    ) -> QAction:
        action = QAction(icons.icon(icon_name), text, self.owner)
        action.setToolTip(icons.tip(text.rstrip("…"), key))
        if key:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False: slot())
        self.owner.addAction(action)
        bar.addAction(action)
        return action

    def finish(self) -> None:
        """The zoom readout goes last, after the view buttons."""
        self.tools.addWidget(self.zoom_label)

    # --- showing, without emitting ---------------------------------------------------------

    def show_tool(self, tool: str) -> None:
        self.tool_actions[tool].setChecked(True)

    def show_color(self, value: str) -> None:
        self.color_button.setIcon(swatch(value))

    def show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f}%")

    def show_style(self, ann: dict[str, Any]) -> None:
        """Show one selected mark's width, size and colour."""
        for key, spin in (("width", self.width_spin), ("size", self.size_spin)):
            if key in ann:
                spin.blockSignals(True)
                spin.setValue(int(round(ann[key])))
                spin.blockSignals(False)
        if "color" in ann and ann.get("type") != "redact":
            self.show_color(ann["color"])

    def _pick_color(self, current: str) -> None:
        color = QColorDialog.getColor(QColor(current), self.owner, self.tr("Mark colour"))
        if color.isValid():
            self.color_chosen.emit(color.name())


def swatch(value: str) -> QIcon:
    """A small square of one colour."""
    pix = QPixmap(16, 16)
    pix.fill(QColor(value))
    return QIcon(pix)
