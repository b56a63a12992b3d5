"""The recorder tests' case and task runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_kit.core.store import CaseStore
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.tasks import TaskRunner


@pytest.fixture
def controller(tmp_path: Path, qtbot) -> CaseController:  # type: ignore[no-untyped-def]
    return CaseController(CaseStore.create(tmp_path / "case"))


@pytest.fixture
def runner(qtbot) -> TaskRunner:  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    r.wait_all()
