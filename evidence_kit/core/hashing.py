"""Streaming SHA-256, and copy-while-hashing in one pass over the source.

Memory stays bounded (one chunk) whatever the file size, and a cancelled or failed copy
never leaves a half-written file behind.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from evidence_kit.core.errors import UnreadableFileError, describe_os_error
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress

CHUNK = 4 * 1024 * 1024  # large enough that hashlib (which drops the GIL) dominates


def sha256_file(
    path: Path | str,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> str:
    """Return the hex SHA-256 of a file, reading it in chunks."""
    path = Path(path)
    digest = hashlib.sha256()
    try:
        total = path.stat().st_size
        done = 0
        buf = bytearray(CHUNK)
        view = memoryview(buf)
        with path.open("rb") as fh:
            while True:
                if cancel is not None:
                    cancel.check()
                n = fh.readinto(buf)
                if not n:
                    break
                digest.update(view[:n])
                done += n
                progress(done / total if total else 1.0, f"Hashing {path.name}")
    except OSError as exc:
        raise UnreadableFileError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    return digest.hexdigest()


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of bytes in memory."""
    return hashlib.sha256(data).hexdigest()


def copy_and_hash(
    src: Path | str,
    dst: Path | str,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> tuple[str, int]:
    """Copy src to dst byte for byte while hashing; return (sha256, bytes).

    dst is written, flushed and fsynced. On any failure or cancel, dst is removed and the
    error is raised as a named error.
    """
    src, dst = Path(src), Path(dst)
    digest = hashlib.sha256()
    done = 0
    try:
        fin = src.open("rb")
    except OSError as exc:
        raise UnreadableFileError(f"Cannot read {src}: {exc.strerror or exc}") from exc
    try:
        with fin:
            total = os.fstat(fin.fileno()).st_size
            buf = bytearray(CHUNK)
            view = memoryview(buf)
            with dst.open("xb") as fout:
                while True:
                    if cancel is not None:
                        cancel.check()
                    try:
                        n = fin.readinto(buf)
                    except OSError as exc:
                        raise UnreadableFileError(
                            f"Cannot read {src}: {exc.strerror or exc}"
                        ) from exc
                    if not n:
                        break
                    digest.update(view[:n])
                    fout.write(view[:n])
                    done += n
                    progress(done / total if total else 1.0, f"Copying {src.name}")
                fout.flush()
                os.fsync(fout.fileno())
    except BaseException as exc:
        dst.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise describe_os_error(exc, dst) from exc
        raise
    return digest.hexdigest(), done
