"""An item's file is checked against its recorded hash before anything is built from it,
hashed once while it stays the same file (issue 14, 4)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evidence_kit.core import file_check
from evidence_kit.core.errors import IntegrityError
from evidence_kit.core.hashing import sha256_file


@pytest.fixture
def hashes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file the check hashes, in order."""
    seen: list[Path] = []
    real = file_check.sha256_file

    def counting(path: Path, *args: object, **kwargs: object) -> str:
        seen.append(Path(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(file_check, "sha256_file", counting)
    file_check.forget()
    return seen


def _file(tmp_path: Path, data: bytes = b"x" * 5000) -> tuple[Path, str]:
    path = tmp_path / "a.bin"
    path.write_bytes(data)
    return path, sha256_file(path)


def test_a_file_is_hashed_once_while_it_stays_the_same(tmp_path: Path, hashes: list) -> None:
    path, sha = _file(tmp_path)
    for _ in range(3):
        file_check.check_file(path, sha, 5000, "E1")
    assert hashes == [path]


def test_a_rewrite_of_the_same_size_is_caught(tmp_path: Path, hashes: list) -> None:
    path, sha = _file(tmp_path)
    file_check.check_file(path, sha, 5000, "E1")
    path.write_bytes(b"y" * 5000)
    with pytest.raises(IntegrityError, match="E1 has changed since it was imported"):
        file_check.check_file(path, sha, 5000, "E1")


def test_times_put_back_do_not_hide_a_rewrite(tmp_path: Path, hashes: list) -> None:
    path, sha = _file(tmp_path)
    file_check.check_file(path, sha, 5000, "E1")
    before = path.stat()
    path.write_bytes(b"z" * 5000)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # mtime forged; ctime moves
    with pytest.raises(IntegrityError):
        file_check.check_file(path, sha, 5000, "E1")


def test_another_size_is_refused_without_hashing(tmp_path: Path, hashes: list) -> None:
    path, sha = _file(tmp_path)
    with pytest.raises(IntegrityError, match="refused here"):
        file_check.check_file(path, sha, 4999, "E1", refused="refused here")
    assert hashes == []


def test_an_export_hashes_each_original_once(tmp_path: Path, hashes: list) -> None:
    from evidence_kit.export.run import export_case
    from tests.factories.export import make_case

    store = make_case(tmp_path / "c")
    result = export_case(store, tmp_path / "out")
    assert result.bundle.is_file()
    sealed = sorted(store.path_of(it) for it in store.case.items)
    assert sorted(hashes) == sealed  # the jobs after the first check only stat the files
