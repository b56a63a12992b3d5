"""Right column of the claim step: deadlines, the pre-submit checklist, upload limits and
warnings. Values without a source say "check your order page".
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.claim import edits, rules
from evidence_kit.claim.deadlines import Deadline, days_text, headline
from evidence_kit.claim.draft import ClaimDraft
from evidence_kit.core.i18n import translated
from evidence_kit.core.model import Case
from evidence_kit.gui.base import language, theme
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import EditClaim
from evidence_kit.gui.base.deadline_words import needs_words
from evidence_kit.gui.base.sources import explain_links, linked, source_link

#: the theme colour of each status
STATUS_COLORS = {"ok": "ok", "soon": "warn", "closed": "bad", "warn": "warn", "missing": "bad",
                 "todo": "", "unknown": "warn", "wait": "bad"}  # fmt: skip
MARKS = {"ok": "\u2714", "warn": "\u26a0", "missing": "\u2716", "todo": ""}


def _mb(value: int) -> str:
    whole = value % 1_000_000 == 0
    number = language.show_number(value / 1_000_000, 0 if whole else 1)
    return QCoreApplication.translate("Sizes", "{0} MB").format(number)


def limits_html(platform_id: str) -> str:
    """The platform's upload limits, each with its source or 'check your order page'."""
    if not platform_id:
        return QCoreApplication.translate(
            "ClaimStatusPanel", "Choose the platform to see its upload limits."
        )
    lim = rules.upload_limits(platform_id)

    def src(*names: str) -> str:
        entries = [lim.sources[n] for n in names]
        return " " + source_link(*((e.get("source"), e.get("confidence")) for e in entries))

    photos = QCoreApplication.translate("ClaimStatusPanel", "Photos: up to {0} each, {1}")
    rows = [photos.format(_mb(lim.image_max_bytes), ", ".join(lim.image_formats) or "-")
            + src("image_max_bytes", "image_formats")]  # fmt: skip
    if lim.video_formats:
        video = QCoreApplication.translate("ClaimStatusPanel", "Video: up to {0}, {1} s, {2}")
        rows.append(
            video.format(
                _mb(lim.video_max_bytes), lim.video_max_seconds, ", ".join(lim.video_formats)
            )
            + src("video_max_bytes", "video_max_seconds", "video_formats")
        )
    else:
        no_video = QCoreApplication.translate(
            "ClaimStatusPanel", "Video: not accepted; still frames are used"
        )
        rows.append(no_video + src("video_formats"))
    if lim.max_files is not None:
        files = QCoreApplication.translate("ClaimStatusPanel", "Files: at most {0}")
        rows.append(files.format(lim.max_files) + src("max_files"))
    if lim.total_max_bytes:
        total = QCoreApplication.translate("ClaimStatusPanel", "All files together: up to {0}")
        rows.append(total.format(_mb(lim.total_max_bytes)) + src("total_max_bytes"))
    text_box = QCoreApplication.translate("ClaimStatusPanel", "Text box: {0} characters")
    rows.append(text_box.format(lim.text_limit) + src("text_limit"))
    if lim.ascii_only:
        latin = QCoreApplication.translate("ClaimStatusPanel", "English characters only")
        rows.append(latin + src("ascii_only"))
    notes = [f"<i>{linked(n)}</i>" for n in rules.notes(platform_id)]
    return "<br>".join(rows + notes)


def _left(d: Deadline) -> str:
    if d.kind == "earliest":
        if d.status == "ok":
            return QCoreApplication.translate("ClaimStatusPanel", "reached")
        wait = QCoreApplication.translate("ClaimStatusPanel", "in {0}")
        return wait.format(days_text(d.days_left)) if d.status == "wait" else "?"
    if d.status == "unknown":
        return QCoreApplication.translate("ClaimStatusPanel", "estimate")
    if d.days_left < 0:
        return QCoreApplication.translate("ClaimStatusPanel", "closed")
    return QCoreApplication.translate("ClaimStatusPanel", "{0} left").format(days_text(d.days_left))


