"""Wording suggestions in the claim step: a phone number, an insult, a shouted sentence in
the shopper's own words. Each is only a proposal, as with mask suggestions: Accept uses the
suggested words, Keep leaves the shopper's; either is one undo step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.claim import wording
from evidence_kit.claim.draft import ClaimDraft
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.commands import EditClaim


def suggestion_text(s: dict[str, Any]) -> str:
    """'phone number in notes: "Call me on ..." -> leave it out'."""
    change = f"\u2192 \u201c{s['suggestion']}\u201d" if s["suggestion"] else "\u2192 leave it out"
    where = wording.field_label(s["field"])
    return f"{s['label']} in your {where}: \u201c{s['found']}\u201d {change}\n    {s['why']}"


class WordingPanel(QWidget):
    """The pending suggestions, with Accept, Keep and Accept all."""

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.pending: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        layout.addWidget(self.title)
        self.list = QListWidget(self)
        self.list.setObjectName("wordingSuggestions")
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(84)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.keep_button = QPushButton(self.tr("Keep my words"), self)
        self.accept_all_button = QPushButton(self.tr("Accept all"), self)
        self.accept_button.clicked.connect(lambda: self.decide(self._chosen(), "accept"))
        self.keep_button.clicked.connect(lambda: self.decide(self._chosen(), "keep"))
        self.accept_all_button.clicked.connect(
            lambda: self.decide([s["id"] for s in self.pending], "accept")
        )
        for b in (self.accept_button, self.keep_button, self.accept_all_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)

    def show_draft(self, draft: ClaimDraft) -> None:
        """List what is still to decide; the panel hides when nothing is."""
        self.pending = draft.pending_suggestions
        self.list.clear()
        for s in self.pending:
            row = QListWidgetItem(suggestion_text(s))
            row.setData(Qt.ItemDataRole.UserRole, s["id"])
            self.list.addItem(row)
        if self.pending:
            self.list.setCurrentRow(0)
        n = len(self.pending)
        self.title.setText(
            self.tr("<b>Wording to check</b> ({0}): nothing changes until you accept").format(n)
        )
        self.setVisible(bool(self.pending))

    def _chosen(self) -> list[str]:
        row = self.list.currentItem()
        return [row.data(Qt.ItemDataRole.UserRole)] if row else []

    def decide(self, ids: list[str], decision: str) -> None:
        """One undo step for the decision on these suggestions."""
        if not ids:
            return
        known = [s["id"] for s in self.pending]
        label = self.tr("Accept wording") if decision == "accept" else self.tr("Keep my wording")
        self.controller.push(
            EditClaim(label, lambda case: wording.set_decision(case, ids, decision, known))
        )
