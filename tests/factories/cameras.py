"""Stand-ins for a camera and a microphone: sources that misbehave on cue, and a fake
cv2.VideoCapture for the real-camera path.
"""

from __future__ import annotations

import time
from pathlib import Path

import av
import numpy as np

from evidence_kit.media.record.camera import Source

W, H = 320, 240


def decoded_frames(path: Path) -> list[np.ndarray]:
    """Every picture of a video file, as RGB arrays."""
    with av.open(str(path)) as c:
        return [f.to_ndarray(format="rgb24") for f in c.decode(video=0)]


class FlakyCamera(Source):
    """A camera that sends `frames` pictures quickly, then is unplugged."""

    name = "flaky"

    def __init__(self, frames: int) -> None:
        super().__init__()
        self.width, self.height, self.fps = W, H, 25.0
        self.frames = frames

    def _run(self, on_video, on_audio) -> str:  # type: ignore[no-untyped-def]
        t0 = time.monotonic()
        for n in range(self.frames):
            i420 = np.full((H * 3 // 2, W), 60 + n, np.uint8)
            on_video(i420, t0 + n / self.fps)
            time.sleep(0.002)  # never fills the encoder queue
        return "The camera stopped sending pictures (unplugged?)."


class GappyMicCamera(Source):
    """Two seconds of picture and a 440 Hz tone whose chunks from 0.5 s to 1.0 s never come."""

    name = "gappy"

    def __init__(self) -> None:
        super().__init__()
        self.width, self.height, self.fps = W, H, 25.0
        self.audio_rate, self.audio_layout = 48000, "mono"

    def _run(self, on_video, on_audio) -> str:  # type: ignore[no-untyped-def]
        t0 = time.monotonic()
        chunk = 960  # 20 ms
        next_audio = 0
        for n in range(50):
            on_video(np.full((H * 3 // 2, W), 100, np.uint8), t0 + n / self.fps)
            while next_audio / 48000 < (n + 1) / self.fps:
                start = next_audio / 48000
                if not 0.5 <= start < 1.0:
                    t = (next_audio + np.arange(chunk)) / 48000
                    wave = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32).reshape(1, -1)
                    frame = av.AudioFrame.from_ndarray(wave, format="fltp", layout="mono")
                    frame.sample_rate = 48000
                    on_audio(frame, t0 + start)
                next_audio += chunk
            time.sleep(0.002)
        return "The camera stopped sending pictures (unplugged?)."


class FakeCapture:
    """cv2.VideoCapture stand-in: `good` BGR frames, then nothing (the cable is pulled)."""

    def __init__(self, index: int, good: int = 12) -> None:
        self.left = good
        self.opened = index == 0

    def isOpened(self) -> bool:  # noqa: N802 - OpenCV's name
        return self.opened

    def set(self, prop: int, value: float) -> bool:
        return True

    def get(self, prop: int) -> float:
        return 25.0

    def read(self) -> tuple[bool, np.ndarray | None]:
        if self.left <= 0:
            return False, None
        self.left -= 1
        time.sleep(0.01)
        frame = np.zeros((H, W, 3), np.uint8)
        frame[:, :, 2] = 200  # red in BGR
        return True, frame

    def release(self) -> None:
        pass
