"""The editor's two toolbars: the tools with their single keys, and the style pickers
(colour, line width, size, redaction style) followed by the editor's own buttons.

The pickers say what the shopper chose through signals; `show_style` shows a selected
mark's style without turning that into an edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
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

PRESET_COLORS = ("#e53935", "#fdd835", "#43a047", "#1e88e5", "#ffffff", "#000000")


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
        self.tools = QToolBar(owner)
        self.tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.options = QToolBar(owner)  # style pickers, rotate, crop, zoom
        self.options.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.tool_actions: dict[str, QAction] = {}
        self._build_tools()
        self._build_pickers(style)
        self.zoom_label = QLabel("100%", owner)

    def _build_tools(self) -> None:
        group = QActionGroup(self)
        group.setExclusive(True)
        for tool in TOOLS:
            action = QAction(self.tr(tool.label), self.owner)
            action.setCheckable(True)
            action.setToolTip(self.tr("{0} ({1})").format(self.tr(tool.label), tool.key))
            action.setShortcut(QKeySequence(tool.key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
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
        for value, name in zip(PRESET_COLORS, names, strict=True):
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

    def add_button(self, text: str, slot: Callable[[], Any], key: str = "") -> QAction:
        """An action on the options bar, with its shortcut while the editor has focus."""
        action = QAction(text, self.owner)
        if key:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({key})")
        action.triggered.connect(lambda _=False: slot())
        self.owner.addAction(action)
        self.options.addAction(action)
        return action

    def finish(self) -> None:
        """The zoom readout goes last, after the editor's buttons."""
        self.options.addWidget(self.zoom_label)

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
