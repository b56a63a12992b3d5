"""The evidence list: exhibits in order, with thumbnail, kind, title, time and short hash.

Drag rows to reorder; drop files from the desktop to import them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QImage
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from evidence_kit.core.model import Case, Item, ItemKind, exhibit_numbers
from evidence_kit.core.store import CaseStore
from evidence_kit.core.timecode import format_time
from evidence_kit.gui.base import icons
from evidence_kit.gui.base.plural import english_plural
from evidence_kit.gui.base.qt_image import boxed_pixmap
from evidence_kit.gui.shell.thumb_loader import ThumbLoader

ID_ROLE = Qt.ItemDataRole.UserRole


class RowWords(QObject):
    """The words of an evidence row. A class, so that `self.tr` puts them in one context that
    pyside6-lupdate extracts (a `_tr(text)` wrapper hides the literals from it, and lupdate
    drops plurals given to `QCoreApplication.translate`)."""

    def kind(self, kind: str) -> str:
        """An item's kind in the shopper's language."""
        words: dict[str, str] = {
            ItemKind.VIDEO: self.tr("video"), ItemKind.PHOTO: self.tr("photo"),
            ItemKind.FRAME: self.tr("still from the video"), ItemKind.CLIP: self.tr("clip"),
            ItemKind.DOCUMENT: self.tr("document"),
        }  # fmt: skip
        return words.get(kind, kind)

    def describe(self, item: Item, number: str) -> tuple[str, str]:
        """'E1  Title' over what it shows, and 'kind · time · hash'."""
        title = item.title or item.original_name or item.id
        shows = item.shows or self.tr("what it shows: not said yet (Shift+F2)")
        first = f"{number or '—'}   {title}\n{shows}"
        bits: list[str] = [self.kind(item.kind)]
        if item.kind == ItemKind.FRAME and item.pts_s is not None:
            bits.append(self.tr("at {0}").format(format_time(item.pts_s)))
        if item.kind == ItemKind.CLIP and item.pts_s is not None and item.end_s is not None:
            bits.append(f"{format_time(item.pts_s, False)}–{format_time(item.end_s, False)}")
        duration = item.meta.get("duration_s")
        if item.kind == ItemKind.VIDEO and duration:
            bits.append(format_time(float(duration), False))
        if item.captured_at:
            bits.append(item.captured_at.replace("T", " ")[:16])
        bits.append(item.sha256[:10] + "…")
        if item.annotations:
            count = len(item.annotations)
            bits.append(english_plural(self.tr("%n mark(s)", "", count), count))
        if not item.include:
            bits.append(self.tr("not exported"))
        return first, " · ".join(bits)


_WORDS = RowWords()


def kind_words(kind: str) -> str:
    """An item's kind in the shopper's language."""
    return _WORDS.kind(kind)


def describe(item: Item, number: str) -> tuple[str, str]:
    """Display lines for an item: 'E1  Title', what it shows, and 'kind · time · hash'."""
    return _WORDS.describe(item, number)


def kind_icon(item: Item, image: QImage | None) -> QIcon:
    """The item's thumbnail, or an icon for its kind until the thumbnail is made."""
    if image is not None and not image.isNull():
        side = max(image.width(), image.height())  # square: portrait rows line up
        return QIcon(boxed_pixmap(image, QSize(side, side)))
    kinds = {
        ItemKind.VIDEO: "file-video",
        ItemKind.CLIP: "scissors",
        ItemKind.DOCUMENT: "file-text",
    }
    return icons.icon(kinds.get(item.kind, "file-image"))


class EvidenceList(QListWidget):
    """Shows a case's items; emits intents, never edits the case itself."""

    files_dropped = Signal(list)  # list[Path]
    item_moved = Signal(str, int)  # item id, new index
    current_item_changed = Signal(str)

    def __init__(self, thumbs: ThumbLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbs = thumbs
        self.store: CaseStore | None = None
        self.setObjectName("evidenceList")
        self.setIconSize(QSize(72, 72))
        self.setSpacing(2)
        self.setUniformItemSizes(True)
        self.setAcceptDrops(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.currentItemChanged.connect(
            lambda cur, _prev: self.current_item_changed.emit(cur.data(ID_ROLE) if cur else "")
        )
        thumbs.loaded.connect(self._on_thumb)

    # --- content ---------------------------------------------------------------------------

    def show_case(self, store: CaseStore, select: str = "") -> None:
        """Rebuild the rows from the case, keeping the selection."""
        self.store = store
        case: Case = store.case
        keep = select or self.current_id()
        numbers = exhibit_numbers(case)
        self.blockSignals(True)
        self.clear()
        for item in case.items:
            first, second = describe(item, numbers.get(item.id, ""))
            row = QListWidgetItem(f"{first}\n{second}")
            row.setData(ID_ROLE, item.id)
            says = item.shows or self.tr("not said yet (Shift+F2)")
            tip = self.tr("Shows: {0}\nFingerprint (SHA-256): {1}\nFile: {2}")
            row.setToolTip(tip.format(says, item.sha256, item.file))
            row.setSizeHint(QSize(0, 84))
            image = self.thumbs.get(store, item)
            row.setIcon(kind_icon(item, image))
            self.addItem(row)
            if item.id == keep:
                self.setCurrentItem(row)
        self.blockSignals(False)
        if self.currentItem() is not None:
            self.scrollToItem(self.currentItem())  # a new exhibit is picked: show it

    def _on_thumb(self, item_id: str, image: QImage) -> None:
        if self.store is None:
            return
        item = self.store.case.find(item_id)
        if item is None:
            return
        for n in range(self.count()):
            row = self.item(n)
            if row.data(ID_ROLE) == item_id:
                row.setIcon(kind_icon(item, image))

    def current_id(self) -> str:
        row = self.currentItem()
        return row.data(ID_ROLE) if row else ""

    def selected_ids(self) -> list[str]:
        return [row.data(ID_ROLE) for row in self.selectedItems()]

    # --- drag and drop -----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if event.mimeData().hasUrls():
            paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            event.acceptProposedAction()
            if paths:
                self.files_dropped.emit(paths)
            return
        moving = self.current_id()
        target = self.indexAt(event.position().toPoint()).row()
        event.ignore()  # the case, not the widget, owns the order: rebuild after the edit
        if moving and target >= 0:
            self.item_moved.emit(moving, target)
