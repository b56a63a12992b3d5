"""The recorder window: camera preview, one continuous take, and the unboxing checklist.

Start and Stop only: there is deliberately no pause, because a paused video is no longer one
continuous take (platform-rules §4.1). Checklist ticks go into the activity log with their
offset in the take. At Stop the take is sealed, hashed and added to the case as a recorded
original. With no camera the window says so and offers Import instead (`wants_import`).

Camera and microphone permission is asked first (permissions.py). Opening the camera and
sealing a take (draining the encoder) run on the task runner, so the window never freezes;
the device, size, frame rate and clock choices are remembered for the next take.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QListWidgetItem, QMessageBox, QWidget

from evidence_kit.core.case_paths import RECORDING
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.settings import Settings, update_settings
from evidence_kit.core.timecode import format_time
from evidence_kit.gui.base import theme
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.record import permissions
from evidence_kit.gui.record.devices import available_cameras, available_microphones
from evidence_kit.gui.record.sealing import TakeSealer
from evidence_kit.gui.record.window_view import (
    CHECKLIST,
    FRAME_RATES,
    KEY_ROLE,
    RECORDER_PAGE,
    RESOLUTIONS,
    RecorderWindowView,
)
from evidence_kit.media.record.camera import CameraInfo, MicInfo
from evidence_kit.media.record.session import CaptureSession, open_session
from evidence_kit.media.record.take import Take, TakeResult, log_take_stopped

__all__ = ["CHECKLIST", "RecorderWindow"]

PREVIEW_MS = 66


def _open_started(
    camera: CameraInfo, mic: MicInfo | None, width: int, height: int, fps: float
) -> CaptureSession:
    """Open the devices and start the frames (on a worker: probing a camera takes a while).
    A video file played as a camera loops in the preview and each take starts it again."""
    session = open_session(camera, mic, width, height, fps, loop_file=True)
    session.start()
    return session


class RecorderWindow(RecorderWindowView):
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
        settings: Settings | None = None,
    ) -> None:
        self.cameras = available_cameras() if cameras is None else cameras
        self.microphones = available_microphones() if microphones is None else microphones
        super().__init__(self.cameras, self.microphones, parent)
        self.controller = controller
        self.runner = runner
        self.settings = settings if settings is not None else Settings()
        self.wants_import = False
        self.session: CaptureSession | None = None
        self.take: Take | None = None
        self.stopping = False  # a take is being sealed on the runner
        self.last_result: TakeResult | None = None
        self._close_with: int | None = None  # done() waits for the take to be sealed
        self._ticked: dict[str, float] = {}
        self._camera_key = ("camera", id(self))
        self.device_gate = permissions.DeviceGate(self)
        self.sealer = TakeSealer(self)
        self._apply_settings()

        self.record_button.clicked.connect(self.toggle_recording)
        self.import_button.clicked.connect(self._import_instead)
        self.close_button.clicked.connect(self.reject)
        self.checklist.itemChanged.connect(self._checklist_changed)
        for box in (self.camera_box, self.mic_box, self.size_box, self.fps_box):
            box.currentIndexChanged.connect(self._open_camera)
        for box in (self.camera_box, self.size_box, self.fps_box):
            box.currentIndexChanged.connect(self._remember)
        self.clock_box.toggled.connect(self._remember)
        self.sealer.show_leftovers()

        self.preview_timer = QTimer(self)
        self.preview_timer.setInterval(PREVIEW_MS)
        self.preview_timer.timeout.connect(self._tick)
        if self.cameras:
            self._open_camera()
        else:
            self._show_no_camera(
                self.tr(
                    "No camera was found. Connect a camera (or allow camera access), "
                    "or import a video you recorded with your phone instead."
                )
            )

    # --- remembered choices ---------------------------------------------------------------

    def _apply_settings(self) -> None:
        s = self.settings
        if 0 <= s.camera_index < len(self.cameras):
            self.camera_box.setCurrentIndex(s.camera_index)
        self._apply_modes()
        self.clock_box.setChecked(s.clock_overlay)

    def _apply_modes(self) -> None:
        """The camera modes, as last chosen (by position: findData does not match tuples)."""
        s = self.settings
        self.show_modes(None)
        size = (s.record_width, s.record_height)
        fps = FRAME_RATES.index(s.record_fps) if s.record_fps in FRAME_RATES else -1
        for box, index in (
            (self.size_box, RESOLUTIONS.index(size) if size in RESOLUTIONS else 1),
            (self.fps_box, fps % len(FRAME_RATES)),
        ):
            box.blockSignals(True)
            box.setCurrentIndex(index)
            box.blockSignals(False)

    def _remember(self) -> None:
        camera = {"camera_index": max(self.camera_box.currentIndex(), 0)}
        if not self.modes_fixed:  # a file's own size is no choice to remember
            width, height = self.size_box.currentData()
            fps = int(self.fps_box.currentData())
            camera.update(record_width=width, record_height=height, record_fps=fps)
        update_settings(self.settings, clock_overlay=self.clock_box.isChecked(), **camera)

    # --- camera ---------------------------------------------------------------------------

    @property
    def recording(self) -> bool:
        return self.take is not None

    def _open_camera(self) -> None:
        """Ask the system for the devices (macOS prompts once), then open them for the preview."""
        if self.recording or self.stopping or not self.cameras:
            return
        self._close_session()
        camera = self.cameras[max(self.camera_box.currentIndex(), 0)]
        if camera.file is None and self.modes_fixed:
            self._apply_modes()  # back from a file
        mic_index = self.mic_box.currentData()
        mic = self.microphones[mic_index] if mic_index is not None else None
        self.preview.clear()
        self.preview.setText(self.tr("Starting the camera…"))
        self.sync_record_button()
        self.device_gate.request(
            camera=camera.file is None,  # a video file played as a camera needs no permission
            microphone=mic is not None,
            then=lambda camera_ok, mic_ok: self._open_allowed(camera, mic, camera_ok, mic_ok),
        )

    def _open_allowed(
        self, camera: CameraInfo, mic: MicInfo | None, camera_ok: bool, mic_ok: bool
    ) -> None:
        """Open what the system allows, on the runner; say what to do about what it refused."""
        if not camera_ok:
            self._show_no_camera(permissions.camera_refused_text())
            return
        note, mic = ("", mic) if mic_ok else (permissions.microphone_refused_text(), None)
        width, height = self.size_box.currentData()
        fps = float(self.fps_box.currentData())
        # a newer choice supersedes a camera still opening; that one is closed unseen
        self.runner.latest(
            self._camera_key,
            lambda progress, cancel: _open_started(camera, mic, width, height, fps),
            on_done=lambda session: self._on_camera_opened(camera, session, note),
            on_error=lambda exc: self._show_no_camera(str(exc)),
            discard=lambda session: session.close(),
            label=self.tr("Opening the camera"),
        )

    def _on_camera_opened(self, camera: CameraInfo, session: CaptureSession, note: str) -> None:
        self.session = session
        src = session.camera
        if camera.file is not None:
            self.show_modes((src.width, src.height, src.fps))
        self._sync_controls()
        self.pages.setCurrentIndex(RECORDER_PAGE)
        self.sync_record_button()
        sound = self.tr("with sound") if session.audio_format else self.tr("no sound")
        self.status.setText(
            self.tr("{0}: {1} × {2}, {3} fps, {4}").format(
                camera.name, src.width, src.height, f"{src.fps:g}", sound
            )
        )
        for line in [*session.notes, note]:
            if line:
                self.status.setText(line)
        self.preview_timer.start()

    def _sync_controls(self) -> None:
        """Settings are fixed during a take; a video file plays at its own size and rate."""
        idle = not self.recording and not self.stopping
        camera = self.cameras[self.camera_box.currentIndex()] if self.cameras else None
        is_file = camera is not None and camera.file is not None
        for box in (self.camera_box, self.mic_box, self.clock_box):
            box.setEnabled(idle)
        for box in (self.size_box, self.fps_box):
            box.setEnabled(idle and not is_file)
            box.setToolTip(
                self.tr("A video file plays at its own size and rate.") if is_file else ""
            )

    def sync_record_button(self) -> None:
        """Start/Stop is usable with a live camera, and not while a take is being sealed."""
        live = self.session is not None and not self.session.ended
        self.record_button.setEnabled(
            self.recording or (live and not self.stopping and not self.sealer.busy)
        )

    def _close_session(self) -> None:
        self.preview_timer.stop()
        self.runner.cancel_latest(self._camera_key)
        if self.session is not None:
            self.session.close()
            self.session = None

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
            self.show_preview(rgb)
        if self.take is not None:
            self.elapsed.setText("● " + format_time(self.take.elapsed, millis=False))
            if self.take.finished.is_set():  # the camera or the disk ended it
                self.stop_recording()
        elif session.ended and not self.stopping:
            self.sync_record_button()
            self.status.setText(session.ended)

    # --- recording ------------------------------------------------------------------------

    def toggle_recording(self) -> None:
        """Start, or Stop: there is no pause."""
        if self.recording:
            self.stop_recording()
        else:
            self.start_recording()

    def start_recording(self) -> None:
        if self.session is None or self.recording or self.stopping or self.sealer.busy:
            return
        store = self.controller.store
        name = datetime.now().strftime("take-%Y%m%d-%H%M%S.mp4")
        try:  # takes are written to recording/, then sealed into originals/ at Stop
            path = store.folder(RECORDING) / name
            self.take = self.session.start_take(path, clock=self.clock_box.isChecked())
        except EvidenceKitError as exc:
            QMessageBox.warning(self, self.tr("Cannot record"), str(exc))
            return
        self._ticked.clear()
        self.reset_checklist()
        camera = self.cameras[self.camera_box.currentIndex()]
        mic_index = self.mic_box.currentData()
        if not self.controller.log(
            "recording_started",
            file=name,
            camera=camera.name,
            microphone=self.microphones[mic_index].name if mic_index is not None else None,
            clock=self.clock_box.isChecked(),
        ):  # the case cannot be written, so it could not keep this take: do not start it
            self.session.stop_take()
            self.take = None
            path.unlink(missing_ok=True)
            return
        self.record_button.setText(self.tr("Stop"))
        theme.set_role(self.elapsed, "recording")
        self.checklist.setEnabled(True)
        self._sync_controls()
        self.status.setText(self.tr("Recording: keep the parcel in view."))

    def stop_recording(self) -> None:
        """Seal the take on the runner; then log it and add it to the case."""
        session, take = self.session, self.take
        if session is None or take is None or self.stopping:
            return
        self.take = None
        self.stopping = True
        self.checklist.setEnabled(False)
        self._sync_controls()
        self.sync_record_button()
        self.record_button.setText(self.tr("Start recording"))
        theme.set_role(self.elapsed, "clock")
        self.status.setText(self.tr("Finishing the recording…"))
        self.runner.start(
            self.tr("Finishing the recording"),
            lambda progress, cancel: session.stop_take() or take.stop(),
            on_done=self._on_take_sealed,
            on_error=lambda exc: self._on_seal_failed(take.path, exc),
            quiet=True,  # it cannot be cancelled: the take is kept whatever happens
        )

    def _on_take_sealed(self, result: TakeResult) -> None:
        self.stopping = False
        self.last_result = result
        ticked = sorted(self._ticked, key=self._ticked.__getitem__)
        self.controller.log_with(lambda case: log_take_stopped(case, result, ticked))
        self._sync_controls()
        self.elapsed.setText(format_time(result.duration_s, millis=False))
        if result.frames == 0:
            result.path.unlink(missing_ok=True)
            self.status.setText(self.tr("Nothing was recorded."))
            self.sync_record_button()
        else:
            self.sealer.add([result.path])
            if result.message:
                QMessageBox.warning(self, self.tr("Recording stopped"), result.message)
        self._finish_closing()

    def _on_seal_failed(self, path: Path, exc: Exception) -> None:
        self.stopping = False
        self._sync_controls()
        self.sync_record_button()
        text = self.tr(
            "The recording could not be finished: %1\nWhat reached the disk is kept at %2."
        )
        text = text.replace("%1", str(exc)).replace("%2", str(path))
        QMessageBox.warning(self, self.tr("Recording not finished"), text)
        self.sealer.show_leftovers()
        self._finish_closing()

    def take_path(self) -> Path | None:
        """The file of the take being written, if any (TakeSealer leaves it alone)."""
        return self.take.path if self.take is not None else None

    # --- checklist ------------------------------------------------------------------------

    def _checklist_changed(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if self.take is None or key in self._ticked or item.checkState() != Qt.CheckState.Checked:
            return
        offset = round(self.take.elapsed, 2)
        logged = self.controller.log(
            "recording_checklist",
            item=key,
            label=dict(CHECKLIST)[key],
            offset_s=offset,
            file=self.take.path.name,
        )
        self.checklist.blockSignals(True)
        if not logged:  # not in the case, so not ticked
            item.setCheckState(Qt.CheckState.Unchecked)
            self.checklist.blockSignals(False)
            return
        self._ticked[key] = offset
        # a tick is logged once and stays: the log is append-only
        item.setText(f"{item.text()}  ({format_time(offset, millis=False)})")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.checklist.blockSignals(False)

    # --- closing --------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Closing never loses a take: a running one is sealed and added first."""
        if self.recording or self.stopping:
            self._close_with = result
            self.stop_recording()  # the window closes once the take is sealed
            return
        self._close_session()
        super().done(result)

    def _finish_closing(self) -> None:
        if self._close_with is not None:
            result, self._close_with = self._close_with, None
            self.done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        # a visible dialog turns this into reject() -> done(); a hidden one just lets go
        if not self.isVisible():
            self._close_session()
        super().closeEvent(event)
