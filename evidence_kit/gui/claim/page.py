"""The claim step: the guided flow on the left, the claim text in the middle, deadlines,
checklist and upload limits on the right. Everything is drawn from `draft_claim`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSplitter, QWidget

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
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.flow)
        scroll.setMinimumWidth(340)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text = ClaimTextPanel(controller, self)
        self.status = ClaimStatusPanel(controller, self)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        for w in (scroll, self.text, self.status):
            split.addWidget(w)
        # the checklist needs room to be read at 1280x800: the text gives way first
        self.status.setMinimumWidth(250)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setSizes([340, 500, 340])
        layout = QHBoxLayout(self)
        layout.addWidget(split)

        self.flow.translate_requested.connect(self.translate_notes)
        self.text.translate_text_requested.connect(self.translate_text)
        # undo/redo and edits elsewhere: refresh once the event loop is idle, only if shown
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        controller.case_changed.connect(self._schedule)

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
