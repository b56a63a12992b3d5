"""The upload pack: formats, limits, no metadata, names in exhibit order, README."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from evidence_kit.claim import rules
from evidence_kit.core.model import exhibit_numbers
from evidence_kit.export.run import export_case
from tests.factories.export import make_case, make_gps_photo, make_noisy_photo
from tests.factories.media import make_heic


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("upload")
    store = make_case(root)
    result = export_case(store, root / "out")
    return store, result


def _jpeg_segments(data: bytes) -> list[int]:
    """Marker bytes of the JPEG header segments (up to start of scan)."""
    markers, pos = [], 2
    while pos < len(data) and data[pos + 1] != 0xDA:
        markers.append(data[pos + 1])
        pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
    return markers


def test_files_named_in_exhibit_order_and_within_limits(pack) -> None:
    store, result = pack
    limits = rules.upload_limits("aliexpress")
    numbers = exhibit_numbers(store.case)
    names = sorted(p.name for p in result.upload_dir.iterdir() if p.name != "README.txt")
    # AliExpress takes 3 files: the first three in the shopper's order, the rest on request
    assert [n.split("_")[0] for n in names] == sorted(numbers.values())[: limits.max_files]
    later = sorted(numbers.values())[limits.max_files :]
    readme = (result.upload_dir / "README.txt").read_text("utf-8")
    if later:
        assert f"{', '.join(later)} " in readme and "available on request" in readme
    for f in result.files:
        path = result.upload_dir / f.name
        assert path.stat().st_size == f.bytes
        limit = limits.video_max_bytes if f.kind == "video" else limits.image_max_bytes
        assert f.bytes <= limit and f.fits
        assert (
            path.suffix.lstrip(".").replace("jpg", "jpeg")
            in limits.image_formats + limits.video_formats
        )


def test_images_carry_no_metadata(pack) -> None:
    _, result = pack
    for path in result.upload_dir.glob("*.jpg"):
        data = path.read_bytes()
        assert not any(0xE1 <= m <= 0xEF and m not in (0xE2, 0xEE) for m in _jpeg_segments(data)), (
            path
        )
        assert b"MAKERNOTE-SECRET" not in data
        with Image.open(path) as img:
            assert not img.getexif(), path
            assert "xmp" not in img.info
    for path in result.upload_dir.glob("*.png"):
        with Image.open(path) as img:
            assert not img.getexif() and not getattr(img, "text", {})


def test_unedited_small_jpeg_keeps_its_pixels(tmp_path: Path) -> None:
    """The lossless path: EXIF with GPS and the maker note go, the compressed pixels stay."""
    import numpy as np

    photo = make_gps_photo(tmp_path / "gps.jpg")
    store = _one_photo_case(tmp_path, photo)
    result = export_case(store, tmp_path / "out")
    (f,) = result.files
    data = (result.upload_dir / f.name).read_bytes()
    assert b"MAKERNOTE-SECRET" not in data and f.bytes < photo.stat().st_size
    with Image.open(result.upload_dir / f.name) as out, Image.open(photo) as src:
        assert not out.getexif()
        assert np.array_equal(np.asarray(out), np.asarray(src))


def test_video_has_no_location_and_fits(pack) -> None:
    if not shutil.which("ffprobe"):
        pytest.skip("ffprobe not installed")
    _, result = pack
    video = next(f for f in result.files if f.kind == "video")
    assert "00:00:00.000" in video.note  # its offsets in the original
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format_tags:stream_tags", "-of", "json",
         str(result.upload_dir / video.name)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    tags = json.dumps(json.loads(out.stdout)).lower()
    assert "location" not in tags and "+52.52" not in tags
    assert b"+52.5200" not in (result.upload_dir / video.name).read_bytes()


def test_readme_lists_files_and_both_claim_texts(pack) -> None:
    _, result = pack
    readme = (result.upload_dir / "README.txt").read_text(encoding="utf-8")
    for f in result.files:
        assert f.name in readme
    assert "Short claim text" in readme and "Full claim text" in readme
    assert "8123456789012345" in readme


def _one_photo_case(root: Path, photo: Path, platform: str = "aliexpress"):
    from evidence_kit.core.store import new_case
    from evidence_kit.media.importer import add_files

    store = new_case(root / "case", platform=platform, order_id="42")
    report = add_files(store, [photo])
    assert not report.skipped
    store.save()
    return store


def test_big_photo_is_compressed_before_it_is_scaled(tmp_path: Path) -> None:
    photo = make_noisy_photo(tmp_path / "noisy.jpg", (1600, 1200))
    store = _one_photo_case(tmp_path, photo)
    assert store.case.items[0].bytes > 2_000_000
    result = export_case(store, tmp_path / "out")
    (f,) = result.files
    assert f.bytes <= 2_000_000 and not result.problems
    with Image.open(result.upload_dir / f.name) as img:
        assert img.format == "JPEG"
        assert img.size == (1600, 1200)  # quality was enough: no scaling


def test_photo_that_cannot_fit_is_named_and_the_rest_is_produced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evidence_kit.core.store import new_case
    from evidence_kit.media.importer import add_files

    noisy = make_noisy_photo(tmp_path / "noisy.jpg", (1600, 1200))
    small = tmp_path / "small.jpg"
    Image.new("RGB", (900, 900), "white").save(small, quality=80)
    store = new_case(tmp_path / "case", platform="shopee", order_id="42")
    add_files(store, [noisy, small])
    store.case.items[0].title = "Noisy photo"
    store.save()
    real = rules.upload_limits("shopee")
    monkeypatch.setattr(rules, "upload_limits", lambda p: replace(real, image_max_bytes=60_000))
    result = export_case(store, tmp_path / "out")
    assert len(result.problems) == 1 and "E1 (Noisy photo)" in result.problems[0]
    assert [f.exhibit for f in result.files] == ["E2"]
    assert (result.upload_dir / result.files[0].name).is_file()
    assert "E1 (Noisy photo)" in (result.upload_dir / "README.txt").read_text()


def test_scaling_when_quality_is_not_enough(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = make_noisy_photo(tmp_path / "noisy.jpg", (2400, 1800))
    store = _one_photo_case(tmp_path, photo, "shopee")
    real = rules.upload_limits("shopee")
    monkeypatch.setattr(rules, "upload_limits", lambda p: replace(real, image_max_bytes=700_000))
    result = export_case(store, tmp_path / "out")
    (f,) = result.files
    assert f.bytes <= 700_000
    with Image.open(result.upload_dir / f.name) as img:
        assert 800 <= max(img.size) < 2400
        assert abs(img.size[0] / img.size[1] - 4 / 3) < 0.01


def test_heic_becomes_jpeg(tmp_path: Path) -> None:
    photo = make_heic(tmp_path / "iphone.heic")
    store = _one_photo_case(tmp_path, photo)
    result = export_case(store, tmp_path / "out")
    (f,) = result.files
    assert f.name.endswith(".jpg")
    with Image.open(result.upload_dir / f.name) as img:
        assert img.format == "JPEG" and not img.getexif()


def test_platform_without_video_gets_the_contact_sheet(tmp_path: Path) -> None:
    store = make_case(tmp_path, platform="ebay", frame=False)
    result = export_case(store, tmp_path / "out")
    kinds = {f.exhibit: f for f in result.files}
    assert kinds["E1"].name.endswith("_sheet.jpg") and kinds["E1"].kind == "image"
    assert not list(result.upload_dir.glob("*.mp4"))


def test_long_video_is_cut_to_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = make_case(tmp_path, frame=False)
    real = rules.upload_limits("aliexpress")
    monkeypatch.setattr(rules, "upload_limits", lambda p: replace(real, video_max_seconds=1))
    result = export_case(store, tmp_path / "out")
    video = next(f for f in result.files if f.kind == "video")
    from evidence_kit.media.video.probe import probe_video

    assert probe_video(result.upload_dir / video.name).duration_s <= 1.1
    assert "full length 00:00:02.000" in video.note
    assert any("longer than" in w for w in result.warnings)


def test_text_only_platform_gets_readme_only(tmp_path: Path) -> None:
    store = make_case(tmp_path, platform="amazon", frame=False)
    result = export_case(store, tmp_path / "out")
    assert result.files == []
    assert [p.name for p in result.upload_dir.iterdir()] == ["README.txt"]
    assert any("no attachments" in w for w in result.warnings)
