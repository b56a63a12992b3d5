"""Output files of the video tools: a writable output folder, and atomic writes that
never leave a half-written file behind. (No numpy here: a stream-copy clip stays light.)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from evidence_kit.core.errors import CaseReadOnlyError, describe_os_error


def check_out_dir(out_dir: Path) -> None:
    """Create the output folder, or fail with a clear error if it cannot be written."""
    import errno

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM):
            raise describe_os_error(exc, out_dir) from exc
        raise CaseReadOnlyError(
            f"Cannot create the output folder {out_dir}: {exc.strerror or exc}"
        ) from exc
    if not out_dir.is_dir() or not os.access(out_dir, os.W_OK | os.X_OK):
        raise CaseReadOnlyError(f"The output folder {out_dir} cannot be written.")


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file via a temp file and rename, with named errors."""
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".grab.", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a grab is an ordinary file
        os.replace(tmp, path)
        tmp = ""
    except OSError as exc:
        raise describe_os_error(exc, path) from exc
    finally:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
