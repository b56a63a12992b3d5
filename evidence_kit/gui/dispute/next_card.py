"""The next-action card: what to do now, why, and how many days are left; and the open
deadlines under it, each with its source."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from evidence_kit.claim.dispute.next_action import NextAction
from evidence_kit.claim.dispute.timeline import DisputeDeadline
from evidence_kit.gui.base import language, theme
from evidence_kit.gui.base.plural import english_plural
from evidence_kit.gui.base.sources import explain_links, source_link
from evidence_kit.gui.dispute import labels


class NextActionCard(QFrame):
    """One card: the action, the reason, the days left; a button opens the fitting draft."""

    draft_requested = Signal(str)  # message kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextAction")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        theme.set_role(self, "card")
        self.heading = QLabel(self.tr("<b>Next</b>"), self)
        self.days = QLabel(self)
        self.days.setObjectName("daysLeft")
        theme.set_role(self.days, "heading")
        self.text = QLabel(self)
        self.text.setObjectName("nextText")
        self.text.setWordWrap(True)
        theme.set_role(self.text, "big")
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        theme.set_role(self.why, "hint")
        self.draft_button = QPushButton(self)
        self._message = ""
        self.draft_button.clicked.connect(lambda: self.draft_requested.emit(self._message))
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.days)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addWidget(self.why)
        row = QHBoxLayout()
        row.addWidget(self.draft_button)
        row.addStretch(1)
        layout.addLayout(row)

    def show_action(self, act: NextAction) -> None:
        self.text.setText(act.text)
        self.why.setText(act.why)
        self.why.setVisible(bool(act.why))
        if act.days_left is None:
            self.days.setText(self.tr("✓ done") if act.done else "")
            theme.set_role(self.days, "heading")
        else:
            if act.days_left < 0 and act.kind == "last":
                words = self.tr("%n day(s) late", "", -act.days_left)
            elif act.days_left < 0:  # the other side's time is up: the shopper may act
                words = self.tr("passed %n day(s) ago", "", -act.days_left)
            elif act.kind == "earliest":
                words = self.tr("from %n day(s) on", "", act.days_left)
            else:
                words = self.tr("%n day(s) left", "", act.days_left)
            words = english_plural(words, act.days_left)  # "1 day", "5 days" without a catalog
            urgent = act.days_left <= 3 and act.kind == "last"
            colour = "bad" if urgent else ("warn" if act.days_left < 0 else "ok")
            self.days.setText(f"{words}\n{language.show_date(act.due)}")
            theme.set_role(self.days, f"due-{colour}")
        self._message = act.message
        title = labels.message_kinds().get(act.message, "")
        self.draft_button.setText(self.tr("Open the draft: {0}").format(title))
        self.draft_button.setVisible(bool(act.message))


class DeadlineList(QWidget):
    """The open deadlines, soonest first, each with its source and confidence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("<b>Open deadlines</b>"), self)
        self.body = QLabel(self)
        self.body.setObjectName("deadlines")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        explain_links(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.body)

    def show_deadlines(self, deadlines: list[DisputeDeadline]) -> None:
        if not deadlines:
            self.body.setText(self.tr("None running."))
            return
        rows = []
        hint = theme.css("hint")
        for d in deadlines:
            source = source_link((d.source, d.confidence))
            late = d.days_left < 0
            # rich text has no CSS inheritance: a cell not in red gets the palette's text colour
            soon = late or d.days_left <= 3
            colour = theme.css("bad") if soon else theme.palette().windowText().color().name()
            day = language.show_date(d.date)
            when = self.tr("from {0}").format(day) if d.kind == "earliest" else day
            left = self.tr("%n day(s) ago", "", -d.days_left) if late else self.tr("%n day(s)", "", d.days_left)  # fmt: skip
            left = english_plural(left, d.days_left)
            rows.append(
                f"<tr><td style='padding-right:8px; color:{colour}'><b>{when}</b></td>"
                f"<td style='padding-right:8px; color:{colour}'>{left}</td>"
                f"<td>{_escape(d.name)}<br/><span style='color:{hint}'>{_escape(d.basis)} · {source}</span></td></tr>"  # fmt: skip
            )
        self.body.setText("<table>" + "".join(rows) + "</table>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
