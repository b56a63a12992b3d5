"""The video panel's fixtures: a barcode video with sound and a panel showing it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evidence_kit.core.store import CaseStore
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.video.panel import VideoPanel
from evidence_kit.media.importer import add_files
from tests.factories.video import BarcodeVideo, make_barcode_video

CLOCK = "2026-11-20T14:03:27.000000Z"


@pytest.fixture
def video(tmp_path: Path) -> BarcodeVideo:
    return make_barcode_video(
        tmp_path / "unboxing.mp4", frames=90, gop=15, vfr=True, audio=True, creation_time=CLOCK
    )


@pytest.fixture
def setup(qtbot: Any, tmp_path: Path, video: BarcodeVideo) -> Any:
    store = CaseStore.create(tmp_path / "case")
    vid = add_files(store, [video.path]).items[0]
    controller = CaseController(store)
    runner = TaskRunner()
    panel = VideoPanel(controller, runner)
    qtbot.addWidget(panel)
    panel.resize(800, 600)
    panel.show()
    with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
        panel.show_item(vid.id)
    qtbot.waitUntil(lambda: bool(panel._thumb_times), timeout=10000)
    yield panel, controller, runner, vid
    runner.wait_all()
    panel.worker.shutdown()
