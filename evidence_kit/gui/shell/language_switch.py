"""A new UI language without losing the open case: the widgets are built in code with their
words, so the window is built again in the new language and the case reopened in it, on the
step and item the shopper was at. Every edit is already saved, so nothing is lost."""

from __future__ import annotations

from typing import TYPE_CHECKING

from evidence_kit.core.settings import update_settings
from evidence_kit.gui.base import language
from evidence_kit.gui.shell.step_rail import STEPS

if TYPE_CHECKING:
    from evidence_kit.gui.shell.main_window import MainWindow

#: the windows built here: Python must hold them (the first one is held by app.run_app)
_windows: list[MainWindow] = []


def switch_language(window: MainWindow, choice: str) -> MainWindow:
    """Remember `choice`, install it, and replace `window` by one in that language."""
    from evidence_kit.gui.shell.main_window import MainWindow

    update_settings(window.settings, language=choice)
    language.apply(choice)
    folder = window.controller.store.root if window.controller is not None else None
    step, item_id = "", ""
    if window.case_view is not None and window.controller is not None:
        row = window.case_view.rail.steps.currentRow()
        step = STEPS[row] if 0 <= row < len(STEPS) else ""
        item_id = window.controller.selected_id
    geometry = window.saveGeometry()
    window.close_case()  # lets the lock go, so the new window holds it
    new = MainWindow(window.settings)
    new.restoreGeometry(geometry)
    if folder is not None and new.open_case(folder) and new.case_view and new.controller:
        if item_id and new.controller.item(item_id) is not None:
            new.controller.select(item_id)
        if step:
            new.case_view.show_step(step)
    new.show()
    window.close()
    window.deleteLater()
    _windows[:] = [w for w in _windows if w is not window] + [new]
    return new
