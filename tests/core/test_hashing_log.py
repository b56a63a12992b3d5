"""Streaming hashing, copy-while-hashing, the hash-chained log, timecodes, settings."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from evidence_kit.core import activity_log
from evidence_kit.core.errors import (
    CancelledError,
    DiskFullError,
    InvalidValueError,
    UnreadableFileError,
)
from evidence_kit.core.hashing import copy_and_hash, sha256_file
from evidence_kit.core.model import Case
from evidence_kit.core.settings import Settings, load_settings, save_settings
from evidence_kit.core.tasks import CancelToken
from evidence_kit.core.timecode import format_time, parse_time
from tests.factories.disk import mounted_tmpfs


def test_sha256_matches_hashlib_across_chunk_boundaries(tmp_path: Path) -> None:
    data = os.urandom(9 * 1024 * 1024 + 17)  # crosses two 4 MiB chunk boundaries
    src = tmp_path / "big.bin"
    src.write_bytes(data)
    assert sha256_file(src) == hashlib.sha256(data).hexdigest()
    sha, size = copy_and_hash(src, tmp_path / "copy.bin")
    assert sha == hashlib.sha256(data).hexdigest() and size == len(data)
    assert (tmp_path / "copy.bin").read_bytes() == data


def test_copy_cancel_leaves_nothing(tmp_path: Path) -> None:
    src = tmp_path / "big.bin"
    src.write_bytes(os.urandom(9 * 1024 * 1024))
    token = CancelToken()

    def progress(fraction: float, _msg: str) -> None:
        if fraction > 0.3:
            token.cancel()

    with pytest.raises(CancelledError):
        copy_and_hash(src, tmp_path / "out.bin", progress, token)
    assert not (tmp_path / "out.bin").exists()


def test_copy_onto_a_full_disk_leaves_nothing(tmp_path: Path) -> None:
    src = tmp_path / "big.bin"
    src.write_bytes(os.urandom(3 * 1024 * 1024))
    with mounted_tmpfs(tmp_path / "disk", size="1m") as disk:
        with pytest.raises(DiskFullError):
            copy_and_hash(src, disk / "out.bin")
        assert list(disk.iterdir()) == []


def test_unreadable_source(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError):
        sha256_file(tmp_path / "missing")
    with pytest.raises(UnreadableFileError):
        copy_and_hash(tmp_path / "missing", tmp_path / "x")


def test_log_chain_detects_edits_removals_and_reorders() -> None:
    case = Case()
    for n in range(4):
        activity_log.append(case, "step", n=n)
    entries = [json.loads(json.dumps(e.__dict__)) for e in case.log]
    assert activity_log.verify_chain(entries) == []
    edited = [dict(e) for e in entries]
    edited[1]["details"] = {"n": 99}
    assert any("altered" in p for p in activity_log.verify_chain(edited))
    assert activity_log.verify_chain(entries[:1] + entries[2:])
    assert activity_log.verify_chain([entries[1], entries[0]] + entries[2:])


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("12", 12.0),
        ("1:12.5", 72.5),
        ("00:01:12.533", 72.533),
        ("2:00:00", 7200.0),
        (" 0.04 ", 0.04),
    ],
)
def test_parse_time(text: str, seconds: float) -> None:
    assert parse_time(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "abc", "1:75", "-3", "1::2"])
def test_parse_time_rejects(text: str) -> None:
    with pytest.raises(InvalidValueError):
        parse_time(text)


def test_format_time() -> None:
    assert format_time(72.5334) == "00:01:12.533"
    assert format_time(3725.9, millis=False) == "01:02:05"


def test_settings_round_trip_and_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    s = Settings()
    s.add_recent(tmp_path / "a")
    s.add_recent(tmp_path / "b")
    s.add_recent(tmp_path / "a")
    save_settings(s, path)
    loaded = load_settings(path)
    assert loaded.recent_cases == [str((tmp_path / "a").resolve()), str((tmp_path / "b").resolve())]
    path.write_text('{"record_fps": "fast", "unknown": 1, "clock_overlay": false}')
    odd = load_settings(path)
    assert odd.record_fps == 30 and odd.clock_overlay is False
    path.write_text("not json")
    assert load_settings(path) == Settings()
