"""Before anything is written: every original is still the file that was imported.

A missing file, a changed hash or a link out of the case folder refuses the export, naming
the file, so nothing is ever sealed under a stale hash and nothing from outside the case is
sealed at all. Each file checked here is trusted by the jobs that read it next (the check's
cache, core/file_check.py), so it is hashed once per export.
"""

from __future__ import annotations

from evidence_kit.core.errors import IntegrityError
from evidence_kit.core.file_check import check_file
from evidence_kit.core.model import Item, exhibit_numbers
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn


def check_originals(
    store: CaseStore, items: list[Item], progress: ProgressFn, cancel: CancelToken
) -> None:
    """Refuse (IntegrityError or UnsafePathError naming the file) if any file is missing,
    changed or outside the case."""
    numbers = exhibit_numbers(store.case)
    total = sum(it.bytes for it in items) or 1
    done = 0
    for it in items:
        cancel.check()
        label = f"{it.file} ({numbers.get(it.id, it.title or it.id)})"
        path = store.path_of(it)
        if not path.is_file():
            raise IntegrityError(f"{label} is missing from the case folder; export refused.")
        check_file(
            path,
            it.sha256,
            it.bytes,
            label,
            refused="export refused",
            progress=_offset(progress, done, it.bytes, total),
            cancel=cancel,
        )
        done += it.bytes


def _offset(progress: ProgressFn, done: int, size: int, total: int) -> ProgressFn:
    def report(fraction: float, message: str) -> None:
        progress((done + fraction * size) / total, message)

    return report
