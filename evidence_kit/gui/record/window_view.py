"""The recorder window's layout: preview, Start/Stop, camera settings, the unboxing checklist,
the bar about interrupted takes and the no-camera page. Layout only; RecorderWindow adds the
behaviour."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.gui.base import theme
from evidence_kit.gui.base.qt_image import array_to_qimage
from evidence_kit.gui.base.tr_marks import QT_TRANSLATE_NOOP
from evidence_kit.media.record.camera import CameraInfo, MicInfo

#: what an unboxing take should show, in the order it usually happens (platform-rules §4.1)
CHECKLIST = (
    ("sealed_parcel", QT_TRANSLATE_NOOP("RecorderWindowView", "The sealed parcel, on all sides")),
    ("shipping_label", QT_TRANSLATE_NOOP("RecorderWindowView", "The shipping label")),
    ("opening", QT_TRANSLATE_NOOP("RecorderWindowView", "The opening")),
    ("items_out", QT_TRANSLATE_NOOP("RecorderWindowView", "Every item taken out")),
    ("defect", QT_TRANSLATE_NOOP("RecorderWindowView", "The defect, close up")),
    ("power_on", QT_TRANSLATE_NOOP("RecorderWindowView", "Powering it on")),
)
RESOLUTIONS = ((640, 480), (1280, 720), (1920, 1080))
FRAME_RATES = (15, 24, 30)
KEY_ROLE = Qt.ItemDataRole.UserRole
RECORDER_PAGE, NO_CAMERA_PAGE = 0, 1


class RecorderWindowView(QDialog):
    """The recorder's widgets, public so the controller and the tests can reach them."""

    def __init__(
        self, cameras: list[CameraInfo], microphones: list[MicInfo], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record the unboxing"))
        self.resize(1040, 620)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_recorder(cameras, microphones))
        self.pages.addWidget(self._build_no_camera())
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_leftover_bar())
        layout.addWidget(self.pages)

    def _build_recorder(self, cameras: list[CameraInfo], microphones: list[MicInfo]) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout(page)

        left = QVBoxLayout()
        self.preview = QLabel(self.tr("Starting the camera…"), page)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(480, 270)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        theme.set_role(self.preview, "videoSurface")
        left.addWidget(self.preview, 1)

        controls = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Start recording"), page)
        self.record_button.setDefault(True)
        self.record_button.setEnabled(False)  # until the camera is open
        self.elapsed = QLabel("00:00:00", page)
        theme.set_role(self.elapsed, "clock")
        self.status = QLabel("", page)
        self.status.setWordWrap(True)
        controls.addWidget(self.record_button)
        controls.addWidget(self.elapsed)
        controls.addWidget(self.status, 1)
        left.addLayout(controls)

        settings = QGroupBox(self.tr("Camera"), page)
        form = QFormLayout(settings)
        self.camera_box = QComboBox(settings)
        for cam in cameras:
            self.camera_box.addItem(cam.name)
        self.mic_box = QComboBox(settings)
        self.mic_box.addItem(self.tr("No microphone"), None)
        for n, mic in enumerate(microphones):
            self.mic_box.addItem(mic.name, n)
        if microphones:
            self.mic_box.setCurrentIndex(1)
        self.size_box = QComboBox(settings)
        self.fps_box = QComboBox(settings)
        self.modes_fixed = True
        self.show_modes(None)
        self.clock_box = QCheckBox(self.tr("Burn the date and time into the picture"), settings)
        form.addRow(self.tr("Camera"), self.camera_box)
        form.addRow(self.tr("Microphone"), self.mic_box)
        form.addRow(self.tr("Resolution"), self.size_box)
        form.addRow(self.tr("Frame rate"), self.fps_box)
        form.addRow("", self.clock_box)
        left.addWidget(settings)
        row.addLayout(left, 3)
        row.addWidget(self._build_checklist(page), 2)
        return page

    def _build_checklist(self, page: QWidget) -> QGroupBox:
        side = QGroupBox(self.tr("Show on camera"), page)
        side_layout = QVBoxLayout(side)
        hint = QLabel(
            self.tr(
                "Start before you open the parcel and keep filming until the end: one take, no "
                "cuts. Tick each step as you show it; the time goes into the case log."
            ),
            side,
        )
        hint.setWordWrap(True)
        self.checklist = QListWidget(side)
        for key, label in CHECKLIST:
            item = QListWidgetItem(self.tr(label), self.checklist)
            item.setData(KEY_ROLE, key)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.checklist.setEnabled(False)
        side_layout.addWidget(hint)
        side_layout.addWidget(self.checklist, 1)
        return side

    def _build_leftover_bar(self) -> QWidget:
        self.leftover_bar = QWidget(self)
        theme.set_role(self.leftover_bar, "notice")
        row = QHBoxLayout(self.leftover_bar)
        self.leftover_label = QLabel(self.leftover_bar)
        self.leftover_label.setWordWrap(True)
        self.recover_button = QPushButton(self.tr("Add to the case"), self.leftover_bar)
        row.addWidget(self.leftover_label, 1)
        row.addWidget(self.recover_button)
        self.leftover_bar.setVisible(False)
        return self.leftover_bar

    def _build_no_camera(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.no_camera_label = QLabel(page)
        self.no_camera_label.setWordWrap(True)
        self.no_camera_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.set_role(self.no_camera_label, "big")
        layout.addWidget(self.no_camera_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("Import a video instead…"), page)
        self.close_button = QPushButton(self.tr("Close"), page)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    def show_preview(self, rgb: np.ndarray) -> None:
        pix = QPixmap.fromImage(array_to_qimage(rgb))
        self.preview.setPixmap(
            pix.scaled(
                self.preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _show_no_camera(self, message: str) -> None:
        self.no_camera_label.setText(message)
        self.pages.setCurrentIndex(NO_CAMERA_PAGE)
        self.import_button.setDefault(True)
        self.resize(620, 260)

    def show_modes(self, fixed: tuple[int, int, float] | None) -> None:
        """The Resolution and Frame rate a camera offers; for a video file played as a camera,
        only its own (it plays at its own size and rate). Choosing stays silent here."""
        if fixed is None and not self.modes_fixed:
            return
        self.modes_fixed = fixed is not None
        sizes: tuple[tuple[int, int], ...] = RESOLUTIONS if fixed is None else (fixed[:2],)
        for box in (self.size_box, self.fps_box):
            box.blockSignals(True)
            box.clear()
        for w, h in sizes:
            self.size_box.addItem(f"{w} × {h}", (w, h))
        if fixed is None:
            for fps in FRAME_RATES:
                self.fps_box.addItem(self.tr("%n frames per second", "", fps), fps)
        else:
            rate = f"{round(fixed[2], 2):g}"
            self.fps_box.addItem(self.tr("%1 frames per second").replace("%1", rate), fixed[2])
        for box in (self.size_box, self.fps_box):
            box.blockSignals(False)

    def reset_checklist(self) -> None:
        """Every step unticked and tickable again (a new take)."""
        self.checklist.blockSignals(True)
        for n, (_, label) in enumerate(CHECKLIST):
            item = self.checklist.item(n)
            item.setText(self.tr(label))
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        self.checklist.blockSignals(False)
