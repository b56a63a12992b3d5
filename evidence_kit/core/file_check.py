"""An item's file is checked against the hash recorded at import before anything is built
from it (a render, a frame, a clip, an export), so nothing is ever made from a swapped file.

Hashing a 2 GB video before every preview would be slow, so a file that was checked once
in this process is trusted again while its inode, size, modification and change times stay
the same (a cache keyed by the inode). Any write, replace, rename over it or chmod changes
one of them, and the file is hashed afresh.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from evidence_kit.core.errors import IntegrityError, UnreadableFileError
from evidence_kit.core.hashing import sha256_file
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress

#: (device, inode) -> (size, mtime_ns, ctime_ns, sha256) of a file whose hash matched
_checked: dict[tuple[int, int], tuple[int, int, int, str]] = {}
_guard = threading.Lock()


def check_file(
    path: Path,
    sha256: str,
    size: int,
    label: str,
    *,
    refused: str = "nothing was made from it",
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Raise IntegrityError (naming `label`) unless `path` still holds the recorded file.

    refused: what the message says was not done ("export refused"). A file that is not
    there is left to whoever reads it next (a named "cannot read" error).
    """
    try:
        info = os.stat(path)
    except OSError:
        return
    if not stat.S_ISREG(info.st_mode):  # a folder, or a pipe that would block the reader
        raise UnreadableFileError(f"{label} is not a file; {refused}.")
    key = (info.st_dev, info.st_ino)
    seen = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, sha256)
    with _guard:
        if _checked.get(key) == seen:
            return
    if info.st_size != size or sha256_file(path, progress, cancel) != sha256:
        raise IntegrityError(
            f"{label} has changed since it was imported (SHA-256 mismatch); {refused}."
        )
    with _guard:
        _checked[key] = seen


def forget() -> None:
    """Hash every file again at its next check (tests that compare first and later runs)."""
    with _guard:
        _checked.clear()
