"""One theme for the whole window: the system's palette (light or dark), the few named colours
that must read on it (saved, warning, error, hints), and the app's only style sheet.

Widgets never name a colour. They give themselves a role (`set_role(label, "hint")`) and the
style sheet built here from the palette styles them; code that draws or writes rich text asks
`color("warn")` or `css("warn")`. When the system switches between light and dark, the sheet
is rebuilt and `notifier().changed` tells views that wrote colours into text to write again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleFactory, QWidget

from evidence_kit.gui.base.readable_style import ReadableIndicators

#: how the shopper wants the window: as the system says, or always light or dark
APPEARANCES = ("system", "light", "dark")
ROLE_PROPERTY = "themeRole"

#: (on a light window, on a dark window); each reads at 4.5:1 or better on its background
_STATUS = {
    "ok": ("#256b29", "#81c784"),
    "warn": ("#995200", "#ffb74d"),
    "bad": ("#c62828", "#ef9a9a"),
}
#: a notice bar: (background, text) on light and on dark
_NOTICE = {False: ("#fff3cd", "#5c4400"), True: ("#4a3b12", "#ffe8a3")}

# Colours drawn over the evidence itself (a photo or a video frame) rather than over the
# window: they have to stand out on any picture, so they do not follow the palette.
SELECTION = "#1e88e5"  # a selected mark's outline and its handles
PROPOSAL = "#00e5ff"  # a suggested redaction, not applied yet
REDACT_OUTLINE = "#fdd835"  # a redaction's outline while editing (never exported)
UNREADABLE_MARK = "#ffc107"  # the outline of a mark the editor cannot draw
VIDEO_SURFACE = ("#111111", "#dddddd")  # the recorder's preview: (background, text)
RECORDING = "#d32f2f"  # the running recording clock
#: the editor's colour presets for new marks: red, yellow, green, blue, white, black
MARK_COLORS = ("#e53935", "#fdd835", "#43a047", "#1e88e5", "#ffffff", "#000000")
MARK_TEXT = "#ffffff"  # a new text mark: white words...
MARK_TEXT_BOX = "#000000a0"  # ...on a translucent black box, readable on any photo


def palette() -> QPalette:
    app = QGuiApplication.instance()
    return QGuiApplication.palette() if app is not None else QPalette()


def is_dark(pal: QPalette | None = None) -> bool:
    """True when the window is drawn light on dark."""
    pal = pal or palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def color(name: str, pal: QPalette | None = None) -> QColor:
    """A named colour that reads on the current palette: ok, warn, bad, hint."""
    pal = pal or palette()
    if name == "hint":
        return _mix(
            pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window), 0.68
        )
    light, dark = _STATUS[name]
    return QColor(dark if is_dark(pal) else light)


def css(name: str, pal: QPalette | None = None) -> str:
    """`color(name)` as #rrggbb, for rich text."""
    return color(name, pal).name()


def span(text: str, name: str) -> str:
    """Rich text in a named colour (`text` is already escaped)."""
    return f"<span style='color:{css(name)}'>{text}</span>"


def set_role(widget: QWidget, role: str) -> None:
    """Style a widget by its role (see `style_sheet`), now and after a theme change."""
    if widget.property(ROLE_PROPERTY) == role:
        return
    widget.setProperty(ROLE_PROPERTY, role)
    if role in ("notice",):
        widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def style_sheet(pal: QPalette | None = None) -> str:
    """The application's style sheet: every role's look, in the palette's colours."""
    pal = pal or palette()
    hint, ok, warn, bad = (css(n, pal) for n in ("hint", "ok", "warn", "bad"))
    notice_bg, notice_fg = _NOTICE[is_dark(pal)]
    surface_bg, surface_fg = VIDEO_SURFACE

    def role(name: str, rules: str, kind: str = "*") -> str:
        return f'{kind}[{ROLE_PROPERTY}="{name}"] {{ {rules} }}'

    return "\n".join(
        (
            role("title", "font-size: 28px; font-weight: 600;"),
            role("subtitle", f"font-size: 15px; color: {hint};"),
            role("heading", "font-size: 18px; font-weight: 600;"),
            role("strong", "font-weight: 600;"),
            role("hint", f"color: {hint};"),
            role("emptyHint", f"color: {hint}; font-size: 14px;"),
            role("ok", f"color: {ok};"),
            role("warn", f"color: {warn};"),
            role("bad", f"color: {bad};"),
            role("error", f"color: {bad}; font-weight: 600;"),
            role("banner", "border: 1px solid palette(highlight); padding: 4px;"),
            role("notice", f"background: {notice_bg}; color: {notice_fg};"),
            role("notice", f"color: {notice_fg};", "QLabel"),
            role("videoSurface", f"background: {surface_bg}; color: {surface_fg};"),
            role("clock", "font-size: 20px; font-family: monospace;"),
            role(
                "recording",
                f"font-size: 20px; font-family: monospace; color: {RECORDING}; font-weight: bold;",
            ),  # fmt: skip
            role("bigButton", "text-align: left; padding: 8px 16px; font-size: 14px;"),
            role("cardTitle", "font-size: 15px; font-weight: 600;"),
            role("steps", "font-size: 15px;", "QListWidget"),
            f'QListWidget[{ROLE_PROPERTY}="steps"]::item {{ padding: 10px; }}',
            role("big", "font-size: 15px;"),
            role("card", "border: 2px solid palette(highlight); border-radius: 6px;"),
            *(
                role(f"due-{name}", f"font-size: 16px; font-weight: 600; color: {value};")
                for name, value in (("ok", ok), ("warn", warn), ("bad", bad))
            ),
        )
    )


