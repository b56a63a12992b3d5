"""The video file the recorder tests play as a camera."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories.cameras import H, W
from tests.factories.media import make_video


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("src")
    return make_video(folder / "src.mp4", seconds=3.0, fps=25, size=(W, H), audio=True)
