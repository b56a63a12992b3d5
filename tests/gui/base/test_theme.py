"""The theme: one module owns every colour and style sheet; its named colours read on light
and dark palettes; switching to dark restyles the window; icons follow the palette."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtGui import QColor, QIcon, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from evidence_kit.gui.base import icons, theme  # noqa: E402

GUI = Path(__file__).resolve().parents[3] / "evidence_kit" / "gui"
HEX = re.compile(r"#[0-9a-fA-F]{6}")


def test_no_colour_or_style_sheet_outside_the_theme() -> None:
    found = []
    for path in sorted(GUI.rglob("*.py")):
        if path.name == "theme.py":
            continue
        text = path.read_text(encoding="utf-8")
        for n, line in enumerate(text.splitlines(), start=1):
            # Qt's rich text knows no "inherit": such text is drawn black, unreadable on dark
            bad = ("setStyleSheet(", "palette(mid)", '"inherit"', "color:inherit")
            if HEX.search(line) or any(b in line for b in bad):
                found.append(f"{path.relative_to(GUI)}:{n}: {line.strip()}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("dark", [False, True])
def test_named_colours_read_on_the_window(qapp: Any, dark: bool) -> None:
    pal = theme.dark_palette() if dark else QApplication.style().standardPalette()
    assert theme.is_dark(pal) is dark
    for background in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        for name in ("ok", "warn", "bad", "hint"):
            ratio = theme.contrast(theme.color(name, pal), pal.color(background))
            assert ratio >= 4.5, (name, background, round(ratio, 2))


@pytest.fixture
def restore_theme(qapp: Any):  # type: ignore[no-untyped-def]
    yield
    theme.apply("light")
    qapp.setStyleSheet("")


def test_dark_appearance_restyles_roles(qtbot: Any, qapp: Any, restore_theme: None) -> None:
    changed: list[bool] = []
    theme.notifier().changed.connect(lambda: changed.append(True))
    label = QLabel("saved")
    qtbot.addWidget(label)
    theme.set_role(label, "ok")
    label.show()
    theme.apply("light")
    light_ok = label.palette().color(QPalette.ColorRole.WindowText)
    assert light_ok == QColor("#256b29")
    theme.apply("dark")
    assert theme.is_dark(qapp.palette()) and changed
    label.ensurePolished()
    dark_ok = label.palette().color(QPalette.ColorRole.WindowText)
    assert dark_ok == QColor("#81c784")
    ratio = theme.contrast(dark_ok, qapp.palette().color(QPalette.ColorRole.Window))
    assert ratio >= 4.5


def _ink(icon: QIcon) -> QColor:
    """The colour of an icon's darkest-or-lightest drawn pixel (its stroke)."""
    image = icon.pixmap(QSize(32, 32)).toImage()
    drawn = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    ]
    assert drawn, "the icon drew nothing"
    return drawn[0]


def test_icons_follow_the_palette(qapp: Any, restore_theme: None) -> None:
    theme.apply("light")
    light = _ink(icons.icon("camera"))
    theme.apply("dark")
    dark = _ink(icons.icon("camera"))
    assert light.lightness() < 80 and dark.lightness() > 180
    disabled = icons.icon("camera").pixmap(QSize(32, 32), QIcon.Mode.Disabled).toImage()
    assert not disabled.isNull()


def test_every_icon_the_app_names_is_bundled_with_its_licence() -> None:
    folder = Path(__file__).resolve().parents[3] / "resources" / "icons" / "lucide"
    assert "ISC License" in (folder / "LICENSE").read_text(encoding="utf-8")
    named = set()
    for path in GUI.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        named |= set(re.findall(r"icons\.icon\(\"([a-z0-9-]+)\"\)", text))
        for mapping in re.findall(r"_ICONS = \{(.*?)\}", text, re.S):
            named |= set(re.findall(r":\s*\"([a-z0-9-]+)\"", mapping))
    assert len(named) > 20
    for name in sorted(named):
        assert not icons.icon(name).isNull(), name
    with pytest.raises(ValueError):
        icons.icon("no-such-icon")
