"""The video panel: exact frames from the worker, stepping keys, grabs (G) as undoable
frame items, in/out clips, the grab list, sharpest-near-here, scrubbing previews, errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QProgressBar, QPushButton

from evidence_kit.core.store import CaseStore
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.task_status import TaskStatus
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.video.panel import VideoPanel
from evidence_kit.media.importer import add_files
from tests.factories.video import (
    BarcodeVideo,
    make_blurry_video,
    read_frame_number,
)


def qimage_rgb(image: QImage) -> np.ndarray:
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=bpl * h).reshape(h, bpl)
    return buf[:, : w * 3].reshape(h, w, 3).copy()


def shown_frame(panel: VideoPanel) -> int:
    assert panel.view.image is not None
    return read_frame_number(qimage_rgb(panel.view.image))


def seek(qtbot: Any, panel: VideoPanel, t: float) -> None:
    with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
        panel.seek(t)


def test_opens_and_shows_the_first_frame(setup: Any, video: BarcodeVideo) -> None:
    panel, *_ = setup
    assert panel.timeline.duration == pytest.approx(video.pts[-1] + 0.1, abs=0.12)
    assert panel.current_s == 0.0
    assert shown_frame(panel) == 0
    assert "unboxing" in panel.header.text()


def test_seek_shows_the_exact_frame(qtbot: Any, setup: Any, video: BarcodeVideo) -> None:
    panel, *_ = setup
    for t in (2.5, 0.7, 4.05, 1.0):
        seek(qtbot, panel, t)
        n = video.expected_index(t)
        assert shown_frame(panel) == n
        assert panel.current_s == pytest.approx(video.pts[n], abs=0.0011)
        assert panel.time_label.text().startswith(f"00:00:0{int(video.pts[n])}")


def test_stepping_keys(qtbot: Any, setup: Any, video: BarcodeVideo) -> None:
    panel, *_ = setup
    seek(qtbot, panel, video.pts[40])
    panel.activateWindow()
    panel.setFocus()
    qtbot.waitUntil(panel.hasFocus, timeout=3000)
    for key, mod, want in [
        (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier, 41),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier, 40),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier, 39),
    ]:
        with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
            qtbot.keyClick(panel, key, mod)
        assert shown_frame(panel) == want
    with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
        qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert shown_frame(panel) == video.expected_index(video.pts[39] + 1.0)


def test_g_grabs_the_shown_frame_as_an_undoable_item(
    qtbot: Any, setup: Any, video: BarcodeVideo
) -> None:
    panel, controller, _runner, vid = setup
    seek(qtbot, panel, 2.0)
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: len(controller.case.items) == 2, timeout=10000)
    frame = controller.case.items[1]
    n = video.expected_index(2.0)
    assert frame.kind == "frame" and frame.source == "extracted" and frame.parent == vid.id
    assert frame.pts_s == pytest.approx(video.pts[n], abs=0.0011)
    assert frame.file.startswith("extracted/frames/")
    assert panel.grab_list.count() == 1
    assert panel.timeline.grabs == [frame.pts_s]
    controller.undo_stack.undo()
    assert [it.kind for it in controller.case.items] == ["video"]
    assert panel.grab_list.count() == 0


def test_in_out_make_clip(qtbot: Any, setup: Any, video: BarcodeVideo) -> None:
    panel, controller, _runner, vid = setup
    seek(qtbot, panel, 1.0)
    panel.set_in()
    seek(qtbot, panel, 2.2)
    panel.set_out()
    assert panel.timeline.in_s == panel.in_s and panel.timeline.out_s == panel.out_s
    panel.make_clip()
    qtbot.waitUntil(lambda: len(controller.case.items) == 2, timeout=20000)
    clip = controller.case.items[1]
    assert clip.kind == "clip" and clip.parent == vid.id
    assert clip.pts_s == pytest.approx(video.pts[video.expected_index(1.0)], abs=0.0011)
    assert clip.end_s is not None and clip.end_s > clip.pts_s
    assert (controller.root / clip.file).exists()


def test_grab_list_double_click_seeks_and_delete_removes(
    qtbot: Any, setup: Any, video: BarcodeVideo
) -> None:
    panel, controller, *_ = setup
    for t in (0.5, 3.0):
        seek(qtbot, panel, t)
        count = len(controller.case.items)
        panel.grab_current()
        qtbot.waitUntil(lambda c=count: len(controller.case.items) == c + 1, timeout=10000)
    assert panel.grab_list.count() == 2
    seek(qtbot, panel, 4.0)
    first = panel.grab_list.item(0)
    with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
        panel.grab_list.itemDoubleClicked.emit(first)
    assert shown_frame(panel) == video.expected_index(0.5)
    panel.grab_list.setCurrentRow(1)
    panel.grab_list.setFocus()
    qtbot.keyClick(panel.grab_list, Qt.Key.Key_Delete)
    assert panel.grab_list.count() == 1
    assert len(controller.case.bin) == 1


def test_scrub_shows_a_cached_thumbnail_at_once(qtbot: Any, setup: Any) -> None:
    panel, *_ = setup
    t = panel._thumb_times[len(panel._thumb_times) // 2]
    panel.timeline.scrubbed.emit(t)
    # before any event loop turn: the preview is already the cached thumbnail
    assert panel.view.preview is True
    assert panel.view.image is panel.cached_thumb(t)
    with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
        panel.timeline.released.emit(t)
    assert panel.view.preview is False


def test_space_plays_and_pauses(qtbot: Any, setup: Any) -> None:
    panel, *_ = setup
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    assert panel.worker.playing
    qtbot.waitUntil(lambda: panel.current_s > 0.3, timeout=10000)
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    assert not panel.worker.playing
    assert panel.play_btn.text() == "Play"


def test_sharpest_near_here(qtbot: Any, tmp_path: Path) -> None:
    blurry = make_blurry_video(tmp_path / "blur.mp4", frames=40, sharp=20)
    store = CaseStore.create(tmp_path / "c2")
    vid = add_files(store, [blurry.path]).items[0]
    controller, runner = CaseController(store), TaskRunner()
    panel = VideoPanel(controller, runner)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
        panel.show_item(vid.id)
    seek(qtbot, panel, 0.5)
    with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
        panel.find_sharpest()
    assert shown_frame(panel) == 20
    assert "Press G" in panel.status.text()
    runner.wait_all()
    panel.worker.shutdown()


def test_broken_video_shows_a_message_and_leaves_the_case(
    qtbot: Any, tmp_path: Path, video: BarcodeVideo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    store = CaseStore.create(tmp_path / "c3")
    vid = add_files(store, [video.path]).items[0]
    target = store.path_of(vid)
    target.chmod(0o644)
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 3])  # the index is lost
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    controller, runner = CaseController(store), TaskRunner()
    panel = VideoPanel(controller, runner)
    qtbot.addWidget(panel)
    before = controller.case.to_dict()
    panel.show_item(vid.id)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "cannot be read" in shown[0]
    panel.grab_current()  # nothing open: no grab, no change
    assert controller.case.to_dict()["items"] == before["items"]
    panel.worker.shutdown()


def test_hiding_the_panel_pauses_playback(qtbot: Any, setup: Any) -> None:
    panel, *_ = setup
    panel.toggle_play()
    assert panel.worker.playing
    panel.hide()
    assert not panel.worker.playing


def test_cancelled_clip_adds_nothing(qtbot: Any, setup: Any) -> None:
    """Issue 18.12: a job showed a bar and Cancel in the panel and in the status bar, and the
    picture jumped while it ran. Now: the status bar's only, and the picture stays put."""
    panel, controller, runner, _ = setup
    status = TaskStatus(runner)
    qtbot.addWidget(status)
    status.show()
    qtbot.waitUntil(lambda: status.current is None, timeout=20000)  # thumbnails, moments
    seek(qtbot, panel, 0.4)
    panel.set_in()
    seek(qtbot, panel, 2.6)
    panel.set_out()
    view_before = panel.view.geometry()
    panel.make_clip()
    assert panel.jobs.running is not None and status.current is panel.jobs.running
    assert status.isVisible() and status.cancel_button.isVisible()
    assert not panel.findChildren(QProgressBar)  # one progress place
    assert not [b for b in panel.findChildren(QPushButton) if b.text() == "Cancel"]
    qtbot.wait(50)
    assert panel.view.geometry() == view_before  # the video area does not jump
    qtbot.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.jobs.running is None, timeout=20000)
    assert panel.status.text() == "Cancelled."
    assert [it.kind for it in controller.case.items] == ["video"]
    assert panel.view.geometry() == view_before
    clips = controller.root / "extracted" / "clips"
    assert not clips.exists() or list(clips.iterdir()) == []


