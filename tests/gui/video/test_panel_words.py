"""The video panel in words a shopper understands (issue 18, item 8): suggested moments,
the sharper-frame hint, a rotated phone video's header and the filmstrip's progress say
what they mean, never a percentage, a score pair or an angle."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from evidence_kit.core.store import CaseStore
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.video.panel import VideoPanel
from evidence_kit.media.importer import add_files
from tests.factories.video import make_barcode_video, make_blurry_video, tag_rotation


def _panel(qtbot: Any, store: CaseStore, path: Path) -> tuple[VideoPanel, TaskRunner]:
    vid = add_files(store, [path]).items[0]
    runner = TaskRunner()
    labels: list[str] = []
    runner.task_started.connect(lambda task: labels.append(task.label))
    panel = VideoPanel(CaseController(store), runner)
    panel.labels = labels  # type: ignore[attr-defined]
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
        panel.show_item(vid.id)
    return panel, runner


def test_moments_and_header_are_words(qtbot: Any, tmp_path: Path) -> None:
    video = make_barcode_video(tmp_path / "v.mp4", frames=90, gop=15)
    turned = tag_rotation(video, tmp_path / "turned.mp4", 90)
    panel, runner = _panel(qtbot, CaseStore.create(tmp_path / "case"), turned.path)
    try:
        qtbot.waitUntil(lambda: panel.moment_list.count() > 0, timeout=20000)
        rows = [panel.moment_list.item(i).text() for i in range(panel.moment_list.count())]
        assert all("%" not in row and "change " not in row.split("—")[0] for row in rows)
        assert all("picture changes" in row or "small change" in row for row in rows)
        header = panel.header.text()
        assert "°" not in header and "upright" in header
        assert "Thumbnails" not in panel.labels  # type: ignore[attr-defined]
    finally:
        runner.wait_all()
        panel.worker.shutdown()


def test_the_sharper_frame_hint_has_no_scores(qtbot: Any, tmp_path: Path) -> None:
    blurry = make_blurry_video(tmp_path / "blur.mp4", frames=40, sharp=20)
    panel, runner = _panel(qtbot, CaseStore.create(tmp_path / "c2"), blurry.path)
    try:
        with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
            panel.seek(0.5)
        with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
            panel.find_sharpest()
        text = panel.status.text()
        assert "Press G" in text and " vs " not in text
        assert not re.search(r"\(\d+ ", text)  # no "(302 vs 294 here)"
    finally:
        runner.wait_all()
        panel.worker.shutdown()
