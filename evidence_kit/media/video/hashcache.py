"""Remembered SHA-256 of videos used outside a case (captions, sheets), so a second grab
from the same large file does not re-read it all.

An entry is keyed by path, size, modification time and inode: any rewrite of the file
changes one of them and the hash is computed afresh. Case items never use this cache:
their hash was taken at import and is checked by export.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path

from evidence_kit.core.hashing import sha256_file
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress

MAX_ENTRIES = 200
_lock = threading.Lock()


def _cache_file() -> Path:
    from evidence_kit.core.paths import cache_dir

    return cache_dir() / "video-hashes.json"


def _key(path: Path) -> str:
    st = path.stat()
    return f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}"


def _load(file: Path) -> dict[str, str]:
    try:
        data = json.loads(file.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


def cached_sha256(
    path: Path | str, progress: ProgressFn = no_progress, cancel: CancelToken | None = None
) -> str:
    """SHA-256 of a file, from the cache when the file is unchanged."""
    path = Path(path)
    key = _key(path)
    file = _cache_file()
    with _lock:
        known = _load(file).get(key)
    if known:
        return known
    digest = sha256_file(path, progress, cancel)
    if _key(path) != key:  # changed while we read it: do not remember
        return digest
    with _lock:
        entries = _load(file)
        entries[key] = digest
        while len(entries) > MAX_ENTRIES:
            entries.pop(next(iter(entries)))
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".hashes.", dir=file.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entries, fh)
            os.replace(tmp, file)
        except OSError:
            pass  # a cache that cannot be written only costs time
    return digest


class BackgroundHash:
    """A file's SHA-256 (cached), hashed on a second thread while frames decode; `stop`
    ends it early (the caller failed), `cancel` is the user's Cancel."""

    def __init__(
        self, path: Path, known: str | None, stop: CancelToken, cancel: CancelToken | None
    ) -> None:
        self.value = known
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._user_cancel = cancel
        if known is None:
            self._thread = threading.Thread(target=self._run, args=(path, stop), daemon=True)
            self._thread.start()

    def _run(self, path: Path, stop: CancelToken) -> None:
        user = self._user_cancel

        class _Either(CancelToken):
            def check(self) -> None:
                stop.check()
                if user is not None:
                    user.check()

        try:
            self.value = cached_sha256(path, cancel=_Either())
        except BaseException as exc:  # re-raised on the caller's thread in get()
            self._error = exc

    def get(self) -> str | None:
        if self._thread is not None:
            self._thread.join()
            if self._error is not None:
                raise self._error
        return self.value
