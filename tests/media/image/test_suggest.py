"""Suggested redactions: faces, text lines and codes are proposed, never applied silently."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PIL import Image, ImageDraw

from evidence_kit.core.errors import CancelledError
from evidence_kit.core.tasks import CancelToken
from evidence_kit.media.image.draw import font
from evidence_kit.media.image.suggest import suggest_for_image, suggest_for_item
from evidence_kit.media.image.suggest_codes import judge, personal_data, read_codes
from tests.factories.labels import coverage, label_photo
from tests.factories.render import case_with
from tests.factories.suggest import ean13, ean13_image, face_image, paste, qr_image, real_face

TRACKING = ean13("400638133393")


def _contains(outer: list[float], inner: tuple[int, int, int, int], slack: float = 4) -> bool:
    x, y, w, h = inner
    return (
        outer[0] <= x + slack
        and outer[1] <= y + slack
        and outer[0] + outer[2] >= x + w - slack
        and outer[1] + outer[3] >= y + h - slack
    )


def _code(fmt: str, text: str, scale: int = 6) -> np.ndarray:
    barcode = zxingcpp.create_barcode(text, getattr(zxingcpp.BarcodeFormat, fmt))
    return np.array(zxingcpp.write_barcode_to_image(barcode, scale=scale))


LINES = [
    "SHIP TO: Jane Doe",
    "12 Example Street, Apt 4",
    "Springfield 12345",
    "Tel +1 555 0100 123",
]


def _label(tmp_path: Path) -> tuple[Path, dict[str, tuple[int, int, int, int]]]:
    canvas = np.full((900, 1400, 3), 255, np.uint8)
    where = {
        "face": paste(canvas, face_image(300), 40, 40),
        "qr": paste(canvas, qr_image("Jane Doe, 12 Example Street, Springfield"), 1000, 40),
        "barcode": paste(canvas, ean13_image(TRACKING, module=3, height=160), 420, 620),
    }
    # the drawn head (an ellipse of 140 x 190 in the middle of its patch), and the codes
    # themselves, without the white quiet zone the factory adds around them
    where["face"] = (40 + 80, 40 + 55, 140, 190)
    x, y, w, h = where["barcode"]
    where["barcode"] = (x + 36, y + 36, w - 72, h - 72)
    x, y, w, h = where["qr"]
    where["qr"] = (x + 32, y + 32, w - 64, h - 64)
    img = Image.fromarray(canvas)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(LINES):
        draw.text((420, 80 + i * 48), line, font=font(34, bold=True), fill="black")
        box = draw.textbbox((420, 80 + i * 48), line, font=font(34, bold=True))
        where[line] = (box[0], box[1], box[2] - box[0], box[3] - box[1])
    path = tmp_path / "label.png"
    img.save(path)
    return path, where


def test_label_gets_face_code_and_line_suggestions(tmp_path: Path) -> None:
    path, where = _label(tmp_path)
    store, item = case_with(tmp_path, path, tracking=TRACKING)
    found = suggest_for_item(store, item)
    by_kind = {s.kind: s for s in found}
    assert set(by_kind) >= {"face", "qr", "barcode", "text_line"}, [s.kind for s in found]
    for kind in ("face", "qr", "barcode"):
        assert _contains(by_kind[kind].rect, where[kind], slack=25), (kind, by_kind[kind].rect)
    lines = [s for s in found if s.kind == "text_line"]
    for text in LINES:  # every line has a proposal of its own that hides it whole
        assert any(_contains(s.rect, where[text], slack=2) for s in lines), text
    assert by_kind["qr"].decoded and "Jane Doe" in by_kind["qr"].decoded
    assert not by_kind["qr"].keep and "a name" in by_kind["qr"].reason
    # the barcode holds only the tracking number: proposed as keep, readable for the platform
    assert by_kind["barcode"].keep and by_kind["barcode"].decoded == TRACKING
    assert by_kind["barcode"].format == "EAN-13"
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
    canvas = np.full((1800, 2600, 3), 255, np.uint8)
    paste(canvas, real_face(500), 1900, 900)
    where = (1900 + 190, 900 + 135, 150, 190)  # her face
    path = tmp_path / "big.png"
    Image.fromarray(canvas).save(path)
    store, item = case_with(tmp_path, path)
    face = next(s for s in suggest_for_item(store, item) if s.kind == "face")
    assert _contains(face.rect, where, slack=60)


def test_real_faces_are_found_large_and_small() -> None:
    canvas = np.full((1200, 1600, 3), (150, 120, 90), np.uint8)
    big, small = real_face(420), real_face(110)
    paste(canvas, big, 100, 200)
    paste(canvas, small, 1200, 300)
    faces = [s for s in suggest_for_image(Image.fromarray(canvas)) if s.kind == "face"]
    assert len(faces) == 2, [s.rect for s in faces]
    # a face that fills the frame (a webcam right in front of the shopper): beyond the
    # 300-pixel faces YuNet learnt, found on the second, small copy
    close = real_face(3400)[700:1900, 900:2500]
    (whole,) = [s for s in suggest_for_image(Image.fromarray(close)) if s.kind == "face"]
    assert _contains(whole.rect, (350, 350, 900, 750), slack=2), whole.rect
    # her face sits in the middle third of the portrait, from about a fifth to three fifths down
    for x, y, w in ((100, 200, 420), (1200, 300, 110)):
        face = (round(x + w * 0.38), round(y + w * 0.27), round(w * 0.3), round(w * 0.38))
        assert any(_contains(f.rect, face, slack=2) for f in faces), (face, faces)
    assert all(f.score and f.score > 0.75 and "face" in f.reason.lower() for f in faces)


def test_datamatrix_holding_an_address_is_proposed_for_masking() -> None:
    text = "Иванова Мария Петровна; ул. Ленина, д. 15, кв. 42; г. Москва, 129110"
    canvas = np.full((700, 900), 255, np.uint8)
    code = _code("DataMatrix", text)
    canvas[100 : 100 + code.shape[0], 150 : 150 + code.shape[1]] = code
    found = suggest_for_image(Image.fromarray(canvas), tracking="RU123456789CN")
    (dm,) = [s for s in found if s.kind == "datamatrix"]
    assert dm.decoded == text and not dm.keep
    assert "a name" in dm.reason and "a postcode" in dm.reason
    assert _contains(dm.rect, (150, 100, code.shape[1], code.shape[0]), slack=2)


def test_qr_holding_a_cyrillic_address_is_read_not_a_crash() -> None:
    # OpenCV's QR decoder raised UnicodeDecodeError on this code: the suggester crashed
    text = "Кузнецова Ольга; ул. Садовая, 3-18; г. Казань, 420111; +7 903 765 43 21"
    canvas = np.full((700, 900), 255, np.uint8)
    code = _code("QRCode", text)
    canvas[80 : 80 + code.shape[0], 120 : 120 + code.shape[1]] = code
    (qr,) = [s for s in suggest_for_image(Image.fromarray(canvas)) if s.kind == "qr"]
    assert qr.decoded == text and not qr.keep
    assert "a phone number" in qr.reason and "a postcode" in qr.reason


def test_tracking_barcode_and_its_printed_digits_stay_readable() -> None:
    photo = label_photo(0, "plain", "cyrillic", size=(2400, 1800))
    found = suggest_for_image(photo.image, tracking=photo.tracking)
    (barcode,) = [s for s in found if s.kind == "barcode"]
    assert barcode.keep and barcode.decoded == photo.tracking and barcode.format == "Code 128"
    kept = [s.rect for s in found if s.keep]
    masked = [s.rect for s in found if not s.keep]
    digits = photo.line(photo.tracking)
    assert coverage(digits, kept) > 0.98 and coverage(digits, masked) < 0.3
    # keeping the number never keeps a neighbour: every private line is still masked
    assert all(coverage(ln, masked) >= 0.98 for ln in photo.private_lines())


def test_two_barcodes_one_kept_one_masked() -> None:
    canvas = np.full((700, 1000), 255, np.uint8)
    tracking, other = _code("Code128", "LP00123456789CN", 3), _code("Code128", "SW1A 1AA JANE", 3)
    canvas[50 : 50 + tracking.shape[0], 50 : 50 + tracking.shape[1]] = tracking
    canvas[400 : 400 + other.shape[0], 50 : 50 + other.shape[1]] = other
    found = suggest_for_image(Image.fromarray(canvas), tracking="LP00123456789CN")
    codes = {s.decoded: s for s in found if s.kind == "barcode"}
    assert codes["LP00123456789CN"].keep
    assert not codes["SW1A 1AA JANE"].keep and "a postcode" in codes["SW1A 1AA JANE"].reason


def test_tilted_barcode_is_masked_to_the_ends_of_its_bars() -> None:
    # zxing-cpp gives only the scan line it read; a barcode proposed for masking must be hidden
    # whole, also on a label photographed turned
    photo = label_photo(1, "rotated", "latin", size=(2400, 1800))
    gray = np.asarray(photo.image.convert("L"))
    (read,) = [c for c in read_codes(gray) if c.kind == "barcode"]
    true = next(c for c in photo.codes if c.format == "Code128").quad
    # the printed bars, without the white margins either side of them
    along = (true[1] - true[0]) / np.linalg.norm(true[1] - true[0])
    quiet = 30 * np.linalg.norm(true[1] - true[0]) / 561
    bars = np.array([true[0] + quiet * along, true[1] - quiet * along,
                     true[2] - quiet * along, true[3] + quiet * along])  # fmt: skip
    import cv2

    inside = [cv2.pointPolygonTest(read.quad.astype(np.float32), tuple(map(float, p)), True) > -6
              for p in bars]  # fmt: skip
    assert all(inside), (read.quad.round(), bars.round())


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Jane Doe, 12 Example Street", ["a name"]),
        ("SW1A 1AA", ["a postcode"]),
        ("LP00123456789CN 00-950", ["a postcode"]),
        ("call +44 20 7946 0958", ["a phone number"]),
        ("jane@example.org", ["an email address"]),
        ("LP00123456789CN", []),
    ],
)
def test_personal_data_in_a_code(text: str, kinds: list[str]) -> None:
    assert personal_data(text, ("LP00123456789CN",)) == kinds


def test_order_number_code_is_kept_and_the_buyer_name_is_named() -> None:
    from evidence_kit.media.image.suggest_codes import Code

    quad = np.zeros((4, 2))
    keep, reason = judge(Code("qr", "QR Code", quad, "8123-4567-89"), order_id="812345678 9")
    assert keep and "order number" in reason
    keep, reason = judge(Code("qr", "QR Code", quad, "jane doe x1"), names=("Jane Doe",))
    assert not keep and "a name" in reason
    keep, reason = judge(Code("barcode", "", quad, ""))
    assert not keep and "cannot be read" in reason


def test_cancel_stops_the_search(tmp_path: Path) -> None:
    path, _ = _label(tmp_path)
    store, item = case_with(tmp_path, path)
    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        suggest_for_item(store, item, cancel=token)


@pytest.mark.parametrize("module", ["suggest_text", "suggest_faces"])
def test_a_damaged_model_is_one_clear_error(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from evidence_kit.core.errors import ModelError

    mod = importlib.import_module(f"evidence_kit.media.image.{module}")
    # a file that is there but is no model (a half-copied install looks like this)
    monkeypatch.setattr(mod, "MODEL", "models/README.md")
    loader = mod._net if module == "suggest_text" else mod._detector
    loader.cache_clear()
    try:
        with pytest.raises(ModelError, match="missing or damaged; reinstall"):
            suggest_for_image(Image.new("RGB", (200, 100), "white"))
    finally:
        loader.cache_clear()