def test_caption_and_format_choices_apply_to_grabs_and_are_remembered(
    qtbot: Any, setup: Any
) -> None:
    from PIL import Image

    from evidence_kit.core.settings import load_settings

    panel, controller, runner, vid = setup
    assert panel.caption_box.isChecked() and panel.format_box.currentData() == "png"
    seek(qtbot, panel, 1.0)
    panel.grab_current()
    qtbot.waitUntil(lambda: len(controller.case.items) == 2, timeout=10000)
    captioned = controller.case.items[1]
    panel.caption_box.setChecked(False)
    panel.format_box.setCurrentIndex(panel.format_box.findData("jpg"))
    panel.grab_current()
    qtbot.waitUntil(lambda: len(controller.case.items) == 3, timeout=10000)
    plain = controller.case.items[2]
    assert captioned.file.endswith(".png") and captioned.meta["caption"] is True
    assert plain.file.endswith(".jpg") and plain.meta["caption"] is False
    with Image.open(controller.path_of(plain)) as img:
        assert img.format == "JPEG" and img.size == (vid.meta["width"], vid.meta["height"])
    with Image.open(controller.path_of(captioned)) as img:
        assert img.format == "PNG" and img.height > vid.meta["height"]  # the caption strip
    # remembered on disk: the next panel (the next session) starts with the same choices
    saved = load_settings()
    assert (saved.caption_frames, saved.frame_format) == (False, "jpg")
    again = VideoPanel(controller, runner, saved)
    qtbot.addWidget(again)
    assert not again.caption_box.isChecked() and again.format_box.currentData() == "jpg"
    again.worker.shutdown()


