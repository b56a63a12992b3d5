"""The caption's hash cache: reused while the file is unchanged, recomputed after a change."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from evidence_kit.media.video import hashcache
from evidence_kit.media.video.hashcache import cached_sha256


def test_cache_is_used_and_invalidated(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "v.mp4"
    f.write_bytes(b"a" * 1000)
    first = cached_sha256(f)
    assert first == hashlib.sha256(b"a" * 1000).hexdigest()
    calls: list[Path] = []
    real = hashcache.sha256_file
    monkeypatch.setattr(hashcache, "sha256_file", lambda p, *a: calls.append(p) or real(p))
    assert cached_sha256(f) == first and calls == []  # served from the cache
    f.write_bytes(b"b" * 1000)  # same size, new content and mtime
    st = f.stat()
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert cached_sha256(f) == hashlib.sha256(b"b" * 1000).hexdigest()
    assert calls == [f]


def test_unwritable_cache_still_hashes(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("EVIDENCE_KIT_CACHE_DIR", str(blocker / "cache"))
    f = tmp_path / "v.mp4"
    f.write_bytes(b"xyz")
    assert cached_sha256(f) == hashlib.sha256(b"xyz").hexdigest()