def deadlines_html(draft: ClaimDraft, case: Case | None = None) -> str:
    """One line per deadline (the earliest filing days first): name, date, days left, source;
    coloured by status. An estimate says which date to enter; it is never 'closed'. Until the
    last day to open the dispute can be dated, the first line says which date to enter."""
    every = [d for d in draft.earliest if d.status != "ok"] + draft.deadlines
    if not every and (case is None or not case.facts.platform):
        return QCoreApplication.translate(
            "ClaimStatusPanel",
            "Add the platform and the order or delivery date to see the deadlines.",
        )
    rows = []
    head = headline(case, draft.deadlines) if case is not None else None
    if head is not None and head.kind == "needs":
        words = html.escape(needs_words(head.needs))
        line = QCoreApplication.translate(
            "ClaimStatusPanel", "<b>Enter {0}</b> (step 1, Facts) to see your deadline."
        ).format(words)
        rows.append(theme.span(line, "warn"))
    hint = theme.css("hint")
    for d in every:
        status = STATUS_COLORS.get(d.status)
        color = theme.css(status) if status else theme.palette().windowText().color().name()
        source = source_link((d.source, d.confidence))
        opened_today = QCoreApplication.translate("ClaimStatusPanel", "(if opened today)")
        today = f" <i>{opened_today}</i>" if d.assumed and not d.needs else ""
        enter = QCoreApplication.translate("ClaimStatusPanel", "Enter {0}.")
        more = [enter.format(translated(d.needs))] if d.needs and "Enter" not in d.note else []
        lines = [translated(d.note), *more]
        note = "".join(
            f"<br><span style='color:{hint}'>&nbsp;&nbsp;{html.escape(n)}</span>"
            for n in lines
            if n
        )
        day = f"<b>{language.show_date(d.date)}</b>" if d.date else "<b>?</b>"
        since = QCoreApplication.translate("ClaimStatusPanel", "from {0}")
        day = since.format(day) if d.kind == "earliest" else day
        rows.append(
            f"{day} <span style='color:{color}'>{_left(d)}</span> - {html.escape(translated(d.name))}"
            f"{today} {source}{note}"
        )
    return "<br>".join(rows)


class ClaimStatusPanel(QWidget):
    """Deadlines, checklist (tick the manual items), limits and warnings."""

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        layout.addWidget(QLabel(self.tr("<b>Deadlines</b>"), self))
        self.deadlines = QLabel(self)
        self.deadlines.setObjectName("deadlines")
        self.deadlines.setWordWrap(True)
        self.deadlines.setTextFormat(Qt.TextFormat.RichText)
        explain_links(self.deadlines)
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
        theme.set_role(self.warnings, "warn")
        layout.addWidget(self.warnings)

        layout.addWidget(QLabel(self.tr("<b>Upload limits</b>"), self))
        self.limits = QLabel(self)
        self.limits.setObjectName("limits")
        self.limits.setWordWrap(True)
        self.limits.setTextFormat(Qt.TextFormat.RichText)
        explain_links(self.limits)
        layout.addWidget(self.limits)

    def fit_checklist(self, whole: bool) -> None:
        """`whole`: the checklist as tall as its rows, for a column that scrolls as one
        (the narrow claim page); else it scrolls inside the column."""
        lst = self.checklist
        if not whole:
            lst.setMinimumHeight(0)
            return
        # the rows as laid out, wrapped to the column (sizeHintForRow ignores the wrapping)
        rows = sum(lst.visualItemRect(lst.item(n)).height() for n in range(lst.count()))
        lst.setMinimumHeight(rows + 2 * lst.frameWidth() + 4)

    def show_draft(self, draft: ClaimDraft, platform_id: str) -> None:
        """Fill the lists from a draft."""
        self._loading = True
        try:
            self._fill(draft, platform_id)
        finally:
            self._loading = False

    def _fill(self, draft: ClaimDraft, platform_id: str) -> None:
        self.deadlines.setText(deadlines_html(draft, self.controller.case))

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
                row.setForeground(QBrush(theme.color(color)))
            self.checklist.addItem(row)

        self.warnings.setText("\n".join(f"\u26a0 {w}" for w in draft.warnings))
        self.warnings.setVisible(bool(draft.warnings))
        self.limits.setText(limits_html(platform_id))

    def _on_tick(self, row: QListWidgetItem) -> None:
        if self._loading or not (row.flags() & Qt.ItemFlag.ItemIsUserCheckable):
            return
        item_id = row.data(Qt.ItemDataRole.UserRole)
        ticked = row.checkState() == Qt.CheckState.Checked
        self.controller.push(
            EditClaim(
                self.tr("Tick checklist item"),
                lambda case: edits.set_ticked(case, item_id, ticked),
            )
        )
