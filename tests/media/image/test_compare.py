"""The "As listed / As received" comparison exhibit."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from evidence_kit.core import case_ops
from evidence_kit.core.errors import InvalidValueError
from evidence_kit.core.hashing import sha256_file
from evidence_kit.media.image.compare import make_comparison
from evidence_kit.media.importer import add_files
from tests.factories.render import case_with


def _two_items(tmp_path: Path) -> tuple[object, object, object]:
    listing = tmp_path / "listing.png"
    Image.new("RGB", (300, 200), (30, 90, 220)).save(listing)
    received = tmp_path / "received.png"
    Image.new("RGB", (400, 300), (220, 40, 40)).save(received)
    store, first = case_with(tmp_path, listing)
    second = add_files(store, [received]).items[0]
    return store, first, second


def test_comparison_is_a_new_extracted_photo(tmp_path: Path) -> None:
    store, listing, received = _two_items(tmp_path)
    received.annotations = [{"type": "redact", "rect": [0, 0, 400, 150]}]  # type: ignore[attr-defined]
    item = make_comparison(store, listing, received, new_id=case_ops.new_item_id(store.case))  # type: ignore[arg-type]
    assert item.kind == "photo" and item.source == "extracted" and item.parent == received.id  # type: ignore[attr-defined]
    comp = item.meta["comparison"]
    assert comp["listed"]["item"] == listing.id and comp["received"]["item"] == received.id  # type: ignore[attr-defined]
    path = store.path_of(item)  # type: ignore[attr-defined]
    assert path.is_file() and item.sha256 == sha256_file(path) and item.bytes == path.stat().st_size
    assert item.file.startswith("extracted/compare/")
    img = np.asarray(Image.open(path).convert("RGB"))
    h, w, _ = img.shape
    assert (item.meta["width"], item.meta["height"]) == (w, h)
    # blue listing on the left half, red received on the right, redaction carried over
    left, right = img[:, : w // 2].reshape(-1, 3), img[:, w // 2 :].reshape(-1, 3)
    assert (np.abs(left - (30, 90, 220)).max(axis=1) < 10).sum() > 1000
    assert (np.abs(right - (220, 40, 40)).max(axis=1) < 10).sum() > 1000
    assert (right.max(axis=1) < 10).sum() > 1000  # the black mask of the received photo
    case_ops.add_items(store.case, [item])  # type: ignore[attr-defined]
    store.save()  # type: ignore[attr-defined]


def test_same_item_twice_is_refused(tmp_path: Path) -> None:
    store, listing, _ = _two_items(tmp_path)
    with pytest.raises(InvalidValueError):
        make_comparison(store, listing, listing, new_id="abc123")  # type: ignore[arg-type]
