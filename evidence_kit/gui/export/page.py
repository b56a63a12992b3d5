"""The export step: platform, what to include, upload-pack preview, export with progress.

The page runs the same Qt-free `export_case` as the CLI on the task runner, against a
copy of the case so later edits cannot race the worker. Sizes are shown against the
platform's limit in green (fits) or red (over, or left out).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.core.model import PLATFORMS, exhibit_numbers
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.export.naming import human_size
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import SetItemField
from evidence_kit.gui.base.tasks import Task, TaskRunner

if TYPE_CHECKING:  # the export modules load when the page first needs them
    from evidence_kit.claim.rules import UploadLimits
    from evidence_kit.export.exhibits import UploadFile
    from evidence_kit.export.run import ExportResult

T = TypeVar("T")
#: a table row: file name, bytes, limit, status, status colour
Row = tuple[str, int | None, int | None, str, QColor]

GREEN = QColor("#2e7d32")
RED = QColor("#c62828")
GREY = QColor("#607d8b")


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
        self._filling = False

        title = QLabel(self.tr("Export"), self)
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
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
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.make_upload = QCheckBox(self.tr("Make the upload pack"), self)
        self.make_upload.setChecked(True)
        self.timestamp = self._timestamp_choice()
        form = QFormLayout()
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Save to"), folder_row)
        form.addRow("", self.make_upload)
        form.addRow(self.tr("Trusted timestamp"), self.timestamp)

        include_box = QGroupBox(self.tr("What to include"), self)
        self.items = QListWidget(include_box)
        self.items.itemChanged.connect(self._include_changed)
        box_layout = QVBoxLayout(include_box)
        box_layout.addWidget(self.items)

        preview_box = QGroupBox(self.tr("Upload pack"), self)
        self.table = QTableWidget(0, 4, preview_box)
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Size"), self.tr("Limit"), self.tr("Status")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.check_button = QPushButton(self.tr("Check sizes"), preview_box)
        self.check_button.clicked.connect(self.check_sizes)
        self.notes = QLabel(preview_box)
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.table)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.notes, 1)
        preview_row.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        preview_layout.addLayout(preview_row)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress_label = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.open_button = QPushButton(self.tr("Open folder"), self)
        self.open_button.clicked.connect(self.open_folder)
        self.open_button.setEnabled(False)
        actions = QHBoxLayout()
        actions.addWidget(self.progress, 1)
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.open_button)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        middle = QHBoxLayout()
        middle.addWidget(include_box, 2)
        middle.addWidget(preview_box, 3)
        layout.addLayout(middle, 1)
        layout.addWidget(self.progress_label)
        layout.addLayout(actions)
        layout.addWidget(self.summary)

        self.platform.currentIndexChanged.connect(lambda _=0: self._show_plan())
        controller.case_changed.connect(self.refresh)
        self._set_busy(False)
        self.refresh()

    # --- state ---------------------------------------------------------------------------

    @property
    def platform_id(self) -> str:
        return str(self.platform.currentData())

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.progress_label.setVisible(busy)
        for widget in (
            self.export_button,
            self.check_button,
            self.platform,
            self.items,
            self.make_upload,
            self.timestamp,
        ):
            widget.setEnabled(not busy)
        if busy:
            self.progress.setValue(0)
            self.progress_label.setText("")

    def refresh(self) -> None:
        """Re-read the case: platform, folder, the include list and the planned files."""
        if self.task is not None:
            return
        case = self.controller.case
        if case.facts.platform in PLATFORMS and not self.result:
            self.platform.blockSignals(True)
            self.platform.setCurrentIndex(PLATFORMS.index(case.facts.platform))
            self.platform.blockSignals(False)
        if not self.folder.text():
            self.folder.setText(str(self.controller.store.exports_dir))
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

    # --- preview -----------------------------------------------------------------------------

    def _limits(self) -> UploadLimits:
        from evidence_kit.claim.rules import upload_limits

        return upload_limits(self.platform_id)

    def _show_plan(self) -> None:
        """Before any check: each planned file with the original's size against the limit."""
        from evidence_kit.export.plan import plan_exhibits

        limits = self._limits()
        rows: list[Row] = []
        for ex in plan_exhibits(self.controller.case):
            video = ex.item.is_video
            limit = (
                limits.video_max_bytes
                if video and limits.video_max_bytes
                else limits.image_max_bytes
            )
            over = bool(limit) and ex.item.bytes > limit
            status = self.tr("will be compressed to fit") if over else self.tr("fits as it is")
            rows.append(
                (f"{ex.stem}…", ex.item.bytes, limit or None, status, GREY if over else GREEN)
            )
        self._fill(rows)
        self.notes.setText(
            self.tr(
                "Sizes shown are the originals'. Press Check sizes to make the files and see their real size."
            )
            if rows
            else self.tr("Nothing is included yet.")
        )

    def _fill(self, rows: list[Row]) -> None:
        self.table.setRowCount(len(rows))
        for r, (name, size, limit, status, colour) in enumerate(rows):
            cells = [name, human_size(size), human_size(limit), status]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if c in (1, 3):
                    cell.setForeground(QBrush(colour))
                self.table.setItem(r, c, cell)

    def show_files(
        self, files: list[UploadFile], problems: list[str], warnings: list[str] | None = None
    ) -> None:
        """Real sizes: green when a file is within its limit, red when over or left out."""
        rows: list[Row] = []
        for f in files:
            ok = f.fits
            status = self.tr("fits") if ok else self.tr("over the limit")
            rows.append((f.name, f.bytes, f.limit, status, GREEN if ok else RED))
        limit = self._limits().image_max_bytes or None
        for text in problems:
            if " (" in text and text.startswith("E"):
                rows.append((text.split(" ", 1)[0], None, limit, self.tr("left out: too big"), RED))
        self._fill(rows)
        self.notes.setText("\n".join(problems + (warnings or [])))

    def check_sizes(self) -> None:
        from evidence_kit.export.run import preview_upload

        store = self._snapshot()
        platform = self.platform_id
        self._start(
            self.tr("Checking upload sizes"),
            lambda progress, cancel: preview_upload(store, platform, progress, cancel),
            lambda result: self.show_files(*result),
        )

    # --- export --------------------------------------------------------------------------------

    def _snapshot(self) -> CaseStore:
        """The worker's own copy of the case, so edits made meanwhile cannot race it."""
        store = self.controller.store
        return CaseStore(store.root, copy.deepcopy(store.case))

    def _timestamp_choice(self) -> QComboBox:
        """Off by default; an authority proves when the bundle was sealed (DESIGN §5)."""
        from evidence_kit.core.settings import load_settings
        from evidence_kit.export.timestamp import AUTHORITIES

        box = QComboBox(self)
        box.addItem(self.tr("Off: nothing leaves this computer"), "")
        for a in AUTHORITIES:
            box.addItem(self.tr("{0}: sends only the bundle's hash, online").format(a.name), a.id)
        box.setToolTip(
            self.tr(
                "A timestamp authority signs the hash of the bundle's manifest, which proves the "
                "evidence existed no later than that moment. Only the hash is sent."
            )
        )
        chosen = box.findData(load_settings().timestamp_authority)
        box.setCurrentIndex(max(chosen, 0))
        box.currentIndexChanged.connect(lambda _=0: self._remember_timestamp())
        return box

    def _remember_timestamp(self) -> None:
        from evidence_kit.core.settings import load_settings, save_settings

        settings = load_settings()
        settings.timestamp_authority = str(self.timestamp.currentData() or "")
        save_settings(settings)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def start_export(self) -> None:
        from evidence_kit.export.run import export_case

        if not self.confirm_stale_claim():
            return
        store = self._snapshot()
        out = Path(self.folder.text().strip() or str(self.controller.store.exports_dir))
        platform, upload = self.platform_id, self.make_upload.isChecked()
        stamper = None
        if self.timestamp.currentData():
            from evidence_kit.export.timestamp import Timestamper, authority

            stamper = Timestamper(authority(str(self.timestamp.currentData())))
        self.open_button.setEnabled(False)
        self.summary.setText("")
        self._start(
            self.tr("Exporting"),
            lambda progress, cancel: export_case(
                store,
                out,
                platform,
                progress,
                cancel,
                upload=upload,
                record=False,
                timestamp=stamper,
            ),  # fmt: skip
            self._export_done,
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
            on_progress=self._progress,
        )

    def _progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.progress_label.setText(message)

    def _finished(self, on_done: Callable[[T], None], result: T) -> None:
        self.task = None
        self._set_busy(False)
        on_done(result)

    def _export_done(self, result: ExportResult) -> None:
        from evidence_kit.export.run import record_export

        self.result = result
        # the log is append-only, so this is not an undo step; it refreshes the views first
        # (refresh shows the plan) and then the table below shows the real files
        self.controller.log_with(lambda case: record_export(case, result))
        self.show_files(result.files, result.problems)
        lines = [
            self.tr("Saved the bundle {0} and the PDF {1}.").format(
                result.bundle.name, result.pdf.name
            )
        ]
        if result.upload_dir:
            lines.append(self.tr("Upload pack: {0}").format(result.upload_dir))
        if result.timestamp:
            lines.append(self.tr("Timestamp: {0}").format(result.timestamp))
        lines += result.warnings
        self.summary.setText("\n".join(lines))
        self.open_button.setEnabled(True)

    def _failed(self, exc: Exception) -> None:
        self.task = None
        self._set_busy(False)
        QMessageBox.warning(self, self.tr("Export failed"), str(exc))

    def _cancelled(self) -> None:
        self.task = None
        self._set_busy(False)
        self.summary.setText(self.tr("Cancelled. Nothing was written."))

    def cancel(self) -> None:
        """Stop the running export or check; its partial files are removed."""
        if self.task is not None:
            self.task.cancel()

    def open_folder(self) -> None:
        """Show the export folder in the file manager."""
        folder = self.result.bundle.parent if self.result else Path(self.folder.text())
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
