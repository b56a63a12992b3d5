"""Shared fixtures of the annotation editor tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "label.png"
    Image.new("RGB", (800, 600), (200, 160, 110)).save(path)
    return path
