"""Bad input and faults: changed or missing originals, cancel, full or unwritable disks."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from evidence_kit.core.errors import (
    CancelledError,
    DiskFullError,
    ExportError,
    IntegrityError,
    InvalidValueError,
)
from evidence_kit.core.tasks import CancelToken
from evidence_kit.export.run import export_case
from tests.factories.disk import mounted_tmpfs
from tests.factories.export import make_case


@pytest.fixture
def store(tmp_path: Path):
    return make_case(tmp_path / "c")


def _case_json(store) -> bytes:
    return store.case_file.read_bytes()


def test_changed_original_is_refused_and_named(store, tmp_path: Path) -> None:
    item = store.case.items[1]
    path = store.path_of(item)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    data = bytearray(path.read_bytes())
    data[-10] ^= 0x55
    path.write_bytes(bytes(data))
    before = _case_json(store)
    with pytest.raises(IntegrityError, match=item.file) as info:
        export_case(store, tmp_path / "out")
    assert "changed since it was imported" in str(info.value)
    assert not any((tmp_path / "out").iterdir()) if (tmp_path / "out").exists() else True
    assert _case_json(store) == before


def test_missing_original_is_refused_and_named(store, tmp_path: Path) -> None:
    item = store.case.items[0]
    store.path_of(item).unlink()
    with pytest.raises(IntegrityError, match="missing") as info:
        export_case(store, tmp_path / "out")
    assert item.file in str(info.value)


def test_unknown_platform_is_bad_input(store, tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError):
        export_case(store, tmp_path / "out", platform="mars")


@pytest.mark.parametrize("at", [0.05, 0.3, 0.6, 0.9])
def test_cancel_leaves_no_partial_output(store, tmp_path: Path, at: float) -> None:
    token = CancelToken()
    out = tmp_path / "out"
    seen = []

    def progress(fraction: float, message: str) -> None:
        seen.append(fraction)
        if fraction >= at:
            token.cancel()

    before = _case_json(store)
    with pytest.raises(CancelledError):
        export_case(store, out, progress=progress, cancel=token)
    assert max(seen) < 1.0
    assert not out.exists()  # not even the staging folder, nor the folder it made
    assert _case_json(store) == before


def test_previous_export_survives_a_failed_one(store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = export_case(store, out)
    old = first.bundle.read_bytes()
    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        export_case(store, out, cancel=token)
    assert first.bundle.read_bytes() == old
    assert [p.name for p in out.iterdir()] == [first.folder.name]
    assert sorted(p.name for p in first.folder.iterdir()) == sorted(
        [first.bundle.name, first.pdf.name, "upload"]
    )


def test_output_under_a_file_is_a_clear_error(store, tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="cannot be written"):
        export_case(store, blocker / "out")


def test_read_only_output_folder(store, tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "ro", read_only=True) as ro:
        before = _case_json(store)
        with pytest.raises(ExportError, match="choose another folder"):
            export_case(store, ro)
        assert _case_json(store) == before


def test_full_disk_removes_partials(store, tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "small", size="300k") as small:
        before = _case_json(store)
        with pytest.raises(DiskFullError, match="disk is full"):
            export_case(store, small)
        assert list(small.iterdir()) == []
        assert _case_json(store) == before


def test_successful_export_is_logged(store, tmp_path: Path) -> None:
    result = export_case(store, tmp_path / "out")
    entry = store.case.log[-1]
    assert entry.action == "exported"
    assert entry.details["bundle_sha256"] == result.bundle_sha256
