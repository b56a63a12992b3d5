"""The video panel: exact-frame player, timeline with thumbnails and key moments, grabs,
sharpest-near-here, in/out and clips.

Decoding runs on the task runner through the FrameWorker; thumbnails and key moments run
there too, and the grab, sharpest and clip jobs through FrameJobs, with progress and Cancel.
Case edits go through the controller. The layout is VideoPanelView.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QHideEvent, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QListWidgetItem, QMessageBox, QWidget

from evidence_kit.core.model import Item, ItemKind
from evidence_kit.core.settings import Settings, update_settings
from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.core.timecode import format_time
from evidence_kit.gui.base import icons
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import remove_items
from evidence_kit.gui.base.tasks import Task, TaskRunner
from evidence_kit.gui.video.frame_jobs import FrameJobs
from evidence_kit.gui.video.mask_tools import VideoMaskTools
from evidence_kit.gui.video.panel_view import VideoPanelView
from evidence_kit.gui.video.player import FrameWorker
from evidence_kit.gui.video.transport import Transport

if TYPE_CHECKING:
    from evidence_kit.media.video.keymoments import KeyMoment
    from evidence_kit.media.video.probe import VideoInfo
    from evidence_kit.media.video.thumbs import Thumb

THUMB_COUNT = 40
MOMENT_COUNT = 6
ID_ROLE = Qt.ItemDataRole.UserRole
PTS_ROLE = Qt.ItemDataRole.UserRole + 1


class VideoPanel(VideoPanelView):
    """Right-pane editor for one item. Contract: __init__(controller, runner), show_item(id)."""

    def __init__(
        self,
        controller: CaseController,
        runner: TaskRunner,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runner = runner
        self.settings = settings if settings is not None else Settings()
        self.item_id = ""
        self.video: Item | None = None
        self.info: VideoInfo | None = None
        self.current_s = 0.0
        self.in_s: float | None = None
        self.out_s: float | None = None
        self._thumb_times: list[float] = []
        self._thumb_images: list[QImage] = []
        self._bg_tasks: list[Task] = []  # thumbnails / key moments of the shown video
        self._scrubbing = False
        # parentless: queued frames may still reach it while the panel is being destroyed
        self.worker = FrameWorker(runner)
        self.jobs = FrameJobs(self)
        self.masks = VideoMaskTools(self)
        self.grabs_column.addWidget(self.masks)  # not a third column: the panel stays narrow
        self.caption_box.setChecked(self.settings.caption_frames)
        self.format_box.setCurrentIndex(
            max(self.format_box.findData(self.settings.frame_format), 0)
        )
        self._wire()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        worker = self.worker
        self.destroyed.connect(lambda *_: worker.shutdown())

    def _wire(self) -> None:
        clicks: list[tuple[QAbstractButton, Callable[[], object]]] = [
            (self.play_btn, self.toggle_play),
            (self.back_s_btn, lambda: self.worker.jump(-1.0)),
            (self.back_f_btn, lambda: self.worker.step(-1)),
            (self.fwd_f_btn, lambda: self.worker.step(1)),
            (self.fwd_s_btn, lambda: self.worker.jump(1.0)),
            (self.grab_btn, self.grab_current),
            (self.sharp_btn, self.find_sharpest),
            (self.in_btn, self.set_in),
            (self.out_btn, self.set_out),
            (self.clip_btn, self.make_clip),
            (self.accept_btn, self.grab_suggestion),
        ]
        for button, slot in clicks:
            button.clicked.connect(slot)
        self.grab_list.itemDoubleClicked.connect(self._seek_to_list_item)
        self.moment_list.itemDoubleClicked.connect(self._seek_to_list_item)
        self.caption_box.toggled.connect(
            lambda on: update_settings(self.settings, caption_frames=on)
        )
        self.format_box.currentIndexChanged.connect(
            lambda _i: update_settings(self.settings, frame_format=self.format_box.currentData())
        )
        self.worker.opened.connect(self._on_opened)
        self.worker.frame_ready.connect(self._on_frame)
        self.worker.failed.connect(self._on_worker_failed)
        self.worker.playing_changed.connect(self._on_playing)
        self.timeline.scrubbed.connect(self._on_scrub)
        self.timeline.released.connect(self._on_scrub_end)
        self.controller.case_changed.connect(self.refresh_lists)
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.transport = Transport(self)  # play, J/K/L, steps, speed, sound
        self.worker.sound_opened.connect(self.transport.sound.set_source)
        keys: list[tuple[Qt.Key | QKeySequence, Callable[[], object]]] = [
            (Qt.Key.Key_G, self.grab_current),
            (Qt.Key.Key_I, self.set_in),
            (Qt.Key.Key_O, self.set_out),
            (Qt.Key.Key_Escape, self.masks.escape),
        ]
        for key, slot in keys:
            sc = QShortcut(QKeySequence(key), self, context=ctx)
            sc.activated.connect(slot)
        for lst in (self.grab_list,):
            sc = QShortcut(
                QKeySequence(Qt.Key.Key_Delete), lst, context=Qt.ShortcutContext.WidgetShortcut
            )
            sc.activated.connect(self.remove_selected_grabs)

    # --- showing an item --------------------------------------------------------------------

    def show_item(self, item_id: str) -> None:
        """Show the item with this id (a video or a clip)."""
        for task in self._bg_tasks:
            task.cancel()
        self._bg_tasks = []
        self.transport.sound.set_source(None)  # the next video brings its own
        self.item_id = item_id
        item = self.controller.item(item_id)
        self.video = item if item is not None and item.is_video else None
        self.info = None
        self.in_s = self.out_s = None
        self.current_s = 0.0
        self._thumb_times, self._thumb_images = [], []
        self.timeline.set_duration(0.0)
        self.moment_list.clear()
        self.status.setText("")
        if self.video is None:
            self.header.setText(item.title if item else "")
            self.view.show_message(self.tr("Select a video to see it here."))
            self._enable(False)
            self.refresh_lists()
            return
        self.header.setText(self.tr("Opening {0}…").format(self.video.title))
        self.view.show_message(self.tr("Opening…"))
        self._enable(False)
        self.worker.open(self.controller.path_of(self.video))
        self.refresh_lists()

    def _enable(self, on: bool) -> None:
        for w in (self.play_btn, self.grab_btn, self.sharp_btn, self.in_btn, self.out_btn,
                  self.clip_btn, self.timeline, self.accept_btn):  # fmt: skip
            w.setEnabled(on)
        self.masks.set_enabled(on)

    def _on_opened(self, info: VideoInfo) -> None:
        self.info = info
        end = info.readable_s if info.readable_s is not None else info.duration_s
        self.timeline.set_duration(end)
        rot = self.tr(" · turned upright") if info.rotation else ""  # filmed sideways
        vfr = self.tr(" variable") if info.variable_frame_rate else ""
        title = self.video.title if self.video else ""
        text = f"{title} — {format_time(info.duration_s)} · {info.width}×{info.height} · {info.fps:g} fps{vfr}{rot}"  # noqa: E501
        if info.truncated:
            text += self.tr(" · truncated: only {0} readable").format(format_time(end))
        self.header.setText(text)
        self._enable(True)
        self.refresh_lists()
        self._start_thumbnails()
        self.setFocus()

    def _on_frame(self, image: QImage, pts_s: float) -> None:
        self.current_s = pts_s
        self.view.show_image(image)
        self.masks.show_at(pts_s)
        if not self._scrubbing:
            self.timeline.set_position(pts_s)
        end = self.timeline.duration
        self.time_label.setText(f"{format_time(pts_s)} / {format_time(end)}")

    def _on_worker_failed(self, message: str) -> None:
        if self.info is None:  # the video could not even be opened
            self.view.show_message(message)
            self.header.setText(self.video.title if self.video else "")
            QMessageBox.warning(self, self.tr("Video"), message)
        else:
            self.status.setText(message)

    def _on_playing(self, playing: bool) -> None:
        self.play_btn.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.play_btn.setIcon(icons.icon("pause" if playing else "play"))

    # --- scrubbing and playback -------------------------------------------------------------

    def cached_thumb(self, t: float) -> QImage | None:
        """The cached thumbnail nearest to t (shown at once while the exact frame decodes)."""
        if not self._thumb_times:
            return None
        i = bisect.bisect_right(self._thumb_times, t)
        candidates = [j for j in (i - 1, i) if 0 <= j < len(self._thumb_times)]
        best = min(candidates, key=lambda j: abs(self._thumb_times[j] - t))
        return self._thumb_images[best]

    def _on_scrub(self, t: float) -> None:
        self._scrubbing = True
        thumb = self.cached_thumb(t)
        if thumb is not None:
            self.view.show_image(thumb, preview=True)
        self.time_label.setText(f"≈ {format_time(t)}")
        self.worker.seek(t)

    def _on_scrub_end(self, t: float) -> None:
        self._scrubbing = False
        self.worker.seek(t)

    def seek(self, t: float) -> None:
        """Show the exact frame at t."""
        self.worker.seek(t)

    def toggle_play(self) -> None:
        if self.video is not None and self.info is not None:
            self.worker.set_playing(not self.worker.playing)

    # --- background: thumbnails and key moments -------------------------------------------

    def _start_thumbnails(self) -> None:
        from evidence_kit.media.video.reader import VideoReader
        from evidence_kit.media.video.thumbs import thumbnails

        path = self.controller.path_of(self.video) if self.video else None
        item_id = self.item_id
        if path is None:
            return

        def work(progress: ProgressFn, cancel: CancelToken) -> list[Thumb]:
            with VideoReader(path, threads=False) as rd:
                count = max(4, min(THUMB_COUNT, int(rd.end_s * 2) or 4))
                return thumbnails(
                    rd, count, max_side=320, progress=progress, cancel=cancel, exact=False
                )

        def done(thumbs: list[Thumb]) -> None:
            if item_id != self.item_id:
                return
            self.masks.set_thumbs([(t.pts_s, t.rgb) for t in thumbs])  # shown masked
            self._start_moments()

        task = self.runner.start(
            self.tr("Making the filmstrip"), work, on_done=done, on_error=self._bg_error
        )
        self._bg_tasks.append(task)

    def _start_moments(self) -> None:
        from evidence_kit.media.video.keymoments import key_moments
        from evidence_kit.media.video.reader import VideoReader

        path = self.controller.path_of(self.video) if self.video else None
        item_id = self.item_id
        if path is None:
            return

        def work(progress: ProgressFn, cancel: CancelToken) -> list[KeyMoment]:
            with VideoReader(path, threads=False) as rd:
                return key_moments(rd, MOMENT_COUNT, progress=progress, cancel=cancel)

        def done(moments: list[KeyMoment]) -> None:
            if item_id != self.item_id:
                return
            self.timeline.set_marks(moments=[m.pts_s for m in moments])
            self.moment_list.clear()
            for m in moments:
                row = QListWidgetItem(
                    self.tr("{0}  — {1}").format(format_time(m.pts_s), self._change_words(m.score))
                )
                row.setData(PTS_ROLE, m.pts_s)
                self.moment_list.addItem(row)

        task = self.runner.start(
            self.tr("Key moments"), work, on_done=done, on_error=self._bg_error
        )
        self._bg_tasks.append(task)

    def _change_words(self, score: float) -> str:
        """How much the picture changes at a suggested moment, in words, not a percentage."""
        if score >= 0.2:
            return self.tr("the picture changes a lot")
        if score >= 0.03:
            return self.tr("the picture changes")
        return self.tr("a small change")

    def _bg_error(self, exc: Exception) -> None:
        self.status.setText(str(exc))

    # --- jobs: grab, sharpest, clip (FrameJobs) ---------------------------------------------

    def grab_current(self) -> None:
        """G: add the frame on screen as a frame item (its own pts)."""
        self.jobs.grab_at(self.current_s)

    def grab_suggestion(self) -> None:
        row = self.moment_list.currentItem()
        if row is not None:
            self.jobs.grab_at(float(row.data(PTS_ROLE)))

    def find_sharpest(self) -> None:
        """Offer the sharpest frame within ±0.5 s of the current one."""
        self.jobs.find_sharpest()

    def set_in(self) -> None:
        self.in_s = self.current_s
        if self.out_s is not None and self.out_s <= self.in_s:
            self.out_s = None
        self._range_changed()

    def set_out(self) -> None:
        self.out_s = self.current_s
        if self.in_s is not None and self.in_s >= self.out_s:
            self.in_s = None
        self._range_changed()

    def _range_changed(self) -> None:
        self.timeline.set_range(self.in_s, self.out_s)
        a = format_time(self.in_s) if self.in_s is not None else "—"
        b = format_time(self.out_s) if self.out_s is not None else "—"
        self.status.setText(self.tr("Clip: in {0}, out {1}").format(a, b))

    def make_clip(self) -> None:
        """Cut [in, out] into a clip item linked to this video."""
        if self.video is None or self.info is None:
            return
        start = self.in_s if self.in_s is not None else 0.0
        end = self.out_s if self.out_s is not None else self.timeline.duration
        if end - start < 0.05:
            QMessageBox.information(self, self.tr("Video"), self.tr("Set the in and out points first (I and O)."))  # fmt: skip
            return
        self.jobs.make_clip(start, end)

    # --- the grab list ----------------------------------------------------------------------

    def refresh_lists(self) -> None:
        """Grabs and clips of this video, in time order; its masks."""
        self.masks.refresh()
        self.grab_list.clear()
        if self.video is None:
            self.timeline.set_marks(grabs=[])
            return
        children = [it for it in self.controller.case.items if it.parent == self.video.id]
        children.sort(key=lambda it: it.pts_s or 0.0)
        for it in children:
            label = it.title or it.kind  # a clip's title starts with "Clip"
            row = QListWidgetItem(label)
            row.setData(ID_ROLE, it.id)
            row.setData(PTS_ROLE, it.pts_s or 0.0)
            self.grab_list.addItem(row)
        self.timeline.set_marks(
            grabs=[it.pts_s or 0.0 for it in children if it.kind == ItemKind.FRAME]
        )

    def _seek_to_list_item(self, row: QListWidgetItem) -> None:
        self.seek(float(row.data(PTS_ROLE)))

    def remove_selected_grabs(self) -> None:
        """Delete: move the selected grabs/clips to the bin (one undo step)."""
        ids = [row.data(ID_ROLE) for row in self.grab_list.selectedItems()]
        if not ids and self.grab_list.currentItem() is not None:
            ids = [self.grab_list.currentItem().data(ID_ROLE)]
        if ids:
            self.controller.push(remove_items(ids, self.tr("Remove grab")))

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        # another item took the pane: stop playback, keep the decoder for coming back
        if self.worker.playing:
            self.worker.set_playing(False)
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.transport.sound.set_source(None)
        self.worker.shutdown()
        super().closeEvent(event)
