"""The case screen: step rail, evidence list, and the pane for the chosen step or item.

On the Claim and Export steps the list gives way to a compact strip of the same evidence,
so the exhibits stay in view (DESIGN §9).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.core.settings import Settings, update_settings
from evidence_kit.gui.annotate.editor import AnnotationEditor
from evidence_kit.gui.base import icons, theme
from evidence_kit.gui.base.case_controller import CaseController
from evidence_kit.gui.base.page_stack import PageStack
from evidence_kit.gui.base.tasks import TaskRunner
from evidence_kit.gui.claim.page import ClaimPage
from evidence_kit.gui.dispute.page import DisputePage
from evidence_kit.gui.export.page import ExportPage
from evidence_kit.gui.facts.form import FactsForm
from evidence_kit.gui.shell.evidence_list import EvidenceList
from evidence_kit.gui.shell.evidence_strip import EvidenceStrip
from evidence_kit.gui.shell.step_rail import StepRail
from evidence_kit.gui.shell.thumb_loader import ThumbLoader
from evidence_kit.gui.video.panel import VideoPanel


class CaseView(QWidget):
    """Composes the panes for one open case. Behaviour lives in the controllers."""

    def __init__(
        self,
        controller: CaseController,
        runner: TaskRunner,
        thumbs: ThumbLoader,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.rail = StepRail(self)
        self.list = EvidenceList(thumbs, self)
        self.import_button = QPushButton(icons.icon("image-plus"), self.tr("Import…"), self)
        self.record_button = QPushButton(icons.icon("video"), self.tr("Record…"), self)
        self.import_button.setToolTip(
            icons.tip(self.tr("Add photos, videos, screenshots or PDFs"), "Ctrl+I")
        )
        self.record_button.setToolTip(
            icons.tip(self.tr("Record the unboxing with the camera"), "Ctrl+R")
        )
        hint = QLabel(self.tr("Evidence — drop files here"), self)
        hint.setWordWrap(True)  # the Russian words are wider than the list
        theme.set_role(hint, "strong")
        middle = QWidget(self)
        mid_layout = QVBoxLayout(middle)
        mid_layout.setContentsMargins(0, 0, 0, 0)
        mid_layout.addWidget(hint)
        mid_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.import_button)
        mid_layout.addLayout(buttons)

        self.facts = FactsForm(controller, self)
        self.video = VideoPanel(controller, runner, settings, self)
        self.editor = AnnotationEditor(controller, runner, self)
        self.empty = QLabel(self)
        self.empty.setObjectName("emptyPane")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.set_role(self.empty, "emptyHint")
        self.document = QLabel(self)
        self.document.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.document.setWordWrap(True)
        self.right = PageStack(self)  # each pane asks for its own width only
        for w in (self.empty, self.facts, self.video, self.editor, self.document):
            self.right.addWidget(w)

        self.evidence_split = QSplitter(self)
        self.evidence_split.addWidget(middle)
        self.evidence_split.addWidget(self.right)
        self.evidence_split.setStretchFactor(1, 2)
        self.evidence_split.setSizes([340, 760])

        self.claim = ClaimPage(controller, runner, self)
        self._remember_backend(settings)
        self.export = ExportPage(controller, runner, self)
        self.pages = PageStack(self)
        self.pages.addWidget(self.evidence_split)
        self.pages.addWidget(self.claim)
        self.pages.addWidget(self.export)
        self.dispute = DisputePage(controller, runner, self)
        self.pages.addWidget(self.dispute)
        # Ctrl+1 ... Ctrl+5 are the main window's View menu: one shortcut per key

        self.strip = EvidenceStrip(thumbs, self)
        self.strip.picked.connect(controller.select)
        self.strip.open_requested.connect(self.open_item)
        self.strip_box = QWidget(self)
        strip_layout = QVBoxLayout(self.strip_box)
        strip_layout.setContentsMargins(0, 0, 0, 0)
        strip_title = QLabel(self.tr("Evidence"), self.strip_box)
        strip_title.setToolTip(self.tr("Double-click an exhibit to open it"))
        theme.set_role(strip_title, "strong")
        strip_layout.addWidget(strip_title)
        strip_layout.addWidget(self.strip, 1)
        self.strip_box.setVisible(False)

        layout = QHBoxLayout(self)
        layout.addWidget(self.rail)
        layout.addWidget(self.strip_box)
        layout.addWidget(self.pages, 1)

        self.rail.step_chosen.connect(self.show_step)
        self.list.current_item_changed.connect(controller.select)
        controller.selection_changed.connect(self._on_selection)
        controller.case_changed.connect(self.refresh)
        self.refresh()
        self.show_step("evidence" if controller.case.items else "facts")

    def _remember_backend(self, settings: Settings) -> None:
        """The translation service the shopper picked is the one offered next time."""
        combo = self.claim.flow.backend
        combo.setCurrentIndex(max(combo.findData(settings.translation_backend), 0))
        combo.currentIndexChanged.connect(
            lambda _i: update_settings(settings, translation_backend=combo.currentData())
        )

    def show_step(self, step: str) -> None:
        """Switch to a step: facts and evidence share the list; claim and export have pages,
        with the evidence as a strip beside them."""
        self.rail.select(step)
        self.strip_box.setVisible(step not in ("facts", "evidence"))
        if self.strip_box.isVisible():
            self.strip.show_case(self.controller.store, self.controller.selected_id)
        if step == "claim":
            self.claim.refresh()
            self.pages.setCurrentWidget(self.claim)
        elif step == "export":
            self.export.refresh()
            self.pages.setCurrentWidget(self.export)
        elif step == "dispute":
            self.pages.setCurrentWidget(self.dispute)  # it refreshes itself when shown
        else:
            self.pages.setCurrentWidget(self.evidence_split)
            if step == "facts":
                self.right.setCurrentWidget(self.facts)
            else:
                items = self.controller.case.items
                if not self.controller.selected_id and items:
                    self.controller.select(items[0].id)  # shows it, through _on_selection
                else:
                    self._on_selection(self.controller.selected_id)

    def open_item(self, item_id: str) -> None:
        """Show one exhibit in the Evidence step (a double click in the strip)."""
        self.controller.select(item_id)
        self.show_step("evidence")

    def refresh(self) -> None:
        """Re-read the case after any edit, undo or redo."""
        self.list.show_case(self.controller.store, self.controller.selected_id)
        self.strip.show_case(self.controller.store, self.controller.selected_id)
        self.rail.update_status(self.controller.case)
        self.empty.setText(
            self.tr("Pick an item in the list to see it here.")
            if self.controller.case.items
            else self.tr(
                "Import the unboxing video and photos, or record a new take.\n\n"
                "You can also drop files on the list."
            )
        )
        if (
            self.controller.selected_id
            and self.controller.item(self.controller.selected_id) is None
        ):
            self.controller.select("")

    def _on_selection(self, item_id: str) -> None:
        item = self.controller.item(item_id) if item_id else None
        if self.pages.currentWidget() is not self.evidence_split:
            return
        if item is None:
            if self.right.currentWidget() is not self.facts:
                self.right.setCurrentWidget(self.empty)
            return
        if self.rail.steps.currentRow() != 1:
            self.rail.select("evidence")
        if self.list.current_id() != item_id:
            self.list.show_case(self.controller.store, item_id)
        if item.is_video:
            self.video.show_item(item_id)
            self.right.setCurrentWidget(self.video)
        elif item.is_pdf:
            self.document.setText(
                self.tr("{0}\n\nPDF document · {1} bytes\nSHA-256 {2}").format(
                    item.title, item.bytes, item.sha256
                )
            )
            self.right.setCurrentWidget(self.document)
        else:
            self.editor.show_item(item_id)
            self.right.setCurrentWidget(self.editor)
