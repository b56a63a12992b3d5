"""Loads evidence-list thumbnails on the task runner and hands back QImages by item id.

The worker gets a ThumbRequest (paths and flags, read on the GUI thread), never the store.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from evidence_kit.core.model import Item
from evidence_kit.core.store import CaseStore
from evidence_kit.gui.base.tasks import TaskRunner


class ThumbLoader(QObject):
    """Caches thumbnails in memory; emits `loaded(item_id, image)` when one is ready."""

    loaded = Signal(str, QImage)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.cache: dict[str, QImage] = {}
        self._pending: set[str] = set()

    def get(self, store: CaseStore, item: Item) -> QImage | None:
        """The cached thumbnail, or None (and a load is started)."""
        from evidence_kit.media.image.item_thumbs import (
            render_thumbnail,
            thumb_request,
            thumbnail_path,
        )

        key = thumbnail_path(store, item).stem  # its look: content, marks and masks
        if key in self.cache:
            return self.cache[key]
        if key not in self._pending:
            self._pending.add(key)
            request, item_id = thumb_request(store, item), item.id

            def work(progress: object, cancel: object) -> QImage:
                path = render_thumbnail(request)
                return QImage(str(path)) if path else QImage()

            self.runner.start(
                self.tr("Thumbnail"),
                work,
                on_done=lambda image: self._loaded(key, item_id, image),
                # a thumbnail is decoration: a failure just leaves the kind icon
                on_error=lambda exc: self._pending.discard(key),
                quiet=True,
            )
        return None

    def _loaded(self, key: str, item_id: str, image: QImage) -> None:
        self._pending.discard(key)
        self.cache[key] = image
        self.loaded.emit(item_id, image)
