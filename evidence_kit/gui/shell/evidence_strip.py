"""The evidence as a compact strip beside the Claim, Export and Dispute pages: each exhibit's
thumbnail and number, in exhibit order, so the claim's "E3" can be matched at a glance.

A click picks the item; a double click (or Enter) opens it in the Evidence step.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from evidence_kit.core.model import exhibit_numbers
from evidence_kit.core.store import CaseStore
from evidence_kit.gui.shell.evidence_list import ID_ROLE, kind_icon
from evidence_kit.gui.shell.thumb_loader import ThumbLoader

WIDTH = 96


class EvidenceStrip(QListWidget):
    """Thumbnails and exhibit numbers; emits intents, never edits the case."""

    picked = Signal(str)  # item id
    open_requested = Signal(str)  # item id

    def __init__(self, thumbs: ThumbLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbs = thumbs
        self.store: CaseStore | None = None
        self.setObjectName("evidenceStrip")
        self.setAccessibleName(self.tr("Evidence"))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(56, 56))
        self.setGridSize(QSize(WIDTH - 12, 80))
        self.setFixedWidth(WIDTH)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(False)
        self.itemClicked.connect(lambda row: self.picked.emit(row.data(ID_ROLE)))
        self.itemActivated.connect(lambda row: self.open_requested.emit(row.data(ID_ROLE)))
        thumbs.loaded.connect(self._on_thumb)

    def show_case(self, store: CaseStore, selected: str = "") -> None:
        """Rebuild from the case, in exhibit order; items left out of the export say so."""
        self.store = store
        numbers = exhibit_numbers(store.case)
        self.blockSignals(True)
        self.clear()
        for item in store.case.items:
            number = numbers.get(item.id, "")
            row = QListWidgetItem(number or self.tr("not sent"))
            row.setData(ID_ROLE, item.id)
            title = item.title or item.original_name or item.id
            shows = item.shows or self.tr("what it shows is not said yet")
            row.setToolTip(f"{number or '—'}  {title}\n{shows}")
            row.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            image = self.thumbs.get(store, item)
            row.setIcon(kind_icon(item, image))
            self.addItem(row)
            if item.id == selected:
                self.setCurrentItem(row)
        self.blockSignals(False)
        if self.currentItem() is not None:
            self.scrollToItem(self.currentItem())

    def _on_thumb(self, item_id: str, image: QImage) -> None:
        item = self.store.case.find(item_id) if self.store else None
        if item is None:
            return
        for n in range(self.count()):
            if self.item(n).data(ID_ROLE) == item_id:
                self.item(n).setIcon(kind_icon(item, image))

    def ids(self) -> list[str]:
        return [self.item(n).data(ID_ROLE) for n in range(self.count())]