@pytest.mark.parametrize("size", [(160, 90), (90, 160)])
def test_filmstrip_tiles_a_sparse_or_portrait_video_never_stretches(
    qtbot: Any, size: tuple[int, int]
) -> None:
    """Issue 18.12: one keyframe was stretched across the whole timeline (and a portrait
    one squashed). Now each tile keeps the picture's shape; a picture repeats instead."""
    from PySide6.QtGui import QColor, QPainter

    from evidence_kit.gui.video.timeline import Timeline

    w, h = size
    thumb = QImage(w, h, QImage.Format.Format_RGB888)
    painter = QPainter(thumb)
    painter.fillRect(0, 0, w // 2, h, QColor(255, 0, 0))
    painter.fillRect(w // 2, 0, w - w // 2, h, QColor(0, 0, 255))
    painter.end()
    timeline = Timeline()
    qtbot.addWidget(timeline)
    timeline.resize(800, 72)
    timeline.set_duration(30.0)
    timeline.set_thumbs([(0.0, thumb), (25.0, thumb)])  # two keyframes in 30 s
    shot = timeline.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    row = qimage_rgb(shot)[36, 10:790]
    red = (row[:, 0] > 150) & (row[:, 2] < 100)
    blue = (row[:, 2] > 150) & (row[:, 0] < 100)
    # each tile is red then blue: the widths of the red runs are the pictures' half widths
    starts = np.flatnonzero(red[1:] & ~red[:-1]) + 1
    strip_h = 72 - 20
    tile_w = strip_h * w / h
    assert len(starts) >= int(780 / tile_w) - 1  # repeated, not one stretched picture
    assert red.sum() + blue.sum() > 0.9 * len(row)
    runs = np.diff(np.flatnonzero(np.diff(red.astype(int)) != 0))
    assert runs.max() <= tile_w / 2 + 3
