"""The case lock: one writer at a time per case folder (DESIGN §3).

An OS file lock (filelock: flock on Unix, LockFileEx on Windows) ends with its process, so a
crash or a kill -9 never leaves a case locked. A writer that keeps the case for a while (the
app, a command) also writes who it is beside the lock, so a second writer that gives up can
say which process holds the case.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from pathlib import Path

from filelock import FileLock, Timeout

from evidence_kit.core.errors import CaseLockedError, describe_os_error

LOCK_NAME = ".evidence-kit.lock"
OWNER_NAME = ".evidence-kit.owner"
APP = "Evidence Kit"  # the desktop app's holder name
WAIT_S = 10.0  # how long a second writer waits for the first one to finish


def default_wait() -> float:
    """WAIT_S, or EVIDENCE_KIT_LOCK_WAIT seconds (scripts and tests that cannot wait)."""
    try:
        return max(0.0, float(os.environ.get("EVIDENCE_KIT_LOCK_WAIT", WAIT_S)))
    except ValueError:
        return WAIT_S


class CaseLock:
    """The lock of one case folder, held by this object until `release`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # not thread-local: the app takes it on the GUI thread, workers save under it
        self._lock = FileLock(str(root / LOCK_NAME), thread_local=False)
        self._owner_written = False

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self, wait: float | None = None, holder: str = "") -> None:
        """Take the lock, waiting up to `wait` seconds, or raise CaseLockedError.

        holder: who we are ("Evidence Kit", "evidence-kit case add"), written beside the
        lock for a writer that keeps the case open; brief holds (one save) leave it empty.
        """
        try:
            self._lock.acquire(timeout=default_wait() if wait is None else wait)
        except Timeout:
            raise locked_error(self.root) from None
        except OSError as exc:
            raise describe_os_error(exc, self.root / LOCK_NAME) from exc
        if holder:
            self._write_owner(holder)

    def try_acquire(self) -> bool:
        """Take the lock only if it is free right now (False if busy or not writable)."""
        try:
            self._lock.acquire(timeout=0)
        except (Timeout, OSError):
            return False
        return True

    def release(self) -> None:
        """Let the next writer in."""
        if not self.held:
            return
        if self._owner_written:
            with contextlib.suppress(OSError):
                (self.root / OWNER_NAME).unlink()
            self._owner_written = False
        self._lock.release()

    def _write_owner(self, holder: str) -> None:
        owner = {"pid": os.getpid(), "host": socket.gethostname(), "holder": holder}
        with contextlib.suppress(OSError):  # the lock holds without it; only the message suffers
            (self.root / OWNER_NAME).write_text(json.dumps(owner), encoding="utf-8")
            self._owner_written = True


def locked_error(root: Path) -> CaseLockedError:
    """The one line a writer gets when another process holds the case."""
    try:
        owner = json.loads((root / OWNER_NAME).read_text(encoding="utf-8"))
        pid = int(owner["pid"])
        holder = str(owner.get("holder") or APP)
        host = str(owner.get("host") or "")
    except (OSError, ValueError, TypeError, KeyError):
        return CaseLockedError(
            "this case is being changed by another Evidence Kit process; try again in a moment"
        )
    where = f"pid {pid}" if not host or host == socket.gethostname() else f"pid {pid} on {host}"
    if holder == APP:
        return CaseLockedError(
            f"this case is open in Evidence Kit ({where}); close it there first", pid
        )
    return CaseLockedError(
        f"this case is busy: '{holder}' ({where}) is still changing it; "
        "try again when it has finished",
        pid,
    )


def signature(info: os.stat_result) -> tuple[int, int, int]:
    """What changes whenever case.json is replaced or rewritten: a save compares it with
    what it read, so another writer's change is never saved over."""
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def stat_signature(path: Path) -> tuple[int, int, int] | None:
    """The signature of the file at `path` now (None if it is gone)."""
    try:
        return signature(path.stat())
    except OSError:
        return None
