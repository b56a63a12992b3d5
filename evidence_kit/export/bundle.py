"""The deterministic evidence zip: sorted entries, fixed timestamps and permissions.

Two exports of the same case give the same bytes except the manifest's `exported_at`.
Each file is re-hashed while it is written, so a file changed after it was checked is
caught instead of being sealed under a stale hash.
"""

from __future__ import annotations

import hashlib
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from evidence_kit.core.errors import IntegrityError, describe_os_error
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
#: Already-compressed formats are stored: deflating them costs time and saves nothing.
STORED_SUFFIXES = {
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".mp4", ".mov", ".m4v",
    ".mkv", ".webm", ".avi", ".pdf", ".zip", ".3gp",
}  # fmt: skip
CHUNK = 4 * 1024 * 1024


@dataclass
class BundleEntry:
    """One file to seal: its name in the zip, where its bytes come from, its known hash."""

    arcname: str
    source: Path | bytes
    sha256: str

    @property
    def size(self) -> int:
        return len(self.source) if isinstance(self.source, bytes) else self.source.stat().st_size


def _zinfo(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.create_system = 3  # unix, whatever OS wrote it
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    suffix = Path(name).suffix.lower()
    info.compress_type = zipfile.ZIP_STORED if suffix in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
    return info


def write_bundle(
    entries: list[BundleEntry],
    out: Path,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Write the zip at `out` (the caller removes it on failure)."""
    names = [e.arcname for e in entries]
    if len(set(names)) != len(names):
        raise ValueError("duplicate names in the bundle")
    ordered = sorted(entries, key=lambda e: e.arcname)
    total = sum(e.size for e in ordered) or 1
    done = 0
    try:
        with zipfile.ZipFile(out, "w", allowZip64=True, compresslevel=6) as zf:
            for entry in ordered:
                if cancel is not None:
                    cancel.check()
                info = _zinfo(entry.arcname)
                info.file_size = entry.size
                digest = hashlib.sha256()
                with zf.open(info, "w", force_zip64=entry.size > 2**31) as dst:
                    if isinstance(entry.source, bytes):
                        digest.update(entry.source)
                        dst.write(entry.source)
                        done += len(entry.source)
                    else:
                        with entry.source.open("rb") as src:
                            while chunk := src.read(CHUNK):
                                if cancel is not None:
                                    cancel.check()
                                digest.update(chunk)
                                dst.write(chunk)
                                done += len(chunk)
                                progress(done / total, f"Sealing {entry.arcname}")
                if digest.hexdigest() != entry.sha256:
                    raise IntegrityError(
                        f"{entry.arcname} changed while the bundle was being written; export again."
                    )
                progress(done / total, f"Sealing {entry.arcname}")
    except OSError as exc:
        raise describe_os_error(exc, out) from exc
