"""The video panel's layout: frame view, timeline, transport and action buttons, a status
line and the lists of grabs and suggested moments. Layout only; VideoPanel adds the behaviour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QListWidget,
    QPushButton,
    QSlider,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.gui.base import icons
from evidence_kit.gui.base.flow_layout import FlowLayout
from evidence_kit.gui.video.mask_view import MaskFrameView
from evidence_kit.gui.video.timeline import Timeline

#: grab file formats offered, as (label, format id used by grab_frames)
FRAME_FORMATS = (("PNG", "png"), ("JPEG", "jpg"))


class VideoPanelView(QWidget):
    """The panel's widgets, public so the controller and the tests can reach them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view = MaskFrameView(self)  # the frame, its masks, and a mask being drawn
        self.timeline = Timeline(self)
        self.time_label = QLabel("00:00:00.000", self)
        self.time_label.setMinimumWidth(190)

        self.play_btn = self._button(
            self.tr("Play"), self.tr("Play / pause (Space); L plays, K pauses, J plays backwards")
        )
        self.back_s_btn = self._button("−1 s", self.tr("One second back (Shift+←)"))
        self.back_f_btn = self._button("◀", self.tr("One frame back (← or ,)"))
        self.fwd_f_btn = self._button("▶", self.tr("One frame forward (→ or .)"))
        self.fwd_s_btn = self._button("+1 s", self.tr("One second forward (Shift+→)"))
        self.speed_box = QComboBox(self)
        self.speed_box.setToolTip(self.tr("Playback speed (L again: faster, J: backwards)"))
        self.speed_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mute_btn = QToolButton(self)
        self.mute_btn.setCheckable(True)
        self.mute_btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mute_btn.setAccessibleName(self.tr("Mute"))
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(100)
        self.volume.setFixedWidth(70)
        self.volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume.setAccessibleName(self.tr("Volume"))
        transport = FlowLayout()  # the rows wrap rather than widen the window (Russian)
        for w in (self.back_s_btn, self.back_f_btn, self.fwd_f_btn, self.fwd_s_btn):
            # as wide as their few characters: the row fits a 1280 px window beside the list
            w.setMinimumWidth(w.fontMetrics().horizontalAdvance(w.text()) + 24)
        for w in (self.play_btn, self.back_s_btn, self.back_f_btn, self.fwd_f_btn, self.fwd_s_btn):
            transport.addWidget(w)
        transport.addWidget(self.speed_box)
        transport.addWidget(self.mute_btn)
        transport.addWidget(self.volume)
        transport.addWidget(self.time_label)

        self.grab_btn = self._button(
            self.tr("Grab frame"), self.tr("Add this exact frame as evidence (G)")
        )
        self.sharp_btn = self._button(
            self.tr("Sharpest near here"), self.tr("Find the sharpest frame within ±0.5 s")
        )
        self.in_btn = self._button(self.tr("Set in"), self.tr("Clip starts here (I)"))
        self.out_btn = self._button(self.tr("Set out"), self.tr("Clip ends here (O)"))
        self.clip_btn = self._button(
            self.tr("Make clip"), self.tr("Cut [in, out] into a new clip item")
        )
        self.caption_box = QCheckBox(self.tr("Caption"), self)
        self.caption_box.setToolTip(
            self.tr(
                "Print the file name, the frame's time, the recording clock and the hash under each grab"
            )  # noqa: E501
        )
        self.caption_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.format_box = QComboBox(self)
        for label, fmt in FRAME_FORMATS:
            self.format_box.addItem(label, fmt)
        self.format_box.setToolTip(
            self.tr("File format of new grabs: PNG is exact, JPEG is smaller")
        )
        self.format_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        actions = FlowLayout()
        for w in (self.grab_btn, self.sharp_btn, self.in_btn, self.out_btn, self.clip_btn):
            actions.addWidget(w)
        actions.addWidget(self.caption_box)
        actions.addWidget(self.format_box)

        # a job's bar and Cancel are in the status bar only (one progress place); this line
        # keeps two lines' room whatever it says, so the picture above never jumps
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.status.setFixedHeight(self.status.fontMetrics().lineSpacing() * 2 + 2)

        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(self)
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.view, 1)
        tv.addWidget(self.timeline)
        tv.addLayout(transport)
        tv.addLayout(actions)
        tv.addWidget(self.status)
        split.addWidget(top)
        self.lists = self._build_lists()
        split.addWidget(self.lists)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(split, 1)
        self._add_icons()

    def _add_icons(self) -> None:
        """Line icons on the buttons (they follow light and dark); a frame step is its icon."""
        for button, name in (
            (self.play_btn, "play"), (self.back_s_btn, "rewind"), (self.back_f_btn, "step-back"),
            (self.fwd_f_btn, "step-forward"), (self.fwd_s_btn, "fast-forward"),
            (self.grab_btn, "camera"), (self.sharp_btn, "sparkles"),
            (self.in_btn, "arrow-right-from-line"), (self.out_btn, "arrow-right-to-line"),
            (self.clip_btn, "scissors"), (self.accept_btn, "image-plus"),
        ):  # fmt: skip
            button.setIcon(icons.icon(name))
        for button in (self.back_f_btn, self.fwd_f_btn):
            button.setText("")

    def _button(self, text: str, tip: str) -> QPushButton:
        b = QPushButton(text, self)
        b.setToolTip(tip)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must play, not click a button
        return b

    def _build_lists(self) -> QSplitter:
        self.grab_list = QListWidget(self)
        self.grab_list.setAccessibleName(self.tr("Grabs and clips"))
        self.moment_list = QListWidget(self)
        self.moment_list.setAccessibleName(self.tr("Suggested key moments"))
        self.accept_btn = self._button(
            self.tr("Grab suggestion"), self.tr("Grab the selected suggested moment")
        )
        left = QWidget(self)
        lv = self.grabs_column = QVBoxLayout(left)  # the panel's masks go under the grabs
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(_wrapped(self.tr("Grabs and clips (double-click to seek, Delete to remove)"), left))  # fmt: skip
        lv.addWidget(self.grab_list)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(_wrapped(self.tr("Suggested moments (not evidence until grabbed)"), right))
        rv.addWidget(self.moment_list)
        rv.addWidget(self.accept_btn)
        lists = QSplitter(Qt.Orientation.Horizontal, self)
        lists.addWidget(left)
        lists.addWidget(right)
        return lists


def _wrapped(text: str, parent: QWidget) -> QLabel:
    """A heading that wraps: longer words (Russian) take a second line, not the panel's width."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label
