"""The keyboard shortcuts as the code defines them, for the guide's list.

The window's menu actions are read from the live window (their text and keys), the editor's
tools from their table (annotate/factory.TOOLS). The keys of the panels are QShortcuts with no
text of their own, so they are described here, by the panel that owns them;
tests/gui/help/test_guide.py fails when a panel defines a key this table does not describe.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from evidence_kit.gui.annotate.factory import TOOLS

#: the panels' own keys: owner class -> (keys as QKeySequence writes them, what they do),
#: marked for Qt Linguist and translated where listed
PANEL_KEYS: dict[str, tuple[tuple[str, object], ...]] = {  # QT_TRANSLATE_NOOP is typed object
    "VideoPanel": (
        ("Left", QT_TRANSLATE_NOOP("Shortcuts", "Video: previous frame")),
        ("Right", QT_TRANSLATE_NOOP("Shortcuts", "Video: next frame")),
        ("Shift+Left", QT_TRANSLATE_NOOP("Shortcuts", "Video: one second back")),
        ("Shift+Right", QT_TRANSLATE_NOOP("Shortcuts", "Video: one second on")),
        ("Space", QT_TRANSLATE_NOOP("Shortcuts", "Video: play or pause")),
        (",", QT_TRANSLATE_NOOP("Shortcuts", "Video: previous frame")),
        (".", QT_TRANSLATE_NOOP("Shortcuts", "Video: next frame")),
        ("J", QT_TRANSLATE_NOOP("Shortcuts", "Video: play backwards (again: faster)")),
        ("K", QT_TRANSLATE_NOOP("Shortcuts", "Video: pause")),
        ("L", QT_TRANSLATE_NOOP("Shortcuts", "Video: play (again: faster)")),
        ("M", QT_TRANSLATE_NOOP("Shortcuts", "Video: sound on or off")),
        ("Ctrl+Up", QT_TRANSLATE_NOOP("Shortcuts", "Video: louder")),
        ("Ctrl+Down", QT_TRANSLATE_NOOP("Shortcuts", "Video: quieter")),
        ("G", QT_TRANSLATE_NOOP("Shortcuts", "Video: grab the frame on screen as evidence")),
        ("I", QT_TRANSLATE_NOOP("Shortcuts", "Video: clip starts here")),
        ("O", QT_TRANSLATE_NOOP("Shortcuts", "Video: clip ends here")),
        ("Del", QT_TRANSLATE_NOOP("Shortcuts", "Video: remove the selected grabs")),
        ("X", QT_TRANSLATE_NOOP("Shortcuts", "Video: mask an area (draw a box on the frame)")),
        ("Esc", QT_TRANSLATE_NOOP("Shortcuts", "Video: stop drawing a mask, then unselect it")),
    ),
    "AnnotationEditor": (
        ("Del", QT_TRANSLATE_NOOP("Shortcuts", "Editor: delete the selected marks")),
        ("Backspace", QT_TRANSLATE_NOOP("Shortcuts", "Editor: delete the selected marks")),
        (
            "Ctrl+C",
            QT_TRANSLATE_NOOP("Shortcuts", "Editor: copy the selected marks (or the picture)"),
        ),
        ("Ctrl+V", QT_TRANSLATE_NOOP("Shortcuts", "Editor: paste")),
        ("Ctrl++", QT_TRANSLATE_NOOP("Shortcuts", "Editor: zoom in")),
        ("Ctrl+-", QT_TRANSLATE_NOOP("Shortcuts", "Editor: zoom out")),
        ("Esc", QT_TRANSLATE_NOOP("Shortcuts", "Editor: clear the selection, back to Select")),
    ),
    "TimelinePanel": (
        ("Del", QT_TRANSLATE_NOOP("Shortcuts", "Dispute timeline: remove the selected event")),
        ("Return", QT_TRANSLATE_NOOP("Shortcuts", "Dispute timeline: change the selected event")),
    ),
    "DateField": (
        ("Alt+Down", QT_TRANSLATE_NOOP("Shortcuts", "Date field: open the calendar")),
        ("F4", QT_TRANSLATE_NOOP("Shortcuts", "Date field: open the calendar")),
    ),
}


@dataclass(frozen=True)
class Shortcut:
    """One line of the list."""

    keys: str  # as the system writes them ("Ctrl+Shift+Z, Ctrl+Y")
    name: str


def keys_text(sequences: list[QKeySequence]) -> str:
    """'Ctrl+Shift+Z, Ctrl+Y' in the platform's own spelling (⌘ on macOS)."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())  # fmt: skip


def _name(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…. ")


def window_shortcuts(window: QWidget) -> list[Shortcut]:
    """The window's actions with keys (menus, the evidence list, the editor's tools when it
    is open), then the editor's tools and the panels' keys from their tables."""
    out: list[Shortcut] = []
    for action in window.findChildren(QAction):
        keys = keys_text(action.shortcuts())
        if keys and action.text():
            out.append(Shortcut(keys, _name(action)))
    for tool in TOOLS:
        name = QCoreApplication.translate("EditorToolbars", tool.label)
        out.append(Shortcut(keys_text([QKeySequence(tool.key)]), QCoreApplication.translate("Shortcuts", "Editor tool: {0}").format(name)))  # fmt: skip
    for entries in PANEL_KEYS.values():
        for key, what in entries:
            out.append(
                Shortcut(
                    keys_text([QKeySequence(key)]),
                    QCoreApplication.translate("Shortcuts", str(what)),
                )
            )
    seen: set[tuple[str, str]] = set()
    unique = []
    for s in out:
        if (s.keys, s.name) not in seen:
            seen.add((s.keys, s.name))
            unique.append(s)
    return unique
