"""The annotation editor for photos, frames and screenshots (issue 5).

Placeholder until its issue lands: shows the item's title.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from evidence_kit.gui.case_controller import CaseController
from evidence_kit.gui.tasks import TaskRunner


class AnnotationEditor(QWidget):
    """Right-pane editor for one item. Contract: __init__(controller, runner), show_item(id)."""

    def __init__(self, controller: CaseController, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runner = runner
        self.item_id = ""
        self._label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)

    def show_item(self, item_id: str) -> None:
        """Show the item with this id."""
        self.item_id = item_id
        item = self.controller.item(item_id)
        self._label.setText(item.title if item else "")
