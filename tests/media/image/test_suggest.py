"""Suggested redactions: faces, codes and text blocks are proposed, never applied silently."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from evidence_kit.media.image.draw import font
from evidence_kit.media.image.suggest import suggest_for_image, suggest_for_item
from tests.factories.render import case_with
from tests.factories.suggest import ean13, ean13_image, face_image, paste, qr_image

TRACKING = ean13("400638133393")


def _contains(outer: list[float], inner: tuple[int, int, int, int], slack: float = 4) -> bool:
    x, y, w, h = inner
    return (
        outer[0] <= x + slack
        and outer[1] <= y + slack
        and outer[0] + outer[2] >= x + w - slack
        and outer[1] + outer[3] >= y + h - slack
    )


def _label(tmp_path: Path) -> tuple[Path, dict[str, tuple[int, int, int, int]]]:
    canvas = np.full((900, 1400, 3), 255, np.uint8)
    where = {
        "face": paste(canvas, face_image(300), 40, 40),
        "qr": paste(canvas, qr_image("Jane Doe, 12 Example Street, Springfield"), 1000, 40),
        "barcode": paste(canvas, ean13_image(TRACKING, module=3, height=160), 420, 620),
    }
    # the codes themselves, without the white quiet zone the factory adds around them
    x, y, w, h = where["barcode"]
    where["barcode"] = (x + 36, y + 36, w - 72, h - 72)
    x, y, w, h = where["qr"]
    where["qr"] = (x + 32, y + 32, w - 64, h - 64)
    img = Image.fromarray(canvas)
    draw = ImageDraw.Draw(img)
    lines = [
        "SHIP TO: Jane Doe",
        "12 Example Street, Apt 4",
        "Springfield 12345",
        "Tel +1 555 0100 123",
    ]
    for i, line in enumerate(lines):
        draw.text((420, 80 + i * 48), line, font=font(34, bold=True), fill="black")
    where["text"] = (420, 80, 470, 4 * 48)
    path = tmp_path / "label.png"
    img.save(path)
    return path, where


def test_label_gets_face_code_and_text_suggestions(tmp_path: Path) -> None:
    path, where = _label(tmp_path)
    store, item = case_with(tmp_path, path, tracking=TRACKING)
    found = suggest_for_item(store, item)
    by_kind = {s.kind: s for s in found}
    assert set(by_kind) >= {"face", "qr", "barcode", "text"}, [s.kind for s in found]
    for kind in ("face", "qr", "barcode"):
        assert _contains(by_kind[kind].rect, where[kind], slack=25), (kind, by_kind[kind].rect)
    assert _contains(by_kind["text"].rect, where["text"], slack=30)
    assert by_kind["qr"].decoded and "Jane Doe" in by_kind["qr"].decoded
    assert not by_kind["qr"].keep
    # the barcode holds only the tracking number: proposed as keep, readable for the platform
    assert by_kind["barcode"].keep and by_kind["barcode"].decoded == TRACKING
    assert store.case.item(item.id).annotations == []  # nothing was masked silently


def test_barcode_with_other_data_is_not_kept(tmp_path: Path) -> None:
    path, _ = _label(tmp_path)
    store, item = case_with(tmp_path, path, tracking="LP000000000CN")
    barcode = next(s for s in suggest_for_item(store, item) if s.kind == "barcode")
    assert not barcode.keep


def test_plain_photo_gets_no_suggestions() -> None:
    yy, xx = np.mgrid[0:300, 0:400]
    smooth = np.stack([xx * 255 // 400, yy * 255 // 300, np.full_like(xx, 120)], axis=2).astype(
        np.uint8
    )
    assert suggest_for_image(Image.fromarray(smooth)) == []


def test_areas_already_redacted_are_not_suggested_again(tmp_path: Path) -> None:
    path, where = _label(tmp_path)
    store, item = case_with(tmp_path, path)
    x, y, w, h = where["qr"]
    item.annotations = [
        {"type": "redact", "rect": [x - 20, y - 20, w + 40, h + 40], "style": "solid"}
    ]
    kinds = [s.kind for s in suggest_for_item(store, item)]
    assert "qr" not in kinds and "face" in kinds


def test_accepted_suggestion_becomes_a_solid_redaction(tmp_path: Path) -> None:
    path, _ = _label(tmp_path)
    store, item = case_with(tmp_path, path)
    face = next(s for s in suggest_for_item(store, item) if s.kind == "face")
    ann = face.annotation()
    assert ann["type"] == "redact" and ann["style"] == "solid" and len(ann["rect"]) == 4


def test_preview_scale_maps_back_to_original_pixels(tmp_path: Path) -> None:
    canvas = np.full((1800, 2400, 3), 255, np.uint8)
    where = paste(canvas, face_image(600), 1500, 900)
    path = tmp_path / "big.png"
    Image.fromarray(canvas).save(path)
    store, item = case_with(tmp_path, path)
    face = next(s for s in suggest_for_item(store, item) if s.kind == "face")
    assert _contains(face.rect, where, slack=60)
