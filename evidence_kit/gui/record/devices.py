"""The cameras and microphones the recorder offers, by name, in the order OpenCV and PyAV
address them."""

from __future__ import annotations

import sys

from evidence_kit.media.record.camera import CameraInfo, MicInfo, list_cameras, list_microphones


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
