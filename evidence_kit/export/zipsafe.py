"""Safe reading of untrusted zip files: refuse traversal, links and zip bombs.

Nothing here extracts to disk; members are streamed so `verify` writes nothing at all.
"""

from __future__ import annotations

import hashlib
import stat
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from evidence_kit.core.errors import UnreadableFileError, UnsafeArchiveError
from evidence_kit.core.tasks import CancelToken

MAX_ENTRIES = 20_000
MAX_TOTAL_BYTES = 16 * 1024**3  # a case with long 4K videos stays well under this
MAX_RATIO = 200  # deflate reaches ~10x on text; a bomb reaches 1000x
RATIO_MIN_BYTES = 1024 * 1024  # tiny files can compress absurdly well without harm
CHUNK = 1024 * 1024


def open_zip(path: Path) -> zipfile.ZipFile:
    """Open a zip for reading, turning every failure into a named error."""
    if not path.is_file():
        raise UnreadableFileError(f"{path} does not exist or is not a file.")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise UnreadableFileError(f"{path.name} is not a readable zip file: {exc}") from exc


def unsafe_name(name: str) -> str | None:
    """Why a member name is unsafe, or None when it is fine."""
    if not name or "\x00" in name:
        return "an empty name"
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "an absolute path"
    if "\\" in name:
        return "a backslash in its path"
    if ".." in name.split("/"):
        return "a '..' path"
    return None


def check_archive(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Return the file members after refusing anything unsafe (raises UnsafeArchiveError)."""
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise UnsafeArchiveError(
            f"The zip has {len(infos)} entries (limit {MAX_ENTRIES}): refused."
        )
    seen: set[str] = set()
    total = 0
    files = []
    for info in infos:
        reason = unsafe_name(info.filename)
        if reason:
            raise UnsafeArchiveError(f"The zip entry {info.filename!r} has {reason}: refused.")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise UnsafeArchiveError(
                f"The zip entry {info.filename!r} is a symbolic link: refused."
            )
        if info.flag_bits & 0x1:
            raise UnsafeArchiveError(f"The zip entry {info.filename!r} is encrypted: refused.")
        if info.filename in seen:
            raise UnsafeArchiveError(f"The zip holds {info.filename!r} twice: refused.")
        seen.add(info.filename)
        if info.is_dir():
            continue
        total += info.file_size
        if info.file_size >= RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise UnsafeArchiveError(
                f"The zip entry {info.filename!r} expands {info.file_size // max(info.compress_size, 1)}x"
                " (a zip bomb?): refused."
            )
        files.append(info)
    if total > MAX_TOTAL_BYTES:
        raise UnsafeArchiveError(
            f"The zip would expand to {total / 1024**3:.1f} GB (limit {MAX_TOTAL_BYTES // 1024**3} GB):"
            " refused."
        )
    return files


class DamagedMember(Exception):
    """A member's data cannot be read back (bad CRC, broken deflate stream)."""


def iter_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, cancel: CancelToken | None = None
) -> Iterator[bytes]:
    """Stream a member's bytes, never more than its declared size."""
    left = info.file_size
    try:
        with zf.open(info) as fh:
            while True:
                if cancel is not None:
                    cancel.check()
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                left -= len(chunk)
                if left < 0:
                    raise UnsafeArchiveError(
                        f"{info.filename} holds more than it declares: refused."
                    )
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise DamagedMember(f"{info.filename}: {exc}") from exc


def hash_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, cancel: CancelToken | None = None
) -> tuple[str, int]:
    """SHA-256 and byte count of one member, streamed."""
    digest = hashlib.sha256()
    count = 0
    for chunk in iter_member(zf, info, cancel):
        digest.update(chunk)
        count += len(chunk)
    return digest.hexdigest(), count


def read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int = 64 * 1024**2) -> bytes:
    """Whole member in memory; for manifest.json and SHA256SUMS only."""
    if info.file_size > limit:
        raise UnsafeArchiveError(f"{info.filename} is {info.file_size} bytes, too big: refused.")
    return b"".join(iter_member(zf, info))
