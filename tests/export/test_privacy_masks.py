"""Issue 13's leak 4: masks follow the content. A label masked in a frame, in its video or in
a photo stays hidden in everything made from it: the upload clip, contact sheets, new
frames, clips cut earlier, comparisons made earlier, summary.pdf. zbarimg is the judge."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from evidence_kit.cli import main as cli_main
from evidence_kit.core import case_ops
from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.export.run import ExportResult, export_case
from evidence_kit.media.importer import add_files
from tests.factories import privacy as P

pytestmark = pytest.mark.skipif(
    not P.have("zbarimg", "pdfimages", "ffmpeg"),
    reason="needs zbar-tools, poppler-utils and ffmpeg (packaging/debian-packages-test.txt)",
)


def _case(root: Path, files: list[Path], platform: str = "aliexpress") -> CaseStore:
    store = new_case(root / "Case", platform=platform, order_id="8123456789012345",
                     item="Ceramic mug", price="12.50", currency="USD")  # fmt: skip
    assert not add_files(store, files).skipped
    return store


def _decoded(result: ExportResult, tmp: Path) -> dict[str, list[str]]:
    """What zbarimg reads in every picture of the export: the bundle's exhibits, the
    upload pack's pictures and sampled frames of its videos, the PDF's images."""
    seen: dict[str, list[str]] = {}
    pictures: list[Path] = P.pdf_images(result.pdf, tmp / "pdf")
    with zipfile.ZipFile(result.bundle) as zf:
        for name in zf.namelist():
            if name.startswith(("exhibits/", "upload/")) and not name.endswith(".txt"):
                target = tmp / name.replace("/", "__")
                target.write_bytes(zf.read(name))
                if target.suffix == ".mp4":
                    pictures += P.video_frames(target, tmp / target.stem, 6)
                else:
                    pictures.append(target)
    assert pictures
    for path in pictures:
        found = P.zbar(path)
        if found:
            seen[str(path.relative_to(tmp))] = found
    return seen


def _annotate(store: CaseStore, ref: str, mark: dict[str, object]) -> tuple[int, CaseStore]:
    """`evidence-kit case annotate` in this process; the case as the command left it."""
    code = cli_main(["case", "annotate", str(store.root), ref, json.dumps(mark)])
    return code, CaseStore.open(store.root)


def test_a_video_mask_hides_the_label_in_everything_made_of_the_video(tmp_path: Path) -> None:
    from evidence_kit.media.video.case_items import clip_to_case, grab_to_case

    video, box = P.qr_video(tmp_path / "unboxing.mp4")
    store = _case(tmp_path, [video])
    v = store.case.items[0]
    # made before the mask: a clip of the video
    case_ops.add_items(store.case, [clip_to_case(store, v, 0.5, 2.5)])
    store.save()
    control = export_case(store, tmp_path / "before", record=False)
    assert _decoded(control, tmp_path / "seen-before"), "the label must be readable unmasked"

    mask = {"type": "redact", "rect": box, "from": 0.0, "to": 3.0}
    code, store = _annotate(store, "E1", mask)
    assert code == 0
    case_ops.add_items(store.case, grab_to_case(store, store.case.items[0], [1.2]))  # after
    case_ops.set_values(store.case, {"received": "yes", "reason": "damaged"})
    store.save()
    result = export_case(store, tmp_path / "after", record=False)
    assert not _decoded(result, tmp_path / "seen-after")
    readme = (result.upload_dir / "README.txt").read_text("utf-8")
    assert "masked an area from 00:00:00.000 to 00:00:03.000 (solid box)" in readme


def test_a_masked_frame_offers_the_same_mask_for_its_video(tmp_path: Path) -> None:
    from evidence_kit.media.video.case_items import grab_to_case
    from evidence_kit.media.video.mask_follow import frame_mask_for_video

    video, box = P.qr_video(tmp_path / "unboxing.mp4", seconds=3.0)
    store = _case(tmp_path, [video])
    v = store.case.items[0]
    (frame,) = grab_to_case(store, v, [1.5], caption=True)
    case_ops.add_items(store.case, [frame])
    mark = {"type": "redact", "rect": [box[0] - 4, box[1] - 4, box[2] + 8, box[3] + 8]}
    case_ops.add_annotation(store.case, frame.id, mark)
    proposal = frame_mask_for_video(store.case, frame, store.case.live(frame.id).annotations[0])
    assert proposal is not None
    parent, video_mask = proposal
    assert parent.id == v.id and video_mask["from"] == 0.0 and video_mask["to"] >= 3.0
    assert video_mask["rect"] == mark["rect"]  # a full-size grab: the same pixels
    case_ops.add_annotation(store.case, v.id, video_mask)
    # once the video hides it, the frame offers nothing more
    assert frame_mask_for_video(store.case, frame, mark) is None
    store.save()
    result = export_case(store, tmp_path / "out", record=False)
    assert not _decoded(result, tmp_path / "seen")


def test_a_comparison_made_before_masking_is_masked_too(tmp_path: Path) -> None:
    from evidence_kit.media.image.compare import make_comparison

    arr = np.full((480, 640, 3), 230, np.uint8)
    qr = P.qr_image(scale=5)
    arr[100 : 100 + qr.shape[0], 200 : 200 + qr.shape[1]] = qr[:, :, None]
    photo = tmp_path / "received.jpg"
    Image.fromarray(arr).save(photo, quality=95)
    listing = P.text_png(tmp_path / "listing.png")
    store = _case(tmp_path, [listing, photo], platform="ebay")
    shot, received = store.case.items
    comparison = make_comparison(store, shot, received, case_ops.new_item_id(store.case))
    case_ops.add_items(store.case, [comparison])
    case_ops.set_item_fields(store.case, shot.id, include=False)
    case_ops.set_item_fields(store.case, received.id, include=False)
    store.save()
    assert P.zbar(store.path_of(comparison)), "the comparison shows the label as made"
    rect = [195.0, 95.0, qr.shape[1] + 10.0, qr.shape[0] + 10.0]
    case_ops.add_annotation(store.case, received.id, {"type": "redact", "rect": rect})
    store.save()
    result = export_case(store, tmp_path / "out", record=False)
    assert not _decoded(result, tmp_path / "seen")


def test_a_video_takes_only_masks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.factories.media import make_video

    store = _case(tmp_path, [make_video(tmp_path / "v.mp4")])
    store.save()
    code, store = _annotate(store, "E1", {"type": "arrow", "points": [[1, 1], [9, 9]]})
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "takes only masks" in err
    bad = {"type": "redact", "rect": [1, 1, 9, 9], "from": 2.0, "to": 1.0}
    code, store = _annotate(store, "E1", bad)
    assert code == 2 and "to" in capsys.readouterr().err
    assert store.case.items[0].annotations == []
