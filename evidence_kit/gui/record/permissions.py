"""Asking the system for the camera and the microphone before the recorder opens them.

macOS shows its own prompt the first time (with the sentences from Info.plist) and refuses
quietly after a "Don't allow": then OpenCV's open fails with nothing to say why. So the recorder
asks through Qt's QCameraPermission/QMicrophonePermission first and, when refused, tells the
shopper where to switch access back on. Where Qt has nothing to ask (Linux, most of Windows) the
answer is "granted" at once and the recorder goes straight on.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import (
    QCameraPermission,
    QCoreApplication,
    QMicrophonePermission,
    QObject,
    QPermission,
    Qt,
)

Permission = QCameraPermission | QMicrophonePermission


def _where(platform: str, camera: bool) -> str:
    """Where each system keeps the switch, in words the shopper can follow (translated)."""
    if platform == "darwin":
        return (
            QCoreApplication.translate("RecorderWindow", "System Settings → Privacy & Security → Camera")
            if camera
            else QCoreApplication.translate("RecorderWindow", "System Settings → Privacy & Security → Microphone")
        )  # fmt: skip
    if platform == "win32":
        return (
            QCoreApplication.translate("RecorderWindow", "Settings → Privacy & security → Camera (and “Let desktop apps access your camera”)")
            if camera
            else QCoreApplication.translate("RecorderWindow", "Settings → Privacy & security → Microphone (and “Let desktop apps access your microphone”)")
        )  # fmt: skip
    return (
        QCoreApplication.translate("RecorderWindow", "your system's privacy settings for the camera")
        if camera
        else QCoreApplication.translate("RecorderWindow", "your system's privacy settings for the microphone")
    )  # fmt: skip


def camera_refused_text(platform: str = sys.platform) -> str:
    """What to do when the camera was refused, in the UI language."""
    return QCoreApplication.translate(
        "RecorderWindow",
        "Evidence Kit may not use the camera. To record the unboxing, allow it in {0}, then "
        "open the recorder again. Or import a video you recorded with your phone.",
    ).format(_where(platform, camera=True))


def microphone_refused_text(platform: str = sys.platform) -> str:
    """The note shown when the microphone was refused: the take is recorded without sound."""
    return QCoreApplication.translate(
        "RecorderWindow",
        "Evidence Kit may not use the microphone, so this take will have no sound. To record "
        "sound, allow it in {0}, then open the recorder again.",
    ).format(_where(platform, camera=False))


def _status(permission: Permission) -> Qt.PermissionStatus:
    app = QCoreApplication.instance()
    return app.checkPermission(permission) if app is not None else Qt.PermissionStatus.Granted


def _request(
    permission: Permission, context: QObject, answered: Callable[[QPermission], None]
) -> None:
    app = QCoreApplication.instance()
    assert app is not None  # _status answered Granted without one
    app.requestPermission(permission, context, answered)  # Qt answers with a QPermission


def ask(permission: Permission, context: QObject, then: Callable[[bool], None]) -> None:
    """Call `then(granted)`: at once when the answer is known, else after the system's prompt.

    The answer arrives on the GUI thread; Qt drops it if `context` is gone by then.
    """
    status = _status(permission)
    if status != Qt.PermissionStatus.Undetermined:
        then(status == Qt.PermissionStatus.Granted)
        return
    _request(
        permission, context, lambda answer: then(answer.status() == Qt.PermissionStatus.Granted)
    )


def ask_devices(
    context: QObject, *, camera: bool, microphone: bool, then: Callable[[bool, bool], None]
) -> None:
    """Ask for the camera, then the microphone (one prompt at a time), as needed.

    `then(camera_ok, microphone_ok)`; a device not needed counts as allowed. A refused camera
    does not ask for the microphone: there will be no take.
    """

    def after_camera(camera_ok: bool) -> None:
        if not camera_ok or not microphone:
            then(camera_ok, True)
            return
        ask(QMicrophonePermission(), context, lambda mic_ok: then(True, mic_ok))

    if camera:
        ask(QCameraPermission(), context, after_camera)
    else:
        after_camera(True)


class DeviceGate:
    """The recorder's gate: asks before every opening and passes on only the latest answer
    (the shopper may pick another camera while macOS still shows its prompt)."""

    def __init__(self, context: QObject) -> None:
        self._context = context
        self._asked = 0

    def request(
        self, *, camera: bool, microphone: bool, then: Callable[[bool, bool], None]
    ) -> None:
        """`then(camera_ok, microphone_ok)` once the system answers, unless asked again first."""
        self._asked += 1
        asked = self._asked

        def answer(camera_ok: bool, microphone_ok: bool) -> None:
            if asked == self._asked:
                then(camera_ok, microphone_ok)

        ask_devices(self._context, camera=camera, microphone=microphone, then=answer)
