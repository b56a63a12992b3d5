"""The claim step: the guided flow on the left, the claim text in the middle, deadlines,
checklist and upload limits on the right. Everything is drawn from `draft_claim`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSplitter, QVBoxLayout, QWidget

from evidence_kit.claim import edits
from evidence_kit.claim.draft import ClaimDraft, draft_claim
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import EditClaim, SetValues
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.claim.flow import ClaimFlow
from evidence_kit.gui.claim.status import ClaimStatusPanel
from evidence_kit.gui.claim.text import ClaimTextPanel
from evidence_kit.gui.claim.translate_panel import run_translation

TRANSLATED_FIELDS = ("notes", "listing_says", "received_is", "seller_reply")
#: below this page width the right column goes under the form (the evidence strip, the rail
#: and three readable columns do not fit side by side)
NARROW_PX = 1040


class ClaimPage(QWidget):
    """A step page. Contract: __init__(controller, runner, parent), refresh()."""

    def __init__(
        self, controller: CaseController, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runner = runner
        self.draft: ClaimDraft | None = None

        self.flow = ClaimFlow(controller, self)
        left = QWidget(self)
        self.left_column = QVBoxLayout(left)
        self.left_column.setContentsMargins(0, 0, 0, 0)
        self.left_column.addWidget(self.flow)
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(left)
        self.form_scroll.setMinimumWidth(340)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text = ClaimTextPanel(controller, self)
        self.status = ClaimStatusPanel(controller, self)

        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        for w in (self.form_scroll, self.text):
            self.split.addWidget(w)
        self.split.setStretchFactor(1, 3)
        self.narrow: bool | None = None
        self._arrange(narrow=False)
        layout = QHBoxLayout(self)
        layout.addWidget(self.split)
        # the page may shrink to its narrow layout; the three columns' minimum must not hold it
        self.setMinimumWidth(self._columns_min(narrow=True))

        self.flow.translate_requested.connect(self.translate_notes)
        self.text.translate_text_requested.connect(self.translate_text)
        # undo/redo and edits elsewhere: refresh once the event loop is idle, only if shown
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        controller.case_changed.connect(self._schedule)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._arrange(self.width() < max(NARROW_PX, self._columns_min(narrow=False)))
        # rows wrap to the column's new width: measure them once the layout has settled
        QTimer.singleShot(0, lambda: self.status.fit_checklist(bool(self.narrow)))

    def _columns_min(self, narrow: bool) -> int:
        """The least width of the narrow layout (form, text) or of the three columns."""
        text = self.text.minimumSizeHint().width()
        status = max(250, self.status.minimumSizeHint().width())
        columns = (
            [self._form_min(narrow), text] if narrow else [self._form_min(narrow), text, status]
        )
        layout = self.layout()
        m = layout.contentsMargins() if layout is not None else None
        margins = m.left() + m.right() + 4 if m is not None else 4
        return sum(columns) + self.split.handleWidth() * (len(columns) - 1) + margins

    def _form_min(self, narrow: bool) -> int:
        """The form column's least width: its widest row (a Russian checkbox or reason line)
        and the scroll bar beside it; the form never scrolls sideways, so less would cut it."""
        form = self.flow.minimumSizeHint().width()
        bar = self.form_scroll.verticalScrollBar().sizeHint().width()
        frame = 2 * self.form_scroll.frameWidth()
        return max(360 if narrow else 340, form + bar + frame)

    def _arrange(self, narrow: bool) -> None:
        """Three columns when there is room; else deadlines, checklist and limits go under
        the form, in its scroll area, so nothing is cut to a sliver (issue 18.1)."""
        if narrow == self.narrow:
            return
        self.narrow = narrow
        if narrow:
            self.left_column.addWidget(self.status)
            self.status.setMinimumWidth(0)
            form = self._form_min(narrow=True)
            self.form_scroll.setMinimumWidth(form)
            self.split.setSizes([form + 20, max(self.width() - form - 20, 300)])
        else:
            self.split.addWidget(self.status)
            # the checklist needs room to be read: the text gives way first
            self.status.setMinimumWidth(max(250, self.status.minimumSizeHint().width()))
            self.form_scroll.setMinimumWidth(self._form_min(narrow=False))
            self.split.setStretchFactor(2, 2)
            self.split.setSizes([340, 500, 340])
        self.status.fit_checklist(narrow)

    def _schedule(self) -> None:
        if self.isVisible():
            self._refresh_timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the case and redraw all three columns."""
        case = self.controller.case
        self.draft = draft_claim(case, root=self.controller.root)
        self.flow.show_case(case, self.draft)
        self.text.show_draft(self.draft)
        self.status.show_draft(self.draft, case.facts.platform)
        self.status.fit_checklist(bool(self.narrow))

    def translate_notes(self, backend: str) -> None:
        """Translate the shopper's own fields; they change only after review."""
        self.flow.flush()
        claim = self.controller.case.claim
        fields = {k: str(claim.get(k) or "") for k in TRANSLATED_FIELDS}

        def apply(values: dict[str, str]) -> None:
            self.controller.push(SetValues(values, self.tr("Translate notes to English")))

        run_translation(self, self.runner, fields, backend, apply)

    def translate_text(self) -> None:
        """Translate the claim text itself (for text the shopper wrote in another language)."""
        self.text.flush()
        backend = self.flow.backend.currentData()

        def apply(values: dict[str, str]) -> None:
            text = values["text"]
            self.controller.push(
                EditClaim(self.tr("Translate claim text"), lambda case: edits.set_text(case, text))
            )

        run_translation(self, self.runner, {"text": self.text.editor.toPlainText()}, backend, apply)
