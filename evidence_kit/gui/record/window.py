"""The recorder window: camera preview, one continuous take, and the unboxing checklist.

Start and Stop only: there is deliberately no pause, because a paused video is no longer one
continuous take (platform-rules §4.1). Ticks on the checklist go into the activity log with
their offset in the take. At Stop the take is hashed and added to the case as a recorded
original. With no camera the window says so and offers Import instead (`wants_import`).
"""

from __future__ import annotations

import contextlib
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPixmap
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
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.core import activity_log, case_ops
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.timecode import format_time
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.qt_image import array_to_qimage
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.media.record.camera import (
    NO_CAMERA,
    CameraInfo,
    MicInfo,
    list_cameras,
    list_microphones,
)
from evidence_kit.media.record.session import CaptureSession, open_session
from evidence_kit.media.record.take import Take, TakeResult, log_take_stopped

#: what an unboxing take should show, in the order it usually happens (platform-rules §4.1)
CHECKLIST = (
    ("sealed_parcel", "The sealed parcel, on all sides"),
    ("shipping_label", "The shipping label"),
    ("opening", "The opening"),
    ("items_out", "Every item taken out"),
    ("defect", "The defect, close up"),
    ("power_on", "Powering it on"),
)
RESOLUTIONS = ((640, 480), (1280, 720), (1920, 1080))
FRAME_RATES = (15, 24, 30)
PREVIEW_MS = 66
#: under derived/: takes are written here, then sealed into originals/ at Stop
TAKES_DIR = "takes"
KEY_ROLE = Qt.ItemDataRole.UserRole
IDLE_STYLE = "font-size: 20px; font-family: monospace;"
REC_STYLE = IDLE_STYLE + " color: #d32f2f; font-weight: bold;"


def available_cameras() -> list[CameraInfo]:
    """Cameras by name: sysfs on Linux, Qt's device list elsewhere (same order as OpenCV)."""
    found = list_cameras(probe_indices=0)
    if not sys.platform.startswith("linux"):
        from PySide6.QtMultimedia import QMediaDevices

        named = [
            CameraInfo(d.description(), index=n) for n, d in enumerate(QMediaDevices.videoInputs())
        ]
        found = named + [c for c in found if c.file]
    return found


def available_microphones() -> list[MicInfo]:
    """Microphones by name (Windows needs Qt's names to address DirectShow devices)."""
    if sys.platform == "win32":
        from PySide6.QtMultimedia import QMediaDevices

        return [
            MicInfo(d.description(), "dshow", f"audio={d.description()}")
            for d in QMediaDevices.audioInputs()
        ]
    return list_microphones()


