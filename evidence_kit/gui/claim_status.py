"""Right column of the claim step: deadlines, the pre-submit checklist, upload limits and
warnings. Values without a source say "check your order page".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.claim import edits, rules
from evidence_kit.claim.draft import ClaimDraft
from evidence_kit.gui.case_controller import CaseController

STATUS_COLORS = {"ok": "#2e7d32", "soon": "#e65100", "closed": "#c62828", "warn": "#e65100",
                 "missing": "#c62828", "todo": ""}  # fmt: skip
MARKS = {"ok": "\u2714", "warn": "\u26a0", "missing": "\u2716", "todo": ""}


def _mb(value: int) -> str:
    return f"{value / 1_000_000:g} MB"


def limits_html(platform_id: str) -> str:
    """The platform's upload limits, each with its source or 'check your order page'."""
    if not platform_id:
        return "Choose the platform to see its upload limits."
    lim = rules.upload_limits(platform_id)

    def src(*names: str) -> str:
        entries = [lim.sources[n] for n in names]
        if any(e["confidence"] == "default" for e in entries):
            return f" <span style='color:#e65100'>(default: {rules.CHECK_ORDER_PAGE})</span>"
        ids = sorted({f"{e['source']}, {e['confidence']}" for e in entries})
        return f" <span style='color:gray'>[{'; '.join(ids)}]</span>"

    rows = [f"Photos: up to {_mb(lim.image_max_bytes)} each, {', '.join(lim.image_formats) or '-'}"
            + src("image_max_bytes", "image_formats")]  # fmt: skip
    if lim.video_formats:
        rows.append(
            f"Video: up to {_mb(lim.video_max_bytes)}, {lim.video_max_seconds} s, {', '.join(lim.video_formats)}"
            + src("video_max_bytes", "video_max_seconds", "video_formats")
        )
    else:
        rows.append("Video: not accepted; still frames are used" + src("video_formats"))
    if lim.max_files is not None:
        rows.append(f"Files: at most {lim.max_files}" + src("max_files"))
    if lim.total_max_bytes:
        rows.append(
            f"All files together: up to {_mb(lim.total_max_bytes)}" + src("total_max_bytes")
        )
    rows.append(f"Text box: {lim.text_limit} characters" + src("text_limit"))
    if lim.ascii_only:
        rows.append("English characters only" + src("ascii_only"))
    notes = [f"<i>{n}</i>" for n in rules.notes(platform_id)]
    return "<br>".join(rows + notes)


class ClaimStatusPanel(QWidget):
    """Deadlines, checklist (tick the manual items), limits and warnings."""

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        layout.addWidget(QLabel(self.tr("<b>Deadlines</b>"), self))
        self.deadlines = QTreeWidget(self)
        self.deadlines.setObjectName("deadlines")
        self.deadlines.setRootIsDecorated(False)
        self.deadlines.setHeaderLabels(
            [self.tr("Deadline"), self.tr("Date"), self.tr("Left"), self.tr("Source")]
        )
        header = self.deadlines.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.deadlines.setMaximumHeight(150)
        layout.addWidget(self.deadlines)

        layout.addWidget(QLabel(self.tr("<b>Before you submit</b>"), self))
        self.checklist = QListWidget(self)
        self.checklist.setObjectName("checklist")
        self.checklist.setWordWrap(True)
        self.checklist.itemChanged.connect(self._on_tick)
        layout.addWidget(self.checklist, 2)

        self.warnings = QLabel(self)
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #b26a00;")
        layout.addWidget(self.warnings)

        layout.addWidget(QLabel(self.tr("<b>Upload limits</b>"), self))
        self.limits = QLabel(self)
        self.limits.setObjectName("limits")
        self.limits.setWordWrap(True)
        self.limits.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.limits)

    def show_draft(self, draft: ClaimDraft, platform_id: str) -> None:
        """Fill the lists from a draft."""
        self._loading = True
        try:
            self._fill(draft, platform_id)
        finally:
            self._loading = False

    def _fill(self, draft: ClaimDraft, platform_id: str) -> None:
        self.deadlines.clear()
        for d in draft.deadlines:
            left = self.tr("closed") if d.days_left < 0 else self.tr("{0} days").format(d.days_left)
            source = (
                self.tr("default: {0}").format(rules.CHECK_ORDER_PAGE)
                if d.source == "default"
                else f"{d.source} ({d.confidence})"
            )
            name = d.name + (self.tr(" (if opened today)") if d.assumed else "")
            row = QTreeWidgetItem([name, d.date, left, source])
            row.setToolTip(0, f"{d.basis}. {d.note}".strip())
            row.setToolTip(3, rules.source_title(None if d.source == "default" else d.source))
            color = STATUS_COLORS.get(d.status, "")
            if color:
                for col in (0, 2):
                    row.setForeground(col, QBrush(QColor(color)))
            self.deadlines.addTopLevelItem(row)
        if not draft.deadlines:
            self.deadlines.addTopLevelItem(
                QTreeWidgetItem(
                    [self.tr("Add the platform and the order or delivery date."), "", "", ""]
                )
            )

        self.checklist.clear()
        for c in draft.checklist:
            text = c.item + (f"\n    {c.detail}" if c.detail else "")
            row = QListWidgetItem(text if c.tickable else f"{MARKS[c.status]}  {text}")
            row.setData(Qt.ItemDataRole.UserRole, c.id)
            row.setToolTip(c.detail or c.item)
            if c.tickable:
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(
                    Qt.CheckState.Checked if c.status == "ok" else Qt.CheckState.Unchecked
                )
            color = STATUS_COLORS.get(c.status, "")
            if color and not c.tickable:
                row.setForeground(QBrush(QColor(color)))
            self.checklist.addItem(row)

        self.warnings.setText("\n".join(f"\u26a0 {w}" for w in draft.warnings))
        self.warnings.setVisible(bool(draft.warnings))
        self.limits.setText(limits_html(platform_id))

    def _on_tick(self, row: QListWidgetItem) -> None:
        if self._loading or not (row.flags() & Qt.ItemFlag.ItemIsUserCheckable):
            return
        item_id = row.data(Qt.ItemDataRole.UserRole)
        ticked = row.checkState() == Qt.CheckState.Checked
        self.controller.edit(
            self.tr("Tick checklist item"), lambda case: edits.set_ticked(case, item_id, ticked)
        )
