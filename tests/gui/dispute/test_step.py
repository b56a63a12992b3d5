"""The fifth step in the window: the rail shows it with its status and the next action's
countdown, and Ctrl+1 ... Ctrl+5 move between the steps."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from evidence_kit.core import event_ops
from evidence_kit.core.settings import Settings
from evidence_kit.core.store import new_case

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from evidence_kit.gui.shell.main_window import MainWindow  # noqa: E402
from evidence_kit.gui.shell.step_rail import STEPS, deadline_text, step_status  # noqa: E402


def test_rail_and_shortcuts(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    day = date.today() - timedelta(days=2)
    store = new_case(tmp_path / "c", platform="aliexpress", order_id="8123", price="10",
                     currency="USD", ordered=(day - timedelta(days=20)).isoformat())  # fmt: skip
    assert step_status(store.case)["dispute"] == "empty"
    event_ops.add_event(store.case, event_ops.make_event(store.case, "dispute_opened", day.isoformat()))  # fmt: skip
    store.save()
    store.close()
    assert step_status(store.case)["dispute"] == "attention"
    assert deadline_text(store.case).startswith(f"Next, by {(day + timedelta(days=5)).isoformat()} (3 days left)")  # fmt: skip
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    win.open_case(store.root)
    view = win.case_view
    assert view is not None and STEPS[-1] == "dispute"
    assert view.rail.steps.item(4).text().startswith("5  Dispute")
    win.activateWindow()
    view.rail.steps.setFocus()
    qtbot.waitUntil(view.rail.steps.hasFocus, timeout=3000)
    qtbot.keyClick(view.rail.steps, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert view.pages.currentWidget() is view.dispute
    assert "seller" in view.dispute.card.text.text()
    qtbot.keyClick(view.rail.steps, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert view.pages.currentWidget() is view.claim
    win.runner.wait_all()
