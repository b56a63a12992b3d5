"""Every path of a case stays inside its folder: a link that leads out is refused.

A case folder may come from someone else (a copied case, a sample, a hand-edited one). A
link in it (`originals/x.jpg` -> `~/.ssh/id_rsa`, `derived/` -> `/etc`) would make the app
read, seal into a bundle, write into or change the permissions of a file outside the case.
So every item's file and every folder the app writes into is resolved first, and refused
unless it lies inside the case folder. Links within the case are followed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from evidence_kit.core.errors import UnsafePathError, describe_os_error
from evidence_kit.core.file_check import check_file
from evidence_kit.core.log_file import LOG_FILE
from evidence_kit.core.model import Case, Item, exhibit_numbers
from evidence_kit.core.tasks import CancelToken, ProgressFn, no_progress

CASE_FILE = "case.json"
ORIGINALS = "originals"  # imported and recorded files, read-only
EXTRACTED = "extracted"  # frames, clips, comparisons: exhibits, hashed, read-only
DERIVED = "derived"  # caches only (thumbnails): `case rebuild` makes them again
EXPORTS = "exports"  # one folder per export, named by its time
RECORDING = "recording"  # takes being recorded, until they are sealed into originals/


class CaseFolders:
    """Where things live in a case folder; the store's locations (CaseStore mixes it in)."""

    root: Path
    case: Case

    @property
    def name(self) -> str:
        """The case's name: its folder name."""
        return self.root.name

    @property
    def case_file(self) -> Path:
        return self.root / CASE_FILE

    @property
    def log_file(self) -> Path:
        return self.root / LOG_FILE

    @property
    def originals_dir(self) -> Path:
        return self.root / ORIGINALS

    @property
    def extracted_dir(self) -> Path:
        return self.root / EXTRACTED

    @property
    def derived_dir(self) -> Path:
        return self.root / DERIVED

    @property
    def exports_dir(self) -> Path:
        return self.root / EXPORTS

    @property
    def recording_dir(self) -> Path:
        return self.root / RECORDING

    @property
    def latest_export(self) -> Path | None:
        """The folder of the case's last export, if it is still there."""
        if not self.case.latest_export:
            return None
        folder = self.root / self.case.latest_export  # an absolute path stays itself
        return folder if folder.is_dir() else None

    def path_of(self, item_or_rel: Item | str) -> Path:
        """Absolute path of an item's file (or of a case-relative path), refused
        (UnsafePathError) when a link takes it outside the case folder."""
        rel = item_or_rel if isinstance(item_or_rel, str) else item_or_rel.file
        return confined(self.root, rel)

    def checked(
        self, item: Item, progress: ProgressFn = no_progress, cancel: CancelToken | None = None
    ) -> Path:
        """path_of(item) once its file is known to hold the recorded hash (file_check.py):
        what anything built from an item reads."""
        path = self.path_of(item)
        label = f"{item.file} ({exhibit_numbers(self.case).get(item.id, item.title or item.id)})"
        check_file(path, item.sha256, item.bytes, label, progress=progress, cancel=cancel)
        return path

    def folder(self, *parts: str) -> Path:
        """A folder of the case to write into ("extracted", "frames"), created on demand."""
        return case_folder(self.root, "/".join(parts))

    def extracted(self, *parts: str) -> Path:
        """A folder under extracted/ (frames, clips, comparisons), created on demand."""
        return self.folder(EXTRACTED, *parts)

    def derived(self, *parts: str) -> Path:
        """A cache folder under derived/, created on demand."""
        return self.folder(DERIVED, *parts)


def resolves_inside(root: Path, path: Path) -> bool:
    """The path, with every link in it followed, lies inside the case folder `root`."""
    base = os.path.normcase(os.path.realpath(root))
    real = os.path.normcase(os.path.realpath(path))
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def confined(root: Path, rel: str, what: str = "") -> Path:
    """root / rel, or UnsafePathError when a link takes it outside the case folder.

    what: how the message names it ("E2 (originals/x.jpg)"); default: the relative path.
    """
    path = root / rel
    if not resolves_inside(root, path):
        raise UnsafePathError(
            f"{what or rel} in the case folder leads to {os.path.realpath(path)}, outside the "
            "case (a link); Evidence Kit only uses files inside the case folder. Replace the "
            "link by the file itself, or import the file again."
        )
    return path


def case_folder(root: Path, rel: str, create: bool = True) -> Path:
    """A folder of the case to write into (originals/, extracted/frames, exports/…).

    Checked before it is created, so a link to a folder elsewhere is never written
    through: UnsafePathError names it.
    """
    path = root / rel
    if not resolves_inside(root, path):
        raise UnsafePathError(
            f"{rel}/ in the case folder is a link to {os.path.realpath(path)}, outside the "
            "case; Evidence Kit only writes inside the case folder. Replace the link by a "
            "folder of that name."
        )
    if create:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise describe_os_error(exc, path) from exc
    return path


def make_read_only(path: Path) -> None:
    """Drop write permission for everyone: originals and extracted exhibits never change."""
    mode = path.stat().st_mode
    path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def remove_file(path: Path) -> int:
    """Delete one file of the case; returns its size. A link goes, never what it points to.

    Permissions are never touched on POSIX (deleting needs only the folder's write
    permission); on Windows a read-only file is made writable first, unless other hard
    links share it, which would change the permissions of a file outside the case too.
    """
    info = path.lstat()
    if stat.S_ISREG(info.st_mode) and os.name == "nt" and info.st_nlink == 1:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    path.unlink()
    return info.st_size if stat.S_ISREG(info.st_mode) else 0
