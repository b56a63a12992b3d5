"""The Pillow renderer: upright images in every mode, annotations, crop/rotate, clean files."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from evidence_kit.core import case_ops
from evidence_kit.core.errors import InvalidValueError, UnsupportedMediaError
from evidence_kit.media.image.render import render_image, render_item, save_clean
from tests.factories.media import make_heic, make_pdf, make_photo, make_video
from tests.factories.render import case_with, save_with_orientation, upright_pattern


def _close(a: np.ndarray, b: np.ndarray, tol: float = 12.0) -> bool:
    return a.shape == b.shape and float(np.abs(a.astype(int) - b.astype(int)).mean()) < tol


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_renders_upright(tmp_path: Path, orientation: int) -> None:
    upright = upright_pattern()
    src = save_with_orientation(tmp_path / f"o{orientation}.png", upright, orientation)
    store, item = case_with(tmp_path, src)
    out = render_item(store, item)
    assert out.mode == "RGB"
    assert np.array_equal(np.asarray(out), upright)


def test_annotation_coordinates_are_upright_original_pixels(tmp_path: Path) -> None:
    # a box drawn at upright (5, 5) lands there whatever the stored orientation was
    src = save_with_orientation(tmp_path / "o6.png", np.full((40, 60, 3), 255, np.uint8), 6)
    store, item = case_with(tmp_path, src)
    item.annotations = [{"type": "redact", "rect": [5, 5, 10, 4], "style": "solid"}]
    arr = np.asarray(render_item(store, item))
    assert arr.shape == (40, 60, 3)
    assert (arr[5:9, 5:15] == 0).all()
    assert (arr[20:, 30:] == 255).all()


def _mode_file(tmp_path: Path, kind: str) -> Path:
    grad = np.tile(np.linspace(0, 1, 64), (48, 1))
    path = tmp_path / f"{kind}.png"
    if kind == "cmyk":
        path = tmp_path / "cmyk.jpg"
        Image.fromarray((grad * 255).astype(np.uint8)).convert("RGB").convert("CMYK").save(
            path, quality=95
        )
    elif kind == "grey16":
        Image.fromarray((grad * 65535).astype(np.uint16)).save(path)
    elif kind == "rgba":
        arr = np.zeros((48, 64, 4), np.uint8)
        arr[..., 0] = 200
        arr[:, 32:, 3] = 255  # left half fully transparent
        Image.fromarray(arr, "RGBA").save(path)
    elif kind == "palette":
        img = Image.fromarray((grad * 255).astype(np.uint8)).convert("RGB").convert("P")
        img.save(path, transparency=0)
    elif kind == "la":
        Image.fromarray((grad * 255).astype(np.uint8)).convert("LA").save(path)
    elif kind == "float":
        path = tmp_path / "float.tif"
        Image.fromarray(grad.astype(np.float32), "F").save(path)
    elif kind == "bilevel":
        Image.fromarray(grad > 0.5).convert("1").save(path)
    elif kind == "rgb16":
        import cv2

        cv2.imwrite(str(path), np.dstack([(grad * 65535).astype(np.uint16)] * 3))
    elif kind == "heic":
        path = make_heic(tmp_path / "x.heic", size=(64, 48))
    return path


@pytest.mark.parametrize(
    "kind", ["cmyk", "grey16", "rgb16", "rgba", "palette", "la", "float", "bilevel", "heic"]
)
def test_unusual_modes_render_as_rgb(tmp_path: Path, kind: str) -> None:
    store, item = case_with(tmp_path, _mode_file(tmp_path, kind))
    out = np.asarray(render_item(store, item))
    assert out.shape == (48, 64, 3)
    if kind in ("cmyk", "grey16", "rgb16", "float", "la"):
        # a gradient stays a gradient: dark on the left, light on the right, not clipped
        left, right = out[:, :8].mean(), out[:, -8:].mean()
        assert left < 60 and right > 190
    if kind == "rgba":
        assert (out[:, :30] == 255).all()  # transparent shows as white
        assert abs(int(out[:, 40:, 0].mean()) - 200) <= 1


def test_cmyk_converts_to_the_right_colour(tmp_path: Path) -> None:
    path = tmp_path / "cyan.jpg"
    Image.new("CMYK", (32, 32), (255, 0, 0, 0)).save(path, quality=95)  # pure cyan ink
    store, item = case_with(tmp_path, path)
    r, g, b = np.asarray(render_item(store, item)).reshape(-1, 3).mean(axis=0)
    assert r < 60 and g > 180 and b > 180


def test_heic_is_upright_and_annotatable(tmp_path: Path) -> None:
    store, item = case_with(tmp_path, make_heic(tmp_path / "p.heic", size=(80, 60)))
    item.annotations = [{"type": "redact", "rect": [0, 0, 20, 20]}]
    out = np.asarray(render_item(store, item))
    assert out.shape == (60, 80, 3) and (out[:20, :20] == 0).all()


def test_crop_then_rotate(tmp_path: Path) -> None:
    store, item = case_with(
        tmp_path, save_with_orientation(tmp_path / "a.png", upright_pattern(), 1)
    )
    item.crop = [0, 0, 30, 20]  # the top-left quarter: red block at its top-left
    item.rotate = 90  # clockwise: the top-left corner goes to the top-right
    out = np.asarray(render_item(store, item))
    assert out.shape == (30, 20, 3)
    assert tuple(out[0, -1]) == (255, 0, 0)
    assert tuple(out[-1, 0]) == (255, 255, 255)


def test_annotations_keep_their_place_when_cropped(tmp_path: Path) -> None:
    white = tmp_path / "w.png"
    Image.new("RGB", (100, 80), "white").save(white)
    store, item = case_with(tmp_path, white)
    item.annotations = [{"type": "redact", "rect": [50, 40, 10, 10]}]
    item.crop = [40, 30, 40, 40]
    out = np.asarray(render_item(store, item))
    assert out.shape == (40, 40, 3)
    assert (out[10:20, 10:20] == 0).all() and (out[:10, :10] == 255).all()


def test_annotations_outside_the_image_are_clipped_not_fatal(tmp_path: Path) -> None:
    base = Image.new("RGB", (50, 40), "white")
    anns = [
        {"type": "rect", "rect": [-30, -30, 60, 50]},
        {"type": "ellipse", "rect": [40, 30, 1e9, 1e9]},
        {"type": "arrow", "points": [[-1e12, 5], [25, 20]]},
        {"type": "line", "points": [[200, 200], [300, 300]]},
        {"type": "pen", "points": [[-5, -5]]},
        {"type": "text", "at": [45, 35], "text": "edge"},
        {"type": "marker", "at": [-10, -10], "number": 3},
        {"type": "redact", "rect": [-100, -100, 1e9, 120], "style": "pixelate"},
        {"type": "redact", "rect": [1000, 1000, 10, 10]},
    ]
    out = render_image(base, anns)
    assert out.size == (50, 40)


def test_preview_render_matches_full_render(tmp_path: Path) -> None:
    src = make_photo(tmp_path / "p.jpg", size=(800, 600))
    store, item = case_with(tmp_path, src)
    item.annotations = [
        {"type": "arrow", "points": [[100, 100], [600, 400]], "width": 12},
        {"type": "redact", "rect": [400, 50, 300, 120], "style": "pixelate"},
        {"type": "marker", "at": [200, 450], "number": 1, "size": 40},
    ]
    full = render_item(store, item)
    small = render_item(store, item, max_side=200)
    assert small.size == (200, 150)
    expected = np.asarray(full.resize(small.size, Image.Resampling.BOX))
    assert _close(np.asarray(small), expected, tol=20)


def test_pdf_and_video_items_raise_a_named_error(tmp_path: Path) -> None:
    store, pdf = case_with(tmp_path, make_pdf(tmp_path / "r.pdf"))
    with pytest.raises(UnsupportedMediaError):
        render_item(store, pdf)
    from evidence_kit.media.importer import add_files

    vid = add_files(store, [make_video(tmp_path / "v.mp4", seconds=0.4)]).items[0]
    with pytest.raises(UnsupportedMediaError):
        render_item(store, vid)


@pytest.mark.parametrize(
    "bad",
    [
        {"type": "blur", "rect": [0, 0, 5, 5]},
        {"type": "redact", "rect": [0, 0, 5, 5], "style": "blur"},
        {"type": "rect", "rect": [0, 0, 5]},
        {"type": "arrow", "points": [[0, 0]]},
        {"type": "text", "at": [0, 0], "text": ""},
        {"type": "rect", "rect": [0, 0, 5, 5], "color": "red"},
        {"type": "marker", "at": [0, "x"]},
        {"type": "rect", "rect": [0, 0, float("nan"), 5]},
        ["not", "an", "object"],
    ],
)
def test_bad_annotations_raise_invalid_value(bad: object) -> None:
    with pytest.raises(InvalidValueError):
        render_image(Image.new("RGB", (10, 10)), [bad])  # type: ignore[list-item]


def _photo_with_every_metadata(path: Path) -> Path:
    from PIL import ImageCms

    img = Image.fromarray(upright_pattern(64, 48))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    exif[0x0110] = "Model X"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (52.0, 31.0, 12.0)
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>SecretXMP</rdf:RDF></x:xmpmeta>'
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    img.save(path, "JPEG", exif=exif, xmp=xmp, icc_profile=icc, comment=b"SecretComment")
    return path


@pytest.mark.parametrize("fmt", ["png", "jpeg"])
def test_rendered_files_carry_no_metadata(tmp_path: Path, fmt: str) -> None:
    store, item = case_with(tmp_path, _photo_with_every_metadata(tmp_path / "m.jpg"))
    assert item.meta  # the original kept its metadata
    out = save_clean(render_item(store, item), tmp_path / f"out.{fmt}", fmt=fmt)
    data = out.read_bytes()
    for marker in (
        b"SecretCam",
        b"Model X",
        b"SecretXMP",
        b"SecretComment",
        b"Exif",
        b"ICC_PROFILE",
        b"iCCP",
        b"eXIf",
        b"xmpmeta",
    ):
        assert marker not in data, marker
    reopened = Image.open(io.BytesIO(data))
    assert not reopened.getexif()
    assert "icc_profile" not in reopened.info and "exif" not in reopened.info
    assert "xmp" not in reopened.info and "comment" not in reopened.info


def test_save_clean_refuses_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError):
        save_clean(Image.new("RGB", (4, 4)), tmp_path / "x.gif", fmt="gif")


def test_case_annotations_render_through_case_ops(tmp_path: Path) -> None:
    white = tmp_path / "w.png"
    Image.new("RGB", (40, 30), "white").save(white)
    store, item = case_with(tmp_path, white)
    case_ops.add_annotation(store.case, item.id, {"type": "redact", "rect": [0, 0, 10, 10]})
    assert (np.asarray(render_item(store, store.case.item(item.id)))[:10, :10] == 0).all()


def test_frame_item_renders_with_its_marks(tmp_path: Path) -> None:
    # a frame grabbed from a rotated phone video is stored upright (portrait) without EXIF
    from evidence_kit.core.hashing import sha256_file
    from evidence_kit.core.model import Item

    store, _ = case_with(tmp_path, make_photo(tmp_path / "x.jpg", size=(64, 48)))
    frame_path = store.extracted("frames") / "f1.png"
    Image.fromarray(upright_pattern(40, 72)).save(frame_path)
    frame = Item(
        id="fr1", kind="frame", file="extracted/frames/f1.png", sha256=sha256_file(frame_path),
        bytes=frame_path.stat().st_size, imported_at="2026-11-20T10:00:00", source="extracted",
        parent="vid", pts_s=1.5, annotations=[{"type": "redact", "rect": [0, 60, 40, 12]}],
    )  # fmt: skip
    out = np.asarray(render_item(store, frame))
    assert out.shape == (72, 40, 3)
    assert tuple(out[0, 0]) == (255, 0, 0) and (out[60:, :] == 0).all()


@pytest.mark.parametrize("orientation", range(1, 9))
def test_heic_orientations_render_upright(tmp_path: Path, orientation: int) -> None:
    import pillow_heif

    from tests.factories.render import stored_for_orientation

    pillow_heif.register_heif_opener()
    upright = upright_pattern(64, 48)
    stored = Image.fromarray(np.ascontiguousarray(stored_for_orientation(upright, orientation)))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Apple"
    path = tmp_path / f"o{orientation}.heic"
    stored.save(path, format="HEIF", exif=exif.tobytes(), quality=-1)  # lossless
    store, item = case_with(tmp_path, path)
    out = np.asarray(render_item(store, item))
    assert out.shape == upright.shape
    assert np.abs(out.astype(int) - upright).mean() < 2


def test_missing_file_is_a_named_error(tmp_path: Path) -> None:
    from evidence_kit.core.errors import UnreadableFileError

    store, item = case_with(tmp_path, make_photo(tmp_path / "x.jpg", size=(64, 48)))
    path = store.path_of(item)
    path.chmod(0o600)
    path.unlink()
    with pytest.raises(UnreadableFileError):
        render_item(store, item)
