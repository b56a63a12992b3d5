"""The left rail: the five steps with their status, and the deadline countdown (the next
action's, once the dispute is under way)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from evidence_kit.claim.deadlines import days_text
from evidence_kit.core.model import Case

STEPS = ("facts", "evidence", "claim", "export", "dispute")


def step_status(case: Case) -> dict[str, str]:
    """'done', 'attention' or 'empty' for each step, from the case alone."""
    f = case.facts
    facts = (
        "done"
        if f.platform and f.order_id and f.item and f.price is not None
        else ("attention" if f.order_id else "empty")
    )
    has_video = any(it.is_video for it in case.items)
    evidence = "empty" if not case.items else ("done" if has_video else "attention")
    claim = (
        "done"
        if case.claim.get("reason") and case.claim.get("remedy")
        else ("attention" if case.claim else "empty")
    )
    if claim == "done" and case.claim.get("text") and _claim_is_stale(case):
        claim = "attention"  # the edited text no longer matches the case
    exported = any(e.action == "exported" for e in case.log)
    return {
        "facts": facts,
        "evidence": evidence,
        "claim": claim,
        "export": "done" if exported else "empty",
        "dispute": _dispute_status(case),
    }


def _dispute_status(case: Case) -> str:
    from evidence_kit.claim.dispute.next_action import compute

    if not case.events:
        return "empty"
    return "done" if compute(case).done else "attention"


class StepRail(QWidget):
    """Emits step_chosen(name) when the user picks a step."""

    step_chosen = Signal(str)
    MARKS = {"done": "✓", "attention": "●", "empty": ""}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepRail")
        self.steps = QListWidget(self)
        self.steps.setObjectName("steps")
        self.names = {
            "facts": self.tr("1  Facts"),
            "evidence": self.tr("2  Evidence"),
            "claim": self.tr("3  Claim"),
            "export": self.tr("4  Export"),
            "dispute": self.tr("5  Dispute"),
        }
        for key in STEPS:
            self.steps.addItem(QListWidgetItem(self.names[key]))
        self.steps.setFixedWidth(170)
        self.steps.setStyleSheet(
            "QListWidget { font-size: 15px; } QListWidget::item { padding: 10px; }"
        )
        self.steps.currentRowChanged.connect(
            lambda row: self.step_chosen.emit(STEPS[row]) if row >= 0 else None
        )
        self.deadline = QLabel(self)
        self.deadline.setObjectName("deadline")
        self.deadline.setWordWrap(True)
        self.deadline.setFixedWidth(170)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps)
        layout.addWidget(self.deadline)
        self.steps.ensurePolished()
        rows = sum(self.steps.sizeHintForRow(r) for r in range(self.steps.count()))
        self.steps.setFixedHeight(rows + 2 * self.steps.frameWidth() + 4)
        layout.addStretch(1)

    def select(self, step: str) -> None:
        """Highlight a step without emitting twice."""
        self.steps.setCurrentRow(STEPS.index(step))

    def update_status(self, case: Case) -> None:
        """Refresh the marks and the deadline text."""
        status = step_status(case)
        for row, key in enumerate(STEPS):
            mark = self.MARKS[status[key]]
            self.steps.item(row).setText(f"{self.names[key]}  {mark}".rstrip())
        self.deadline.setText(deadline_text(case))


def _claim_is_stale(case: Case) -> bool:
    from evidence_kit.claim.draft import draft_claim

    return bool(draft_claim(case).stale)


def deadline_text(case: Case) -> str:
    """The most urgent open deadline, as the rail shows it."""
    if case.events:  # the dispute is under way: its next action is what counts
        from evidence_kit.claim.dispute.next_action import compute

        act = compute(case)
        if act.due is None or act.days_left is None:
            return f"Next: {act.text}"
        warn = "⚠ " if act.days_left <= 3 and act.kind == "last" else ""
        if act.days_left >= 0:
            left = f"{act.days_left} days left"
        else:
            left = f"{-act.days_left} days late" if act.kind == "last" else "passed"
        if left == "passed":
            return f"Next (since {act.due}):\n{act.text}"
        return f"{warn}Next, by {act.due} ({left}):\n{act.text}"
    try:
        from evidence_kit.claim.draft import draft_claim

        deadlines = draft_claim(case).deadlines
    except Exception:  # claim rules missing facts: the rail just says what to fill in
        deadlines = []
    if not deadlines:
        return "Deadline: add the platform and delivery date to see it."
    first = next((d for d in deadlines if d.id == "open_dispute"), None)
    if first is not None and first.status == "unknown":  # an estimate is never "closed"
        return f"⚠ {first.name}: about {first.date}.\nEnter {first.needs} to know it."
    # a window counted "as if the dispute were opened today" is not a real deadline yet
    real = [d for d in deadlines if not d.assumed] or deadlines
    upcoming = sorted(real, key=lambda d: d.days_left)
    open_ones = [d for d in upcoming if d.days_left >= 0]
    d = open_ones[0] if open_ones else upcoming[-1]
    if d.days_left < 0:
        return f"⚠ {d.name}: closed {days_text(-d.days_left)} ago ({d.date})"
    warn = "⚠ " if d.days_left <= 3 else ""
    return f"{warn}{d.name}:\n{days_text(d.days_left)} left ({d.date})"
