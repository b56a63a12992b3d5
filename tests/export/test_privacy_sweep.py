"""Issue 13's Build 4: the exiftool sweep. For every platform, every file of the upload pack,
every exhibit of both bundles and every image inside both summary PDFs (pdfimages) is read
with `exiftool -j -ee`: none may carry GPS or location, camera make, model or serial,
author, comments, or the name a file had; a raw byte search looks for the shopper's name
and address too. The case holds every leak issue 13 found, generated here."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from evidence_kit.core import case_ops
from evidence_kit.core.model import PLATFORMS
from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.export.run import ExportResult, export_case
from evidence_kit.media.importer import add_files
from tests.factories import privacy as P
from tests.factories.export import add_location, make_gps_photo
from tests.factories.media import make_heic

pytestmark = pytest.mark.skipif(
    not P.have("exiftool", "pdfimages", "zbarimg"),
    reason="needs exiftool, poppler-utils and zbar-tools (packaging/debian-packages-test.txt)",
)

#: the names the shopper's files had: none may be found in anything exported
NAMES = ("JaneDoe", "IMG_4526", "IMG_4527", "IMG_4528", "IMG_4529", "IMG_4530", "IMG_4531")


def _gps_mpf(path: Path) -> Path:
    """A phone JPEG with GPS and camera EXIF in the first picture and in a second one."""
    primary = make_gps_photo(path.with_suffix(".primary.jpg"), size=(640, 480), seed=41)
    with Image.open(primary) as img:  # and a phone maker's colour profile
        img.save(primary, "JPEG", exif=img.getexif(), icc_profile=P.phone_icc(), quality=90)
    trailer = P.mpf_jpeg(path.with_suffix(".mpf.jpg"), index=False).read_bytes()
    first = primary.read_bytes()
    path.write_bytes(first + trailer[trailer.index(b"\xff\xd9", 2) + 2 :])
    return path


@pytest.fixture(scope="module")
def private_case(tmp_path_factory: pytest.TempPathFactory) -> CaseStore:
    root = tmp_path_factory.mktemp("sweep")
    src = root / "src"
    src.mkdir()
    qr, box = P.qr_video(src / "plain.mp4", seconds=3.0)
    files = [
        add_location(qr, src / "IMG_4526 JaneDoe.mov"),  # location atom, name, QR label
        _gps_mpf(src / "IMG_4527 JaneDoe.jpg"),  # GPS + camera, and a second picture
        P.polyglot_jpeg(src / "IMG_4528 JaneDoe.jpg"),  # a ZIP glued on
        P.comment_jpeg(src / "IMG_4529 JaneDoe.jpg"),  # a COM segment
        P.text_png(src / "IMG_4530 JaneDoe.png"),  # tEXt / iTXt chunks
        P.metadata_pdf(src / "IMG_4531 JaneDoe.pdf"),  # document info and XMP
        make_heic(src / "heic JaneDoe.heic"),  # camera EXIF in HEIF
    ]
    store = new_case(root / "Case", platform="aliexpress", order_id="8123456789012345",
                     item="Ceramic mug", price="12.50", currency="USD")  # fmt: skip
    report = add_files(store, files)
    assert not report.skipped, report.skipped
    video, _gps, _zip, comment, listing, _pdf, _heic = store.case.items
    case_ops.add_annotation(store.case, video.id, {"type": "redact", "rect": box})  # all of it
    case_ops.add_annotation(store.case, comment.id, {"type": "arrow", "points": [[9, 9], [99, 99]]})
    from evidence_kit.media.image.compare import make_comparison
    from evidence_kit.media.video.case_items import grab_to_case

    case_ops.add_items(store.case, grab_to_case(store, video, [1.4], caption=True))
    case_ops.add_items(
        store.case, [make_comparison(store, listing, comment, case_ops.new_item_id(store.case))]
    )
    case_ops.set_values(store.case, {"received": "yes", "reason": "damaged"})
    store.save()
    return store


def _members(zip_path: Path, folder: Path, prefixes: tuple[str, ...]) -> list[Path]:
    out = []
    with zipfile.ZipFile(zip_path) as zf:
        for name in zf.namelist():
            if name.startswith(prefixes) and not name.endswith(".txt"):
                target = folder / zip_path.stem / name.replace("/", "__")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(zf.read(name))
                out.append(target)
    return out


def _swept(result: ExportResult, tmp: Path) -> list[Path]:
    assert result.upload_dir is not None and result.shareable is not None
    files = [p for p in result.upload_dir.iterdir() if p.name != "README.txt"]
    files += _members(result.bundle, tmp, ("exhibits/", "upload/"))
    files += _members(result.shareable, tmp, ("exhibits/", "upload/"))
    files += P.pdf_images(result.pdf, tmp / "pdf")
    with zipfile.ZipFile(result.shareable) as zf:
        (tmp / "shareable.pdf").write_bytes(zf.read("summary.pdf"))
    files += P.pdf_images(tmp / "shareable.pdf", tmp / "shareable-pdf")
    return files


@pytest.mark.parametrize("platform", PLATFORMS)
def test_nothing_private_leaves_for_any_platform(
    private_case: CaseStore, platform: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str] = []
    real_text = ImageDraw.ImageDraw.text

    def record(self: ImageDraw.ImageDraw, xy: object, text: object, *a: object, **k: object):
        drawn.append(str(text))
        return real_text(self, xy, text, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", record)
    result = export_case(private_case, tmp_path / "out", platform, shareable=True, record=False)
    files = _swept(result, tmp_path / "swept")
    assert len(files) >= 12, [p.name for p in files]
    leaks = []
    for record_ in P.exiftool(files):
        bad = P.forbidden(record_, NAMES)
        if bad:
            leaks.append((record_["SourceFile"], bad))
    for path in files:
        data = path.read_bytes()
        found = P.needles_in(data) + [n for n in NAMES if n.lower().encode() in data.lower()]
        if found:
            leaks.append((str(path), found))
        if path.suffix == ".jpg":
            assert P.first_image_end(data) == len(data), path
        if path.suffix in (".jpg", ".png", ".jpeg"):
            assert not P.zbar(path), path  # the label's QR is masked everywhere
    assert not leaks, leaks
    assert not [t for t in drawn if any(n.lower() in t.lower() for n in NAMES)]
