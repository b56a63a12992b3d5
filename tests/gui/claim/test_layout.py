"""The claim step at laptop widths (issue 18.1): three columns where they fit; below that the
deadlines, checklist and limits go under the form, full width and whole, never a sliver."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from evidence_kit.gui.base.case_controller import CaseController  # noqa: E402
from evidence_kit.gui.base.tasks import TaskRunner  # noqa: E402
from evidence_kit.gui.claim.page import NARROW_PX, ClaimPage  # noqa: E402
from tests.gui.claim.test_page import _store  # noqa: E402


@pytest.mark.parametrize("width", [NARROW_PX + 160, NARROW_PX - 120, 760])
def test_deadlines_and_checklist_stay_readable(qtbot, tmp_path, width) -> None:
    controller = CaseController(_store(tmp_path))
    runner = TaskRunner()
    page = ClaimPage(controller, runner)
    qtbot.addWidget(page)
    page.resize(width, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.wait(20)
    status = page.status
    assert status.deadlines.width() >= 250  # it was about 110 px at 1160 (cut mid-word)
    lst = status.checklist
    assert lst.count() >= 5
    if width < NARROW_PX:
        assert page.narrow and status.parent() is not page.split
        assert page.split.count() == 2  # form (with the status under it) and the text
        # the checklist is shown whole: the form's column scrolls, not a one-row list
        rows = sum(lst.visualItemRect(lst.item(n)).height() for n in range(lst.count()))
        assert lst.verticalScrollBar().maximum() == 0
        assert lst.height() >= rows
        assert page.text.width() >= 300
    else:
        assert not page.narrow and page.split.count() == 3
    # the form is never cut on the right: its column is at least as wide as it needs
    assert page.flow.width() >= page.flow.minimumSizeHint().width()
    assert page.form_scroll.horizontalScrollBar().maximum() == 0
    runner.wait_all()