class RecorderWindow(QDialog):
    """Contract: RecorderWindow(controller, runner, parent).exec(); adds the take to the case.

    After exec(), `wants_import` is True when the shopper chose Import instead.
    """

    def __init__(
        self,
        controller: CaseController,
        runner: TaskRunner,
        parent: QWidget | None = None,
        cameras: list[CameraInfo] | None = None,
        microphones: list[MicInfo] | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runner = runner
        self.wants_import = False
        self.session: CaptureSession | None = None
        self.take: Take | None = None
        self.last_result: TakeResult | None = None
        self.importing = False
        self._ticked: dict[str, float] = {}
        self.cameras = available_cameras() if cameras is None else cameras
        self.microphones = available_microphones() if microphones is None else microphones
        self.setWindowTitle(self.tr("Record the unboxing"))
        self.resize(1040, 620)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_recorder())
        self.pages.addWidget(self._build_no_camera())
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_leftover_bar())
        layout.addWidget(self.pages)
        self._show_leftovers()

        self.preview_timer = QTimer(self)
        self.preview_timer.setInterval(PREVIEW_MS)
        self.preview_timer.timeout.connect(self._tick)
        if self.cameras:
            self._open_camera()
        else:
            self._show_no_camera(self.tr(NO_CAMERA))

    # --- layout ---------------------------------------------------------------------------

    def _build_recorder(self) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout(page)

        left = QVBoxLayout()
        self.preview = QLabel(self.tr("Starting the camera…"), page)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(480, 270)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setStyleSheet("background: #111; color: #ddd;")
        left.addWidget(self.preview, 1)

        controls = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Start recording"), page)
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.toggle_recording)
        self.elapsed = QLabel("00:00:00", page)
        self.elapsed.setStyleSheet(IDLE_STYLE)
        self.status = QLabel("", page)
        self.status.setWordWrap(True)
        controls.addWidget(self.record_button)
        controls.addWidget(self.elapsed)
        controls.addWidget(self.status, 1)
        left.addLayout(controls)

        settings = QGroupBox(self.tr("Camera"), page)
        form = QFormLayout(settings)
        self.camera_box = QComboBox(settings)
        for cam in self.cameras:
            self.camera_box.addItem(cam.name)
        self.mic_box = QComboBox(settings)
        self.mic_box.addItem(self.tr("No microphone"), None)
        for n, mic in enumerate(self.microphones):
            self.mic_box.addItem(mic.name, n)
        if self.microphones:
            self.mic_box.setCurrentIndex(1)
        self.size_box = QComboBox(settings)
        for w, h in RESOLUTIONS:
            self.size_box.addItem(f"{w} × {h}", (w, h))
        self.size_box.setCurrentIndex(1)
        self.fps_box = QComboBox(settings)
        for fps in FRAME_RATES:
            self.fps_box.addItem(self.tr("%n frames per second", "", fps), fps)
        self.fps_box.setCurrentIndex(len(FRAME_RATES) - 1)
        self.clock_box = QCheckBox(self.tr("Burn the date and time into the picture"), settings)
        self.clock_box.setChecked(True)
        form.addRow(self.tr("Camera"), self.camera_box)
        form.addRow(self.tr("Microphone"), self.mic_box)
        form.addRow(self.tr("Resolution"), self.size_box)
        form.addRow(self.tr("Frame rate"), self.fps_box)
        form.addRow("", self.clock_box)
        for box in (self.camera_box, self.mic_box, self.size_box, self.fps_box):
            box.currentIndexChanged.connect(self._open_camera)
        left.addWidget(settings)
        row.addLayout(left, 3)

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
        self.checklist.itemChanged.connect(self._checklist_changed)
        self.checklist.setEnabled(False)
        side_layout.addWidget(hint)
        side_layout.addWidget(self.checklist, 1)
        row.addWidget(side, 2)
        return page

    def _build_leftover_bar(self) -> QWidget:
        self.leftover_bar = QWidget(self)
        self.leftover_bar.setStyleSheet("background: #fff3cd; color: #5c4400;")
        row = QHBoxLayout(self.leftover_bar)
        self.leftover_label = QLabel(self.leftover_bar)
        self.leftover_label.setWordWrap(True)
        self.recover_button = QPushButton(self.tr("Add to the case"), self.leftover_bar)
        self.recover_button.clicked.connect(self.recover_leftovers)
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
        self.no_camera_label.setStyleSheet("font-size: 15px;")
        layout.addWidget(self.no_camera_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("Import a video instead…"), page)
        self.import_button.clicked.connect(self._import_instead)
        close = QPushButton(self.tr("Close"), page)
        close.clicked.connect(self.reject)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    # --- camera ---------------------------------------------------------------------------

    @property
    def recording(self) -> bool:
        return self.take is not None

    def _open_camera(self) -> None:
        """(Re)open the chosen camera and microphone for the preview."""
        if self.recording or not self.cameras:
            return
        self._close_session()
        camera = self.cameras[max(self.camera_box.currentIndex(), 0)]
        mic_index = self.mic_box.currentData()
        mic = self.microphones[mic_index] if mic_index is not None else None
        width, height = self.size_box.currentData()
        try:
            session = open_session(camera, mic, width, height, float(self.fps_box.currentData()))
        except EvidenceKitError as exc:
            self._show_no_camera(str(exc))
            return
        session.start()
        self.session = session
        self._sync_controls()
        self.pages.setCurrentIndex(0)
        self.record_button.setEnabled(True)
        src = session.camera
        sound = self.tr("with sound") if session.audio_format else self.tr("no sound")
        self.status.setText(f"{camera.name}: {src.width} × {src.height}, {src.fps:g} fps, {sound}")
        for note in session.notes:
            self.status.setText(note)
        self.preview_timer.start()

    def _sync_controls(self) -> None:
        """Settings are fixed during a take; a video file plays at its own size and rate."""
        idle = not self.recording
        camera = self.cameras[self.camera_box.currentIndex()] if self.cameras else None
        is_file = camera is not None and camera.file is not None
        for box in (self.camera_box, self.mic_box, self.clock_box):
            box.setEnabled(idle)
        for box in (self.size_box, self.fps_box):
            box.setEnabled(idle and not is_file)
            box.setToolTip(
                self.tr("A video file plays at its own size and rate.") if is_file else ""
            )

    def _close_session(self) -> None:
        self.preview_timer.stop()
        if self.session is not None:
            self.session.close()
            self.session = None

    def _show_no_camera(self, message: str) -> None:
        self.no_camera_label.setText(message)
        self.pages.setCurrentIndex(1)
        self.import_button.setDefault(True)
        self.resize(620, 260)

    def _import_instead(self) -> None:
        self.wants_import = True
        self.reject()

    def _tick(self) -> None:
        """Preview, elapsed clock, and noticing a camera that went away."""
        session = self.session
        if session is None:
            return
        rgb = session.preview_rgb(
            max_width=max(self.preview.width(), 320), clock=self.clock_box.isChecked()
        )
        if rgb is not None:
            pix = QPixmap.fromImage(array_to_qimage(rgb))
            self.preview.setPixmap(
                pix.scaled(
                    self.preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        if self.take is not None:
            self.elapsed.setText("● " + format_time(self.take.elapsed, millis=False))
            if self.take.finished.is_set():  # the camera or the disk ended it
                self.stop_recording()
        elif session.ended:
            self.record_button.setEnabled(False)
            self.status.setText(session.ended)

    # --- recording ------------------------------------------------------------------------

    def toggle_recording(self) -> None:
        """Start, or Stop: there is no pause."""
        if self.recording:
            self.stop_recording()
        else:
            self.start_recording()

    def start_recording(self) -> None:
        if self.session is None or self.recording or self.importing:
            return
        store = self.controller.store
        name = datetime.now().strftime("take-%Y%m%d-%H%M%S.mp4")
        path = store.derived(TAKES_DIR) / name
        try:
            self.take = self.session.start_take(path, clock=self.clock_box.isChecked())
        except EvidenceKitError as exc:
            QMessageBox.warning(self, self.tr("Cannot record"), str(exc))
            return
        self._ticked.clear()
        self._reset_checklist()
        camera = self.cameras[self.camera_box.currentIndex()]
        mic_index = self.mic_box.currentData()
        activity_log.append(
            self.controller.case,
            "recording_started",
            file=name,
            camera=camera.name,
            microphone=self.microphones[mic_index].name if mic_index is not None else None,
            clock=self.clock_box.isChecked(),
        )
        self.controller.save()
        self.record_button.setText(self.tr("Stop"))
        self.elapsed.setStyleSheet(REC_STYLE)
        self.checklist.setEnabled(True)
        self._sync_controls()
        self.status.setText(self.tr("Recording: keep the parcel in view."))

    def stop_recording(self) -> None:
        """Seal the take, log it, and add it to the case on the task runner."""
        session, take = self.session, self.take
        if session is None or take is None:
            return
        result = session.stop_take() or take.stop()
        self.take = None
        self.last_result = result
        log_take_stopped(
            self.controller.case, result, sorted(self._ticked, key=self._ticked.__getitem__)
        )
        self.controller.save()
        self.record_button.setText(self.tr("Start recording"))
        self.elapsed.setStyleSheet(IDLE_STYLE)
        self.checklist.setEnabled(False)
        self._sync_controls()
        self.elapsed.setText(format_time(result.duration_s, millis=False))
        if result.frames == 0:
            result.path.unlink(missing_ok=True)
            self.status.setText(self.tr("Nothing was recorded."))
            return
        self._add_to_case([result.path])
        if result.message:
            QMessageBox.warning(self, self.tr("Recording stopped"), result.message)

    def _add_to_case(self, paths: list[Path], undo_text: str = "Add recording") -> None:
        """Hash and copy takes into originals/ on the runner, then add them as one step."""
        from evidence_kit.media.importer import import_files

        store = self.controller.store
        known = {it.sha256 for it in self.controller.case.items}
        self.importing = True
        self.record_button.setEnabled(False)
        self.status.setText(self.tr("Sealing the recording: hashing and adding it to the case…"))

        def work(progress: Any, cancel: Any) -> Any:
            return import_files(
                store,
                paths,
                known,
                lambda: case_ops.new_item_id(store.case),
                progress,
                cancel,
                source="recorded",
            )

        self.runner.start(
            self.tr("Adding the recording"),
            work,
            on_done=lambda report: self._added(paths, report, undo_text),
            on_error=lambda exc: self._add_failed(paths, exc),
            on_cancel=lambda: self._add_failed(paths, EvidenceKitError("Cancelled.")),
        )

    def _can_record(self) -> bool:
        return self.session is not None and not self.session.ended and not self.importing

    def _added(self, paths: list[Path], report: Any, undo_text: str) -> None:
        self.importing = False
        self.record_button.setEnabled(self._can_record())
        if report.items:
            self.controller.add_items(report.items, undo_text)
        sealed = {it.original_name for it in report.items}
        # a take already in the case (same SHA-256) was sealed before a crash: not a failure
        failed = [(Path(p), why) for p, why in report.skipped if "already in this case" not in why]
        for path in paths:
            if path.name in sealed or path not in {p for p, _ in failed}:
                # the sealed copy lives in originals/, hashed; the working file can go
                with contextlib.suppress(OSError):
                    path.unlink()
        self._show_leftovers()
        if failed:
            self._add_failed([p for p, _ in failed], EvidenceKitError(failed[0][1]))
            return
        if not report.items:
            return
        item = report.items[0]
        self.status.setText(
            self.tr("Added to the case: %1 (sha256 %2…)")
            .replace("%1", item.title)
            .replace("%2", item.sha256[:12])
        )

    def _add_failed(self, paths: list[Path], exc: Exception) -> None:
        self.importing = False
        self.record_button.setEnabled(self._can_record())
        QMessageBox.warning(
            self,
            self.tr("Recording not added"),
            self.tr("The recording was kept at %1 but could not be added: %2")
            .replace("%1", ", ".join(str(p) for p in paths))
            .replace("%2", str(exc)),
        )

    # --- takes a crash left behind ----------------------------------------------------------

    def leftover_takes(self) -> list[Path]:
        """Takes in the working folder that were never added (the app stopped mid-take)."""
        folder = self.controller.store.derived_dir / TAKES_DIR
        if not folder.is_dir():
            return []
        current = self.take.path if self.take is not None else None
        return sorted(p for p in folder.glob("*.mp4") if p != current and p.stat().st_size > 0)

    def _show_leftovers(self) -> None:
        found = self.leftover_takes() if not self.importing else []
        self.leftover_bar.setVisible(bool(found))
        if found:
            text = (
                self.tr("A recording stopped unexpectedly")
                if len(found) == 1
                else self.tr("%1 recordings stopped unexpectedly").replace("%1", str(len(found)))
            )
            self.leftover_label.setText(
                text
                + self.tr(
                    " (the app or computer closed while recording). What reached the disk can "
                    "still be added to the case."
                )
            )

    def recover_leftovers(self) -> None:
        """Add interrupted takes to the case, up to where they were cut off."""
        found = self.leftover_takes()
        if not found or self.importing:
            return
        activity_log.append(
            self.controller.case, "recording_recovered", files=[p.name for p in found]
        )
        self.controller.save()
        self.leftover_bar.setVisible(False)
        self._add_to_case(found, "Add interrupted recording")

    # --- checklist ------------------------------------------------------------------------

    def _reset_checklist(self) -> None:
        self.checklist.blockSignals(True)
        for n, (_, label) in enumerate(CHECKLIST):
            item = self.checklist.item(n)
            item.setText(self.tr(label))
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        self.checklist.blockSignals(False)

    def _checklist_changed(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if self.take is None or key in self._ticked:
            return
        if item.checkState() != Qt.CheckState.Checked:
            return
        offset = round(self.take.elapsed, 2)
        self._ticked[key] = offset
        activity_log.append(
            self.controller.case,
            "recording_checklist",
            item=key,
            label=dict(CHECKLIST)[key],
            offset_s=offset,
            file=self.take.path.name,
        )
        self.controller.save()
        # a tick is logged once and stays: the log is append-only
        self.checklist.blockSignals(True)
        item.setText(f"{item.text()}  ({format_time(offset, millis=False)})")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.checklist.blockSignals(False)

    # --- closing --------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Closing never loses a take: a running one is stopped and added first."""
        if self.recording:
            self.stop_recording()
        self._close_session()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.recording:
            self.stop_recording()
        self._close_session()
        super().closeEvent(event)

    def take_file(self) -> Path | None:
        """Where the last take was written (before it was added to the case)."""
        return self.last_result.path if self.last_result else None
