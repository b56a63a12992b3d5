"""The staging folder an export is built in, and the final all-or-nothing move into place.

Everything is written into a hidden folder inside the output folder (the same disk, so the
moves are renames). On a cancel or a failure the caller removes it, so no partial output is
ever left.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from evidence_kit.core.errors import DiskFullError, ExportError, describe_os_error

UPLOAD = "upload"
EXHIBITS = "exhibits"
SUMMARY = "summary.pdf"


def make_staging(out_dir: Path) -> Path:
    """A fresh hidden folder inside out_dir (created if needed)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".evidence-kit-export-", dir=out_dir))
    except OSError as exc:
        err = describe_os_error(exc, out_dir)
        if isinstance(err, DiskFullError):
            raise err from exc
        raise ExportError(
            f"The export folder {out_dir} cannot be written ({exc.strerror or exc}); choose another folder."
        ) from exc


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


def commit(
    staging: Path, bundle: Path, pdf: Path, upload_dir: Path | None, shareable: Path | None = None
) -> None:
    """Move the staged bundle, PDF, upload pack and shareable bundle over any previous
    export, all or nothing.

    upload_dir None: no upload pack was made, and any previous one is left alone.
    """
    moves = [(staging / bundle.name, bundle), (staging / SUMMARY, pdf)]
    if shareable is not None:
        moves.append((staging / shareable.name, shareable))
    if upload_dir is not None:
        moves.append((staging / UPLOAD, upload_dir))
    done: list[tuple[Path, Path, Path | None]] = []
    try:
        for src, dst in moves:
            backup = None
            if dst.exists() or dst.is_symlink():
                backup = staging / f"previous-{dst.name}"
                os.replace(dst, backup)
            done.append((src, dst, backup))
            if src.name == SUMMARY:
                shutil.copyfile(src, dst)  # the bundle keeps its own copy
            else:
                os.replace(src, dst)
    except OSError as exc:
        for _src, dst, backup in reversed(done):
            if dst.is_dir() and not dst.is_symlink():
                shutil.rmtree(dst, ignore_errors=True)
            else:
                dst.unlink(missing_ok=True)
            if backup is not None:
                os.replace(backup, dst)
        raise describe_os_error(exc, bundle.parent) from exc
