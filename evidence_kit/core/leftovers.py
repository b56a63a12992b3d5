"""What an interrupted command left in a case folder, found and removed under the case lock.

Every writer holds the case lock while it works, so whatever the next holder finds here
belongs to a process that died (kill -9, a crash, a power cut) and can go: a half-copied
`originals/.<id>.part`, a copy whose item never reached case.json, a frame or clip whose
item never did, an unsaved `.case.*.tmp`, an export's staging folder. Only files named the
way the importer, the grabs, the store and the export name them are touched, and only in
folders that lie inside the case (a link out of it is never followed).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
from pathlib import Path

from filelock import FileLock, Timeout

from evidence_kit.core.case_paths import remove_file, resolves_inside

#: the importer's stored name, and a grab's, clip's or comparison's: a 6-hex item id, "_"
_OURS = re.compile(r"^[0-9a-f]{6}_")
#: half-written files: the importer's copy, a grab's frame, a clip, a comparison
_PARTIAL = re.compile(r"^\.(.+\.part|clip\..+\.mp4|render-.+\.tmp)$")
#: an export is built in a hidden folder beside the export folders, then renamed into place
STAGING_PREFIX = ".evidence-kit-export-"
#: folders holding extracted exhibits (their files are named by their item's parent id)
_EXTRACTED = ("extracted/frames", "extracted/clips", "extracted/compare")


def clean(root: Path, referenced: set[str]) -> str:
    """Remove the leftovers; return one line saying what went ("" when nothing did).

    referenced: the real paths of every file a live or binned item uses.
    """
    temps = [*root.glob(".case.*.tmp"), *root.glob(".probe.*")]
    parts: list[Path] = []
    orphans: dict[str, list[Path]] = {"originals": [], "extracted": []}
    for folder in ("originals", *_EXTRACTED):
        for path in _files(root, root / folder):
            if _PARTIAL.match(path.name):
                parts.append(path)
            elif _OURS.match(path.name) and os.path.realpath(path) not in referenced:
                orphans[folder.split("/")[0]].append(path)
    found = {"parts": parts, **orphans, "temps": temps}
    removed = dict.fromkeys([*found, "exports"], 0)
    freed = 0
    for kind, paths in found.items():
        for path in paths:
            size = _remove(path)
            if size is not None:
                removed[kind] += 1
                freed += size
    for staging in staging_folders(root / "exports", root):
        size = remove_staging(staging)
        if size is not None:
            removed["exports"] += 1
            freed += size
    said = [
        f"{removed[kind]} {one if removed[kind] == 1 else many}"
        for kind, one, many in _WORDS
        if removed[kind]
    ]
    if not said:
        return ""
    return (
        f"cleaned up after an interrupted command: removed {', '.join(said)}"
        f" ({_size(freed)}); the case itself is as it was last saved"
    )


_WORDS = (
    ("parts", "unfinished copy", "unfinished copies"),
    ("originals", "imported file that never reached the case", "imported files that never reached the case"),
    ("extracted", "frame or clip that never reached the case", "frames or clips that never reached the case"),
    ("temps", "unsaved temporary file", "unsaved temporary files"),
    ("exports", "unfinished export", "unfinished exports"),
)  # fmt: skip


def _files(root: Path, folder: Path) -> list[Path]:
    """The plain files directly in `folder`, if it is a real folder inside the case."""
    if folder.is_symlink() or not resolves_inside(root, folder):
        return []
    with contextlib.suppress(OSError):
        return [Path(e.path) for e in os.scandir(folder) if e.is_file(follow_symlinks=False)]
    return []


def staging_folders(parent: Path, root: Path | None = None) -> list[Path]:
    """The export staging folders in `parent` (real folders, never links), and the lock
    files of any whose folder is gone."""
    if parent.is_symlink() or (root is not None and not resolves_inside(root, parent)):
        return []
    with contextlib.suppress(OSError):
        return [
            Path(e.path)
            for e in os.scandir(parent)
            if e.name.startswith(STAGING_PREFIX)
            and (e.is_dir(follow_symlinks=False) or e.name.endswith(".lock"))
        ]
    return []


def staging_lock(folder: Path) -> FileLock:
    """The lock a running export holds beside its staging folder (an OS lock, so it ends
    with its process). It is taken before the folder exists and let go after the folder
    was renamed into place, so a running export's folder is never taken for a leftover."""
    name = folder.name if folder.name.endswith(".lock") else folder.name + ".lock"
    return FileLock(str(folder.with_name(name)), thread_local=False)


def remove_staging(folder: Path) -> int | None:
    """Delete a killed export's staging folder (and its lock file); returns the bytes freed,
    or None when an export is still building there."""
    lock = staging_lock(folder)
    try:
        lock.acquire(timeout=0)
    except (Timeout, OSError):
        return None
    try:
        if folder.name.endswith(".lock"):
            size = 0
        else:
            size = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_symlink())
            shutil.rmtree(folder)
    except OSError:
        return None
    finally:
        lock.release()
        with contextlib.suppress(OSError):
            Path(lock.lock_file).unlink()
    return size if not folder.name.endswith(".lock") else None


def _remove(path: Path) -> int | None:
    try:
        info = path.lstat()
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
            return None  # a folder or a device: not ours
        return remove_file(path)
    except OSError:
        return None


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} MB"
    if n >= 1000:
        return f"{n / 1e3:.0f} KB"
    return f"{n} bytes"
