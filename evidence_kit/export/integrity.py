"""Before anything is written: every original is still the file that was imported.

A missing file or a changed hash refuses the export, naming the file, so nothing is ever
sealed under a stale hash.
"""

from __future__ import annotations

from evidence_kit.core.errors import IntegrityError
from evidence_kit.core.hashing import sha256_file
from evidence_kit.core.model import Item, exhibit_numbers
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn


def check_originals(
    store: CaseStore, items: list[Item], progress: ProgressFn, cancel: CancelToken
) -> None:
    """Refuse (IntegrityError naming the file) if any file is missing or changed."""
    numbers = exhibit_numbers(store.case)
    total = sum(it.bytes for it in items) or 1
    done = 0
    for it in items:
        cancel.check()
        label = f"{it.file} ({numbers.get(it.id, it.title or it.id)})"
        path = store.path_of(it)
        if not path.is_file():
            raise IntegrityError(f"{label} is missing from the case folder; export refused.")
        digest = sha256_file(path, _offset(progress, done, it.bytes, total), cancel)
        if digest != it.sha256:
            raise IntegrityError(
                f"{label} has changed since it was imported (SHA-256 mismatch); export refused."
            )
        done += it.bytes


def _offset(progress: ProgressFn, done: int, size: int, total: int) -> ProgressFn:
    def report(fraction: float, message: str) -> None:
        progress((done + fraction * size) / total, message)

    return report
