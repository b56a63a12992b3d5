"""The video panel's jobs: grab a frame, find the sharpest frame near here, cut a clip.

One job at a time, on the task runner; its bar and Cancel are in the status bar. Workers get a
detached copy of the store and of the video item, never the live ones; what they make is
added through the controller as one undo step.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from evidence_kit.core.model import Item
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.core.timecode import format_time
from evidence_kit.gui.base.tasks import Task, detached_store

if TYPE_CHECKING:
    from evidence_kit.gui.video.panel import VideoPanel

SHARPEST_WINDOW_S = 0.5
T = TypeVar("T")


class FrameJobs(QObject):
    """Runs the panel's grab, sharpest and clip jobs."""

    def __init__(self, panel: VideoPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.running: Task | None = None

    # --- one job at a time: its bar and Cancel are the status bar's ---------------------------

    def run(
        self, label: str, fn: Callable[[ProgressFn, CancelToken], T], done: Callable[[T], None]
    ) -> None:
        """Start a job unless one is running; `done` gets its result on the GUI thread."""
        panel = self.panel
        if self.running is not None:
            panel.status.setText(self.tr("Wait for the current job to finish, or cancel it."))
            return
        panel.status.setText(label)

        def finished(result: T) -> None:
            self._end()
            done(result)

        def failed(exc: Exception) -> None:
            self._end()
            QMessageBox.warning(panel, self.tr("Video"), str(exc))

        def cancelled() -> None:
            self._end()
            panel.status.setText(self.tr("Cancelled."))

        self.running = panel.runner.start(
            label, fn, on_done=finished, on_error=failed, on_cancel=cancelled
        )

    def _end(self) -> None:
        self.running = None

    def cancel(self) -> None:
        """Stop the running job."""
        if self.running is not None:
            self.running.cancel()

    # --- the jobs -----------------------------------------------------------------------------

    def _inputs(self) -> tuple[CaseStore, Item] | None:
        """A detached store and a copy of the shown video, or None when none is open."""
        panel = self.panel
        if panel.video is None or panel.info is None:
            return None
        return detached_store(panel.controller.store), copy.deepcopy(panel.video)

    def grab_at(self, t: float) -> None:
        """Add the frame on screen at t as a frame item, captioned and in the chosen format."""
        from evidence_kit.media.video.case_items import grab_to_case

        inputs = self._inputs()
        if inputs is None:
            return
        store, video = inputs
        panel = self.panel
        caption = panel.caption_box.isChecked()
        fmt = str(panel.format_box.currentData())

        def work(progress: ProgressFn, cancel: CancelToken) -> list[Item]:
            return grab_to_case(
                store, video, [t], caption=caption, fmt=fmt, progress=progress, cancel=cancel
            )

        def done(items: list[Item]) -> None:
            panel.controller.add_items(items, self.tr("Grab frame"))
            if items:
                panel.status.setText(self.tr("Grabbed {0}.").format(items[0].title))

        self.run(self.tr("Grabbing frame {0}").format(format_time(t)), work, done)

    def find_sharpest(self) -> None:
        """Offer the sharpest frame within ±0.5 s of the current one."""
        from evidence_kit.media.video.frames import frame_sharpness, sharpest_near
        from evidence_kit.media.video.reader import VideoReader

        panel = self.panel
        if panel.video is None or panel.info is None:
            return
        path, t = panel.controller.path_of(panel.video), panel.current_s

        def work(progress: ProgressFn, cancel: CancelToken) -> tuple[float, float, float]:
            with VideoReader(path) as rd:
                here = frame_sharpness(rd, rd.frame_at(t))
                best, score = sharpest_near(rd, t, SHARPEST_WINDOW_S, cancel)
                return best.pts_s, score, here

        def done(result: tuple[float, float, float]) -> None:
            pts = result[0]
            if abs(pts - t) < 1e-6:
                panel.status.setText(self.tr("This frame is already the sharpest within ±0.5 s."))
                return
            panel.worker.seek(pts)
            panel.status.setText(
                self.tr("A sharper frame is at {0}, a moment away. Press G to grab it.").format(
                    format_time(pts)
                )
            )

        self.run(self.tr("Looking for the sharpest frame"), work, done)

    def make_clip(self, start: float, end: float) -> None:
        """Cut [start, end] into a clip item linked to the video."""
        from evidence_kit.media.video.case_items import clip_to_case

        inputs = self._inputs()
        if inputs is None:
            return
        store, video = inputs
        panel = self.panel

        def work(progress: ProgressFn, cancel: CancelToken) -> Item:
            return clip_to_case(store, video, start, end, progress=progress, cancel=cancel)

        def done(item: Item) -> None:
            panel.controller.add_items([item], self.tr("Make clip"))
            panel.status.setText(self.tr("Added {0}.").format(item.title))

        self.run(self.tr("Making the clip"), work, done)
