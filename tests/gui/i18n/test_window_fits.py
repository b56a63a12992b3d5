"""Every step of the main window fits a 1280 × 800 laptop screen, in Russian and in English,
with nothing cut: the rail follows its text, rows of buttons wrap, a hidden page does not hold
the window wide, and the claim page takes its narrow layout when three columns do not fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_kit.core import event_ops
from evidence_kit.core.settings import Settings
from evidence_kit.media.sample import make_sample_case

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QAbstractButton, QApplication  # noqa: E402

from evidence_kit.gui.base import language  # noqa: E402
from evidence_kit.gui.shell.main_window import MainWindow  # noqa: E402

SCREEN = (1280, 800)
STEPS = [("facts", ""), ("evidence", "photo"), ("evidence", "video"), ("claim", ""),
         ("export", ""), ("dispute", "")]  # fmt: skip


@pytest.fixture(params=["ru", "en"])
def window(request, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    language.apply(request.param)
    store = make_sample_case(tmp_path / "sample")
    event_ops.add_event(store.case, event_ops.make_event(store.case, "dispute_opened"))
    store.save()
    store.close()
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(*SCREEN)
    win.show()
    win.open_case(store.root)
    yield win
    win.runner.wait_all()
    win.close_case()
    language.apply("en")  # the English catalog; conftest puts back the locale it found


def show(qtbot, win: MainWindow, step: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    view, controller = win.case_view, win.controller
    assert view is not None and controller is not None
    view.show_step(step)
    if kind:
        controller.select(next(i for i in controller.case.items if i.kind == kind).id)
    win.runner.wait_all()
    for _ in range(3):  # layouts settle over a few passes (a page rearranges on resize)
        QApplication.processEvents()
        qtbot.wait(20)


@pytest.mark.parametrize(("step", "kind"), STEPS)
def test_every_step_fits_a_laptop_screen(qtbot, window, step: str, kind: str) -> None:
    show(qtbot, window, step, kind)
    least = window.minimumSizeHint()
    assert least.width() <= SCREEN[0], f"{step} {kind}: the window needs {least.width()} px"
    assert least.height() <= SCREEN[1], f"{step} {kind}: the window needs {least.height()} px"


@pytest.mark.parametrize(("step", "kind"), STEPS)
def test_nothing_is_cut_at_1280(qtbot, window, step: str, kind: str) -> None:
    show(qtbot, window, step, kind)
    assert window.width() <= SCREEN[0]
    cut = [
        f"{b.text()!r} {b.width()} < {b.minimumSizeHint().width()}"
        for b in window.findChildren(QAbstractButton)
        if b.isVisible() and b.text() and b.width() < b.minimumSizeHint().width()
    ]
    assert not cut, f"{step} {kind}: buttons cut: {cut}"
    rail = window.case_view.rail
    assert rail.steps.width() >= rail.steps.sizeHintForColumn(0), "a step's name is cut"
