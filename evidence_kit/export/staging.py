"""The staging folder an export is built in, and the one rename that makes it appear.

An export is built in a hidden folder beside the export folders (the same disk, so the
final move is a rename), then renamed to a fresh folder named by its time
(`exports/2026-12-01_10-14-55/`): the export appears whole or not at all, and never
replaces an earlier one. A running export holds a lock beside its staging folder, so the
next command on the case (or the next export into the same folder) removes what a killed
export left (core/leftovers.py) and never what a running one is writing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from datetime import datetime
from pathlib import Path

from evidence_kit.core.errors import DiskFullError, ExportError, describe_os_error
from evidence_kit.core.leftovers import (
    STAGING_PREFIX,
    remove_staging,
    staging_folders,
    staging_lock,
)

UPLOAD = "upload"
EXHIBITS = "exhibits"
SUMMARY = "summary.pdf"


def folder_name(moment: datetime) -> str:
    """An export folder's name: its local time, sortable, valid on every file system."""
    return moment.strftime("%Y-%m-%d_%H-%M-%S")


class Staging:
    """A hidden folder in `parent` to build one export in, locked while it is built."""

    def __init__(self, parent: Path) -> None:
        self.parent = parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            for old in staging_folders(parent):  # what killed exports left here
                remove_staging(old)
            self.path = parent / f"{STAGING_PREFIX}{secrets.token_hex(6)}"
            self._lock = staging_lock(self.path)
            self._lock.acquire(timeout=0)  # before the folder exists: never seen unlocked
            self.path.mkdir()
        except OSError as exc:
            err = describe_os_error(exc, parent)
            if isinstance(err, DiskFullError):
                raise err from exc
            raise ExportError(
                f"The export folder {parent} cannot be written ({exc.strerror or exc}); "
                "choose another folder."
            ) from exc

    def publish(self, name: str, keep: set[str]) -> Path:
        """Leave only `keep` in the staging folder, then rename it to a fresh folder called
        `name` (or `name_2`, …: an earlier export is never replaced); returns it."""
        try:
            for entry in self.path.iterdir():
                if entry.name not in keep:
                    shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
            for n in range(1, 1000):
                target = self.parent / (name if n == 1 else f"{name}_{n}")
                if os.path.lexists(target):
                    continue
                try:
                    os.rename(self.path, target)  # one step: the export appears whole
                except OSError as exc:
                    if exc.errno in (errno.EEXIST, errno.ENOTEMPTY):
                        continue  # made meanwhile by someone else
                    raise
                self._release()
                return target
        except OSError as exc:
            raise describe_os_error(exc, self.parent) from exc
        raise ExportError(f"Too many exports named {name} in {self.parent}.")

    def discard(self) -> None:
        """A cancel or a failure: nothing of this export is left."""
        shutil.rmtree(self.path, ignore_errors=True)
        self._release()

    def _release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
        with contextlib.suppress(OSError):
            Path(self._lock.lock_file).unlink()


def work_dirs(staging: Path) -> tuple[Path, Path]:
    """The staging folder's upload/ and exhibits/ subfolders, created empty."""
    upload_dir, exhibits_dir = staging / UPLOAD, staging / EXHIBITS
    try:
        upload_dir.mkdir()
        exhibits_dir.mkdir()
    except OSError as exc:
        raise describe_os_error(exc, staging) from exc
    return upload_dir, exhibits_dir


def remove_empty(folder: Path) -> None:
    """Remove a folder the export created, only if it is empty."""
    with contextlib.suppress(OSError):
        folder.rmdir()  # only if empty: never touch what someone else put there