class ThemeNotifier(QObject):
    """Rebuilds the style sheet when the palette changes and says so."""

    changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.appearance = "system"
        self._applying = False
        self._style: QStyle | None = None  # the style we made, kept alive with the app
        self._system_style = app.style().name()
        app.installEventFilter(self)
        app.styleHints().colorSchemeChanged.connect(lambda _s: self.apply(self.appearance))

    def apply(self, appearance: str) -> None:
        """Light, dark, or whatever the system shows."""
        if self._applying:
            return  # asking the platform for a scheme below calls back here
        self._applying = True
        try:
            self.appearance = appearance if appearance in APPEARANCES else "system"
            self._apply()
        finally:
            self._applying = False
        self._restyle()

    def _apply(self) -> None:
        hints = self.app.styleHints()
        forced = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(self.appearance)
        if forced is None:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(forced)  # Windows and macOS switch the native look themselves
        self.app.setStyle(self._system_style)
        self.app.setPalette(QPalette())  # the platform's own palette
        scheme = forced or hints.colorScheme()
        pal = self.app.palette()
        custom = scheme != Qt.ColorScheme.Unknown and is_dark(pal) != (
            scheme == Qt.ColorScheme.Dark
        )
        if custom:  # the platform does not draw what was asked: supply the palette
            pal = dark_palette() if scheme == Qt.ColorScheme.Dark else light_palette()
        fusion = self.app.style().name().lower() == "fusion"
        if custom or (fusion and is_dark(pal)):
            # a custom palette is only drawn faithfully by Fusion (the native Windows style
            # ignores most of it); on a dark one, with check boxes that can be seen
            self._style = ReadableIndicators() if is_dark(pal) else QStyleFactory.create("Fusion")
            self.app.setStyle(self._style)
            self.app.setPalette(pal)

    def _restyle(self) -> None:
        self.app.setStyleSheet(style_sheet(self.app.palette()))
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            watched is self.app
            and event.type() == QEvent.Type.ApplicationPaletteChange
            and not self._applying  # apply() restyles once when it is done
        ):
            self.app.setStyleSheet(style_sheet(self.app.palette()))
            self.changed.emit()
        return False


_notifier: ThemeNotifier | None = None


def notifier() -> ThemeNotifier:
    """The one notifier of the running application (made on first use)."""
    global _notifier
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the theme needs a QApplication"
    if _notifier is None or _notifier.app is not app:
        _notifier = ThemeNotifier(app)
    return _notifier


def apply(appearance: str = "system") -> ThemeNotifier:
    """Theme the running application ("system", "light" or "dark")."""
    n = notifier()
    n.apply(appearance)
    return n


def light_palette() -> QPalette:
    """Fusion's light palette (or one made from a light grey, where Fusion follows a dark
    system)."""
    pal = QStyleFactory.create("Fusion").standardPalette()
    if is_dark(pal):
        pal = QPalette(QColor("#efefef"))
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#308cc6"))
    return pal


def dark_palette() -> QPalette:
    """A complete dark palette, for systems whose style draws only light."""
    R, G = QPalette.ColorRole, QPalette.ColorGroup
    pal = QPalette()
    colors = {
        R.Window: "#202124",
        R.WindowText: "#e8eaed",
        R.Base: "#17181a",
        R.AlternateBase: "#26282b",
        R.Text: "#e8eaed",
        R.Button: "#2d2f33",
        R.ButtonText: "#e8eaed",
        R.BrightText: "#ffffff",
        R.Highlight: "#3d6fb6",
        R.HighlightedText: "#ffffff",
        R.Link: "#8ab4f8",
        R.LinkVisited: "#c58af9",
        R.ToolTipBase: "#2d2f33",
        R.ToolTipText: "#e8eaed",
        R.PlaceholderText: "#9aa0a6",
        R.Light: "#45484d",
        R.Midlight: "#35373b",
        R.Mid: "#5f6368",
        R.Dark: "#111214",
        R.Shadow: "#000000",
    }
    for role, value in colors.items():
        pal.setColor(role, QColor(value))
    for role in (R.WindowText, R.Text, R.ButtonText, R.HighlightedText):
        pal.setColor(G.Disabled, role, QColor("#7c8085"))
    pal.setColor(G.Disabled, R.Button, QColor("#26282b"))
    pal.setColor(G.Disabled, R.Base, QColor("#1c1d1f"))
    return pal


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _mix(a: QColor, b: QColor, weight: float) -> QColor:
    """`weight` of a, the rest of b."""
    return QColor.fromRgbF(
        a.redF() * weight + b.redF() * (1 - weight),
        a.greenF() * weight + b.greenF() * (1 - weight),
        a.blueF() * weight + b.blueF() * (1 - weight),
    )
