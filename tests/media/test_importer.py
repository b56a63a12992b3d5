"""Import: every kind by content, capture times, duplicates, and every bad input."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from evidence_kit.core.errors import CancelledError, DiskFullError
from evidence_kit.core.store import CaseStore, new_case
from evidence_kit.core.tasks import CancelToken
from evidence_kit.media.importer import add_files
from tests.factories.disk import mounted_tmpfs
from tests.factories.media import (
    make_bomb_png,
    make_heic,
    make_pdf,
    make_photo,
    make_video,
    truncate,
)


@pytest.fixture
def store(tmp_path: Path) -> CaseStore:
    return new_case(tmp_path / "Кейс заказа 1", platform="aliexpress", order_id="8123")


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize(
    ("name", "maker", "kind", "fmt"),
    [
        ("photo.jpg", lambda p: make_photo(p), "photo", "jpeg"),
        ("camera.png", lambda p: make_photo(p), "photo", "png"),
        ("shot.png", lambda p: make_photo(p, camera=False), "document", "png"),
        ("photo.webp", lambda p: make_photo(p), "photo", "webp"),
        ("anim.gif", lambda p: make_photo(p, camera=False), "document", "gif"),
        ("scan.tiff", lambda p: make_photo(p), "photo", "tiff"),
        ("iphone.heic", lambda p: make_heic(p), "photo", "heif"),
        ("clip.mp4", lambda p: make_video(p, audio=True), "video", "mp4"),
        ("clip.mov", lambda p: make_video(p, container_format="mov"), "video", "mov"),
        ("clip.mkv", lambda p: make_video(p), "video", "mkv"),
        ("clip.webm", lambda p: make_video(p, codec="libvpx-vp9", container_format="webm", creation_time=None), "video", "webm"),
        ("clip.avi", lambda p: make_video(p, codec="mpeg4", creation_time=None), "video", "avi"),
        ("receipt.pdf", lambda p: make_pdf(p), "document", "pdf"),
    ],
)  # fmt: skip
def test_every_kind_is_detected_by_content(
    store: CaseStore, tmp_path: Path, name, maker, kind, fmt
) -> None:
    src = maker(tmp_path / name)
    disguised = tmp_path / ("renamed_" + name + ".dat")  # the extension must not matter
    disguised.write_bytes(src.read_bytes())
    report = add_files(store, [disguised])
    assert report.skipped == []
    (item,) = report.items
    assert item.kind == kind
    copied = store.path_of(item)
    assert copied.read_bytes() == src.read_bytes()
    assert (
        item.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
        and item.bytes == src.stat().st_size
    )
    assert not copied.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert item.meta.get("format") == fmt
    if kind == "video":
        assert item.meta["duration_s"] > 0


def test_capture_times_and_orientation(store: CaseStore, tmp_path: Path) -> None:
    photo = make_photo(
        tmp_path / "p.jpg", size=(640, 480), orientation=6, when="2026:11:19 08:07:06"
    )
    video = make_video(tmp_path / "v.mp4", creation_time="2026-11-20T14:03:27.000000Z")
    report = add_files(store, [photo, video])
    p, v = report.items
    assert p.captured_at == "2026-11-19T08:07:06"
    assert p.meta["orientation"] == 6 and (p.meta["width"], p.meta["height"]) == (480, 640)
    assert v.captured_at == "2026-11-20T14:03:27Z"


def test_same_file_is_never_imported_twice(store: CaseStore, tmp_path: Path) -> None:
    a = make_photo(tmp_path / "a.jpg")
    b = tmp_path / "copy of a.jpg"
    b.write_bytes(a.read_bytes())
    first = add_files(store, [a, b])
    assert len(first.items) == 1 and "already in this case" in first.skipped[0][1]
    second = add_files(store, [a])
    assert second.items == [] and len(store.case.items) == 1
    assert len(list(store.originals_dir.iterdir())) == 1


@pytest.mark.parametrize(
    ("name", "maker", "message"),
    [
        ("empty.jpg", lambda t: ((t / "empty.jpg").write_bytes(b""), t / "empty.jpg")[1], "empty"),
        ("notes.mp4", lambda t: ((t / "notes.mp4").write_text("just text"), t / "notes.mp4")[1], "not a photo, video"),
        ("cut.mp4", lambda t: truncate(make_video(t / "full.mp4", seconds=3), t / "cut.mp4", 0.5), "truncated"),
        ("bomb.png", lambda t: make_bomb_png(t / "bomb.png"), "decompression bomb"),
        ("cut.jpg", lambda t: truncate(make_photo(t / "full.jpg", size=(800, 600)), t / "cut.jpg", 0.3), "truncated"),
        ("cut.pdf", lambda t: truncate(make_pdf(t / "full.pdf"), t / "cut.pdf", 0.6), "truncated"),
        ("missing.jpg", lambda t: t / "missing.jpg", "does not exist"),
    ],
)  # fmt: skip
def test_bad_files_are_skipped_with_a_reason_and_the_case_is_untouched(
    store: CaseStore, tmp_path: Path, name, maker, message
) -> None:
    bad = maker(tmp_path)
    before = _snapshot(store.root)
    report = add_files(store, [bad])
    assert report.items == []
    assert message in report.skipped[0][1]
    assert _snapshot(store.root) == before


def test_unreadable_file(store: CaseStore, tmp_path: Path) -> None:
    locked = make_photo(tmp_path / "locked.jpg")
    locked.chmod(0)
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    report = add_files(store, [fifo, locked])
    assert "not a file" in report.skipped[0][1]
    if os.geteuid() != 0:  # root reads anything; elsewhere the permission error is named
        assert "Cannot read" in report.skipped[1][1]


def test_a_dropped_folder_imports_the_files_inside(store: CaseStore, tmp_path: Path) -> None:
    folder = tmp_path / "Фото с распаковки"
    (folder / "sub").mkdir(parents=True)
    make_photo(folder / "a.jpg", seed=1)
    make_photo(folder / "sub" / "b.jpg", seed=2)
    (folder / ".hidden").write_text("x")
    report = add_files(store, [folder])
    assert [it.original_name for it in report.items] == ["a.jpg", "b.jpg"]
    assert report.skipped == []


def test_cancel_removes_every_copy(store: CaseStore, tmp_path: Path) -> None:
    files = [make_photo(tmp_path / f"p{n}.jpg", seed=n) for n in range(3)]
    big = tmp_path / "big.mp4"
    make_video(big, seconds=1)
    with big.open("ab") as fh:  # trailing bytes keep it a valid MP4 but make copying slow
        fh.write(os.urandom(12 * 1024 * 1024))
    token = CancelToken()
    before = _snapshot(store.root)

    def progress(fraction: float, _msg: str) -> None:
        if fraction > 0.8:
            token.cancel()

    with pytest.raises(CancelledError):
        add_files(store, [*files, big], progress=progress, cancel=token)
    assert _snapshot(store.root) == before


def test_disk_full_during_copy_leaves_no_half_file(tmp_path: Path) -> None:
    video = make_video(tmp_path / "v.mp4", seconds=1)
    with video.open("ab") as fh:
        fh.write(os.urandom(2 * 1024 * 1024))
    with mounted_tmpfs(tmp_path / "disk", size="1m") as disk:
        store = new_case(disk / "c", platform="ebay", order_id="1")
        before = _snapshot(store.root)
        with pytest.raises(DiskFullError):
            add_files(store, [video])
        assert _snapshot(store.root) == before
        assert CaseStore.open(store.root).case.items == []
