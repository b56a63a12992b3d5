"""The export step: platform, what to include, what the dispute form gets, export.

The table is the export's own plan (export/preview.py): what it says is what the export
writes. Check sizes makes the upload files with the export's own jobs in a temporary folder;
the sizes it measured, and those of the last export, stay shown until that exhibit or the
platform changes. The export runs the same Qt-free `export_case` as the CLI on the task
runner, against a copy of the case so later edits cannot race it; its progress and Cancel
are in the status bar, the one place every job shows them. Each export gets a folder of its
own, named by its time (never replacing an earlier one); the case's latest export is shown,
its files ready to open or drag straight into the browser.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.core.model import PLATFORMS, exhibit_numbers
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.export import preview as P
from evidence_kit.export.plan import ExportPlan, plan_export
from evidence_kit.gui.base import theme
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import SetItemField
from evidence_kit.gui.base.tasks import Task, TaskRunner
from evidence_kit.gui.export.finished import FinishedBox
from evidence_kit.gui.export.pack_table import PackTable
from evidence_kit.gui.export.privacy_box import PrivacyBox
from evidence_kit.gui.export.timestamp_choice import TimestampChoice

if TYPE_CHECKING:
    from evidence_kit.export.run import ExportResult

T = TypeVar("T")


class ExportPage(QWidget):
    """A step page. Contract: __init__(controller, runner, parent), refresh()."""

    def __init__(
        self, controller: CaseController, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runner = runner
        self.task: Task | None = None
        self.result: ExportResult | None = None
        self.measured: dict[str, P.Outcome] = {}  # sizes by exhibit key (preview.exhibit_key)
        self.check_notes: list[str] = []  # the last check's notes...
        self._notes_for: set[str] = set()  # ...about the exhibits with these keys
        self._filling = False

        title = QLabel(self.tr("Export"), self)
        theme.set_role(title, "heading")
        intro = QLabel(
            self.tr(
                "Makes the files for the dispute form (within the platform's limits, with location "
                "data removed), a sealed evidence bundle and a PDF summary."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.platform = QComboBox(self)
        from evidence_kit.claim.rules import platform_name

        for pid in PLATFORMS:
            self.platform.addItem(platform_name(pid), pid)
        self.folder = QLineEdit(self)
        self.folder.setToolTip(
            self.tr(
                "Each export goes into a new folder here, named by its time; earlier ones are kept"
            )
        )
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.make_upload = QCheckBox(self.tr("Make the upload pack"), self)
        self.make_upload.setChecked(True)
        self.timestamp = TimestampChoice(self)
        self.privacy = PrivacyBox(self)  # what leaves, what stays; the shareable bundle
        form = QFormLayout()
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Save to"), folder_row)
        form.addRow("", self.make_upload)
        form.addRow(self.tr("Trusted timestamp"), self.timestamp)

        include_box = QGroupBox(self.tr("What to include"), self)
        self.items = QListWidget(include_box)
        self.items.setWordWrap(True)  # a long title wraps instead of scrolling sideways
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.itemChanged.connect(self._include_changed)
        box_layout = QVBoxLayout(include_box)
        box_layout.addWidget(self.items)

        self.preview_box = QGroupBox(self.tr("What the dispute form gets"), self)
        self.table = PackTable(self.preview_box)
        self.check_button = QPushButton(self.tr("Check sizes"), self.preview_box)
        self.check_button.setToolTip(
            self.tr("Make the upload files now, as the export will, and show their real sizes")
        )
        self.check_button.clicked.connect(self.check_sizes)
        self.notes = QLabel(self.preview_box)
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        preview_layout = QVBoxLayout(self.preview_box)
        preview_layout.addWidget(self.table)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.notes, 1)
        preview_row.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        preview_layout.addLayout(preview_row)

        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        self.finished = FinishedBox(self)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.privacy)
        middle = QHBoxLayout()
        middle.addWidget(include_box, 3)
        middle.addWidget(self.preview_box, 7)
        layout.addLayout(middle, 1)
        layout.addLayout(actions)
        layout.addWidget(self.finished)

        self.platform.currentIndexChanged.connect(lambda _=0: self._show_plan())
        self.make_upload.toggled.connect(lambda _=False: self._show_plan())
        controller.case_changed.connect(self.refresh)
        self._set_busy(False)
        self.refresh()

    # --- state ---------------------------------------------------------------------------

    @property
    def platform_id(self) -> str:
        return str(self.platform.currentData())

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.export_button,
            self.check_button,
            self.platform,
            self.items,
            self.make_upload,
            self.timestamp,
            self.privacy,
        ):
            widget.setEnabled(not busy)

    def refresh(self) -> None:
        """Re-read the case: platform, folder, the include list and what the form gets."""
        if self.task is not None:
            return
        case = self.controller.case
        if case.facts.platform in PLATFORMS and not self.result:
            self.platform.blockSignals(True)
            self.platform.setCurrentIndex(PLATFORMS.index(case.facts.platform))
            self.platform.blockSignals(False)
        if not self.folder.text():
            self.folder.setText(str(self.controller.store.exports_dir))
        latest = self.controller.store.latest_export
        if not self.result and latest is not None:
            self.finished.show_folder(latest)  # the last export, also after a restart
        self._filling = True
        self.items.clear()
        numbers = exhibit_numbers(case)
        for it in case.items:
            label = f"{numbers.get(it.id, '--')}  {it.title or it.original_name}  ({it.kind})"
            row = QListWidgetItem(label, self.items)
            row.setData(Qt.ItemDataRole.UserRole, it.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if it.include else Qt.CheckState.Unchecked)
        self._filling = False
        self._show_plan()

    def _include_changed(self, row: QListWidgetItem) -> None:
        if self._filling:
            return
        item_id = row.data(Qt.ItemDataRole.UserRole)
        include = row.checkState() == Qt.CheckState.Checked
        text = self.tr("Include in export") if include else self.tr("Leave out of export")
        self.controller.push(SetItemField(item_id, "include", include, text))

    # --- what the form gets --------------------------------------------------------------

    def plan(self, store: CaseStore | None = None) -> ExportPlan:
        """The export's plan for the chosen platform and pack, of the live case or a copy."""
        store = store or self.controller.store
        return plan_export(store, self.platform_id, upload=self.make_upload.isChecked())

    def _show_plan(self) -> None:
        """The plan's rows, with every size measured for an exhibit as it is now."""
        plan = self.plan()
        rows = P.preview_rows(plan, self.measured)
        self.table.show_rows(rows, plan.platform_name, plan.limits)
        self.preview_box.setTitle(
            self.tr("What the dispute form gets ({0})").format(plan.platform_name)
        )
        keys = {row.key for row in rows if row.key}
        unmeasured = [row for row in rows if row.state == P.PLANNED]
        if not rows:
            notes = [self.tr("Nothing is included yet.")]
        else:
            # the check's notes hold while what it measured is what is shown
            notes = list(self.check_notes) if self._notes_for == keys else []
            if unmeasured:
                notes.append(self.tr("Sizes are known once the files are made: press Check sizes."))
        self.notes.setText("\n".join(notes))

    def show_check(self, plan: ExportPlan, check: P.UploadCheck) -> None:
        """Keep a check's (or an export's) sizes and notes, and show them."""
        self.measured.update(check.outcomes)
        self.check_notes = check.notes
        self._notes_for = {P.exhibit_key(plan, ex) for ex in plan.exhibits if plan.uploads(ex)}
        self._show_plan()

    def check_sizes(self) -> None:
        store = self._snapshot()
        platform = self.platform_id
        plan = self.plan(store)
        self._start(
            self.tr("Checking upload sizes"),
            lambda progress, cancel: P.check_upload(store, platform, progress, cancel),
            lambda check: self.show_check(plan, check),
        )

    # --- export --------------------------------------------------------------------------

    def _snapshot(self) -> CaseStore:
        """The worker's own copy of the case, so edits made meanwhile cannot race it."""
        store = self.controller.store
        return CaseStore(store.root, copy.deepcopy(store.case))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def out_dir(self) -> Path:
        text = self.folder.text().strip()
        return Path(text).expanduser() if text else self.controller.store.exports_dir

    def start_export(self) -> None:
        from evidence_kit.export.run import export_case

        store = self._snapshot()
        plan = self.plan(store)
        out = self.out_dir()
        if not self.confirm_stale_claim():
            return
        platform, upload = self.platform_id, self.make_upload.isChecked()
        shareable = self.privacy.shareable.isChecked()
        stamper = self.timestamp.stamper()
        self.summary.setText(self.tr("Exporting…"))
        self._start(
            self.tr("Exporting"),
            lambda progress, cancel: export_case(
                store,
                out,
                platform,
                progress,
                cancel,
                upload=upload,
                shareable=shareable,
                record=False,
                timestamp=stamper,
            ),  # fmt: skip
            lambda result: self._export_done(plan, result),
        )

    def confirm_stale_claim(self) -> bool:
        """Before writing a claim whose edited text no longer matches the case, ask."""
        from evidence_kit.claim.draft import draft_claim
        from evidence_kit.export.run import stale_warning

        warning = stale_warning(draft_claim(self.controller.case))
        if not warning:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("The claim is out of date"),
            warning
            + "\n\n"
            + self.tr("Export it as it is? (Regenerate it in the Claim step first to update it.)"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _start(
        self, label: str, fn: Callable[[ProgressFn, CancelToken], T], on_done: Callable[[T], None]
    ) -> None:
        self._set_busy(True)
        self.task = self.runner.start(
            label,
            fn,
            on_done=lambda result: self._finished(on_done, result),
            on_error=self._failed,
            on_cancel=self._cancelled,
        )

    def _finished(self, on_done: Callable[[T], None], result: T) -> None:
        self.task = None
        self._set_busy(False)
        on_done(result)

    def _export_done(self, plan: ExportPlan, result: ExportResult) -> None:
        from evidence_kit.export.run import record_export

        self.result = result
        # the log is append-only, so this is not an undo step; a failed save puts back the
        # latest export the case named before (the new folder stays, whole, on disk)
        before = self.controller.case.latest_export
        if self.controller.change(
            lambda case: record_export(case, result),
            lambda case: setattr(case, "latest_export", before),
        ):
            self.controller.case_changed.emit()
        measured = P.outcomes(plan, result.files, result.problems)
        self.show_check(plan, P.UploadCheck(measured, result.problems + result.warnings))
        lines = [
            self.tr("Saved the bundle {0} and the PDF {1} in a new folder, {2}.").format(
                result.bundle.name, result.pdf.name, result.folder or result.bundle.parent
            )
        ]
        if result.timestamp:
            lines.append(self.tr("Timestamp: {0}").format(result.timestamp))
        self.summary.setText("\n".join(lines))
        self.finished.show_export(result)
        self.privacy.show_result(result)

    def _failed(self, exc: Exception) -> None:
        self.task = None
        self._set_busy(False)
        self.summary.setText("")
        text = str(exc) if isinstance(exc, EvidenceKitError) else self.tr("Export failed: {0}").format(exc)  # fmt: skip
        QMessageBox.warning(self, self.tr("Export failed"), text)

    def _cancelled(self) -> None:
        self.task = None
        self._set_busy(False)
        self.summary.setText(self.tr("Cancelled. Nothing was written."))

    def cancel(self) -> None:
        """Stop the running export or check (the status bar's Cancel does the same)."""
        if self.task is not None:
            self.task.cancel()
