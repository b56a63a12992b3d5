"""The recorder window: camera preview, one continuous take, checklist (issue 4).

Placeholder until its issue lands.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from evidence_kit.gui.case_controller import CaseController
from evidence_kit.gui.tasks import TaskRunner


class RecorderWindow(QDialog):
    """Contract: RecorderWindow(controller, runner, parent).exec(); adds the take to the case."""

    def __init__(self, controller: CaseController, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runner = runner
        self.setWindowTitle(self.tr("Record the unboxing"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Recording is not available yet. Use Import instead."), self))
