"""Test helpers for the renderer: a case holding one image, and images in awkward modes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from evidence_kit.core.model import Item
from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.media.importer import add_files


def case_with(tmp_path: Path, image_path: Path, **facts: str) -> tuple[CaseStore, Item]:
    """A new case in tmp_path/case holding the image; returns the store and its item."""
    store = new_case(tmp_path / "case", platform="ebay", order_id="1", **facts)
    report = add_files(store, [image_path])
    assert report.items, report.skipped
    return store, report.items[0]


def upright_pattern(w: int = 60, h: int = 40) -> np.ndarray:
    """An asymmetric picture: red top-left block, green top-right, blue bottom-left."""
    arr = np.full((h, w, 3), 255, dtype=np.uint8)
    arr[: h // 4, : w // 4] = (255, 0, 0)
    arr[: h // 4, -w // 4 :] = (0, 255, 0)
    arr[-h // 4 :, : w // 4] = (0, 0, 255)
    return arr


def stored_for_orientation(upright: np.ndarray, orientation: int) -> np.ndarray:
    """The pixels a camera stores for an upright view, per the EXIF/TIFF spec.

    Written from the spec's wording (which stored edge is the visual top/left), not from
    the code under test.
    """
    u = upright
    return {
        1: u,
        2: u[:, ::-1],  # mirrored horizontally
        3: u[::-1, ::-1],  # upside down
        4: u[::-1, :],  # mirrored vertically
        5: u.transpose(1, 0, 2),  # mirrored along the main diagonal
        6: np.rot90(u, 1),  # stored turned 90° counter-clockwise; shown turned back clockwise
        7: u[::-1, ::-1].transpose(1, 0, 2),  # mirrored along the anti-diagonal
        8: np.rot90(u, -1),  # stored turned 90° clockwise
    }[orientation]


def save_with_orientation(path: Path, upright: np.ndarray, orientation: int) -> Path:
    """A PNG whose EXIF orientation says how to show the stored pixels upright."""
    img = Image.fromarray(np.ascontiguousarray(stored_for_orientation(upright, orientation)))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "TestCam"
    img.save(path, "PNG", exif=exif)
    return path


def noise(w: int, h: int, seed: int) -> np.ndarray:
    """High-contrast random black/white pixels."""
    rng = np.random.default_rng(seed)
    return (rng.integers(0, 2, (h, w, 1)) * 255).repeat(3, axis=2).astype(np.uint8)
