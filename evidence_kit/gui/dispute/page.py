"""The dispute step: the next-action card, the timeline with its deadlines, the message
drafts, and "Add to my calendar". Everything is drawn from the case's events."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.claim.dispute import messages, next_action, timeline
from evidence_kit.core.errors import EvidenceKitError
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import AddEvent, EditEvent, RemoveEvent
from evidence_kit.gui.base.tasks import TaskRunner, detached_store
from evidence_kit.gui.dispute.drafts import DraftsPanel
from evidence_kit.gui.dispute.event_dialog import EventDialog
from evidence_kit.gui.dispute.next_card import DeadlineList, NextActionCard
from evidence_kit.gui.dispute.timeline_panel import TimelinePanel


class DisputePage(QWidget):
    """A step page. Contract: __init__(controller, runner, parent), refresh()."""

    def __init__(
        self, controller: CaseController, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runner = runner
        self.card = NextActionCard(self)
        self.timeline = TimelinePanel(self)
        self.deadlines = DeadlineList(self)
        self.calendar_button = QPushButton(self.tr("Add to my calendar…"), self)
        self.calendar_button.setToolTip(
            self.tr("Save the open deadlines as an .ics file, with a reminder the day before")
        )
        self.drafts = DraftsPanel(controller, self)
        self._suggested = ""  # the draft the next action last pointed to

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 6, 0)
        column.addWidget(self.card)
        column.addWidget(self.timeline, 2)
        column.addWidget(self.deadlines)
        row = QHBoxLayout()
        row.addWidget(self.calendar_button)
        row.addStretch(1)
        column.addLayout(row)
        self.calendar_note = QLabel(self)
        self.calendar_note.setWordWrap(True)
        column.addWidget(self.calendar_note)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setMinimumWidth(360)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(scroll)
        split.addWidget(self.drafts)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([440, 620])
        layout = QHBoxLayout(self)
        layout.addWidget(split)

        self.timeline.add_requested.connect(self.add_event)
        self.timeline.edit_requested.connect(self.edit_event)
        self.timeline.remove_requested.connect(self.remove_event)
        self.card.draft_requested.connect(self.drafts.choose)
        self.calendar_button.clicked.connect(self.save_calendar)
        self.drafts.pdf_requested.connect(self.save_pdf)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        controller.case_changed.connect(self._schedule)

    def _schedule(self) -> None:
        if self.isVisible():
            self._refresh_timer.start()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the case: card, timeline, deadlines, drafts."""
        case = self.controller.case
        act = next_action.compute(case)
        self.card.show_action(act)
        self.timeline.show_case(case)
        open_ones = timeline.compute(case)
        self.deadlines.show_deadlines(open_ones)
        self.calendar_button.setEnabled(any(d.days_left >= 0 for d in open_ones))
        if act.message and act.message != self._suggested:
            self.drafts.choose(act.message)  # a new step: show its draft; later the shopper's pick
        self._suggested = act.message
        self.drafts.show_case()

    # --- the timeline's edits, each an undo step ------------------------------------------

    def add_event(self) -> None:
        dialog = EventDialog(self.controller.case, kind=self._next_kind(), parent=self)
        if dialog.exec() and dialog.made is not None:
            self.controller.push(AddEvent(dialog.made, self.tr("Add event")))

    def edit_event(self, event_id: str) -> None:
        event = next((e for e in self.controller.case.events if e.id == event_id), None)
        if event is None:
            return
        dialog = EventDialog(self.controller.case, event, parent=self)
        if dialog.exec() and dialog.made is not None:
            self.controller.push(EditEvent(dialog.made, self.tr("Change event")))

    def remove_event(self, event_id: str) -> None:
        self.controller.push(RemoveEvent(event_id, self.tr("Remove event")))

    def _next_kind(self) -> str:
        """The kind the dialog starts on: what usually follows the last event."""
        events = self.controller.case.events
        follows = {
            "": "dispute_opened", "dispute_opened": "seller_replied",
            "seller_replied": "buyer_countered", "buyer_countered": "escalated",
            "escalated": "return_agreed", "return_agreed": "return_shipped",
            "return_shipped": "seller_received", "seller_received": "refund_received",
            "closed_won": "refund_received", "closed_lost": "appealed",
        }  # fmt: skip
        return follows.get(events[-1].kind if events else "", "refund_received")

    # --- files ------------------------------------------------------------------------------

    def save_calendar(self) -> None:
        from evidence_kit.export.calendar import write_calendar

        start = str(Path.home() / "dispute-deadlines.ics")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the deadlines to a calendar file"), start, self.tr("Calendar (*.ics)")
        )  # fmt: skip
        if not path:
            return
        out = Path(path) if path.lower().endswith(".ics") else Path(path + ".ics")
        try:
            count = write_calendar(self.controller.case, out)
        except EvidenceKitError as exc:
            QMessageBox.warning(self, self.tr("The calendar file was not written"), str(exc))
            return
        self.calendar_note.setText(
            self.tr(
                "Saved %n deadline(s) to {0}. Open the file to add them to your calendar.",
                "",
                count,
            ).format(out)  # fmt: skip
        )

    def save_pdf(self, kind: str) -> None:
        from evidence_kit.export.letter_pdf import write_letter_pdf

        self.drafts.flush()
        try:
            message = messages.build_message(self.controller.case, kind, in_pdf=True)
        except EvidenceKitError as exc:
            QMessageBox.warning(self, self.tr("No PDF"), str(exc))
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the letter as a PDF"), str(Path.home() / f"{kind}.pdf"), self.tr("PDF (*.pdf)")
        )  # fmt: skip
        if not path:
            return
        out = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        store = detached_store(self.controller.store)

        def done(problems: list[str]) -> None:
            note = self.tr("Saved the letter with its exhibits as stills to {0}.").format(out)
            self.calendar_note.setText("\n".join([note, *problems]))

        self.runner.start(
            self.tr("Writing the letter PDF"),
            lambda progress, cancel: write_letter_pdf(store, message, out, progress, cancel),
            on_done=done,
        )
