"""The video panel's masks: "Mask area" (X, as the editor's Redact) draws a box on the
frame, hidden over the in/out range (I and O, as for clips; the whole video when none is
set). With a mask selected, a box drawn at another time moves it there (a key position: the
box glides between keys), "Use in/out" gives it the current range, Delete removes it. Each
change is one undo step on the video item (AddMarks, ChangeMarks, RemoveMarks), and
everything made from the video afterwards is masked (media/video/masks.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.core.timecode import format_time
from evidence_kit.gui.base.commands import AddMarks, ChangeMarks, RemoveMarks
from evidence_kit.media.video import mask_edit

if TYPE_CHECKING:
    from evidence_kit.gui.video.mask_view import MaskFrameView
    from evidence_kit.gui.video.panel import VideoPanel

INDEX_ROLE = Qt.ItemDataRole.UserRole


class VideoMaskTools(QWidget):
    """The masks list and its buttons, beside the grabs; drives the view's mask drawing."""

    def __init__(self, panel: VideoPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self._thumbs: list[tuple[float, Any]] = []  # the timeline's, unmasked
        self._thumb_masks: list[dict[str, Any]] = []  # the masks they were drawn with
        self._thumbs_of = ""  # the video they belong to
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Masks on this video"))
        self.mask_btn = self._button(
            self.tr("Mask area"),
            self.tr(
                "Draw a box on the frame to hide it from the in point to the out point (X, as Redact in the editor)"
            ),
        )
        self.mask_btn.setCheckable(True)
        self.range_btn = self._button(
            self.tr("Use in/out"), self.tr("Hide the selected mask from in to out")
        )
        self.remove_btn = self._button(
            self.tr("Remove"), self.tr("Remove the selected mask (Delete)")
        )
        self.style_box = QComboBox(self)
        self.style_box.addItem(self.tr("Solid"), "solid")
        self.style_box.addItem(self.tr("Pixelate (secure)"), "pixelate")
        self.style_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.style_box.setToolTip(self.tr("How a new mask hides: an opaque box, or pixels made only from the surroundings"))  # fmt: skip
        buttons = QGridLayout()  # two by two: the panel must fit a 1280 px wide window
        buttons.addWidget(self.mask_btn, 0, 0)
        buttons.addWidget(self.style_box, 0, 1)
        buttons.addWidget(self.range_btn, 1, 0)
        buttons.addWidget(self.remove_btn, 1, 1)
        title = QLabel(self.tr("Masks (hidden in every clip, sheet and frame)"), self)
        title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

        self.mask_btn.toggled.connect(self._drawing)
        self.range_btn.clicked.connect(self.use_range)
        self.remove_btn.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(lambda _row: self._selected())
        self.list.itemDoubleClicked.connect(self._seek_to)
        self.view.rect_drawn.connect(self.on_drawn)
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(Qt.Key.Key_X), panel, context=ctx).activated.connect(
            self.mask_btn.toggle
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_Delete), self.list, context=Qt.ShortcutContext.WidgetShortcut
        ).activated.connect(self.remove_selected)
        self.set_enabled(False)

    def _button(self, text: str, tip: str) -> QPushButton:
        b = QPushButton(text, self)
        b.setToolTip(tip)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must play, not click a button
        return b

    @property
    def view(self) -> MaskFrameView:
        return self.panel.view

    # --- state ------------------------------------------------------------------------------

    def masks(self) -> list[tuple[int, dict[str, Any]]]:
        """(index in the item's marks, mask) of the shown video's masks."""
        video = self.panel.video
        item = self.panel.controller.item(video.id) if video is not None else None
        if item is None:
            return []
        return [(i, a) for i, a in enumerate(item.annotations) if a.get("type") == "redact"]

    def _filled(self) -> list[dict[str, Any]]:
        """The masks with their defaults (style, colour), as the renderer takes them."""
        from evidence_kit.core import annotations

        return [annotations.validate(m) for _, m in self.masks()]

    def selected_index(self) -> int | None:
        row = self.list.currentItem()
        return int(row.data(INDEX_ROLE)) if row is not None else None

    def set_enabled(self, on: bool) -> None:
        for w in (self.mask_btn, self.style_box, self.range_btn, self.remove_btn, self.list):
            w.setEnabled(on)
        if not on and self.mask_btn.isChecked():
            self.mask_btn.setChecked(False)

    def refresh(self) -> None:
        """List the video's masks again (after any change to the case)."""
        keep = self.selected_index()
        video = self.panel.video
        self.view.display_width = int(video.meta.get("width") or 0) if video else 0
        self.list.blockSignals(True)
        self.list.clear()
        for n, (index, mask) in enumerate(self.masks(), start=1):
            row = QListWidgetItem(mask_edit.row_text(mask, n))
            row.setToolTip(row.text())  # the column is narrow
            row.setData(INDEX_ROLE, index)
            self.list.addItem(row)
            if index == keep:
                self.list.setCurrentItem(row)
        self.list.blockSignals(False)
        fresh = self._thumbs_of == self.panel.item_id  # another video's are not redrawn
        if fresh and self._thumbs and self._filled() != self._thumb_masks:
            self.set_thumbs(self._thumbs)
        self.show_at(self.panel.current_s)

    def set_thumbs(self, thumbs: list[tuple[float, Any]]) -> None:
        """The timeline's thumbnails (pts, RGB array), shown with the masks shown at their
        time, as every picture made of the video will be; made again when the masks change."""
        from evidence_kit.gui.base.qt_image import array_to_qimage
        from evidence_kit.media.video.masks import Masker

        p, masks = self.panel, self._filled()
        self._thumbs, self._thumbs_of = thumbs, p.item_id
        masker = Masker(masks, self.view.display_width or (thumbs[0][1].shape[1] if thumbs else 1))
        p._thumb_times = [t for t, _ in thumbs]  # noqa: SLF001 - the panel's own cache
        p._thumb_images = [array_to_qimage(masker.rgb(rgb, t)) for t, rgb in thumbs]  # noqa: SLF001
        p.timeline.set_thumbs(list(zip(p._thumb_times, p._thumb_images, strict=True)))  # noqa: SLF001
        self._thumb_masks = masks

    def show_at(self, t: float) -> None:
        """Draw the masks shown at t over the frame."""
        chosen = self.selected_index()
        shown = mask_edit.shown_at(self.masks(), t)
        self.view.set_boxes([(rect, index == chosen) for index, rect in shown])

    def _selected(self) -> None:
        self.show_at(self.panel.current_s)

    def _seek_to(self, row: QListWidgetItem) -> None:
        mask = dict(self.masks()).get(int(row.data(INDEX_ROLE)))
        if mask is not None:
            self.panel.seek(float(mask.get("from", 0.0)))

    def _drawing(self, on: bool) -> None:
        self.view.set_drawing(on)
        if on:
            self.panel.status.setText(self._hint())

    def _hint(self) -> str:
        if self.selected_index() is not None:
            return self.tr("Draw where the selected mask should be at this time; it moves there smoothly.")  # fmt: skip
        a, b = self._range()
        return self.tr("Draw a box over what to hide; it is hidden from {0} to {1}.").format(
            format_time(a), format_time(b)
        )

    def _range(self) -> tuple[float, float]:
        p = self.panel
        start = p.in_s if p.in_s is not None else 0.0
        end = p.out_s if p.out_s is not None else p.timeline.duration
        if end - start < 0.05:  # no range to speak of: the whole video
            return 0.0, p.timeline.duration
        return start, end

    # --- edits (each one undo step) ---------------------------------------------------------

    def on_drawn(self, rect: list[float]) -> None:
        video = self.panel.video
        if video is None:
            return
        t = self.panel.current_s
        chosen = self.selected_index()
        mask = dict(self.masks()).get(chosen) if chosen is not None else None
        if mask is not None and chosen is not None:
            moved = mask_edit.with_key(mask, t, rect)
            self.panel.controller.push(ChangeMarks(video.id, {chosen: moved}, self.tr("Move mask")))
        else:
            start, end = self._range()
            new = mask_edit.new_mask(rect, str(self.style_box.currentData()), start, end)
            item = self.panel.controller.item(video.id)
            index = len(item.annotations) if item is not None else 0
            self.panel.controller.push(AddMarks(video.id, {index: new}, self.tr("Mask area")))
        self.mask_btn.setChecked(False)

    def use_range(self) -> None:
        video, chosen = self.panel.video, self.selected_index()
        mask = dict(self.masks()).get(chosen) if chosen is not None else None
        if video is None or mask is None or chosen is None:
            self.panel.status.setText(self.tr("Select a mask first."))
            return
        start, end = self._range()
        changed = mask_edit.with_range(mask, start, end)
        self.panel.controller.push(ChangeMarks(video.id, {chosen: changed}, self.tr("Mask range")))

    def remove_selected(self) -> None:
        video, chosen = self.panel.video, self.selected_index()
        if video is not None and chosen is not None:
            self.list.setCurrentRow(-1)
            self.panel.controller.push(RemoveMarks(video.id, [chosen], self.tr("Remove mask")))

    def escape(self) -> None:
        """Esc: stop drawing, then clear the selection."""
        if self.mask_btn.isChecked():
            self.mask_btn.setChecked(False)
        else:
            self.list.setCurrentRow(-1)
