"""Imports files in the background (copy + hash), then adds them as one undo step."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from evidence_kit.core import case_ops
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.tasks import TaskRunner, detached_store

if TYPE_CHECKING:
    from evidence_kit.media.importer import ImportReport


class ImportController(QObject):
    """One import at a time; reports skipped files in one dialog."""

    finished = Signal(list)  # new item ids

    def __init__(
        self, controller: CaseController, runner: TaskRunner, parent_widget: QWidget
    ) -> None:
        super().__init__(parent_widget)
        self.controller = controller
        self.runner = runner
        self.parent_widget = parent_widget
        self.busy = False

    def import_paths(self, paths: list[Path], source: str = "imported") -> None:
        """Start importing; the window stays responsive and the import can be cancelled."""
        from evidence_kit.core.errors import EvidenceKitError
        from evidence_kit.media.importer import import_files

        if self.busy:
            self._warn(self.tr("An import is already running. Wait for it or cancel it."))
            return
        store = self.controller.store
        try:
            store.check_writable()
        except EvidenceKitError as exc:
            self._warn(str(exc))
            return
        known = {it.sha256 for it in store.case.items}
        # the worker reads a detached copy: the shopper keeps editing the live case meanwhile
        store = detached_store(store)
        issued: set[str] = set()

        def new_id() -> str:
            while (candidate := case_ops.new_item_id(store.case)) in issued:
                pass
            issued.add(candidate)
            return candidate

        self.busy = True
        count = len(paths)
        self.runner.start(
            self.tr("Importing %n file(s)…", "", count),
            lambda progress, cancel: import_files(
                store, list(paths), known, new_id, progress, cancel, source
            ),
            on_done=self._on_done,
            on_error=self._on_error,
            on_cancel=self._on_cancel,
        )

    def _on_done(self, report: ImportReport) -> None:
        self.busy = False
        items, skipped = report.items, report.skipped
        if items:
            self.controller.add_items(items, self.tr("Import %n file(s)", "", len(items)))
            self.controller.select(items[-1].id)
        if skipped:
            lines = "\n".join(f"• {Path(p).name}: {reason}" for p, reason in skipped)
            self._warn(self.tr("Some files were not imported:") + "\n\n" + lines)
        self.finished.emit([it.id for it in items])

    def _on_error(self, exc: Exception) -> None:
        self.busy = False
        self._warn(self.tr("Import failed; the case is unchanged.") + f"\n\n{exc}")
        self.finished.emit([])

    def _on_cancel(self) -> None:
        self.busy = False  # import_files already removed what it had copied
        self.finished.emit([])

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self.parent_widget, self.tr("Import"), text)
