"""Status-bar widget: what is running, a progress bar and a Cancel button (quiet tasks and
previews are not shown)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from evidence_kit.gui.base.tasks import Task, TaskRunner


class TaskStatus(QWidget):
    """Shows the newest running task; hidden when nothing runs."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.current: Task | None = None
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self._on_cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        runner.task_started.connect(self._on_started)
        runner.task_ended.connect(self._on_ended)
        self.hide()

    def _on_started(self, task: Task) -> None:
        self.current = task
        self.label.setText(task.label)
        self.bar.setValue(0)
        task.signals.progress.connect(self._on_progress)
        self.show()

    def _on_progress(self, fraction: float, message: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        if message:
            self.label.setText(message)

    def _on_ended(self, task: Task) -> None:
        if task is self.current:
            shown = [t for t in self.runner.tasks if not t.quiet]
            self.current = shown[-1] if shown else None
        if self.current is None:
            self.hide()
        else:
            self.label.setText(self.current.label)

    def _on_cancel(self) -> None:
        if self.current is not None:
            self.current.cancel()
            self.label.setText(self.tr("Cancelling…"))
