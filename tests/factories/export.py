"""Small real cases for the export tests: photos with GPS, a video with a location atom,
an annotated and masked photo, a frame, a screenshot. Built in tmp_path, never committed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import av
import numpy as np
from PIL import Image

from evidence_kit.core import activity_log, case_ops
from evidence_kit.core.hashing import sha256_file
from evidence_kit.core.model import Item
from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.media.importer import add_files
from tests.factories.media import make_photo, make_video

GPS_LAT = (52.0, 31.0, 12.34)


def make_gps_photo(path: Path, size: tuple[int, int] = (640, 480), seed: int = 3) -> Path:
    """A JPEG whose EXIF carries a GPS position, a camera and a maker note."""
    make_photo(path, size=size, seed=seed)
    with Image.open(path) as img:
        exif = img.getexif()
        gps = exif.get_ifd(0x8825)
        gps[1] = "N"
        gps[2] = GPS_LAT
        gps[3] = "E"
        gps[4] = (13.0, 24.0, 5.0)
        exif.get_ifd(0x8769)[0x927C] = b"MAKERNOTE-SECRET"
        img.save(path, "JPEG", exif=exif, quality=90)
    return path


def make_noisy_photo(path: Path, size: tuple[int, int], seed: int = 5) -> Path:
    """A photo that compresses badly (fine noise), to force quality search and scaling."""
    rng = np.random.default_rng(seed)
    arr = rng.integers(0, 255, (size[1], size[0], 3), dtype=np.uint8)
    Image.fromarray(arr).save(path, "JPEG", quality=95)
    return path


def add_location(src: Path, dst: Path) -> Path:
    """Remux a video adding a GPS location tag, as phones write it."""
    with av.open(str(src)) as inp, av.open(str(dst), "w", format="mp4") as out:
        out.metadata["location"] = "+52.5200+013.4050/"
        out.metadata["creation_time"] = "2026-11-20T14:03:27.000000Z"
        streams = {s.index: out.add_stream_from_template(s) for s in inp.streams}
        for packet in inp.demux():
            if packet.dts is None:
                continue
            packet.stream = streams[packet.stream.index]
            out.mux(packet)
    return dst


def make_case(root: Path, platform: str = "aliexpress", frame: bool = True) -> CaseStore:
    """A case with a video (E1), a GPS photo (E2), a masked photo (E3), a screenshot (E4)
    and a frame of the video (E5)."""
    src = root / "src"
    src.mkdir(parents=True)
    plain = make_video(src / "plain.mp4", seconds=2.0, size=(320, 240), audio=True)
    video = add_location(plain, src / "unboxing.mp4")
    gps = make_gps_photo(src / "crack.jpg")
    label = make_photo(src / "label.jpg", size=(800, 600), seed=9)
    shot = make_photo(src / "listing.png", size=(400, 300), camera=False, seed=4)
    store = new_case(
        root / "Case Crack",
        platform=platform,
        order_id="8123456789012345",
        item="Ceramic mug – Кружка",
        price="12.50",
        currency="USD",
        ordered="2026-11-02",
        delivered="2026-11-20",
    )
    report = add_files(store, [video, gps, label, shot])
    assert not report.skipped, report.skipped
    v, photo, masked, screenshot = report.items
    case_ops.rename_item(store.case, v.id, "Unboxing video")
    case_ops.rename_item(store.case, photo.id, "Crack, close up")
    case_ops.rename_item(store.case, masked.id, "Shipping label (masked)")
    case_ops.rename_item(store.case, screenshot.id, "Listing")
    case_ops.add_annotation(
        store.case,
        photo.id,
        {"type": "arrow", "points": [[10, 10], [300, 200]], "color": "#e53935", "width": 6},
    )
    case_ops.add_annotation(store.case, masked.id, {"type": "redact", "rect": [100, 100, 300, 150]})
    if frame:
        add_frame(store, v, 1.0)
    case_ops.set_values(
        store.case,
        {"received": "yes", "reason": "damaged", "remedy": "full_refund", "notes": "Ελληνικά, é"},
    )
    store.save()
    return store


def add_frame(store: CaseStore, video: Item, at: float) -> Item:
    """A PNG frame of the video as an extracted item (what a grab makes)."""
    folder = store.extracted("frames")
    path = folder / f"{video.id}_{at:.3f}.png"
    with av.open(str(store.path_of(video))) as container:
        for fr in container.decode(video=0):
            if fr.time is not None and fr.time >= at:
                fr.to_image().save(path)
                break
    item = Item(
        id=case_ops.new_item_id(store.case),
        kind="frame",
        file=str(path.relative_to(store.root)),
        sha256=sha256_file(path),
        bytes=path.stat().st_size,
        imported_at=activity_log.now_iso(),
        source="extracted",
        parent=video.id,
        pts_s=at,
        title="Frame at 1 s",
        meta={"format": "png", "width": 320, "height": 240},
    )
    case_ops.add_items(store.case, [item])
    return item


def copy_case(store: CaseStore, dest_parent: Path) -> CaseStore:
    """A byte-identical copy of the case folder with the same folder name."""
    dest = dest_parent / store.root.name
    shutil.copytree(store.root, dest)
    return CaseStore.open(dest)
