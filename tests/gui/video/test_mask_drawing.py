"""Video masks in the video panel (issue 13): X draws a box on the frame, hidden from the in
point to the out point; a box drawn at another time with the mask selected moves it there
(key positions); Use in/out and Delete; each one undo step, saved at once. And the editor's
offer to hide a frame's new mask in its video too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from evidence_kit.core.store import CaseStore
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.video.panel import VideoPanel
from evidence_kit.media.importer import add_files
from tests.factories.video import make_barcode_video


@pytest.fixture
def setup(qtbot: Any, tmp_path: Path) -> Any:
    video = make_barcode_video(tmp_path / "unboxing.mp4", frames=90, gop=15)
    store = CaseStore.create(tmp_path / "case")
    vid = add_files(store, [video.path]).items[0]
    controller = CaseController(store)
    runner = TaskRunner()
    panel = VideoPanel(controller, runner)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
        panel.show_item(vid.id)
    yield panel, controller, store, vid
    runner.wait_all()
    panel.worker.shutdown()


def seek(qtbot: Any, panel: VideoPanel, t: float) -> None:
    with qtbot.waitSignal(panel.worker.frame_ready, timeout=10000):
        panel.seek(t)


def drag(qtbot: Any, panel: VideoPanel, a: tuple[float, float], b: tuple[float, float]) -> None:
    """Drag over the picture from a to b, given as fractions of the painted picture."""
    target = panel.view._target()
    assert target is not None
    pa = QPoint(int(target.left() + a[0] * target.width()), int(target.top() + a[1] * target.height()))  # fmt: skip
    pb = QPoint(int(target.left() + b[0] * target.width()), int(target.top() + b[1] * target.height()))  # fmt: skip
    qtbot.mousePress(panel.view, Qt.MouseButton.LeftButton, pos=pa)
    qtbot.mouseMove(panel.view, pb)
    qtbot.mouseRelease(panel.view, Qt.MouseButton.LeftButton, pos=pb)


def masks_on_disk(store: CaseStore, item_id: str) -> list[dict[str, Any]]:
    return CaseStore.open(store.root).case.item(item_id).annotations


def test_x_draws_a_mask_over_the_in_out_range_as_one_undo_step(qtbot: Any, setup: Any) -> None:
    panel, controller, store, vid = setup
    width = int(vid.meta["width"])
    seek(qtbot, panel, 0.5)
    panel.set_in()
    seek(qtbot, panel, 2.0)
    panel.set_out()
    seek(qtbot, panel, 1.0)
    qtbot.keyClick(panel, Qt.Key.Key_X)
    assert panel.view.drawing and panel.masks.mask_btn.isChecked()
    drag(qtbot, panel, (0.1, 0.1), (0.5, 0.4))
    assert not panel.view.drawing  # one box per press of X
    (mask,) = masks_on_disk(store, vid.id)
    assert mask["type"] == "redact" and mask["style"] == "solid"
    assert mask["from"] == pytest.approx(panel.in_s, abs=1e-3)
    assert mask["to"] == pytest.approx(panel.out_s, abs=1e-3)
    x, y, w, h = mask["rect"]  # in the video's display pixels, not the screen's
    assert x == pytest.approx(0.1 * width, abs=width * 0.02)
    assert w == pytest.approx(0.4 * width, abs=width * 0.02)
    assert panel.masks.list.count() == 1
    assert panel.view.boxes, "the mask shows over the frame at 1.0 s"
    seek(qtbot, panel, 2.6)
    assert not panel.view.boxes, "after the out point the frame is not masked"
    controller.undo_stack.undo()
    assert masks_on_disk(store, vid.id) == [] and panel.masks.list.count() == 0
    controller.undo_stack.redo()
    assert masks_on_disk(store, vid.id) == [mask]


def test_a_box_drawn_later_moves_the_selected_mask_and_in_out_sets_its_range(
    qtbot: Any, setup: Any
) -> None:
    panel, controller, store, vid = setup
    seek(qtbot, panel, 0.3)
    panel.masks.mask_btn.setChecked(True)
    drag(qtbot, panel, (0.1, 0.1), (0.3, 0.3))
    (first,) = masks_on_disk(store, vid.id)
    assert first["from"] == 0.0 and first["to"] == pytest.approx(panel.timeline.duration, abs=1e-3)
    panel.masks.list.setCurrentRow(0)
    seek(qtbot, panel, 2.0)
    panel.masks.mask_btn.setChecked(True)
    drag(qtbot, panel, (0.6, 0.5), (0.8, 0.7))
    (moved,) = masks_on_disk(store, vid.id)
    assert [round(k[0], 1) for k in moved["keys"]] == [0.0, round(panel.current_s, 1)]
    assert moved["keys"][0][1] == first["rect"] and moved["keys"][1][1][0] > first["rect"][0]
    assert "2 positions" in panel.masks.list.item(0).text()
    seek(qtbot, panel, 1.0)
    panel.set_in()
    seek(qtbot, panel, 1.5)
    panel.set_out()
    panel.masks.list.setCurrentRow(0)
    panel.masks.use_range()
    (ranged,) = masks_on_disk(store, vid.id)
    assert ranged["from"] == pytest.approx(panel.in_s, abs=1e-3)
    assert ranged["to"] == pytest.approx(panel.out_s, abs=1e-3)
    assert ranged["keys"] == moved["keys"]
    panel.masks.list.setCurrentRow(0)
    panel.masks.remove_selected()
    assert masks_on_disk(store, vid.id) == []
    controller.undo_stack.undo()
    assert masks_on_disk(store, vid.id) == [ranged]


def test_a_frames_mask_is_offered_to_its_video(
    qtbot: Any, setup: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evidence_kit.gui.annotate import video_mask_offer
    from evidence_kit.gui.base.commands import AddMarks

    panel, controller, store, vid = setup
    seek(qtbot, panel, 1.0)
    with qtbot.waitSignal(controller.case_changed, timeout=15000):
        panel.grab_current()
    frame = next(it for it in controller.case.items if it.parent == vid.id)
    box = {"type": "redact", "rect": [10, 10, 40, 30], "style": "pixelate"}
    controller.push(AddMarks(frame.id, {0: box}, "Redact"))
    asked: list[str] = []

    def answer(yes: bool) -> Any:
        return lambda parent, title, text: asked.append(text) or yes

    monkeypatch.setattr(video_mask_offer, "ask", answer(False))
    assert not video_mask_offer.offer_video_mask(panel, controller, frame.id, {0: box})
    assert masks_on_disk(store, vid.id) == [] and "from" in asked[0].lower()
    monkeypatch.setattr(video_mask_offer, "ask", answer(True))
    assert video_mask_offer.offer_video_mask(panel, controller, frame.id, {0: box})
    (mask,) = masks_on_disk(store, vid.id)
    t = float(frame.pts_s or 0.0)
    assert mask["from"] <= t <= mask["to"] and mask["style"] == "pixelate"
    # asked again, nothing is offered: the video already hides that box then
    assert not video_mask_offer.offer_video_mask(panel, controller, frame.id, {0: box})
    assert len(asked) == 2
    controller.undo_stack.undo()
    assert masks_on_disk(store, vid.id) == []


def test_the_timeline_thumbnails_show_the_masks(qtbot: Any, setup: Any) -> None:
    panel, controller, store, vid = setup
    qtbot.waitUntil(lambda: bool(panel._thumb_times), timeout=15000)
    width = int(vid.meta["width"])
    box = [0.0, 0.0, width / 2, int(vid.meta["height"]) / 2]
    mask = {"type": "redact", "rect": box, "from": 0.0, "to": 1.0}
    from evidence_kit.gui.base.commands import AddMarks

    controller.push(AddMarks(vid.id, {0: mask}, "Mask area"))

    def corner(i: int) -> tuple[int, int, int]:
        c = panel._thumb_images[i].pixelColor(2, 2)
        return c.red(), c.green(), c.blue()

    inside = [i for i, t in enumerate(panel._thumb_times) if t <= 0.9]
    after = [i for i, t in enumerate(panel._thumb_times) if t > 1.1]
    assert inside and after
    assert all(corner(i) == (0, 0, 0) for i in inside)
    assert not all(corner(i) == (0, 0, 0) for i in after)
    controller.undo_stack.undo()  # the mask gone: the thumbnails as they were
    assert not all(corner(i) == (0, 0, 0) for i in inside)
