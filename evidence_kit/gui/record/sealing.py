"""Sealing takes into the case: hash and copy them into originals/ on the task runner, add
them as one undo step, and offer takes that a crash left behind.

The worker gets the file paths, the known hashes and a detached copy of the store (for the
folder and fresh ids), never the live case.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from evidence_kit.core import case_ops
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.gui.base.tasks import detached_store

if TYPE_CHECKING:
    from evidence_kit.gui.record.window import RecorderWindow
    from evidence_kit.media.importer import ImportReport


class TakeSealer(QObject):
    """Adds finished and interrupted takes to the recorder's case."""

    def __init__(self, window: RecorderWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.busy = False
        window.recover_button.clicked.connect(self.recover_leftovers)

    def add(self, paths: list[Path], undo_text: str = "Add recording") -> None:
        """Hash and copy takes into originals/ on the runner, then add them as one step."""
        from evidence_kit.media.importer import import_files

        store = detached_store(self.controller.store)
        known = {it.sha256 for it in store.case.items}
        self.busy = True
        self.window.sync_record_button()
        self.window.status.setText(
            self.tr("Sealing the recording: hashing and adding it to the case…")
        )

        def work(progress: ProgressFn, cancel: CancelToken) -> ImportReport:
            return import_files(
                store,
                paths,
                known,
                lambda: case_ops.new_item_id(store.case),
                progress,
                cancel,
                source="recorded",
            )

        self.window.runner.start(
            self.tr("Adding the recording"),
            work,
            on_done=lambda report: self._added(paths, report, undo_text),
            on_error=lambda exc: self._failed(paths, exc),
            on_cancel=lambda: self._failed(paths, EvidenceKitError("Cancelled.")),
        )

    def _added(self, paths: list[Path], report: ImportReport, undo_text: str) -> None:
        self.busy = False
        self.window.sync_record_button()
        if report.items:
            self.controller.add_items(report.items, undo_text)
        sealed = {it.original_name for it in report.items}
        # a take already in the case (same SHA-256) was sealed before a crash: not a failure
        failed = [(Path(p), why) for p, why in report.skipped if "already in this case" not in why]
        for path in paths:
            if path.name in sealed or path not in {p for p, _ in failed}:
                # the sealed copy lives in originals/, hashed; the working file can go
                with contextlib.suppress(OSError):
                    path.unlink()
        self.show_leftovers()
        if failed:
            self._failed([p for p, _ in failed], EvidenceKitError(failed[0][1]))
            return
        if not report.items:
            return
        item = report.items[0]
        self.window.status.setText(
            self.tr("Added to the case: %1 (sha256 %2…)")
            .replace("%1", item.title)
            .replace("%2", item.sha256[:12])
        )

    def _failed(self, paths: list[Path], exc: Exception) -> None:
        self.busy = False
        self.window.sync_record_button()
        QMessageBox.warning(
            self.window,
            self.tr("Recording not added"),
            self.tr("The recording was kept at %1 but could not be added: %2")
            .replace("%1", ", ".join(str(p) for p in paths))
            .replace("%2", str(exc)),
        )

    # --- takes a crash left behind ----------------------------------------------------------

    def leftover_takes(self, current: Path | None = None) -> list[Path]:
        """Takes in the working folder that were never added (the app stopped mid-take)."""
        folder = self.controller.store.recording_dir
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.glob("*.mp4") if p != current and p.stat().st_size > 0)

    def show_leftovers(self) -> None:
        """Show or hide the bar that offers interrupted takes."""
        window = self.window
        found = self.leftover_takes(window.take_path()) if not self.busy else []
        window.leftover_bar.setVisible(bool(found))
        if found:
            text = self.tr("%n recording(s) stopped unexpectedly", "", len(found))
            window.leftover_label.setText(
                text
                + self.tr(
                    " (the app or computer closed while recording). What reached the disk can "
                    "still be added to the case."
                )
            )

    def recover_leftovers(self) -> None:
        """Add interrupted takes to the case, up to where they were cut off."""
        found = self.leftover_takes(self.window.take_path())
        if not found or self.busy:
            return
        if not self.controller.log("recording_recovered", files=[p.name for p in found]):
            return
        self.window.leftover_bar.setVisible(False)
        self.add(found, "Add interrupted recording")
