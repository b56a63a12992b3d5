"""Helpers for editor tests: an editor on a case holding one picture, and real mouse drags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.gui.annotate.editor import AnnotationEditor
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.media.importer import add_files


def open_editor(
    qtbot: Any,
    tmp_path: Path,
    picture: Path,
    size: tuple[int, int] = (900, 700),
    store: CaseStore | None = None,
    item_id: str = "",
) -> AnnotationEditor:
    """An editor, shown at a fixed size, on a new case holding picture (or on `store`'s
    item `item_id`), once the picture is on screen."""
    if store is None:
        store = new_case(tmp_path / "case", platform="ebay", order_id="1")
        item_id = add_files(store, [picture]).items[0].id
    controller = CaseController(store)
    runner = TaskRunner()
    editor = AnnotationEditor(controller, runner)
    editor._test_refs = (controller, runner)  # type: ignore[attr-defined]  # keep alive
    qtbot.addWidget(editor)
    editor.resize(*size)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitActive(editor)
    show(qtbot, editor, item_id)
    return editor


def show(qtbot: Any, editor: AnnotationEditor, item_id: str) -> None:
    """Show an item and wait until its picture is open (it opens on the task runner)."""
    editor.show_item(item_id)
    qtbot.waitUntil(lambda: not editor.loading, timeout=20000)


def _send(
    editor: AnnotationEditor, kind: QEvent.Type, scene_pt: tuple[float, float], buttons: Any
) -> None:
    view = editor.view
    local = QPointF(view.mapFromScene(QPointF(*scene_pt)))
    glob = QPointF(view.viewport().mapToGlobal(local.toPoint()))
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, local, glob, button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def drag(editor: AnnotationEditor, *points: tuple[float, float]) -> None:
    """Press at the first scene point, move through the rest, release at the last."""
    left = Qt.MouseButton.LeftButton
    _send(editor, QEvent.Type.MouseButtonPress, points[0], left)
    for p in points[1:]:
        _send(editor, QEvent.Type.MouseMove, p, left)
    _send(editor, QEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.NoButton)


def click(editor: AnnotationEditor, point: tuple[float, float]) -> None:
    """A click at a scene point."""
    drag(editor, point)


def annotations(editor: AnnotationEditor) -> list[dict[str, Any]]:
    """The item's annotations as stored in the case."""
    item = editor.controller.item(editor.item_id)
    assert item is not None
    return item.annotations


def steps(editor: AnnotationEditor) -> int:
    """How many undo steps the case has."""
    return editor.controller.undo_stack.count()
