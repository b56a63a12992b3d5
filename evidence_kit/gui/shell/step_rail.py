"""The left rail: the five steps with their status, the "Next" button and the deadline
countdown (the next action's, once the dispute is under way)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.core.i18n import translated
from evidence_kit.core.model import Case
from evidence_kit.gui.base import icons, language, theme
from evidence_kit.gui.base.deadline_words import days_words, needs_words

STEPS = ("facts", "evidence", "claim", "export", "dispute")
STEP_ICONS = {"facts": "clipboard-list", "evidence": "images", "claim": "file-text",
              "export": "package", "dispute": "scale"}  # fmt: skip


def step_names() -> dict[str, str]:
    """Each step's name, in the rail's order."""
    names = {
        "facts": QCoreApplication.translate("StepRail", "Facts"),
        "evidence": QCoreApplication.translate("StepRail", "Evidence"),
        "claim": QCoreApplication.translate("StepRail", "Claim"),
        "export": QCoreApplication.translate("StepRail", "Export"),
        "dispute": QCoreApplication.translate("StepRail", "Dispute"),
    }
    return {key: names[key] for key in STEPS}


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
            key: f"{n}  {name}" for n, (key, name) in enumerate(step_names().items(), start=1)
        }
        for n, key in enumerate(STEPS, start=1):
            row = QListWidgetItem(icons.icon(STEP_ICONS[key]), self.names[key])
            row.setToolTip(icons.tip(self.names[key].split(None, 1)[1], f"Ctrl+{n}"))
            self.steps.addItem(row)
        self.steps.setIconSize(QSize(18, 18))
        theme.set_role(self.steps, "steps")
        self.steps.currentRowChanged.connect(
            lambda row: self.step_chosen.emit(STEPS[row]) if row >= 0 else None
        )
        self.next_button = QPushButton(icons.icon("arrow-right"), "", self)
        self.next_button.setObjectName("nextStep")
        self.next_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the arrow after
        self.next_button.clicked.connect(self.go_next)
        self.deadline = QLabel(self)
        self.deadline.setObjectName("deadline")
        self.deadline.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps)
        layout.addWidget(self.next_button)
        layout.addSpacing(8)
        layout.addWidget(self.deadline)
        self.steps.ensurePolished()
        rows = sum(self.steps.sizeHintForRow(r) for r in range(self.steps.count()))
        self.steps.setFixedHeight(rows + 2 * self.steps.frameWidth() + 4)
        self._fit_width()
        layout.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self._fit_width()  # the style sheet's font is the one to measure, and it is set now

    def _fit_width(self) -> None:
        """As wide as the longest step name with its mark, or the longest "Next: ..." (the
        Russian "2  Доказательства  ●" is wider than the English rail's 170 px)."""
        shown = [self.steps.item(r).text() for r in range(self.steps.count())]
        widths = [170]
        for mark in self.MARKS.values():
            for row, key in enumerate(STEPS):
                self.steps.item(row).setText(f"{self.names[key]}  {mark}")
            widths.append(self.steps.sizeHintForColumn(0) + 2 * self.steps.frameWidth() + 4)
        for row, text in enumerate(shown):
            self.steps.item(row).setText(text)
        label = self.next_button.text()
        for key in STEPS[1:]:
            self.next_button.setText(self.tr("Next: {0}").format(self.names[key].split(None, 1)[1]))
            widths.append(self.next_button.sizeHint().width())
        self.next_button.setText(label)
        for widget in (self.steps, self.next_button, self.deadline):
            widget.setFixedWidth(max(widths))

    def select(self, step: str) -> None:
        """Highlight a step without emitting twice."""
        self.steps.setCurrentRow(STEPS.index(step))
        later = STEPS[STEPS.index(step) + 1 :]
        self.next_button.setVisible(bool(later))
        if later:
            name = self.names[later[0]].split(None, 1)[1]
            self.next_button.setText(self.tr("Next: {0}").format(name))
            self.next_button.setToolTip(self.tr("Go on to the next step"))

    def current(self) -> str:
        """The step shown."""
        return STEPS[max(self.steps.currentRow(), 0)]

    def go_next(self) -> None:
        """Move on to the step after the one shown."""
        at = STEPS.index(self.current())
        if at + 1 < len(STEPS):
            self.step_chosen.emit(STEPS[at + 1])

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
    """The most urgent real deadline, as the rail shows it (once the dispute is under way,
    its next action); until the dates that date it are entered, which date to enter (a window
    counted from today is not a deadline yet)."""
    from evidence_kit.claim.deadlines import headline

    if case.events:  # the dispute is under way: its next action is what counts
        from evidence_kit.claim.dispute.next_action import compute

        act = compute(case)
        if act.due is None or act.days_left is None:
            return QCoreApplication.translate("StepRail", "Next: {0}").format(act.text)
        if act.days_left < 0 and act.kind != "last":
            return QCoreApplication.translate("StepRail", "Next (since {0}):\n{1}").format(
                language.show_date(act.due), act.text
            )
        warn = "⚠ " if act.days_left <= 3 and act.kind == "last" else ""
        left = (
            QCoreApplication.translate("StepRail", "{0} left").format(days_words(act.days_left))
            if act.days_left >= 0
            else QCoreApplication.translate("StepRail", "{0} late").format(
                days_words(act.days_left)
            )
        )
        return warn + QCoreApplication.translate("StepRail", "Next, by {0} ({1}):\n{2}").format(
            language.show_date(act.due), left, act.text
        )
    try:
        from evidence_kit.claim.draft import draft_claim

        deadlines = draft_claim(case).deadlines
    except Exception:  # claim rules missing facts: the rail just says what to fill in
        deadlines = []
    head = headline(case, deadlines)
    d = head.deadline
    name = translated(d.name) if d is not None else ""  # the Qt-free catalog's words
    if head.kind == "needs" or d is None:
        return QCoreApplication.translate(
            "StepRail", "Deadline: enter {0} (step 1) to see it."
        ).format(needs_words(head.needs))
    if head.kind == "estimate":  # an estimate is never "closed"
        return QCoreApplication.translate(
            "StepRail", "⚠ {0}: about {1}.\nEnter {2} to know it."
        ).format(name, language.show_date(d.date), needs_words(head.needs))
    if head.kind == "closed":
        return QCoreApplication.translate("StepRail", "⚠ {0}: closed {1} ago ({2})").format(
            name, days_words(-d.days_left), language.show_date(d.date)
        )
    text = QCoreApplication.translate("StepRail", "{0}:\n{1} left ({2})").format(
        name, days_words(d.days_left), language.show_date(d.date)
    )
    return ("⚠ " + text) if d.days_left <= 3 else text
