"""The video panel's transport: play and pause, J/K/L, frame steps (←/→ and ,/.), second
steps, playback speed, volume and mute, by key and by button. The picture's clock is the
FrameWorker's; the sound (PanelSound) follows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from evidence_kit.gui.base import icons
from evidence_kit.gui.video.sound import PanelSound

if TYPE_CHECKING:
    from evidence_kit.gui.video.panel import VideoPanel

#: the speeds offered; J and L pressed again step through them
SPEEDS = (0.25, 0.5, 1.0, 1.5, 2.0, 4.0)
VOLUME_STEP = 10  # percent, per Ctrl+Up / Ctrl+Down


class Transport(QObject):
    """Wires the panel's transport buttons and keys to the worker and the sound."""

    def __init__(self, panel: VideoPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.sound = PanelSound(self)
        worker = panel.worker
        for speed in SPEEDS:
            panel.speed_box.addItem(f"{speed:g}×", speed)
        panel.speed_box.setCurrentIndex(SPEEDS.index(1.0))
        panel.speed_box.currentIndexChanged.connect(self._speed_chosen)
        panel.mute_btn.toggled.connect(self._volume_changed)
        panel.volume.valueChanged.connect(self._volume_changed)
        worker.playing_changed.connect(self._on_playing)
        keys: list[tuple[str, Callable[[], object]]] = [
            ("Left", lambda: worker.step(-1)),
            ("Right", lambda: worker.step(1)),
            (",", lambda: worker.step(-1)),
            (".", lambda: worker.step(1)),
            ("Shift+Left", lambda: worker.jump(-1.0)),
            ("Shift+Right", lambda: worker.jump(1.0)),
            ("Space", panel.toggle_play),
            ("J", self.backward),
            ("K", self.pause),
            ("L", self.forward),
            ("M", panel.mute_btn.toggle),
            ("Ctrl+Up", lambda: self.nudge_volume(VOLUME_STEP)),
            ("Ctrl+Down", lambda: self.nudge_volume(-VOLUME_STEP)),
        ]
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in keys:
            QShortcut(QKeySequence(key), panel, context=ctx).activated.connect(slot)
        self._show_sound()

    # --- J / K / L and the speed ------------------------------------------------------------

    def forward(self) -> None:
        """L: play forward; pressed again while playing forward, faster."""
        self._play(1)

    def backward(self) -> None:
        """J: play backwards; pressed again while playing backwards, faster."""
        self._play(-1)

    def pause(self) -> None:
        """K: pause."""
        self.panel.worker.set_playing(False)

    def _play(self, direction: int) -> None:
        panel, worker = self.panel, self.panel.worker
        if panel.video is None or panel.info is None:
            return
        if worker.playing and worker.speed * direction > 0:
            faster = [s for s in SPEEDS if s > abs(worker.speed)]
            speed = faster[0] if faster else SPEEDS[-1]
        else:
            speed = abs(panel.speed_box.currentData()) if direction > 0 else 1.0
        self._set_speed(speed * direction)
        worker.set_playing(True)

    def _speed_chosen(self) -> None:
        direction = -1.0 if self.panel.worker.speed < 0 else 1.0
        self._set_speed(direction * float(self.panel.speed_box.currentData()))

    def _set_speed(self, speed: float) -> None:
        panel, worker = self.panel, self.panel.worker
        box = panel.speed_box
        box.blockSignals(True)
        box.setCurrentIndex(SPEEDS.index(abs(speed)))
        box.blockSignals(False)
        was = worker.speed
        worker.set_speed(speed)
        if worker.playing and speed != was:
            self.sound.play(worker.origin)  # silent away from 1x forward
        self._show_sound()

    def _on_playing(self, playing: bool) -> None:
        if playing:
            self.sound.play(self.panel.worker.origin)
        else:
            self.sound.stop()
        self._show_sound()

    # --- volume -----------------------------------------------------------------------------

    def nudge_volume(self, percent: int) -> None:
        volume = self.panel.volume
        volume.setValue(volume.value() + percent)
        if percent > 0:
            self.panel.mute_btn.setChecked(False)

    def _volume_changed(self) -> None:
        panel = self.panel
        self.sound.set_volume(panel.volume.value() / 100, panel.mute_btn.isChecked())
        self._show_sound()

    def _show_sound(self) -> None:
        panel = self.panel
        muted = panel.mute_btn.isChecked() or panel.volume.value() == 0
        panel.mute_btn.setIcon(icons.icon("volume-x" if muted else "volume-2"))
        why = self.sound.problem
        if not why and panel.worker.speed != 1.0:
            why = self.tr("Sound plays at normal speed, forwards.")
        tip = icons.tip(self.tr("Unmute") if muted else self.tr("Mute"), "M")
        panel.mute_btn.setToolTip(f"{tip}\n{why}" if why else tip)
        panel.volume.setToolTip(
            self.tr("Volume %1% (Ctrl+Up / Ctrl+Down)").replace("%1", str(panel.volume.value()))
        )
