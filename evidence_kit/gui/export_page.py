"""The export step: platform, upload pack preview, bundle and PDF (issue 7).

Placeholder until its issue lands.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from evidence_kit.gui.case_controller import CaseController
from evidence_kit.gui.tasks import TaskRunner


class ExportPage(QWidget):
    """A step page. Contract: __init__(controller, runner), refresh()."""

    def __init__(self, controller: CaseController, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runner = runner
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Coming soon."), self))

    def refresh(self) -> None:
        """Re-read the case."""
