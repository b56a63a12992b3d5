"""Issue 13's leaks 1, 2, 3, 5 and 6: what used to leave the app in an export, each checked
with the real tools (exiftool, unzip, qpdf, pdfimages, pdftotext) on generated files."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from evidence_kit.core import case_ops
from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.export.run import ExportResult, export_case
from evidence_kit.media.importer import add_files
from tests.factories import privacy as P
from tests.factories.media import make_video

pytestmark = pytest.mark.skipif(
    not P.have("exiftool", "pdfimages", "qpdf", "unzip"),
    reason="needs exiftool, poppler-utils, qpdf and unzip (packaging/debian-packages-test.txt)",
)


def _case(root: Path, files: list[Path], platform: str = "aliexpress") -> CaseStore:
    store = new_case(root / "Case", platform=platform, order_id="8123456789012345",
                     item="Ceramic mug", price="12.50", currency="USD")  # fmt: skip
    report = add_files(store, files)
    assert not report.skipped, report.skipped
    case_ops.set_values(store.case, {"received": "yes", "reason": "damaged"})
    store.save()
    return store


def _uploads(result: ExportResult) -> list[Path]:
    assert result.upload_dir is not None
    return sorted(p for p in result.upload_dir.iterdir() if p.name != "README.txt")


def _bundle_exhibits(result: ExportResult, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    with zipfile.ZipFile(result.bundle) as zf:
        for name in zf.namelist():
            if name.startswith(("exhibits/", "upload/")) and not name.endswith("README.txt"):
                target = folder / name.replace("/", "__")
                target.write_bytes(zf.read(name))
                out.append(target)
    return out


def _everything(result: ExportResult, tmp: Path) -> list[Path]:
    """Every exported file a stranger may see: the upload pack, the bundle's exhibits and
    upload copies, and each image inside summary.pdf."""
    return (
        _uploads(result)
        + _bundle_exhibits(result, tmp / "bundle")
        + P.pdf_images(result.pdf, tmp / "pdfimages")
    )


# --- leak 1: bytes after the JPEG's end ------------------------------------------------------


@pytest.mark.parametrize("index", [True, False], ids=["mpf", "bare-trailer"])
def test_second_image_after_the_end_is_cut(tmp_path: Path, index: bool) -> None:
    src = P.mpf_jpeg(tmp_path / "phone.jpg", index=index)
    assert P.TRAILER_MAKE.encode() in src.read_bytes()
    result = export_case(_case(tmp_path, [src]), tmp_path / "out")
    (upload,) = _uploads(result)
    data = upload.read_bytes()
    assert P.first_image_end(data) == len(data), "nothing may follow the picture's end"
    for record in P.exiftool([upload]):
        assert not P.forbidden(record), record
    assert not P.needles_in(data)


def test_jpeg_zip_polyglot_loses_its_zip(tmp_path: Path) -> None:
    src = P.polyglot_jpeg(tmp_path / "label.jpg")
    assert zipfile.is_zipfile(src)
    result = export_case(_case(tmp_path, [src]), tmp_path / "out")
    (upload,) = _uploads(result)
    unzip = subprocess.run(["unzip", "-p", str(upload), "secret.txt"], capture_output=True)
    assert P.SECRET.encode() not in unzip.stdout
    assert not zipfile.is_zipfile(upload)
    assert not P.needles_in(upload.read_bytes())


# --- leak 2: comments ------------------------------------------------------------------------


def test_comments_reach_no_upload_exhibit_or_pdf_picture(tmp_path: Path) -> None:
    plain = P.comment_jpeg(tmp_path / "crack.jpg")
    marked = P.comment_jpeg(tmp_path / "corner.jpg", seed=31)
    shot = P.text_png(tmp_path / "listing.png")
    store = _case(tmp_path, [plain, marked, shot], platform="ebay")
    _, corner, listing = store.case.items
    arrow = {"type": "arrow", "points": [[10, 10], [200, 150]]}
    case_ops.add_annotation(store.case, corner.id, arrow)
    case_ops.add_annotation(store.case, listing.id, arrow)
    store.save()
    result = export_case(store, tmp_path / "out")
    files = _everything(result, tmp_path / "seen")
    assert len(_uploads(result)) == 3 and len(files) >= 7
    for path in files:
        assert not P.needles_in(path.read_bytes()), path.name
    for record in P.exiftool(files):
        assert not P.forbidden(record), record


# --- leak 3: PDF documents -------------------------------------------------------------------


@pytest.mark.parametrize("platform", ["ebay", "paypal", "card"])
def test_pdf_documents_lose_their_info_and_xmp(tmp_path: Path, platform: str) -> None:
    from pypdf import PdfReader

    src = P.metadata_pdf(tmp_path / "receipt.pdf")
    result = export_case(_case(tmp_path, [src], platform), tmp_path / "out")
    (upload,) = _uploads(result)
    assert upload.suffix == ".pdf"
    check = subprocess.run(["qpdf", "--check", str(upload)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    reader = PdfReader(upload)
    info = reader.metadata or {}
    assert not {"/Author", "/Title", "/Subject", "/Keywords", "/Creator"} & set(info), info
    assert "/Metadata" not in reader.trailer["/Root"]
    assert "Order receipt" in reader.pages[0].extract_text()  # the document itself is intact
    assert not P.needles_in(upload.read_bytes())
    for record in P.exiftool([upload]):
        assert not P.forbidden(record), record
    readme = (result.upload_dir / "README.txt").read_text("utf-8")
    assert "Author" in readme and "XMP" in readme  # the export says what it removed


# --- leak 5: original file names -------------------------------------------------------------


def test_original_file_name_never_leaves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evidence_kit.media.video.case_items import grab_to_case

    video = make_video(tmp_path / "IMG_4526 JaneDoe.mov", seconds=2.0, container_format="mov")
    photo = P.comment_jpeg(tmp_path / "IMG_4527 JaneDoe.jpg")
    store = _case(tmp_path, [video, photo])
    frames = grab_to_case(store, store.case.items[0], [1.0], caption=True)  # captioned
    case_ops.add_items(store.case, frames)
    store.save()
    drawn: list[str] = []
    real_text = ImageDraw.ImageDraw.text

    def record(self: ImageDraw.ImageDraw, xy: object, text: object, *a: object, **k: object):
        drawn.append(str(text))
        return real_text(self, xy, text, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", record)
    result = export_case(store, tmp_path / "out")
    names = [p.name for p in _uploads(result)]
    assert names and not any("janedoe" in n.lower().replace("-", "") for n in names), names
    readme = (result.upload_dir / "README.txt").read_text("utf-8")
    assert "janedoe" not in readme.lower().replace(" ", "").replace("-", ""), readme
    assert not [t for t in drawn if "janedoe" in t.lower().replace(" ", "")], drawn
    text = subprocess.run(["pdftotext", str(result.pdf), "-"], capture_output=True, text=True)
    assert "janedoe" not in text.stdout.lower().replace(" ", "").replace("-", "")
    with zipfile.ZipFile(result.bundle) as zf:
        members = [n for n in zf.namelist() if not n.startswith("originals/")]
    assert not [n for n in members if "janedoe" in n.lower().replace("-", "")], members


# --- leak 6: list thumbnails -----------------------------------------------------------------


def test_list_thumbnail_shows_the_mask(tmp_path: Path) -> None:
    from evidence_kit.media.image.item_thumbs import render_thumbnail, thumb_request

    arr = np.full((480, 640, 3), 255, np.uint8)
    src = tmp_path / "label.jpg"
    Image.fromarray(arr).save(src, quality=95)
    store = _case(tmp_path, [src])
    item = store.case.items[0]
    before = render_thumbnail(thumb_request(store, item))
    assert before is not None
    case_ops.add_annotation(store.case, item.id, {"type": "redact", "rect": [0, 0, 640, 240]})
    store.save()
    after = render_thumbnail(thumb_request(store, item))
    assert after is not None and after != before  # the masked look is its own thumbnail
    with Image.open(after) as img:
        px = np.asarray(img.convert("L"))
    h = px.shape[0]
    assert px[: h // 2 - 4].max() < 40, "the masked half is black in the list too"
    assert px[h // 2 + 4 :].min() > 200


def test_the_tools_these_tests_skip_without_are_installed_by_ci() -> None:
    """The privacy tests skip where a tool is missing; CI must never be such a place."""
    root = Path(__file__).resolve().parents[2]
    listed = set((root / "packaging" / "debian-packages-test.txt").read_text().split())
    needed = {"libimage-exiftool-perl", "zbar-tools", "unzip", "poppler-utils", "qpdf", "ffmpeg"}
    assert needed <= listed, needed - listed
